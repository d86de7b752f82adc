import { familyRow, type Direction, type FailureFamilyId, type FailureFamilyRow } from "../failures";
import type { IAlertFamily, IHealthReport, IMailboxLink, ISavedProfile } from "../health";
import { familyLink, type ILink } from "./catalogue";
import { usesProfileCredentials } from "./configuration";
import type { StringKey } from "./strings";

/**
 * What the admin is told about the profile's mailboxes and alerts (SPEC §8), from what the check read. Pure. The
 * profile's own credentials are named as the cause only where the evidence points at them; everything else is info.
 */

/** A slot is text as given (a count, an account) or words of our own, translated like the sentence. */
export type SentenceArg = string | { words: StringKey };

export interface ISentenceOf {
  key: StringKey;
  args: SentenceArg[];
}

export interface IHealthFamilyView {
  family: FailureFamilyId | "other";
  severity: "warning" | "info";
  /** The alert level: 3 Error, 2 Warning. */
  level: number;
  title: StringKey;
  /** How many, and whether the profile itself raised it. */
  count: ISentenceOf;
  lastSeen: string;
  /** Last seen before the profile was last saved: the fix may already be in. */
  beforeSave: boolean;
  /** Dynamics' words, quoted as they are. */
  example: string;
  /** What it means and the published fix; for "other", nothing is invented. */
  fix?: StringKey;
  /** Whether this profile's credentials are the cause, where the evidence says either way. */
  cause?: ISentenceOf;
  link: ILink;
  mailboxes: IMailboxLink[];
  /** Mailboxes raised it that are not named. */
  more: number;
  moreIsAtLeast: boolean;
}

export interface IHealthView {
  severity: "ok" | "info" | "warning";
  /** The profile and its mailboxes, one line each. */
  lines: ISentenceOf[];
  families: IHealthFamilyView[];
}

const ALL_DIRECTIONS: readonly Direction[] = ["incoming", "outgoing", "act"];

/**
 * The credential mode a direction really uses, as saved. Outgoing uses the incoming credentials while Use Same
 * Settings for Outgoing Connections is Yes; appointments, contacts and tasks go through the incoming connection.
 */
function modeOf(direction: Direction, profile: ISavedProfile): number | undefined {
  if (direction === "outgoing" && profile.sameSettingsForOutgoing !== true) return profile.outgoingCredentials;
  return profile.incomingCredentials;
}

/** Only a direction whose saved credentials are this profile's can blame the User Name (SPEC §8). */
const usesThisProfile = (direction: Direction, profile: ISavedProfile | undefined): boolean => {
  const mode = profile ? modeOf(direction, profile) : undefined;
  return mode !== undefined && usesProfileCredentials(mode);
};

/** Which field a direction's credentials are typed in. */
const fieldOf = (direction: Direction, profile: ISavedProfile): "incoming" | "outgoing" =>
  direction === "outgoing" && profile.sameSettingsForOutgoing !== true ? "outgoing" : "incoming";


interface IEvidence {
  profile?: ISavedProfile;
  /** Mailboxes with status Success per direction; undefined where it could not be counted. */
  succeeding?: Record<Direction, number>;
}

const FIELD_KEYS: Record<"incoming" | "outgoing", StringKey> = { incoming: "Health_Field_incoming", outgoing: "Health_Field_outgoing" };

/** Refused credentials: the profile's when it is on the profile itself or no mailbox succeeds that way; otherwise the mailboxes'. */
function credentialsCause(family: IAlertFamily, directions: readonly Direction[], evidence: IEvidence): ISentenceOf | undefined {
  const profile = evidence.profile;
  const ours = directions.filter((direction) => usesThisProfile(direction, profile));
  if (!profile || ours.length === 0) return undefined;
  const blamed = ours.filter((direction) => family.profileDirections.includes(direction) || evidence.succeeding?.[direction] === 0);
  // Only counted successes say the credentials work; where nobody could count them, nothing is claimed.
  if (blamed.length === 0) return ours.some((direction) => (evidence.succeeding?.[direction] ?? 0) > 0) ? { key: "Health_Cause_mailboxes", args: [] } : undefined;
  const fields = [...new Set(blamed.map((direction) => fieldOf(direction, profile)))];
  return fields.length > 1 ? { key: "Health_Cause_credentials_both", args: [] } : { key: "Health_Cause_credentials", args: [{ words: FIELD_KEYS[fields[0]] }] };
}

function causeOf(family: IAlertFamily, row: FailureFamilyRow | undefined, evidence: IEvidence): ISentenceOf | undefined {
  const directions = family.directions.length > 0 ? family.directions : ALL_DIRECTIONS;
  switch (row?.cause) {
    case "server-auth":
      return { key: "Health_Cause_server-auth", args: [] };
    case "credentials":
      return credentialsCause(family, directions, evidence);
    case "impersonation": {
      const profile = evidence.profile;
      const ours = directions.filter((direction) => usesThisProfile(direction, profile));
      if (!profile || ours.length === 0) return undefined;
      // The account as saved for that direction: what server-side sync signs in with, not what is being typed.
      const accounts = [...new Set(ours.map((direction) => (fieldOf(direction, profile) === "outgoing" ? profile.outgoingUserName : profile.incomingUserName)))];
      const account = accounts.length === 1 ? (accounts[0] ?? "").trim() : "";
      return account === "" ? { key: "Health_Cause_impersonation_unnamed", args: [] } : { key: "Health_Cause_impersonation", args: [account] };
    }
    case "address":
      return family.onProfile ? undefined : { key: "Health_Cause_address", args: [] };
    default:
      return undefined;
  }
}

const WARNING_CAUSES: ReadonlySet<StringKey> = new Set<StringKey>(["Health_Cause_credentials", "Health_Cause_credentials_both", "Health_Cause_impersonation", "Health_Cause_impersonation_unnamed"]);

function countOf(family: IAlertFamily): ISentenceOf {
  const mailboxes = String(family.mailboxes);
  if (family.onProfile) return family.mailboxes > 0 ? { key: "Health_Count_profileAndMailboxes", args: [mailboxes] } : { key: "Health_Count_profile", args: [] };
  return { key: family.atLeast ? "Health_Count_atLeast" : "Health_Count", args: [mailboxes] };
}

function familyView(family: IAlertFamily, evidence: IEvidence): IHealthFamilyView {
  const row = familyRow(family.family);
  const cause = causeOf(family, row, evidence);
  const modifiedOn = evidence.profile?.modifiedOn;
  return {
    family: family.family,
    severity: cause && WARNING_CAUSES.has(cause.key) ? "warning" : "info",
    level: family.level,
    title: row ? row.title : "Family_other",
    count: countOf(family),
    lastSeen: family.lastSeen,
    beforeSave: modifiedOn !== undefined && family.lastSeen !== "" && Date.parse(family.lastSeen) < Date.parse(modifiedOn),
    example: family.example,
    ...(row ? { fix: row.fix } : {}),
    ...(cause ? { cause } : {}),
    link: familyLink(family.family),
    mailboxes: family.examples,
    more: Math.max(0, family.mailboxes - family.examples.length),
    moreIsAtLeast: family.atLeast,
  };
}

/** Worst first: Error before Warning, then the most mailboxes, then the most recent. */
const worstFirst = (a: IHealthFamilyView & { mailboxCount: number }, b: IHealthFamilyView & { mailboxCount: number }): number =>
  b.level - a.level || b.mailboxCount - a.mailboxCount || b.lastSeen.localeCompare(a.lastSeen);

function mailboxLines(report: IHealthReport): ISentenceOf[] {
  const answer = report.mailboxes;
  if (answer.status === "denied") return [];
  if (answer.status === "failed") return [{ key: "Health_CouldNotCheck_mailboxes", args: [] }];
  const counts = answer.value;
  if (counts.troubledOverLimit) return [{ key: "Health_Summary_overLimitAll", args: [] }];
  const troubled = [counts.failing, counts.pending, counts.rejected].map(String);
  if (counts.total === undefined) return [{ key: "Health_Summary_overLimit", args: troubled }];
  if (counts.total === 0) return [{ key: "Health_NoMailboxes", args: [] }];
  return [{ key: "Health_Summary", args: [String(counts.total), ...troubled, String(counts.fine ?? 0)] }];
}

function alertLines(report: IHealthReport): ISentenceOf[] {
  const answer = report.alerts;
  if (answer.status === "denied") return [{ key: "Health_Alerts_denied", args: [] }];
  if (answer.status === "failed") return [{ key: "Health_CouldNotCheck_alerts", args: [] }];
  if (answer.value.overLimit) return [{ key: "Health_Alerts_overLimit", args: [] }];
  // Alerts Dataverse counted in groups none of whose words could be read: said, not dropped.
  const unread = answer.value.unread > 0 ? [{ key: "Health_Alerts_unread" as const, args: [String(answer.value.unread)] }] : [];
  return answer.value.families.length === 0 && unread.length === 0 ? [{ key: "Health_NoAlerts", args: [] }] : unread;
}

export function buildHealthView(report: IHealthReport): IHealthView {
  const profile = report.profile.status === "ok" ? report.profile.value : undefined;
  const mailboxes = report.mailboxes.status === "ok" ? report.mailboxes.value : undefined;
  const evidence: IEvidence = { profile, succeeding: mailboxes?.succeedingBy };
  const families = report.alerts.status === "ok" ? report.alerts.value.families : [];
  const views = families
    .map((family) => ({ ...familyView(family, evidence), mailboxCount: family.mailboxes }))
    .sort(worstFirst)
    .map(({ mailboxCount: _count, ...view }) => view);
  const lines: ISentenceOf[] = [
    ...(profile && !profile.active ? [{ key: "Health_ProfileInactive" as const, args: [] }] : []),
    ...mailboxLines(report),
    ...alertLines(report),
  ];
  const troubled = (mailboxes?.failing ?? 0) > 0 || views.length > 0 || (profile !== undefined && !profile.active);
  const warning = views.some((view) => view.severity === "warning") || (profile !== undefined && !profile.active);
  return { severity: warning ? "warning" : troubled ? "info" : "ok", lines, families: views };
}
