import * as React from "react";
import {
  MessageBar,
  MessageBarButton,
  MessageBarType,
  Stack,
  TextField,
  ThemeProvider,
  getId,
  hiddenContentStyle,
  mergeStyles,
  type ITextField,
  type ITextFieldStyleProps,
  type ITextFieldStyles,
} from "@fluentui/react";
import { AdviceBar } from "./AdviceBar";
import type { IControlSettings } from "../advice/configuration";
import { useSettledValue, useTouched } from "./hooks";
import { useAdvice } from "./useAdvice";
import { describeAdvice } from "../advice/messages";
import type { Translate } from "../advice/strings";
import { themeFromTokens, type IDesignTokens } from "./theme";
import type { IDirectory } from "../directory";
import type { IProfileHealth } from "../health";
import { HealthSection } from "./HealthSection";

/** Incomplete-input advice waits this long after the last keystroke. */
export const ADVICE_DELAY_MS = 800;
/** What a secured field shows to someone who may not read it. */
export const MASK = "********";

export interface IEmailProfileValidatorProps {
  /** The bound value as the platform has it. */
  value: string;
  /** Changes whenever the platform pushes a value of its own (record refresh, form script). */
  valueRevision: number;
  /** The field's accessible name. */
  label: string;
  maxLength: number;
  readOnly: boolean;
  /** A record not saved yet: its empty required field is not an error until the field is touched. */
  isNewRecord?: boolean;
  /** Field security hides the value from this user. */
  masked: boolean;
  settings: IControlSettings;
  /** The profile's Last Test Request, Last Test Response and Last CRM Message columns, where the form binds them. */
  lastTestRequest?: string | null;
  lastTestResponse?: string | null;
  lastTestMessage?: string | null;
  /** The new look's Fluent 2 tokens when the app uses it; absent for the classic look. */
  design?: IDesignTokens;
  /** Absent when look-ups are off or the host has no Web API. */
  directory?: IDirectory;
  translate: Translate;
  onValueChange: (value: string) => void;
  /** The profile's mailboxes and alerts (SPEC §8), where the form shows them: a saved record, the incoming field. */
  health?: IHealthProps;
}

export interface IHealthProps {
  reader: IProfileHealth;
  recordId: string;
  openMailbox: (id: string) => void;
}

/** Lets tests and form scripts find the control's root. */
const ROOT_CLASS_NAME = "email-profile-validator";
/** Form fields read left to right whatever the host page's own alignment. */
const rootClass = mergeStyles(ROOT_CLASS_NAME, { textAlign: "start" });

const liveRegionClass = mergeStyles(hiddenContentStyle);

/** Announces text politely, and only when it changes, so an unchanged verdict is not read again per keystroke. */
function LiveRegion({ id, text }: { id: string; text: string }): React.ReactElement {
  return (
    <div id={id} role="status" aria-live="polite" className={liveRegionClass}>
      {text}
    </div>
  );
}

/**
 * How model-driven forms show a field the user cannot edit: no border, the disabled fill, the text at full contrast
 * so it stays readable and selectable (a disabled input could not be focused or copied).
 */
function readOnlyStyles({ theme }: ITextFieldStyleProps): Partial<ITextFieldStyles> {
  return {
    fieldGroup: { backgroundColor: theme.semanticColors.disabledBackground },
    field: { color: theme.semanticColors.inputText, backgroundColor: "transparent" },
  };
}

function MaskedField({ label }: { label: string }): React.ReactElement {
  return <TextField value={MASK} readOnly borderless styles={readOnlyStyles} ariaLabel={label} className={rootClass} />;
}

export function EmailProfileValidatorControl(props: IEmailProfileValidatorProps): React.ReactElement {
  const { tokenTheme, isDarkTheme } = props.design ?? {};
  // Keyed on the tokens, not the object around them: updateView may wrap the same tokens anew.
  const theme = React.useMemo(() => (tokenTheme ? themeFromTokens({ tokenTheme, isDarkTheme }) : undefined), [tokenTheme, isDarkTheme]);
  const field = props.masked ? <MaskedField label={props.label} /> : <UserNameEditor {...props} />;
  return theme ? <ThemeProvider theme={theme}>{field}</ThemeProvider> : field;
}

function UserNameEditor(props: IEmailProfileValidatorProps): React.ReactElement {
  const { translate, onValueChange, readOnly } = props;
  const [text, setText] = React.useState(props.value);
  /** What the last click replaced, exactly, while Undo is on offer. */
  const [undoValue, setUndoValue] = React.useState<string>();
  const [status, setStatus] = React.useState("");
  const inputRef = React.useRef<ITextField>(null);
  const [adviceId] = React.useState(() => getId("epv-advice"));

  const [settledText, settle] = useSettledValue(text, ADVICE_DELAY_MS);
  const [touched, touch] = useTouched(props.valueRevision);
  // A value pushed by the platform replaces what is shown, is judged in full, and makes any undo meaningless.
  const platformValue = React.useRef(props.value);
  platformValue.current = props.value;
  React.useEffect(() => {
    const pushed = platformValue.current;
    setText(pushed);
    settle(pushed);
    setUndoValue(undefined);
    setStatus("");
  }, [props.valueRevision, settle]);
  const advice = useAdvice({
    text,
    settledText,
    platformValue: props.value,
    valueRevision: props.valueRevision,
    settings: props.settings,
    maxLength: props.maxLength,
    lastTest: { request: props.lastTestRequest, response: props.lastTestResponse, message: props.lastTestMessage },
    directory: props.directory,
    holdRequired: props.isNewRecord === true && !touched,
  });
  const words = React.useMemo(() => describeAdvice(advice, translate, readOnly), [advice, translate, readOnly]);

  const change = React.useCallback(
    (next: string) => {
      touch();
      setText(next);
      onValueChange(next);
    },
    [onValueChange, touch],
  );
  /** A click is not typing: its result is judged in full at once. */
  const changeByClick = React.useCallback(
    (next: string) => {
      change(next);
      settle(next);
      inputRef.current?.focus();
    },
    [change, settle],
  );
  const onTyped = React.useCallback(
    (_: unknown, next?: string) => {
      setUndoValue(undefined);
      setStatus("");
      change(next ?? "");
    },
    [change],
  );
  const apply = React.useCallback(
    (value: string) => {
      setUndoValue(text);
      // Both values, quoted alike; that the last Test Connection used the old one is the advice's to say, once.
      setStatus(translate("Status_Applied", quoteValue(text, translate), quoteValue(value, translate)));
      changeByClick(value);
    },
    [text, changeByClick, translate],
  );
  const revert = React.useCallback(() => {
    if (undoValue === undefined) return;
    setUndoValue(undefined);
    setStatus(translate("Status_Restored", quoteValue(undoValue, translate)));
    changeByClick(undoValue);
  }, [undoValue, changeByClick, translate]);

  const hasError = advice.severity === "error";
  return (
    <Stack tokens={{ childrenGap: 4 }} className={rootClass}>
      <TextField
        componentRef={inputRef}
        value={text}
        onChange={onTyped}
        onBlur={() => {
          touch();
          settle(text);
        }}
        readOnly={readOnly}
        borderless={readOnly}
        styles={readOnly ? readOnlyStyles : undefined}
        ariaLabel={props.label}
        placeholder={translate("Field_Placeholder")}
        maxLength={props.maxLength}
        invalid={hasError}
        aria-describedby={adviceId}
        autoComplete="off"
        spellCheck={false}
      />
      <AdviceBar advice={advice} words={words} actionsEnabled={!readOnly} translate={translate} onApply={apply} />
      {undoValue !== undefined && !readOnly && (
        <MessageBar
          messageBarType={MessageBarType.success}
          delayedRender={false}
          actions={<MessageBarButton text={translate("Action_Undo")} ariaLabel={translate("Action_UndoLabel", quoteValue(undoValue, translate))} onClick={revert} />}
          // A single line cuts the sentence off at the field's width, and the new value is its end.
          isMultiline
        >
          <span aria-hidden="true">{status}</span>
        </MessageBar>
      )}
      <LiveRegion id={adviceId} text={[status, ...words.lines, ...words.formLines].filter(Boolean).join(" ")} />
      {props.health && (
        <HealthSection reader={props.health.reader} recordId={props.health.recordId} translate={translate} openMailbox={props.health.openMailbox} />
      )}
    </Stack>
  );
}

/** “contoso\user”, or words for an empty value, for status lines. */
function quoteValue(value: string, translate: Translate): string {
  return value === "" ? translate("Value_Empty") : `\u201c${value}\u201d`;
}
