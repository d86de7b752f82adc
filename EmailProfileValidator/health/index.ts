/**
 * The profile's mailboxes and their alerts (SPEC §8), read through the Web API behind a narrow interface: one
 * `check` per record shown, at most five requests whatever the size (a 429's one retry not counted), each part
 * failing alone, nothing written, nothing rejected. Counts are Dataverse's aggregates, not pulled rows.
 */
import { classifyAlert, type Direction } from "../failures";
import { alertCountsQuery, asGuid, mailboxCountsQuery, recentAlertsQuery, savedProfileQuery, ALERT_WINDOW_DAYS } from "./queries";
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

interface ICodeGroup {
  tracecode?: number;
  alerts: number;
  records: number;
  lastSeen: string;
}

interface IAlertCounts {
  groups: ICodeGroup[];
  /** More alerts in the window than one aggregate may count. */
  overLimit: boolean;
}

const toCodeGroup = (row: Row): ICodeGroup => ({
  tracecode: numberOf(row.tracecode),
  alerts: numberOf(row.alerts) ?? 0,
  records: numberOf(row.records) ?? 0,
  lastSeen: textOf(row.lastseen) ?? "",
});

/**
 * Families from the sampled alerts, with Dataverse's counts where they say more: a code whose sampled alerts are all
 * one family lends that family its count of distinct records (the profile's own alert not counted as a mailbox).
 * A code that is split across families, or whose alerts were not sampled, leaves its families' counts "at least".
 */
function toAlertSummary(alerts: readonly IReadAlert[], counts: Part<IAlertCounts>): IAlertSummary {
  const families = familiesOf(alerts);
  const overLimit = counts.status === "ok" && counts.value.overLimit;
  const groups: Part<ICodeGroup[]> = counts.status === "ok" && !overLimit ? { status: "ok", value: counts.value.groups } : { status: "failed" };
  const counted = groups.status === "ok" ? groups.value : [];
  const total = counted.reduce((sum, group) => sum + group.alerts, 0);
  const complete = groups.status === "ok" && !overLimit && alerts.length >= total;
  if (!complete) for (const family of families.values()) family.atLeast = true;
  if (!complete) {
    for (const group of counted) {
      const sampled = alerts.filter((alert) => alert.tracecode === group.tracecode);
      const kinds = new Set(sampled.map((alert) => alert.family));
      const family = kinds.size === 1 ? families.get(sampled[0].family) : undefined;
      if (!family) continue;
      family.mailboxes = Math.max(family.mailboxes, group.records - (sampled.some((alert) => alert.onProfile) ? 1 : 0));
      family.lastSeen = later(family.lastSeen, group.lastSeen);
      family.atLeast = overLimit || sampled.length < group.alerts ? family.atLeast : false;
    }
  }
  const list = [...families.values()].map(({ mailboxIds: _ids, ...family }) => family);
  return { families: list, total: groups.status === "ok" ? total : alerts.length, overLimit };
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

  async function check(profileId: string): Promise<IHealthReport> {
    const id = asGuid(profileId);
    const checkedAt = new Date(now()).toISOString();
    if (!id) return { profile: { status: "failed" }, mailboxes: { status: "failed" }, alerts: { status: "failed" }, checkedAt };
    const since = new Date(now() - ALERT_WINDOW_DAYS * DAY_MS).toISOString();
    const run = (query: Parameters<typeof ask>[1]): Promise<Row[]> => ask(webApi, query, requestOptions);
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
    const recent = part(async () => (await run(recentAlertsQuery(id, since))).map((row) => toReadAlert(row, id)));
    const [profileAnswer, mailboxAnswer, counts, sampled] = await Promise.all([profile, mailboxes, codeGroups, recent]);
    const alerts: Part<IAlertSummary> = sampled.status === "ok" ? { status: "ok", value: toAlertSummary(sampled.value, counts) } : sampled;
    return { profile: profileAnswer, mailboxes: mailboxAnswer, alerts, checkedAt };
  }

  return {
    check: (profileId) => check(profileId).catch(() => ({ profile: { status: "failed" }, mailboxes: { status: "failed" }, alerts: { status: "failed" }, checkedAt: new Date(now()).toISOString() })),
  };
}
