import { createProfileHealth, type IHealthReport, type IMailboxCounts } from "../../EmailProfileValidator/health";
import { alertOn, HOUR_MS, hoursAgo, NOW, scenario, type IScenario } from "./scenario";
import { fakeGuid, many, type FakeDataverse } from "../fakes/fakeDataverse";

/**
 * SPEC §8, what is read: the profile as saved, its active mailboxes counted by Dataverse per status (the mailbox
 * table reference: incomingemailstatus / outgoingemailstatus / actstatus 0 Not Run, 1 Success, 2 Failure;
 * emailrouteraccessapproval 0 Empty, 1 Approved, 2 Pending, 3 Rejected), and the Warning and Error alerts
 * (tracelog.level 2, 3) of the past 7 days on the profile or its mailboxes — counted, not pulled row by row.
 */

const now = (): number => Date.parse(NOW);
const noWait = (): Promise<void> => Promise.resolve();

async function check(world: IScenario, options: Parameters<typeof createProfileHealth>[1] = {}): Promise<IHealthReport> {
  return createProfileHealth(world.dataverse, { now, wait: noWait, ...options }).check(world.profileId);
}

const countsOf = (report: IHealthReport): IMailboxCounts => {
  if (report.mailboxes.status !== "ok") throw new Error(`mailboxes ${report.mailboxes.status}`);
  return report.mailboxes.value;
};

const requestsOf = (dataverse: FakeDataverse): number => dataverse.requests.length;

describe("how many active mailboxes use the profile, counted by Dataverse", () => {
  it.each([
    ["no mailboxes", [], { total: 0, failing: 0, fine: 0 }],
    ["one fine mailbox", [{ count: 1 }], { total: 1, failing: 0, fine: 1 }],
    [
      "212 mailboxes: 37 failing incoming, 2 awaiting approval, 1 refused",
      [{ count: 37, incoming: 2 }, { count: 2, approval: 2, incoming: 0, outgoing: 0 }, { count: 1, approval: 3, incoming: 0, outgoing: 0 }, { count: 172 }],
      { total: 212, failing: 37, pending: 2, rejected: 1, fine: 172 },
    ],
  ])("%s", async (_name, groups, expected) => {
    const world = scenario({ incomingcredentialretrieval: 1 }, groups);
    const report = await check(world);
    expect(countsOf(report)).toMatchObject(expected);
    expect(requestsOf(world.dataverse)).toBeLessThanOrEqual(5);
  });

  it("leaves out inactive mailboxes and mailboxes of other profiles", async () => {
    const world = scenario({}, [{ count: 3 }, { count: 4, statecode: 1, incoming: 2 }]);
    const other = scenario({}, [{ count: 9, incoming: 2 }]);
    world.dataverse.add("mailbox", [...other.mailboxes]);
    expect(countsOf(await check(world))).toMatchObject({ total: 3, failing: 0, fine: 3 });
  });

  it("counts failures per direction and who succeeds each way", async () => {
    const world = scenario({}, [{ count: 5, incoming: 2, outgoing: 1 }, { count: 3, outgoing: 2, act: 1 }]);
    expect(countsOf(await check(world))).toMatchObject({
      failing: 8,
      failingBy: { incoming: 5, outgoing: 3, act: 0 },
      succeedingBy: { incoming: 3, outgoing: 5, act: 3 },
    });
  });

  // "Aggregate data using FetchXml": more than 50,000 records fail with AggregateQueryRecordLimit exceeded.
  it("at 120,000 mailboxes it never fails: the troubled ones are counted exactly, the whole said to be more than 50,000", async () => {
    const world = scenario({}, [{ count: 119_000 }, { count: 900, outgoing: 2 }, { count: 100, approval: 2, outgoing: 0, incoming: 0 }]);
    const report = await check(world);
    expect(countsOf(report)).toEqual({
      total: undefined,
      failing: 900,
      pending: 100,
      rejected: 0,
      fine: undefined,
      failingBy: { incoming: 0, outgoing: 900, act: 0 },
      succeedingBy: undefined,
    });
    expect(requestsOf(world.dataverse)).toBeLessThanOrEqual(5);
  });

  it("exactly 50,000 is still counted whole", async () => {
    const world = scenario({}, [{ count: 50_000 }]);
    expect(countsOf(await check(world))).toMatchObject({ total: 50_000, fine: 50_000 });
  });
});

describe("the profile as saved", () => {
  it("reads its state, when it was saved, both credential modes and the same-settings flag", async () => {
    const world = scenario({ statecode: 1, incomingcredentialretrieval: 1, outgoingcredentialretrieval: 0, usesamesettingsforoutgoingconnections: false, incomingusername: "svc@contoso.com" });
    const report = await check(world);
    expect(report.profile).toEqual({
      status: "ok",
      value: { active: false, modifiedOn: world.profile.modifiedon, incomingCredentials: 1, outgoingCredentials: 0, sameSettingsForOutgoing: false, incomingUserName: "svc@contoso.com", outgoingUserName: undefined },
    });
  });
});

describe("the alerts, grouped by failure family", () => {
  const credentials = "Email cannot be received for the mailbox Pat. Make sure that the credentials specified in the mailbox are correct.\nEmail Server Error Code: Http server returned 401 Unauthorized exception.";
  const approval = "Email cannot be sent because the email address of the mailbox Pat requires an approval by an Office 365 administrator.\nEmail Server Error Code: OutgoingEmailS2SApprovalNeeded";

  it("counts distinct mailboxes, keeps the newest example and names up to three mailboxes", async () => {
    const world = scenario({}, [{ count: 6, incoming: 2 }]);
    const [a, b, c, d] = world.mailboxes;
    world.dataverse.add("tracelog", [
      ...[a, b, c, d].map((mailbox, index) => alertOn({ table: "mailbox", row: mailbox }, credentials, { modifiedon: hoursAgo(index + 1) })),
      alertOn({ table: "mailbox", row: a }, approval, { level: 2, modifiedon: hoursAgo(50) }),
    ]);
    const report = await check(world);
    if (report.alerts.status !== "ok") throw new Error("alerts");
    const [signIn, approvalFamily] = report.alerts.value.families;
    expect(signIn).toMatchObject({ family: "sign-in-refused", level: 3, mailboxes: 4, atLeast: false, onProfile: false, lastSeen: hoursAgo(1), directions: ["incoming"] });
    expect(signIn.examples.map((mailbox) => mailbox.name)).toEqual([a.name, b.name, c.name]);
    expect(signIn.examples[0].id).toBe(a.mailboxid);
    expect(approvalFamily).toMatchObject({ family: "approval-needed", level: 2, mailboxes: 1 });
  });

  it("leaves out Information alerts, alerts older than 7 days and other profiles' mailboxes", async () => {
    const world = scenario({}, [{ count: 2 }]);
    const other = scenario({}, [{ count: 1 }]);
    world.dataverse.add("mailbox", [...other.mailboxes]);
    world.dataverse.add("tracelog", [
      alertOn({ table: "mailbox", row: world.mailboxes[0] }, credentials, { level: 1 }),
      alertOn({ table: "mailbox", row: world.mailboxes[1] }, credentials, { modifiedon: new Date(Date.parse(NOW) - 7 * 24 * HOUR_MS - 1000).toISOString() }),
      alertOn({ table: "mailbox", row: other.mailboxes[0] }, credentials),
    ]);
    const report = await check(world);
    expect(report.alerts).toEqual({ status: "ok", value: { families: [], total: 0, overLimit: false, unread: 0 } });
  });

  it("takes the profile's own alerts, and does not count the profile as a mailbox", async () => {
    const world = scenario({}, [{ count: 1 }]);
    const profileAlert = "Email can't be sent/received because the credentials specified in the associated email server profile are incorrect or have insufficient permissions for sending/receiving email.";
    world.dataverse.add("tracelog", [alertOn({ table: "emailserverprofile", row: world.profile }, profileAlert)]);
    const report = await check(world);
    if (report.alerts.status !== "ok") throw new Error("alerts");
    expect(report.alerts.value.families).toEqual([expect.objectContaining({ family: "sign-in-refused", onProfile: true, mailboxes: 0, examples: [] })]);
  });

  it("keeps an alert's text exactly as Dynamics wrote it, markup included", async () => {
    const world = scenario({}, [{ count: 1 }]);
    const text = 'The mailbox <b onmouseover="x()">Pat</b> \\<Mailbox Name> failed.\nEmail Server Error Code: Crm.80048306.Not enough privilege';
    world.dataverse.add("tracelog", [alertOn({ table: "mailbox", row: world.mailboxes[0] }, text)]);
    const report = await check(world);
    if (report.alerts.status !== "ok") throw new Error("alerts");
    expect(report.alerts.value.families[0]).toMatchObject({ family: "dataverse-privilege", example: text });
  });

  it("at 100,000 alerts it asks for counts and the most recent alerts, never every row", async () => {
    const world = scenario({}, [{ count: 1000, incoming: 2 }]);
    const mailboxes = world.mailboxes;
    world.dataverse.add(
      "tracelog",
      many(100_000, (index) =>
        alertOn({ table: "mailbox", row: mailboxes[index % 1000] }, index % 2 === 0 ? credentials : approval, {
          tracelogid: fakeGuid(77, index),
          tracecode: index % 2 === 0 ? 401 : 17,
          level: index % 2 === 0 ? 3 : 2,
          modifiedon: hoursAgo(1 + (index % 100)),
        }),
      ),
    );
    const original = world.dataverse.retrieveMultipleRecords.bind(world.dataverse);
    let rowsAnswered = 0;
    world.dataverse.retrieveMultipleRecords = async (entity: string, options?: string, maxPageSize?: number) => {
      const answer = await original(entity, options, maxPageSize);
      rowsAnswered += answer.entities.length;
      return answer;
    };
    const report = await check(world);
    if (report.alerts.status !== "ok") throw new Error("alerts");
    // Dataverse's counts and at most two looks of 250 alerts in full: never the 100,000 rows.
    expect(rowsAnswered).toBeLessThanOrEqual(1 + 108 + 2 * 250);
    // More than 50,000 alerts: the counts come from the most recent, and say "at least".
    expect(report.alerts.value.overLimit).toBe(true);
    expect(report.alerts.value.families.map((family) => family.family).sort()).toEqual(["approval-needed", "sign-in-refused"]);
    expect(report.alerts.value.families.every((family) => family.atLeast)).toBe(true);
    expect(requestsOf(world.dataverse)).toBeLessThanOrEqual(5);
  });

  it("a family the most recent alerts crowd out is still found, by a second look at its group's newest alert", async () => {
    const world = scenario({}, [{ count: 300, incoming: 2 }]);
    const quota = "The email message X cannot be sent.\nEmail Server Error Code: ErrorQuotaExceeded";
    world.dataverse.add("tracelog", [
      ...world.mailboxes.map((mailbox, index) => alertOn({ table: "mailbox", row: mailbox }, credentials, { tracelogid: fakeGuid(79, index), tracecode: 401, modifiedon: hoursAgo(1 + index / 100) })),
      ...world.mailboxes.slice(0, 7).map((mailbox, index) => alertOn({ table: "mailbox", row: mailbox }, quota, { tracelogid: fakeGuid(80, index), tracecode: 55, modifiedon: hoursAgo(90 + index) })),
    ]);
    const report = await check(world);
    if (report.alerts.status !== "ok") throw new Error("alerts");
    expect(report.alerts.value.families).toEqual([
      expect.objectContaining({ family: "sign-in-refused", mailboxes: 300, atLeast: false }),
      expect.objectContaining({ family: "quota", mailboxes: 7, atLeast: false, lastSeen: hoursAgo(90) }),
    ]);
    expect(report.alerts.value.unread).toBe(0);
    expect(world.dataverse.requests.length).toBe(5);
  });

  it("with more alerts than it reads in full, a code whose alerts are all one family lends that family Dataverse's count", async () => {
    const world = scenario({}, [{ count: 400, incoming: 2 }]);
    world.dataverse.add(
      "tracelog",
      world.mailboxes.map((mailbox, index) => alertOn({ table: "mailbox", row: mailbox }, credentials, { tracelogid: fakeGuid(78, index), tracecode: 401, modifiedon: hoursAgo(1 + index / 100) })),
    );
    const report = await check(world);
    if (report.alerts.status !== "ok") throw new Error("alerts");
    expect(report.alerts.value.families).toEqual([expect.objectContaining({ family: "sign-in-refused", mailboxes: 400, atLeast: false })]);
  });
});

describe("limits and failures: each part fails alone, nothing is written, nothing rejects", () => {
  it("over 50,000 mailboxes with more than 50,000 of them failing, and 300 alerts: still five requests, and counts said as too many", async () => {
    const world = scenario({}, [{ count: 60_000, incoming: 2 }]);
    world.dataverse.add("tracelog", world.mailboxes.slice(0, 300).map((mailbox, index) => alertOn({ table: "mailbox", row: mailbox }, "Email Server Error Code: ErrorQuotaExceeded", { tracelogid: fakeGuid(81, index), tracecode: 7 })));
    const report = await check(world);
    expect(countsOf(report)).toMatchObject({ troubledOverLimit: true, total: undefined });
    expect(world.dataverse.requests.length).toBeLessThanOrEqual(5);
  });

  it("makes at most 5 requests, none of them writes", async () => {
    const world = scenario({ incomingcredentialretrieval: 1 }, [{ count: 10, incoming: 2 }]);
    world.dataverse.add("tracelog", [alertOn({ table: "mailbox", row: world.mailboxes[0] }, "Email Server Error Code: ErrorQuotaExceeded")]);
    await check(world);
    expect(world.dataverse.requests.length).toBeLessThanOrEqual(5);
    expect(world.dataverse.requests.every((request) => request.operation === "retrieveMultipleRecords")).toBe(true);
    expect(world.dataverse.writes).toEqual([]);
  });

  // prvReadTraceLog exists only at organization depth ("TraceLog entity privileges"): without it, 403.
  it("a user who may not read alerts gets the mailboxes, and the alerts are left out as denied", async () => {
    const world = scenario({}, [{ count: 2, incoming: 2 }]);
    world.dataverse.deny("tracelog");
    const report = await check(world);
    expect(report.alerts).toEqual({ status: "denied" });
    expect(countsOf(report)).toMatchObject({ total: 2, failing: 2 });
  });

  it("a user who may not read mailboxes still gets the alerts", async () => {
    const world = scenario({}, [{ count: 1 }]);
    world.dataverse.add("tracelog", [alertOn({ table: "emailserverprofile", row: world.profile }, "Email Server Error Code: InvalidIncomingEmailServerProfile")]);
    world.dataverse.deny("mailbox");
    const report = await check(world);
    expect(report.mailboxes).toEqual({ status: "denied" });
  });

  // "Service protection API limits": 429 with Retry-After; interactive clients retry after it.
  it("a 429 is retried once after its Retry-After, and the retry is not one of the five", async () => {
    const world = scenario({}, [{ count: 3 }]);
    world.dataverse.throttle(1, 2);
    const waits: number[] = [];
    const report = await check(world, { wait: (ms) => (waits.push(ms), Promise.resolve()) });
    expect(waits).toEqual([2000]);
    expect(report.profile.status).toBe("ok");
    expect(report.mailboxes.status).toBe("ok");
    expect(world.dataverse.requests.length).toBeLessThanOrEqual(6);
  });

  it("a second 429 is 'could not check now' for that part only", async () => {
    const world = scenario({}, [{ count: 3 }]);
    world.dataverse.throttle(8, 1);
    const report = await check(world);
    expect([report.profile.status, report.mailboxes.status, report.alerts.status]).toEqual(["failed", "failed", "failed"]);
  });

  it("a part that hangs is 'could not check now' after the time-out, and the others answer", async () => {
    jest.useFakeTimers();
    try {
      const world = scenario({}, [{ count: 3 }]);
      world.dataverse.hang("tracelog");
      const pending = createProfileHealth(world.dataverse, { now, wait: noWait, timeoutMs: 10_000 }).check(world.profileId);
      await jest.advanceTimersByTimeAsync(10_000);
      const report = await pending;
      expect(report.alerts).toEqual({ status: "failed" });
      expect(countsOf(report)).toMatchObject({ total: 3 });
    } finally {
      jest.useRealTimers();
    }
  });

  it("any other failure is 'could not check now', and the promise never rejects", async () => {
    const world = scenario({}, [{ count: 3 }]);
    world.dataverse.failWith("mailbox", { code: "0x80040216", message: "An unexpected error occurred.", status: 500 });
    const report = await check(world);
    expect(report.mailboxes).toEqual({ status: "failed" });
    const throwing = { retrieveMultipleRecords: () => { throw new Error("no Web API here"); } };
    await expect(createProfileHealth(throwing, { now }).check(world.profileId)).resolves.toMatchObject({ profile: { status: "failed" } });
  });

  it("a record id that is not a GUID never reaches a query", async () => {
    const world = scenario({}, []);
    const report = await createProfileHealth(world.dataverse, { now }).check("x' or 1 eq 1 or '");
    expect(report.profile.status).toBe("failed");
    expect(world.dataverse.requests).toEqual([]);
  });
});
