import * as React from "react";
import { render, screen } from "@testing-library/react";
import { createLightTheme, webDarkTheme, webLightTheme } from "@fluentui/tokens";
import { GREEN_BRAND } from "../fixtures/brand";
import { themeFromTokens, type IDesignTokens } from "../../EmailProfileValidator/components/theme";
import { EmailProfileValidatorControl } from "../../EmailProfileValidator/components/EmailProfileValidatorControl";
import { controlProps } from "./renderControl";

const tokens = (theme: object): IDesignTokens["tokenTheme"] => theme as IDesignTokens["tokenTheme"];

describe("the new look: a Fluent 8 theme from the platform's Fluent 2 tokens", () => {
  it("takes Fluent 2's light colours, font and corner radius", () => {
    const theme = themeFromTokens({ tokenTheme: tokens(webLightTheme) });
    expect(theme.palette.themePrimary).toBe(webLightTheme.colorBrandBackground);
    expect(theme.semanticColors.bodyBackground).toBe(webLightTheme.colorNeutralBackground1);
    expect(theme.semanticColors.inputFocusBorderAlt).toBe(webLightTheme.colorCompoundBrandStroke);
    expect(theme.semanticColors.errorText).toBe(webLightTheme.colorPaletteRedForeground1);
    expect(theme.semanticColors.errorBackground).toBe(webLightTheme.colorStatusDangerBackground1);
    expect(theme.fonts.medium.fontFamily).toBe(webLightTheme.fontFamilyBase);
    expect(theme.effects.roundedCorner2).toBe(webLightTheme.borderRadiusMedium);
    expect(theme.isInverted).toBe(false);
  });

  it("goes dark with the dark tokens", () => {
    const theme = themeFromTokens({ tokenTheme: tokens(webDarkTheme), isDarkTheme: true });
    expect(theme.isInverted).toBe(true);
    expect(theme.semanticColors.bodyBackground).toBe(webDarkTheme.colorNeutralBackground1);
    expect(theme.semanticColors.bodyText).toBe(webDarkTheme.colorNeutralForeground1);
    expect(theme.semanticColors.inputText).toBe(webDarkTheme.colorNeutralForeground1);
  });

  it("follows a custom brand colour", () => {
    const brand = createLightTheme(GREEN_BRAND);
    const theme = themeFromTokens({ tokenTheme: tokens(brand) });
    expect(theme.semanticColors.primaryButtonBackground).toBe(GREEN_BRAND[80]);
    expect(theme.semanticColors.link).toBe(brand.colorBrandForegroundLink);
  });

  it("keeps Fluent 8's own value for any token the platform leaves out", () => {
    const theme = themeFromTokens({ tokenTheme: { colorBrandBackground: "#123456" } });
    expect(theme.palette.themePrimary).toBe("#123456");
    expect(theme.semanticColors.bodyText).toBe(themeFromTokens({ tokenTheme: {} }).semanticColors.bodyText);
  });
});

describe("the control in each look", () => {
  it("draws the classic look with no tokens: no theme wrapper at all", () => {
    const { container } = render(<EmailProfileValidatorControl {...controlProps({ value: "contoso\\jdoe" })} />);
    expect(container.firstElementChild).toHaveClass("email-profile-validator");
  });

  it("wraps itself in the tokens' theme in the new look, dark included", () => {
    const { container } = render(
      <EmailProfileValidatorControl {...controlProps({ value: "contoso\\jdoe", design: { tokenTheme: tokens(webDarkTheme), isDarkTheme: true } })} />,
    );
    expect(container.firstElementChild).not.toHaveClass("email-profile-validator");
    expect(container.querySelector(".email-profile-validator")).not.toBeNull();
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
  });
});

describe("tokens are data, never style sheet text", () => {
  const HOSTILE = "red;background-image:url(https://attacker.example/pixel)";
  const hostileTokens = {
    ...webLightTheme,
    colorBrandBackground: HOSTILE,
    colorNeutralBackground1: "#fff}body{background:url(//x.example/a)",
    colorNeutralForeground1: "expression(alert(1))",
    borderRadiusMedium: "4px;background:url(//x.example/b)",
    borderRadiusLarge: "calc(1px + url(//x))",
    fontFamilyBase: "Segoe UI;background:url(//x.example/c)",
  };

  it("a token that is not a colour, a length or a font list falls back as a missing token does", () => {
    const theme = themeFromTokens({ tokenTheme: tokens(hostileTokens) });
    const classic = themeFromTokens({ tokenTheme: {} });
    expect(theme.palette.themePrimary).toBe(classic.palette.themePrimary);
    expect(theme.semanticColors.bodyBackground).toBe(classic.semanticColors.bodyBackground);
    expect(theme.semanticColors.bodyText).toBe(classic.semanticColors.bodyText);
    expect(theme.effects.roundedCorner2).toBe(classic.effects.roundedCorner2);
    expect(theme.fonts.medium.fontFamily).toBe(classic.fonts.medium.fontFamily);
    expect(JSON.stringify(theme)).not.toContain("url(");
  });

  it("real token values still pass: hex, rgba, a font list with parentheses, pixel radii", () => {
    const theme = themeFromTokens({ tokenTheme: tokens({ ...webDarkTheme, colorNeutralBackground1: "rgba(26, 26, 26, 0.5)" }) });
    expect(theme.semanticColors.bodyBackground).toBe("rgba(26, 26, 26, 0.5)");
    expect(theme.fonts.medium.fontFamily).toBe(webDarkTheme.fontFamilyBase);
    expect(theme.effects.roundedCorner2).toBe(webDarkTheme.borderRadiusMedium);
  });

  it("the rendered control's style sheets hold no URL from a token", () => {
    render(<EmailProfileValidatorControl {...controlProps({ value: "contoso\\jdoe", design: { tokenTheme: tokens(hostileTokens) } })} />);
    const css = Array.from(document.querySelectorAll("style"))
      .map((style) => style.textContent ?? "")
      .join("\n");
    const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText));
    expect([css, ...rules].join("\n")).not.toMatch(/attacker|x\.example/);
  });
});
