import * as React from "react";
import { DefaultButton, Link, MessageBar, MessageBarButton, MessageBarType, Stack, mergeStyles, type IContextualMenuItem } from "@fluentui/react";
import { describeSource } from "../advice/messages";
import type { IAdvice } from "../advice/advice";
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
  /** One sentence per problem, then notes on the control's own settings. */
  sentences: string[];
  /** Read-only forms show the advice but offer nothing to click. */
  actionsEnabled: boolean;
  translate: Translate;
  onApply: (value: string) => void;
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
        primary
        text={cleanupOnly ? translate("Action_CleanUp") : translate("Action_Use", first.value)}
        ariaLabel={cleanupOnly ? translate("Action_CleanUpLabel", first.value) : undefined}
        title={cleanupOnly ? first.value : describeSource(first.source, translate)}
        onClick={() => onApply(first.value)}
      />
      {menuItems.length > 0 && <DefaultButton text={translate("Action_MoreSuggestions")} menuProps={{ items: menuItems }} />}
    </>
  );
}

/** The advice under the field: one sentence per problem, worst first, and what can be done about it. */
export function AdviceBar({ advice, sentences, actionsEnabled, translate, onApply }: IAdviceBarProps): React.ReactElement | null {
  if (sentences.length === 0) return null;
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
    <MessageBar messageBarType={BAR_TYPES[severity]} isMultiline delayedRender={false} actions={actions}>
      {/* Read out by the control's polite live region instead, so a verdict is announced once. */}
      <span aria-hidden="true">
        {sentences.map((sentence, index) => (
          // The list is rebuilt whole on every change, so its position is a stable, unique key.
          <span key={index} className={sentenceClass}>
            {sentence}
          </span>
        ))}
      </span>
    </MessageBar>
  );
}
