import {
  AGGREGATE_RECORD_LIMIT,
  alertRow,
  FakeDataverse,
  fakeGuid,
  fetchXmlOptions,
  mailboxRow,
  many,
  MORE_RECORDS,
  profileRow,
  referenceTo,
  signedErrorCode,
  type Row,
} from "./fakeDataverse";
import { column, isPending, rejection, sampleDataverse } from "./sample";

const CLOCK = "2026-11-30T10:00:00Z";
const profile = profileRow({ emailserverprofileid: fakeGuid(9, 1), name: "Exchange Online" });

/** A fake holding `count` mailboxes, built cheaply. */
function withMailboxes(count: number): FakeDataverse {
  const rows = many(count, (index) => mailboxRow({ mailboxid: fakeGuid(7, index), name: `Box ${index}`, emailaddress: `box${index}@contoso.com` }));
  return new FakeDataverse({ now: CLOCK }).add("mailbox", rows);
}

/** A fake holding `count` error alerts about one mailbox. */
function withAlerts(count: number): FakeDataverse {
  const mailbox = mailboxRow({ mailboxid: fakeGuid(7, 0), name: "Box" });
  const regarding = referenceTo("mailbox", mailbox);
  const alerts = many(count, (index) => alertRow({ tracelogid: fakeGuid(8, index), regardingobjectid: regarding }));
  return new FakeDataverse({ now: CLOCK }).add("mailbox", mailbox).add("tracelog", alerts);
}

const countAlerts = (limit = "") => fetchXmlOptions(`<fetch aggregate="true"${limit}><entity name="tracelog"><attribute name="tracelogid" alias="n" aggregate="count"/></entity></fetch>`);

describe("paging: at most 5,000 rows a page (Xrm.WebApi retrieveMultipleRecords, maxPageSize)", () => {
  it.each([
    [5000, 5000, false],
    [5001, 5000, true],
  ])("%i rows: the first OData page holds %i, with a nextLink: %s", async (rows, pageSize, more) => {
    const response = await withMailboxes(rows).retrieveMultipleRecords("mailbox", "?$select=name");
    expect(response.entities).toHaveLength(pageSize);
    expect(response.nextLink !== undefined).toBe(more);
  });

  it("follows nextLink by passing its query part back as options, until every row came once", async () => {
    const fake = withMailboxes(5001);
    const first = await fake.retrieveMultipleRecords("mailbox", "?$select=name&$orderby=name");
    expect(first.nextLink).toMatch(/^https:\/\/[^/]+\/api\/data\/v9\.2\/mailboxes\?\$select=name&\$orderby=name&\$skiptoken=%3Ccookie%20pagenumber%3D%222%22/);
    const second = await fake.retrieveMultipleRecords("mailbox", `?${first.nextLink.split("?")[1]}`);
    expect(second.entities).toHaveLength(1);
    expect(second.nextLink).toBeUndefined();
    expect(new Set([...column(first, "mailboxid"), ...column(second, "mailboxid")]).size).toBe(5001);
  });

  it("honours a smaller maxPageSize and caps a larger one at 5,000", async () => {
    const fake = withMailboxes(5);
    const sizes: number[] = [];
    let options = "?$select=name";
    for (;;) {
      const page = await fake.retrieveMultipleRecords("mailbox", options, 2);
      sizes.push(page.entities.length);
      if (page.nextLink === undefined) break;
      options = `?${page.nextLink.split("?")[1]}`;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect((await withMailboxes(5001).retrieveMultipleRecords("mailbox", "?$select=name", 10_000)).entities).toHaveLength(5000);
    expect(await rejection(fake.retrieveMultipleRecords("mailbox", "?$select=name", 0))).toMatchObject({ status: 400 });
  });

  it.each([
    [5000, 5000, false],
    [5001, 5000, true],
  ])("FetchXML over %i rows: the first page holds %i, morerecords %s, a paging cookie only when more follow", async (rows, pageSize, more) => {
    const response = (await withMailboxes(rows).retrieveMultipleRecords("mailbox", fetchXmlOptions(`<fetch><entity name="mailbox"><attribute name="name"/></entity></fetch>`))) as unknown as Row;
    expect(response.entities).toHaveLength(pageSize);
    expect(response[MORE_RECORDS]).toBe(more);
    expect(response.fetchXmlPagingCookie !== undefined).toBe(more);
  });

  it("FetchXML honours count and page", async () => {
    const fake = withMailboxes(5);
    const page = (number: number) => fake.retrieveMultipleRecords("mailbox", fetchXmlOptions(`<fetch count="2" page="${number}"><entity name="mailbox"><attribute name="name"/><order attribute="name"/></entity></fetch>`));
    const first = await page(1);
    const third = await page(3);
    expect(column(first, "name")).toEqual(["Box 0", "Box 1"]);
    expect(column(third, "name")).toEqual(["Box 4"]);
    expect((third as unknown as Row)[MORE_RECORDS]).toBe(false);
    expect((first as unknown as Row).fetchXmlPagingCookie).toMatch(/^<cookie pagenumber="2" pagingcookie="%253ccookie%2520page%253d%25221%2522%253e/i);
  });
});

describe("the aggregate limit (aggregate-data.md: 50,000 records, AggregateQueryRecordLimit)", () => {
  // powerapps-docs developer/data-platform/fetchxml/aggregate-data.md, "Limitations".
  it("aggregates exactly 50,000 rows", async () => {
    const response = await withAlerts(AGGREGATE_RECORD_LIMIT).retrieveMultipleRecords("tracelog", countAlerts());
    expect(response.entities).toEqual([{ n: 50_000 }]);
  });

  // aggregate-data.md: error code -2147164125, hex 8004E023, "AggregateQueryRecordLimit exceeded. Cannot perform this operation."
  it("refuses 50,001 with -2147164125 (0x8004E023)", async () => {
    const error = await rejection(withAlerts(AGGREGATE_RECORD_LIMIT + 1).retrieveMultipleRecords("tracelog", countAlerts()));
    expect(error).toMatchObject({ status: 400, code: "0x8004E023", errorCode: 0x8004e023, message: "AggregateQueryRecordLimit exceeded. Cannot perform this operation." });
    expect(signedErrorCode(error)).toBe(-2147164125);
  });

  // aggregate-data.md, "Per query limit": aggregatelimit lowers the limit and "can't exceed default aggregate limit".
  it("refuses past a lower aggregatelimit, and never lets it raise the limit", async () => {
    expect((await withAlerts(10).retrieveMultipleRecords("tracelog", countAlerts(` aggregatelimit="10"`))).entities).toEqual([{ n: 10 }]);
    expect(await rejection(withAlerts(11).retrieveMultipleRecords("tracelog", countAlerts(` aggregatelimit="10"`)))).toMatchObject({ code: "0x8004E023" });
    expect(await rejection(withAlerts(AGGREGATE_RECORD_LIMIT + 1).retrieveMultipleRecords("tracelog", countAlerts(` aggregatelimit="60000"`)))).toMatchObject({ code: "0x8004E023" });
  });
});

describe("the platform's failures", () => {
  // powerapps-docs developer/data-platform/webapi/compose-http-requests-handle-errors.md (403 for PrivilegeDenied);
  // data-service-error-codes.md (PrivilegeDenied 0x80040220 / -2147220960); message form from faq-case-mgmt.md.
  it("deny: reads fail with 403 PrivilegeDenied naming the privilege (compose-http-requests-handle-errors.md; 0x80040220)", async () => {
    const { fake } = sampleDataverse();
    fake.deny("tracelog");
    const error = await rejection(fake.retrieveMultipleRecords("tracelog", "?$select=text"));
    expect(error).toMatchObject({ status: 403, code: "0x80040220", errorCode: 0x80040220 });
    expect(signedErrorCode(error)).toBe(-2147220960);
    expect(error.message).toMatch(/^Principal user \(Id=.*\), is missing prvReadTraceLog privilege .* for entity 'tracelog'/);
    expect((await fake.retrieveMultipleRecords("mailbox", "?$select=name")).entities).toHaveLength(5);
  });

  // compose-http-requests-handle-errors.md: 403 PrivilegeDenied, whichever way the table is reached.
  it("deny: a join or a navigation into the denied table fails the same way", async () => {
    const { fake } = sampleDataverse();
    fake.deny("mailbox");
    const join = `<fetch><entity name="tracelog"><link-entity name="mailbox" from="mailboxid" to="regardingobjectid"/></entity></fetch>`;
    expect(await rejection(fake.retrieveMultipleRecords("tracelog", fetchXmlOptions(join)))).toMatchObject({ status: 403 });
    expect(await rejection(fake.retrieveMultipleRecords("tracelog", "?$filter=regardingobjectid_mailbox/name eq 'Ada'"))).toMatchObject({ status: 403 });
  });

  // powerapps-docs developer/data-platform/api-limits.md: 429, Retry-After in seconds, -2147015902 / 0x80072322.
  it("throttle: the next requests fail with 429, Retry-After and -2147015902 (api-limits.md), then service resumes", async () => {
    const { fake } = sampleDataverse();
    fake.throttle(2, 30);
    for (const call of [fake.retrieveMultipleRecords("mailbox"), fake.createRecord("mailbox", { name: "New" })]) {
      const error = await rejection(call);
      expect(error).toMatchObject({ status: 429, code: "0x80072322", retryAfter: 30, headers: { "Retry-After": "30" } });
      expect(error.message).toBe("Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
      expect(signedErrorCode(error)).toBe(-2147015902);
    }
    expect((await fake.retrieveMultipleRecords("mailbox")).entities).toHaveLength(5);
  });

  // Not a platform error: a request stuck on the network, which callers must time out themselves.
  it("hang: requests to that table never settle; other tables still answer", async () => {
    const { fake } = sampleDataverse();
    fake.hang("mailbox");
    expect(await isPending(fake.retrieveMultipleRecords("mailbox", "?$select=name"))).toBe(true);
    expect(await isPending(fake.retrieveMultipleRecords("tracelog", "?$select=text"))).toBe(false);
  });

  // compose-http-requests-handle-errors.md lists 503 Service Unavailable; any status and code can be injected.
  it("failWith: any other failure, in the same shape", async () => {
    const { fake } = sampleDataverse();
    fake.failWith("systemuser", { status: 503, code: "0x80040216", message: "Service Unavailable" });
    expect(await rejection(fake.retrieveMultipleRecords("systemuser"))).toMatchObject({ status: 503, code: "0x80040216", errorCode: 0x80040216, message: "Service Unavailable" });
    fake.heal();
    expect((await fake.retrieveMultipleRecords("systemuser")).entities).toEqual([]);
  });
});

describe("requests and writes are recorded", () => {
  it("records each read with its options decoded", async () => {
    const { fake } = sampleDataverse();
    await fake.retrieveMultipleRecords("mailbox", `?$select=name&$filter=name eq '${encodeURIComponent("O''Brien & co")}'`, 50);
    expect(fake.requests).toEqual([
      {
        operation: "retrieveMultipleRecords",
        entity: "mailbox",
        options: "?$select=name&$filter=name eq 'O''Brien%20%26%20co'",
        maxPageSize: 50,
        query: { $select: "name", $filter: "name eq 'O''Brien & co'" },
        fetchXml: undefined,
        filter: "name eq 'O''Brien & co'",
      },
    ]);
    expect(fake.writes).toEqual([]);
  });

  it("creates, updates and deletes rows, stamping modifiedon from the clock, and records each write", async () => {
    const { fake, jdoe } = sampleDataverse();
    const created = await fake.createRecord("mailbox", { name: "New", emailaddress: "new@contoso.com", "emailserverprofile@odata.bind": `/emailserverprofiles(${fakeGuid(1, 2)})` });
    const row = await fake.retrieveRecord("mailbox", created.id, "?$select=name,_emailserverprofile_value");
    expect(row).toMatchObject({ name: "New", _emailserverprofile_value: fakeGuid(1, 2), "_emailserverprofile_value@OData.Community.Display.V1.FormattedValue": "POP3" });
    await fake.updateRecord("mailbox", jdoe.mailboxid as string, { incomingemailstatus: 1 });
    expect(fake.rows("mailbox").find((mailbox) => mailbox.name === "J_Doe")).toMatchObject({ incomingemailstatus: 1, modifiedon: "2026-11-30T10:00:00.000Z" });
    await fake.deleteRecord("mailbox", created.id);
    // data-service-error-codes.md: ObjectDoesNotExist 0x80040217; compose-http-requests-handle-errors.md: 404 Not Found.
    expect(await rejection(fake.retrieveRecord("mailbox", created.id))).toMatchObject({ status: 404, code: "0x80040217" });
    expect(fake.writes.map((write) => write.operation)).toEqual(["createRecord", "updateRecord", "deleteRecord"]);
  });

  // compose-http-requests-handle-errors.md: 400 Bad Request "when an argument is invalid".
  it("refuses a write to an unknown column or a lookup set without @odata.bind", async () => {
    const { fake } = sampleDataverse();
    expect(await rejection(fake.createRecord("mailbox", { nosuch: 1 }))).toMatchObject({ status: 400 });
    expect(await rejection(fake.createRecord("mailbox", { _emailserverprofile_value: fakeGuid(1, 2) }))).toMatchObject({ status: 400 });
  });
});

describe("the tables are data", () => {
  it("takes another table, with a lookup the queries can follow", async () => {
    const fake = sampleDataverse().fake.defineTable({
      logicalName: "queue",
      entitySetName: "queues",
      primaryKey: "queueid",
      primaryName: "name",
      readPrivilege: "prvReadQueue",
      columns: { queueid: { type: "uniqueidentifier" }, name: { type: "string" }, defaultmailbox: { type: "lookup", targets: ["mailbox"] } },
    });
    const { ada } = sampleDataverse();
    await fake.createRecord("queue", { queueid: fakeGuid(4, 1), name: "Support", "defaultmailbox@odata.bind": `/mailboxes(${ada.mailboxid as string})` });
    const viaNavigation = await fake.retrieveMultipleRecords("queue", "?$select=name&$filter=defaultmailbox/emailaddress eq 'ada@contoso.com'");
    expect(column(viaNavigation, "name")).toEqual(["Support"]);
    const viaJoin = `<fetch><entity name="queue"><attribute name="name"/><link-entity name="mailbox" from="mailboxid" to="defaultmailbox" alias="m"><attribute name="name"/></link-entity></entity></fetch>`;
    expect((await fake.retrieveMultipleRecords("queue", fetchXmlOptions(viaJoin))).entities).toEqual([{ queueid: fakeGuid(4, 1), name: "Support", "m.name": "Ada" }]);
  });
});

describe("scale: 120,000 mailboxes and 100,000 alerts stay quick to build and query", () => {
  it("evaluates a navigation filter and a polymorphic join over them", async () => {
    const mailboxes = many(120_000, (index) =>
      mailboxRow({ mailboxid: fakeGuid(5, index), name: `Box ${index}`, emailaddress: `box${index}@contoso.com`, emailserverprofile: index % 4 === 0 ? referenceTo("emailserverprofile", profile) : null }),
    );
    const alerts = many(100_000, (index) => alertRow({ tracelogid: fakeGuid(6, index), regardingobjectid: referenceTo("mailbox", mailboxes[index]), level: (index % 3) + 1 }));
    const fake = new FakeDataverse({ now: CLOCK }).add("emailserverprofile", profile).add("mailbox", mailboxes).add("tracelog", alerts);

    const viaNavigation = await fake.retrieveMultipleRecords("tracelog", `?$select=tracelogid&$filter=regardingobjectid_mailbox/_emailserverprofile_value eq ${fakeGuid(9, 1)} and level eq 3`);
    expect(viaNavigation.entities).toHaveLength(5000);
    expect(viaNavigation.nextLink).toBeDefined();

    const join = `<fetch aggregate="true"><entity name="tracelog"><attribute name="tracelogid" alias="n" aggregate="count"/><filter><condition attribute="level" operator="eq" value="3"/></filter>
      <link-entity name="mailbox" from="mailboxid" to="regardingobjectid"><filter><condition attribute="emailserverprofile" operator="eq" value="${fakeGuid(9, 1)}"/></filter></link-entity></entity></fetch>`;
    // Alert i regards mailbox i; every fourth mailbox uses the profile and alert i is an error when i % 3 is 2: i = 8, 20, 32, … < 100,000.
    expect((await fake.retrieveMultipleRecords("tracelog", fetchXmlOptions(join))).entities).toEqual([{ n: 8333 }]);
  });
});
