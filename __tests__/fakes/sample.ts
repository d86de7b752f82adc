import { alertRow, DataverseError, FakeDataverse, fakeGuid, mailboxRow, profileRow, referenceTo, type Row } from "./fakeDataverse";

type Response = ComponentFramework.WebApi.RetrieveMultipleResponse;

/** Two profiles, five mailboxes and four alerts: small enough to read every expectation off this file. */
export function sampleDataverse() {
  const online = profileRow({ emailserverprofileid: fakeGuid(1, 1), name: "Exchange Online" });
  const pop3 = profileRow({ emailserverprofileid: fakeGuid(1, 2), name: "POP3", servertype: 1 });
  const toOnline = referenceTo("emailserverprofile", online);
  const toPop3 = referenceTo("emailserverprofile", pop3);
  const mailbox = (index: number, name: string, emailaddress: string | null, profile: typeof toOnline | null, status: number, createdon: string, act = false) =>
    mailboxRow({ mailboxid: fakeGuid(2, index), name, emailaddress, emailserverprofile: profile, incomingemailstatus: status, createdon, enabledforact: act });
  const ada = mailbox(1, "Ada", "ada@contoso.com", toOnline, 1, "2026-11-01T08:00:00Z");
  const jxdoe = mailbox(2, "J X Doe", "jxdoe@contoso.com", toPop3, 2, "2026-11-20T08:00:00Z", true);
  const jdoe = mailbox(3, "J_Doe", "j_doe@contoso.com", null, 0, "2026-11-29T08:00:00Z");
  const obrien = mailbox(4, "O'Brien", "o'brien@contoso.com", toOnline, 1, "2026-11-30T09:00:00Z");
  const sales = mailbox(5, "Sales 100%", null, toPop3, 0, "2026-11-15T08:00:00Z");
  const alert = (index: number, regarding: Row, table: string, level: number, createdon: string, tracecode = 13) =>
    alertRow({ tracelogid: fakeGuid(3, index), regardingobjectid: referenceTo(table, regarding), level, createdon, tracecode, text: `Alert ${index}` });
  const alerts = [
    alert(1, ada, "mailbox", 3, "2026-11-29T12:00:00Z", 13),
    alert(2, jxdoe, "mailbox", 2, "2026-11-10T12:00:00Z", 20),
    alert(3, online, "emailserverprofile", 3, "2026-11-30T09:00:00Z", 7),
    alert(4, ada, "mailbox", 1, "2026-11-30T08:00:00Z", 40),
  ];
  const fake = new FakeDataverse({ now: "2026-11-30T10:00:00Z" })
    .add("emailserverprofile", [online, pop3])
    .add("mailbox", [ada, jxdoe, jdoe, obrien, sales])
    .add("tracelog", alerts);
  return { fake, online, pop3, ada, jxdoe, jdoe, obrien, sales, alerts };
}

/** One column of every returned row, in order. */
export function column(response: Response, name: string): unknown[] {
  return (response.entities as Row[]).map((row) => row[name]);
}

/** The error a call rejected with; fails the test when it resolved. */
export async function rejection(call: Promise<unknown>): Promise<DataverseError> {
  try {
    await call;
  } catch (error) {
    return error as DataverseError;
  }
  throw new Error("Expected the call to reject, but it resolved");
}

/** Whether a promise is still pending after the event loop has had a few turns. */
export async function isPending(call: Promise<unknown>): Promise<boolean> {
  const pending = Symbol("pending");
  const settled = call.then(
    () => "resolved",
    () => "rejected",
  );
  const winner = await Promise.race([settled, new Promise((resolve) => setTimeout(() => resolve(pending), 25))]);
  return winner === pending;
}
