/**
 * The profile's mailboxes and their alerts (SPEC §8), read through the Web API behind a narrow interface: one
 * `check` per record shown, at most five requests whatever the size (a 429's one retry not counted), each part
 * failing alone, nothing written, nothing rejected. Counts are Dataverse's aggregates, not pulled rows.
 */
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
  type IHealthQuery,
} from "./queries";
import { distinctRows, toAlertSummary, toCodeGroup, toReadAlert, type IAlertCounts } from "./alerts";
import { toMailboxCounts, toSavedProfile } from "./mailboxes";
import { ask, failureOf, type HealthWebApi, type IRequestOptions } from "./request";
import { numberOf, type Row } from "./rows";
import type { IAlertSummary, IHealthReport, IProfileHealth, Part } from "./types";

export type { HealthWebApi } from "./request";
export { asGuid } from "./queries";
export type * from "./types";

/** "Each part fails alone: … a time-out (10 s) … says could not check now" (SPEC §8). */
const HEALTH_TIMEOUT_MS = 10_000;
/** A Retry-After longer than this is not waited for on a form: the part says "could not check now". */
const MAX_RETRY_WAIT_MS = 30_000;
const DAY_MS = 86_400_000;
/** SPEC §8: at most five requests per check, whatever the number of mailboxes or alerts. */
const MAX_REQUESTS = 5;

async function part<T>(work: () => Promise<T>): Promise<Part<T>> {
  try {
    return { status: "ok", value: await work() };
  } catch (error) {
    return failureOf(error).kind === "denied" ? { status: "denied" } : { status: "failed" };
  }
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
    // Every request counted (a 429's retry inside ask is not): the fifth is spent only if four were enough.
    let sent = 0;
    const run = (query: IHealthQuery): Promise<Row[]> => {
      sent++;
      return ask(webApi, query, requestOptions);
    };
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
        try {
          return toMailboxCounts(await run(mailboxCountsQuery(id, true)), false);
        } catch (again) {
          // More than 50,000 of them in trouble too: said as that, never as a failure.
          if (failureOf(again).kind !== "aggregate-limit") throw again;
          return { ...toMailboxCounts([], false), troubledOverLimit: true };
        }
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
    const second = first.status === "ok" && sent < MAX_REQUESTS ? await part(async () => secondLook(first.value, counts)) : undefined;
    const rows = first.status === "ok" ? distinctRows([...first.value, ...(second?.status === "ok" ? second.value : [])]) : undefined;
    const alerts: Part<IAlertSummary> = rows ? { status: "ok", value: toAlertSummary(rows.map((row) => toReadAlert(row, id)), counts) } : first.status === "ok" ? { status: "failed" } : first;
    return { profile: profileAnswer, mailboxes: mailboxAnswer, alerts, checkedAt };
  }

  return {
    check: (profileId) => check(profileId).catch(() => ({ profile: { status: "failed" }, mailboxes: { status: "failed" }, alerts: { status: "failed" }, checkedAt: new Date(now()).toISOString() })),
  };
}
