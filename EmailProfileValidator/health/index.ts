/**
 * The profile's mailboxes and their alerts (SPEC §8), read through the Web API behind a narrow interface: one
 * `check` per record shown, at most five requests whatever the size (a 429's one retry not counted), each part
 * failing alone, nothing written, nothing rejected. Counts are Dataverse's aggregates, not pulled rows.
 */
import { classifyAlert, type Direction } from "../failures";
import {
  ALERT_SAMPLE_SIZE,
  ALERT_WINDOW_DAYS,
  alertCountsQuery,
  asGuid,
  groupAlertsQuery,
  mailboxCountsQuery,
  recentAlertsQuery,
  recentWarningsQuery,
  savedProfileQuery,
  type IAlertGroupKey,
  type IHealthQuery,
} from "./queries";
import { ask, failureOf, type HealthWebApi, type IRequestOptions, type Row } from "./request";
import type { IAlertFamily, IAlertSummary, IHealthReport, IMailboxCounts, IProfileHealth, ISavedProfile, Part } from "./types";

export type { HealthWebApi } from "./request";
export { asGuid } from "./queries";
export type * from "./types";

/** "Each part fails alone: … a time-out (10 s) … says could not check now" (SPEC §8). */
export const HEALTH_TIMEOUT_MS = 10_000;
/** A Retry-After longer than this is not waited for on a form: the part says "could not check now". */
export const MAX_RETRY_WAIT_MS = 30_000;
const DAY_MS = 86_400_000;
/** Up to three mailboxes are named per family; the rest are "N more". */
const NAMED_MAILBOXES = 3;

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

const numberOf = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined);
const textOf = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

async function part<T>(work: () => Promise<T>): Promise<Part<T>> {
  try {
    return { status: "ok", value: await work() };
  } catch (error) {
    return failureOf(error).kind === "denied" ? { status: "denied" } : { status: "failed" };
  }
}

function toSavedProfile(rows: readonly Row[]): ISavedProfile {
  const row = rows[0];
  if (!row) throw new Error("The profile is not readable");
  const sameSettings = row.usesamesettingsforoutgoingconnections;
  return {
    active: numberOf(row.statecode) !== 1,
    modifiedOn: textOf(row.modifiedon),
    incomingCredentials: numberOf(row.incomingcredentialretrieval),
    outgoingCredentials: numberOf(row.outgoingcredentialretrieval),
    sameSettingsForOutgoing: typeof sameSettings === "boolean" ? sameSettings : undefined,
  };
}

const FAILURE = 2;
const SUCCESS = 1;
const PENDING = 2;
const REJECTED = 3;
const DIRECTIONS: readonly [Direction, string][] = [
  ["incoming", "incoming"],
  ["outgoing", "outgoing"],
  ["act", "act"],
];
const zero = (): Record<Direction, number> => ({ incoming: 0, outgoing: 0, act: 0 });

/** Each aggregate row is one combination of statuses and its count: the buckets are exclusive, worst first. */
function toMailboxCounts(rows: readonly Row[], whole: boolean): IMailboxCounts {
  const counts: IMailboxCounts = { total: 0, failing: 0, pending: 0, rejected: 0, fine: 0, failingBy: zero(), succeedingBy: zero() };
  for (const row of rows) {
    const count = numberOf(row.mailboxes) ?? 0;
    const statusOf = (alias: string): number | undefined => numberOf(row[alias]);
    const failing = DIRECTIONS.filter(([, alias]) => statusOf(alias) === FAILURE);
    for (const [direction] of failing) counts.failingBy[direction] += count;
    for (const [direction, alias] of DIRECTIONS) if (statusOf(alias) === SUCCESS && counts.succeedingBy) counts.succeedingBy[direction] += count;
    const approval = statusOf("approval");
    if (failing.length > 0) counts.failing += count;
    else if (approval === PENDING) counts.pending += count;
    else if (approval === REJECTED) counts.rejected += count;
    else if (counts.fine !== undefined) counts.fine += count;
    if (counts.total !== undefined) counts.total += count;
  }
  // Only the troubled ones were counted: the whole and the successes are not known.
  return whole ? counts : { ...counts, total: undefined, fine: undefined, succeedingBy: undefined };
}

interface IReadAlert {
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

function toReadAlert(row: Row, profileId: string): IReadAlert {
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
function distinctRows(rows: readonly Row[]): Row[] {
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

interface IAlertCounts {
  groups: ICodeGroup[];
  /** More alerts in the window than one aggregate may count. */
  overLimit: boolean;
}

const toCodeGroup = (row: Row): ICodeGroup => ({
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
function toAlertSummary(alerts: readonly IReadAlert[], counts: Part<IAlertCounts>): IAlertSummary {
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

export interface IProfileHealthOptions {
  timeoutMs?: number;
  maxRetryWaitMs?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the profile's health; never rejects, never writes. */
export function createProfileHealth(webApi: HealthWebApi, options: IProfileHealthOptions = {}): IProfileHealth {
  const now = options.now ?? Date.now;
  const requestOptions: IRequestOptions = {
    timeoutMs: options.timeoutMs ?? HEALTH_TIMEOUT_MS,
    maxRetryWaitMs: options.maxRetryWaitMs ?? MAX_RETRY_WAIT_MS,
    wait: options.wait ?? sleep,
  };

  /** The groups no alert of the first look belongs to, or the Warnings that the Errors crowded out. */
  function secondLookQuery(id: string, since: string, first: readonly Row[], counts: Part<IAlertCounts>): IHealthQuery | undefined {
    if (first.length < ALERT_SAMPLE_SIZE) return undefined;
    if (counts.status === "ok" && counts.value.overLimit) return first.some((row) => numberOf(row.level) === 2) ? undefined : recentWarningsQuery(id, since);
    if (counts.status !== "ok") return undefined;
    const read = first.map((row) => ({ tracecode: numberOf(row.tracecode), level: numberOf(row.level) ?? 2 }));
    const left = counts.value.groups.filter((group) => !read.some((alert) => alert.tracecode === group.tracecode && alert.level === group.level));
    return left.length > 0 ? groupAlertsQuery(id, since, left.slice(0, ALERT_SAMPLE_SIZE)) : undefined;
  }

  async function check(profileId: string): Promise<IHealthReport> {
    const id = asGuid(profileId);
    const checkedAt = new Date(now()).toISOString();
    if (!id) return { profile: { status: "failed" }, mailboxes: { status: "failed" }, alerts: { status: "failed" }, checkedAt };
    const since = new Date(now() - ALERT_WINDOW_DAYS * DAY_MS).toISOString();
    const run = (query: IHealthQuery): Promise<Row[]> => ask(webApi, query, requestOptions);
    const secondLook = async (first: readonly Row[], counts: Part<IAlertCounts>): Promise<Row[]> => {
      const query = secondLookQuery(id, since, first, counts);
      return query ? run(query) : [];
    };
    const profile = part(async () => toSavedProfile(await run(savedProfileQuery(id))));
    const mailboxes = part(async () => {
      try {
        return toMailboxCounts(await run(mailboxCountsQuery(id)), true);
      } catch (error) {
        // Above 50,000 mailboxes one aggregate cannot count them all: count the troubled ones, say "more than".
        if (failureOf(error).kind !== "aggregate-limit") throw error;
        return toMailboxCounts(await run(mailboxCountsQuery(id, true)), false);
      }
    });
    const codeGroups = part(async (): Promise<IAlertCounts> => {
      try {
        return { groups: (await run(alertCountsQuery(id, since))).map(toCodeGroup), overLimit: false };
      } catch (error) {
        // More than 50,000 alerts in the window: the sampled ones still say what fails, counted "at least".
        if (failureOf(error).kind !== "aggregate-limit") throw error;
        return { groups: [], overLimit: true };
      }
    });
    const recent = part(async () => run(recentAlertsQuery(id, since)));
    const [profileAnswer, mailboxAnswer, counts, first] = await Promise.all([profile, mailboxes, codeGroups, recent]);
    // The fifth request, when the mailboxes did not need it: a second look at what the first left out.
    const spare = mailboxAnswer.status !== "ok" || mailboxAnswer.value.total !== undefined;
    const second = first.status === "ok" && spare ? await part(async () => secondLook(first.value, counts)) : undefined;
    const rows = first.status === "ok" ? distinctRows([...first.value, ...(second?.status === "ok" ? second.value : [])]) : undefined;
    const alerts: Part<IAlertSummary> = rows ? { status: "ok", value: toAlertSummary(rows.map((row) => toReadAlert(row, id)), counts) } : first.status === "ok" ? { status: "failed" } : first;
    return { profile: profileAnswer, mailboxes: mailboxAnswer, alerts, checkedAt };
  }

  return {
    check: (profileId) => check(profileId).catch(() => ({ profile: { status: "failed" }, mailboxes: { status: "failed" }, alerts: { status: "failed" }, checkedAt: new Date(now()).toISOString() })),
  };
}
