import * as React from "react";
import { DefaultButton, Link, MessageBar, MessageBarButton, MessageBarType, Stack, mergeStyles, type IContextualMenuItem } from "@fluentui/react";
import { describeSource, type IAdviceWords } from "../advice/messages";
import type { IAdvice } from "../advice/advice";
import type { IFix } from "../advice/fixes";
import type { Translate } from "../advice/strings";
import type { Severity } from "../validation";

const sentenceClass = mergeStyles({ display: "block" });

const BAR_TYPES: Record<Severity, MessageBarType> = {
  ok: MessageBarType.success,
  info: MessageBarType.info,
  warning: MessageBarType.warning,
  error: MessageBarType.error,
};

export interface IAdviceBarProps {
  advice: IAdvice;
  /** One sentence per line under the field, and apart the notes for whoever customizes the form. */
  words: IAdviceWords;
  /** Read-only forms show the advice but offer nothing to click. */
  actionsEnabled: boolean;
  translate: Translate;
  onApply: (value: string) => void;
}

/** What the first fix's button says: a guess says so in its own words, not only in a tooltip. */
function firstFixText(fix: IFix, translate: Translate): string {
  if (fix.source === "cleanup") return translate("Action_CleanUp");
  return fix.source === "guess" ? translate("Action_UseGuess", fix.value) : translate("Action_Use", fix.value);
}

function SuggestionActions({ advice, translate, onApply }: Pick<IAdviceBarProps, "advice" | "translate" | "onApply">): React.ReactElement {
  const [first, ...others] = advice.suggestions;
  const cleanupOnly = first.source === "cleanup";
  const menuItems: IContextualMenuItem[] = others.map((suggestion) => ({
    key: suggestion.value,
    text: suggestion.value,
    secondaryText: describeSource(suggestion.source, translate),
    onClick: () => onApply(suggestion.value),
  }));
  return (
    <>
      <MessageBarButton
        primary={advice.primaryFix}
        text={firstFixText(first, translate)}
        ariaLabel={cleanupOnly ? translate("Action_CleanUpLabel", first.value) : undefined}
        title={cleanupOnly ? first.value : first.source === "guess" ? undefined : describeSource(first.source, translate)}
        onClick={() => onApply(first.value)}
      />
      {menuItems.length > 0 && <DefaultButton text={translate("Action_MoreSuggestions")} menuProps={{ items: menuItems }} />}
    </>
  );
}

function Sentences({ lines }: { lines: readonly string[] }): React.ReactElement {
  return (
    // Read out by the control's polite live region instead, so a verdict is announced once.
    <span aria-hidden="true">
      {lines.map((sentence, index) => (
        // The list is rebuilt whole on every change, so its position is a stable, unique key.
        <span key={index} className={sentenceClass}>
          {sentence}
        </span>
      ))}
    </span>
  );
}

/**
 * The advice under the field: one sentence per line, worst first, and what can be done about it. Notes on the
 * control's own settings stand apart, as information: the admin on the record did not make them and cannot fix them.
 */
export function AdviceBar({ advice, words, actionsEnabled, translate, onApply }: IAdviceBarProps): React.ReactElement | null {
  const { lines, formLines } = words;
  if (lines.length === 0 && formLines.length === 0) return null;
  const hasSuggestions = actionsEnabled && advice.suggestions.length > 0;
  const actions =
    hasSuggestions || advice.links.length > 0 ? (
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        {hasSuggestions && <SuggestionActions advice={advice} translate={translate} onApply={onApply} />}
        {advice.links.map((link) => (
          <Link key={link.url} href={link.url} target="_blank" rel="noopener noreferrer" aria-label={translate(link.label)}>
            {translate("Action_LearnMore")}
          </Link>
        ))}
      </Stack>
    ) : undefined;
  const severity = advice.severity === "ok" ? "info" : advice.severity;
  return (
    <>
      {lines.length > 0 && (
        <MessageBar messageBarType={BAR_TYPES[severity]} isMultiline delayedRender={false} actions={actions}>
          <Sentences lines={lines} />
        </MessageBar>
      )}
      {formLines.length > 0 && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline delayedRender={false}>
          <Sentences lines={formLines} />
        </MessageBar>
      )}
    </>
  );
}
