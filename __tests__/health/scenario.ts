import { FakeDataverse, alertRow, fakeGuid, many, mailboxRow, profileRow, referenceTo } from "../fakes/fakeDataverse";
import type { Row } from "../fakes/fakeDataverse";

/** The clock of every scenario: alerts are "last seen" relative to it. */
export const NOW = "2026-11-30T10:00:00Z";
export const HOUR_MS = 3_600_000;
export const hoursAgo = (hours: number): string => new Date(Date.parse(NOW) - hours * HOUR_MS).toISOString();

export interface IScenario {
  dataverse: FakeDataverse;
  profile: Row;
  profileId: string;
  mailboxes: Row[];
}

export interface IMailboxSpec {
  count: number;
  incoming?: number;
  outgoing?: number;
  act?: number;
  approval?: number;
  statecode?: number;
  name?: (index: number) => string;
}

let seed = 100;

/**
 * A profile as the Web API returns it, and its mailboxes in groups: `[{ count: 37, incoming: 2 }, { count: 175 }]`.
 * Each group's statuses default to Success in both email directions, not run for appointments, approved.
 */
export function scenario(profileValues: Record<string, unknown>, groups: readonly IMailboxSpec[] = []): IScenario {
  const dataverse = new FakeDataverse({ now: NOW });
  const profileId = fakeGuid(seed++, 1);
  const profile = profileRow({ emailserverprofileid: profileId, name: "Contoso Exchange", ...profileValues });
  dataverse.add("emailserverprofile", profile);
  const reference = referenceTo("emailserverprofile", profile);
  const mailboxes: Row[] = [];
  for (const group of groups) {
    const groupSeed = seed++;
    const rows = many(group.count, (index) =>
      mailboxRow({
        mailboxid: fakeGuid(groupSeed, index),
        name: group.name?.(index) ?? `Mailbox ${groupSeed}-${index}`,
        emailserverprofile: reference,
        statecode: group.statecode ?? 0,
        incomingemailstatus: group.incoming ?? 1,
        outgoingemailstatus: group.outgoing ?? 1,
        actstatus: group.act ?? 0,
        emailrouteraccessapproval: group.approval ?? 1,
      }),
    );
    dataverse.add("mailbox", rows);
    mailboxes.push(...rows);
  }
  return { dataverse, profile, profileId, mailboxes };
}

/** An alert on a mailbox or on the profile, as server-side sync writes it. */
export function alertOn(target: { table: "mailbox" | "emailserverprofile"; row: Row }, text: string, values: Record<string, unknown> = {}): Row {
  return alertRow({ text, regardingobjectid: referenceTo(target.table, target.row), level: 3, tracecode: 0, modifiedon: hoursAgo(1), createdon: hoursAgo(30), ...values });
}
