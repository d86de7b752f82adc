/** The profile as saved and its mailboxes as Dataverse counted them, from the Web API's rows. */
import type { Direction } from "../failures";
import { numberOf, textOf, type Row } from "./rows";
import type { IMailboxCounts, ISavedProfile } from "./types";

export function toSavedProfile(rows: readonly Row[]): ISavedProfile {
  const row = rows[0];
  if (!row) throw new Error("The profile is not readable");
  const sameSettings = row.usesamesettingsforoutgoingconnections;
  return {
    active: numberOf(row.statecode) !== 1,
    modifiedOn: textOf(row.modifiedon),
    incomingCredentials: numberOf(row.incomingcredentialretrieval),
    outgoingCredentials: numberOf(row.outgoingcredentialretrieval),
    sameSettingsForOutgoing: typeof sameSettings === "boolean" ? sameSettings : undefined,
    incomingUserName: textOf(row.incomingusername),
    outgoingUserName: textOf(row.outgoingusername),
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
export function toMailboxCounts(rows: readonly Row[], whole: boolean): IMailboxCounts {
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

