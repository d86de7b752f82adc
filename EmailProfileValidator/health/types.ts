import type { Direction, FailureFamilyId } from "../failures";

/** What Dataverse answered for one part of a check: the value, "denied" (403: left out quietly) or "failed". */
export type Part<T> = { status: "ok"; value: T } | { status: "denied" } | { status: "failed" };

/** The profile as saved: what decides whose credentials each direction uses (SPEC §8). */
export interface ISavedProfile {
  /** `statecode` 0 Active; an inactive profile fails every mailbox that uses it (KB 4484702). */
  active: boolean;
  modifiedOn?: string;
  incomingCredentials?: number;
  outgoingCredentials?: number;
  /** Use Same Settings for Outgoing Connections: the outgoing direction then uses the incoming credentials. */
  sameSettingsForOutgoing?: boolean;
  /** The accounts as saved, which server-side sync uses: not what the field shows while someone types. */
  incomingUserName?: string;
  outgoingUserName?: string;
}

export type DirectionCounts = Record<Direction, number>;

/** The active mailboxes that use the profile, as Dataverse counted them (only those the user may read). */
export interface IMailboxCounts {
  /** All of them; undefined above what one aggregate may count (50,000), where only the troubled ones are counted. */
  total?: number;
  /** Any direction with status Failure. */
  failing: number;
  /** Not failing, email address awaiting approval. */
  pending: number;
  /** Not failing, email address approval refused. */
  rejected: number;
  /** Active with no failure and no approval outstanding; undefined with `total`. */
  fine?: number;
  failingBy: DirectionCounts;
  /** Mailboxes whose status is Success in each direction; undefined where it could not be counted. */
  succeedingBy?: DirectionCounts;
  /** More than 50,000 of them fail or await approval too: none of the counts above is known. */
  troubledOverLimit?: boolean;
}

/** A mailbox an alert is regarding, to open from the section. */
export interface IMailboxLink {
  id: string;
  name: string;
}

/** The alerts of one failure family, regarding the profile or its mailboxes, last seen within the window. */
export interface IAlertFamily {
  family: FailureFamilyId | "other";
  /** 3 Error, 2 Warning: the worst level seen. */
  level: number;
  /** Distinct mailboxes that raised it. */
  mailboxes: number;
  /** Counted from the most recent alerts only: there may be more. */
  atLeast: boolean;
  /** The profile itself raised it. */
  onProfile: boolean;
  /** The directions the profile's own alerts of this family name; empty when they name none. */
  profileDirections: Direction[];
  lastSeen: string;
  /** One alert's text, exactly as Dynamics wrote it. */
  example: string;
  code?: string;
  httpStatus?: number;
  directions: Direction[];
  /** Up to three of the mailboxes, most recent first. */
  examples: IMailboxLink[];
}

export interface IAlertSummary {
  families: IAlertFamily[];
  /** The alerts counted in the window, and whether that count hit the aggregate limit. */
  total: number;
  overLimit: boolean;
  /** Alerts counted in groups none of whose alerts could be read in full. */
  unread: number;
}

export interface IHealthReport {
  profile: Part<ISavedProfile>;
  mailboxes: Part<IMailboxCounts>;
  alerts: Part<IAlertSummary>;
  /** When the check ran, for "last seen" and "before this profile was last saved". */
  checkedAt: string;
}

export interface IProfileHealth {
  check(profileId: string): Promise<IHealthReport>;
}
