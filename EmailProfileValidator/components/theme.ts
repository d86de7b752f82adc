import { createTheme, type IPalette, type ISemanticColors, type ITheme } from "@fluentui/react";

/** The platform's new look (Fluent 2) as the control needs it: the token theme and whether it is dark. */
export interface IDesignTokens {
  /** Fluent 2 design tokens by name (colorBrandBackground, fontFamilyBase, borderRadiusMedium …). */
  tokenTheme: Readonly<Record<string, string | number | undefined>>;
  isDarkTheme?: boolean;
}

type TokenReader = (name: string) => string | undefined;

/**
 * What may reach a style sheet from a token: a colour, a length, a font list. Anything else (`red;background-image:
 * url(…)` would add a declaration and fetch a URL) falls back as a missing token does. Patterns are anchored and
 * made of single character classes, so they cannot back-track.
 */
const COLOR = /^(?:#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([0-9.,%\s/+-]{1,64}\)|[a-zA-Z]{3,32})$/;
const LENGTH = /^(?:0|\d{1,4}(?:\.\d{1,4})?(?:px|rem|em|%))$/;
const FONT_LIST = /^[\w\s"',.()-]{1,300}$/;
/** A font list is names; "(West European)" is fine, a function call is not. */
const FONT_FAMILY = { test: (value: string): boolean => FONT_LIST.test(value) && !/[a-z-]\(/i.test(value) };

const tokenReader =
  (tokens: IDesignTokens["tokenTheme"], kind: Pick<RegExp, "test">): TokenReader =>
  (name) => {
    const value = tokens[name];
    return typeof value === "string" && kind.test(value.trim()) ? value.trim() : undefined;
  };

/** Which Fluent 2 token fills which Fluent 8 slots; the slot names are checked by the compiler against Fluent 8's own types. */
type SlotTable<T> = readonly (readonly [token: string, slots: readonly (keyof T & string)[]])[];

/** Palette slots first, then semantic colours. */
const PALETTE: SlotTable<IPalette> = [
  ["colorBrandBackground", ["themePrimary"]],
  ["colorBrandBackgroundHover", ["themeDarkAlt"]],
  ["colorBrandBackgroundPressed", ["themeDark"]],
  ["colorNeutralBackground1", ["white"]],
  ["colorNeutralBackground3", ["neutralLighter"]],
  ["colorNeutralForeground1", ["neutralPrimary", "black"]],
  ["colorNeutralForeground2", ["neutralSecondary"]],
  ["colorNeutralForeground4", ["neutralTertiary"]],
];
/** Fluent 2's input, button, link and status tokens on the Fluent 8 slots the field and its advice draw with. */
const SEMANTIC_COLORS: SlotTable<ISemanticColors> = [
  ["colorNeutralBackground1", ["bodyBackground", "inputBackground", "buttonBackground", "menuBackground"]],
  ["colorNeutralForeground1", ["bodyText", "inputText", "messageText", "buttonText", "buttonTextHovered", "menuItemText"]],
  ["colorNeutralForeground2", ["bodySubtext", "infoIcon"]],
  ["colorNeutralForeground4", ["inputPlaceholderText"]],
  ["colorNeutralStrokeAccessible", ["inputBorder"]],
  ["colorNeutralStroke1Hover", ["inputBorderHovered"]],
  ["colorNeutralStroke1", ["buttonBorder"]],
  ["colorCompoundBrandStroke", ["inputFocusBorderAlt"]],
  ["colorStrokeFocus2", ["focusBorder"]],
  ["colorPaletteRedForeground1", ["errorText"]],
  ["colorBrandForegroundLink", ["link", "messageLink"]],
  ["colorBrandForegroundLinkHover", ["linkHovered", "messageLinkHovered"]],
  ["colorStatusDangerBackground1", ["errorBackground"]],
  ["colorStatusDangerForeground1", ["errorIcon"]],
  ["colorStatusWarningBackground1", ["warningBackground"]],
  ["colorStatusWarningForeground3", ["warningIcon"]],
  ["colorStatusSuccessBackground1", ["successBackground"]],
  ["colorStatusSuccessForeground1", ["successIcon"]],
  ["colorNeutralBackground3", ["infoBackground"]],
  ["colorBrandBackground", ["primaryButtonBackground"]],
  ["colorBrandBackgroundHover", ["primaryButtonBackgroundHovered"]],
  ["colorBrandBackgroundPressed", ["primaryButtonBackgroundPressed"]],
  ["colorNeutralForegroundOnBrand", ["primaryButtonText", "primaryButtonTextHovered", "primaryButtonTextPressed"]],
  ["colorNeutralBackground1Hover", ["buttonBackgroundHovered", "menuItemBackgroundHovered"]],
  ["colorNeutralBackgroundDisabled", ["disabledBackground"]],
  ["colorNeutralForegroundDisabled", ["disabledText"]],
];

/** Only the slots the tokens fill: createTheme derives every other one, as Fluent 8 does for its own themes. */
function slotsFrom<T>(table: SlotTable<T>, token: TokenReader): Partial<Record<keyof T & string, string>> {
  const slots: Partial<Record<keyof T & string, string>> = {};
  for (const [name, targets] of table) {
    const value = token(name);
    if (value !== undefined) for (const slot of targets) slots[slot] = value;
  }
  return slots;
}

/**
 * A Fluent 8 theme that follows the platform's Fluent 2 tokens: colours, font, corner radius, focus and
 * error colours, dark included. A small mapping of our own: Microsoft's converters bring Fluent 9 or a
 * newer Fluent 8 into the bundle (measured in the README).
 */
export function themeFromTokens(design: IDesignTokens): ITheme {
  const token = tokenReader(design.tokenTheme, COLOR);
  const length = tokenReader(design.tokenTheme, LENGTH);
  const fontFamily = tokenReader(design.tokenTheme, FONT_FAMILY)("fontFamilyBase");
  const radius = length("borderRadiusMedium");
  return createTheme({
    palette: slotsFrom<IPalette>(PALETTE, token),
    semanticColors: slotsFrom<ISemanticColors>(SEMANTIC_COLORS, token),
    isInverted: design.isDarkTheme === true,
    // Left out, not undefined, when a token is missing: createTheme would take undefined as "no effects at all".
    ...(fontFamily ? { defaultFontStyle: { fontFamily } } : {}),
    ...(radius ? { effects: { roundedCorner2: radius, roundedCorner4: length("borderRadiusLarge") ?? radius } } : {}),
  });
}
