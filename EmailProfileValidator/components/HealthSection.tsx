import * as React from "react";
import { DefaultButton, Icon, Link, Spinner, SpinnerSize, Stack, Text, getId, hiddenContentStyle, mergeStyles, useTheme } from "@fluentui/react";
import { buildHealthView, type IHealthFamilyView, type ISentenceOf } from "../advice/health";
import type { Translate } from "../advice/strings";
import type { IProfileHealth } from "../health";
import { useProfileHealth } from "./useProfileHealth";

export interface IHealthSectionProps {
  reader: IProfileHealth;
  recordId: string;
  translate: Translate;
  openMailbox: (id: string) => void;
}

const hidden = mergeStyles(hiddenContentStyle);
const sentence = mergeStyles({ display: "block" });
const spaced = mergeStyles({ marginRight: 12 });

function say(line: ISentenceOf, translate: Translate): string {
  return translate(line.key, ...line.args.map((arg) => (typeof arg === "string" ? arg : translate(arg.words))));
}

/** "30 Nov 2026, 10:04": when an alert was last seen, in the admin's own locale. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function MailboxLinks({ family, translate, openMailbox }: { family: IHealthFamilyView; translate: Translate; openMailbox: (id: string) => void }): React.ReactElement | null {
  if (family.mailboxes.length === 0) return null;
  const more = family.more > 0 ? translate(family.moreIsAtLeast ? "Health_More_atLeast" : "Health_More", String(family.more)) : "";
  return (
    <div>
      {family.mailboxes.map((mailbox) => (
        <Link key={mailbox.id} onClick={() => openMailbox(mailbox.id)} title={translate("Health_OpenMailbox", mailbox.name)} className={spaced}>
          {mailbox.name}
        </Link>
      ))}
      {more && <Text variant="small">{more}</Text>}
    </div>
  );
}

interface IFamilyProps {
  family: IHealthFamilyView;
  translate: Translate;
  openMailbox: (id: string) => void;
}

/** One cause: a button that says what, how many and when, opening Dynamics' words, the cause, the fix and the mailboxes. */
function FamilyItem({ family, translate, openMailbox }: IFamilyProps): React.ReactElement {
  const theme = useTheme();
  const [open, setOpen] = React.useState(family.severity === "warning");
  const [detailsId] = React.useState(() => getId("epv-health-family"));
  const quote = mergeStyles({ ...theme.fonts.small, margin: "4px 0", padding: "4px 8px", borderLeft: `3px solid ${theme.semanticColors.bodyDivider}`, whiteSpace: "pre-wrap", wordBreak: "break-word", color: theme.semanticColors.bodySubtext });
  const level = translate(family.level >= 3 ? "Health_Level_3" : "Health_Level_2");
  const summary = `${translate(family.title)} \u00b7 ${say(family.count, translate)} \u00b7 ${translate("Health_LastSeen", when(family.lastSeen))}`;
  return (
    <li className={mergeStyles({ listStyle: "none", margin: "2px 0" })}>
      <DefaultButton
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-controls={detailsId}
        styles={{ root: { border: "none", padding: "0 4px", height: "auto", minHeight: 28, textAlign: "start" }, label: { fontWeight: 400, margin: 0 } }}
      >
        <Icon iconName={open ? "ChevronDown" : "ChevronRight"} aria-hidden="true" className={mergeStyles({ marginRight: 6, fontSize: 10 })} />
        <Icon
          iconName={family.level >= 3 ? "ErrorBadge" : "Warning"}
          aria-hidden="true"
          className={mergeStyles({ marginRight: 6, color: family.level >= 3 ? theme.semanticColors.errorIcon : theme.semanticColors.warningIcon })}
        />
        <span className={hidden}>{level}: </span>
        {summary}
      </DefaultButton>
      <div id={detailsId} hidden={!open} className={mergeStyles({ paddingLeft: 24 })}>
        {open && (
          <Stack tokens={{ childrenGap: 4 }}>
            <Text variant="small">{translate("Health_Says")}</Text>
            {/* Dynamics' words, as text: React never reads them as markup. */}
            <blockquote className={quote}>{family.example}</blockquote>
            {family.cause && (
              // Not a MessageBar: its own live region would announce the cause a second time on opening.
              <Stack horizontal tokens={{ childrenGap: 6 }} className={mergeStyles({ padding: "4px 8px", background: family.severity === "warning" ? theme.semanticColors.warningBackground : theme.semanticColors.infoBackground })}>
                <Icon
                  iconName={family.severity === "warning" ? "Warning" : "Info"}
                  aria-hidden="true"
                  className={mergeStyles({ paddingTop: 2, color: family.severity === "warning" ? theme.semanticColors.warningIcon : theme.semanticColors.infoIcon })}
                />
                <Text className={sentence}>{say(family.cause, translate)}</Text>
              </Stack>
            )}
            {family.fix && <Text className={sentence}>{translate(family.fix)}</Text>}
            {family.beforeSave && <Text className={sentence}>{translate("Health_BeforeSave")}</Text>}
            <MailboxLinks family={family} translate={translate} openMailbox={openMailbox} />
            <Link href={family.link.url} target="_blank" rel="noopener noreferrer" aria-label={translate(family.link.label)}>
              {translate("Action_LearnMore")}
            </Link>
          </Stack>
        )}
      </div>
    </li>
  );
}

/**
 * What server-side synchronization says about this profile's mailboxes, under the field's own advice (SPEC §8):
 * one line per part, then the alerts by cause, worst first, and Check again. Announced politely once per check.
 */
export function HealthSection(props: IHealthSectionProps): React.ReactElement | null {
  const { translate } = props;
  const health = useProfileHealth(props.reader, props.recordId);
  const [headingId] = React.useState(() => getId("epv-health"));
  const view = React.useMemo(() => (health?.report ? buildHealthView(health.report) : undefined), [health?.report]);
  if (!health) return null;
  const lines = view ? view.lines.map((line) => say(line, translate)) : [];
  // A cause that names this profile's credentials is worth hearing without opening it.
  const warnings = view ? view.families.filter((family) => family.severity === "warning" && family.cause).map((family) => say(family.cause!, translate)) : [];
  return (
    <section aria-labelledby={headingId} className={mergeStyles({ marginTop: 8 })}>
      <Text id={headingId} as="h3" variant="medium" block className={mergeStyles({ fontWeight: 600, margin: "4px 0" })}>
        {translate("Health_Heading")}
      </Text>
      {health.status === "checking" ? (
        <Spinner size={SpinnerSize.small} label={translate("Health_Checking")} labelPosition="right" />
      ) : (
        <Stack tokens={{ childrenGap: 4 }}>
          {lines.map((line, index) => (
            // The lines are rebuilt whole per check, so their position is a stable key.
            <Text key={index} className={sentence}>
              {line}
            </Text>
          ))}
          {view && view.families.length > 0 && (
            <>
              <Text as="h4" variant="small" block className={mergeStyles({ fontWeight: 600, margin: "4px 0 0" })}>
                {translate("Health_AlertsHeading")}
              </Text>
              <ul className={mergeStyles({ margin: 0, padding: 0 })}>
                {view.families.map((family) => (
                  <FamilyItem key={family.family} family={family} translate={translate} openMailbox={props.openMailbox} />
                ))}
              </ul>
            </>
          )}
        </Stack>
      )}
      {/* Never disabled: focus stays on it while the section reads again, and a second press simply starts over. */}
      <DefaultButton text={translate("Health_CheckAgain")} onClick={health.checkAgain} styles={{ root: { marginTop: 6 } }} />
      <div role="status" aria-live="polite" className={hidden}>
        {[...lines, ...warnings].join(" ")}
      </div>
    </section>
  );
}
