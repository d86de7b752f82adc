/**
 * The alerts of a check, from the rows read in full and Dataverse's counts per code: grouped by failure family, with
 * distinct mailboxes, the worst level, when last seen, one example in Dynamics' words and up to three mailboxes.
 */
import { classifyAlert, type Direction } from "../failures";
import type { IAlertGroupKey } from "./queries";
import { FORMATTED, LOOKUP_TABLE, numberOf, textOf, type Row } from "./rows";
import type { IAlertFamily, IAlertSummary, Part } from "./types";

/** Up to three mailboxes are named per family; the rest are "N more". */
const NAMED_MAILBOXES = 3;

export interface IReadAlert {
  family: IAlertFamily["family"];
  code?: string;
  httpStatus?: number;
  directions: Direction[];
  level: number;
  tracecode?: number;
  lastSeen: string;
  text: string;
  onProfile: boolean;
  mailbox?: { id: string; name: string };
}

export function toReadAlert(row: Row, profileId: string): IReadAlert {
  const text = typeof row.text === "string" ? row.text : "";
  const reading = classifyAlert(text);
  const regarding = textOf(row._regardingobjectid_value)?.toLowerCase();
  const table = textOf(row[`_regardingobjectid_value${LOOKUP_TABLE}`]);
  const onProfile = regarding === profileId || table === "emailserverprofile";
  const name = textOf(row["mb.name"]) ?? textOf(row[`_regardingobjectid_value${FORMATTED}`]) ?? regarding ?? "";
  return {
    family: reading.family,
    ...(reading.code !== undefined ? { code: reading.code } : {}),
    ...(reading.httpStatus !== undefined ? { httpStatus: reading.httpStatus } : {}),
    directions: reading.directions,
    level: numberOf(row.level) ?? 2,
    tracecode: numberOf(row.tracecode),
    lastSeen: textOf(row.modifiedon) ?? "",
    text,
    onProfile,
    ...(!onProfile && regarding ? { mailbox: { id: regarding, name } } : {}),
  };
}

const later = (a: string, b: string): string => (a > b ? a : b);

/** Each alert once, though both looks may have read it. */
export function distinctRows(rows: readonly Row[]): Row[] {
  const seen = new Set<unknown>();
  return rows.filter((row) => {
    if (seen.has(row.tracelogid)) return false;
    seen.add(row.tracelogid);
    return true;
  });
}

/** The sampled alerts by family: distinct mailboxes, worst level, last seen, one example (the worst and newest). */
function familiesOf(alerts: readonly IReadAlert[]): Map<IAlertFamily["family"], IAlertFamily & { mailboxIds: Set<string> }> {
  const families = new Map<IAlertFamily["family"], IAlertFamily & { mailboxIds: Set<string> }>();
  for (const alert of alerts) {
    const family = families.get(alert.family) ?? {
      family: alert.family,
      level: alert.level,
      mailboxes: 0,
      atLeast: false,
      onProfile: false,
      profileDirections: [],
      lastSeen: alert.lastSeen,
      example: alert.text,
      ...(alert.code !== undefined ? { code: alert.code } : {}),
      ...(alert.httpStatus !== undefined ? { httpStatus: alert.httpStatus } : {}),
      directions: [],
      examples: [],
      mailboxIds: new Set<string>(),
    };
    family.level = Math.max(family.level, alert.level);
    family.lastSeen = later(family.lastSeen, alert.lastSeen);
    family.onProfile ||= alert.onProfile;
    // A profile alert that names no direction stands for all three.
    const profileDirections: readonly Direction[] = alert.directions.length > 0 ? alert.directions : ["incoming", "outgoing", "act"];
    if (alert.onProfile) for (const direction of profileDirections) if (!family.profileDirections.includes(direction)) family.profileDirections.push(direction);
    for (const direction of alert.directions) if (!family.directions.includes(direction)) family.directions.push(direction);
    if (alert.mailbox && !family.mailboxIds.has(alert.mailbox.id)) {
      family.mailboxIds.add(alert.mailbox.id);
      if (family.examples.length < NAMED_MAILBOXES) family.examples.push(alert.mailbox);
    }
    family.mailboxes = family.mailboxIds.size;
    families.set(alert.family, family);
  }
  return families;
}

interface ICodeGroup extends IAlertGroupKey {
  alerts: number;
  records: number;
}

export interface IAlertCounts {
  groups: ICodeGroup[];
  /** More alerts in the window than one aggregate may count. */
  overLimit: boolean;
}

export const toCodeGroup = (row: Row): ICodeGroup => ({
  tracecode: numberOf(row.tracecode),
  level: numberOf(row.level) ?? 2,
  alerts: numberOf(row.alerts) ?? 0,
  records: numberOf(row.records) ?? 0,
  lastSeen: textOf(row.lastseen) ?? "",
});

const inGroup = (group: IAlertGroupKey) => (alert: IReadAlert): boolean => alert.tracecode === group.tracecode && alert.level === group.level;

/**
 * Families from the alerts read in full, with Dataverse's counts where they say more. A code (at a level) whose
 * alerts read are all one family lends that family its exact count of distinct records, the profile's own not
 * counted as a mailbox. A family spread over several codes, or sharing a code with another, is "at least"; so is
 * every family when the counts could not be had.
 */
export function toAlertSummary(alerts: readonly IReadAlert[], counts: Part<IAlertCounts>): IAlertSummary {
  const families = familiesOf(alerts);
  const known = counts.status === "ok" && !counts.value.overLimit;
  const groups = known ? counts.value.groups : [];
  const total = known ? groups.reduce((sum, group) => sum + group.alerts, 0) : alerts.length;
  const codesPerFamily = new Map<IAlertFamily["family"], number>();
  for (const family of families.values()) family.atLeast = !known;
  for (const group of groups) {
    const read = alerts.filter(inGroup(group));
    const kinds = [...new Set(read.map((alert) => alert.family))];
    for (const kind of kinds) codesPerFamily.set(kind, (codesPerFamily.get(kind) ?? 0) + 1);
    const family = kinds.length === 1 ? families.get(kinds[0]) : undefined;
    if (kinds.length > 1) for (const kind of kinds) (families.get(kind) as IAlertFamily).atLeast = true;
    if (!family) continue;
    family.mailboxes = Math.max(family.mailboxes, group.records - (read.some((alert) => alert.onProfile) ? 1 : 0));
    family.lastSeen = later(family.lastSeen, group.lastSeen);
  }
  for (const [kind, codes] of codesPerFamily) if (codes > 1) (families.get(kind) as IAlertFamily).atLeast = true;
  const unread = groups.filter((group) => !alerts.some(inGroup(group))).reduce((sum, group) => sum + group.alerts, 0);
  const list = [...families.values()].map(({ mailboxIds: _ids, ...family }) => family);
  return { families: list, total, overLimit: counts.status === "ok" && counts.value.overLimit, unread };
}

