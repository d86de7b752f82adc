import { alertRow, FORMATTED, LOOKUP_TABLE, fakeGuid, fetchXmlOptions, profileRow, referenceTo, type Row } from "./fakeDataverse";
import { column, rejection, sampleDataverse } from "./sample";

const PROFILE_ONLINE = fakeGuid(1, 1);
const PROFILE_POP3 = fakeGuid(1, 2);

async function fetchRows(entity: string, xml: string, fake = sampleDataverse().fake): Promise<Row[]> {
  return (await fake.retrieveMultipleRecords(entity, fetchXmlOptions(xml))).entities;
}

/** Names of the mailboxes a filter selects, in stored order. */
async function mailboxesWhere(filter: string, fake = sampleDataverse().fake): Promise<unknown[]> {
  const rows = await fetchRows("mailbox", `<fetch><entity name="mailbox"><attribute name="name"/><filter>${filter}</filter></entity></fetch>`, fake);
  return rows.map((row) => row.name);
}

describe("FetchXML conditions are evaluated against the rows", () => {
  it.each([
    [`<condition attribute="name" operator="eq" value="ada"/>`, ["Ada"]],
    [`<condition attribute="name" operator="ne" value="Ada"/>`, ["J X Doe", "J_Doe", "O'Brien", "Sales 100%"]],
    [`<condition attribute="name" operator="neq" value="Ada"/>`, ["J X Doe", "J_Doe", "O'Brien", "Sales 100%"]],
    [`<condition attribute="incomingemailstatus" operator="gt" value="1"/>`, ["J X Doe"]],
    [`<condition attribute="incomingemailstatus" operator="ge" value="1"/>`, ["Ada", "J X Doe", "O'Brien"]],
    [`<condition attribute="incomingemailstatus" operator="lt" value="1"/>`, ["J_Doe", "Sales 100%"]],
    [`<condition attribute="incomingemailstatus" operator="le" value="1"/>`, ["Ada", "J_Doe", "O'Brien", "Sales 100%"]],
    [`<condition attribute="incomingemailstatus" operator="in"><value>0</value><value>2</value></condition>`, ["J X Doe", "J_Doe", "Sales 100%"]],
    [`<condition attribute="incomingemailstatus" operator="not-in"><value>0</value><value>2</value></condition>`, ["Ada", "O'Brien"]],
    [`<condition attribute="emailaddress" operator="null"/>`, ["Sales 100%"]],
    [`<condition attribute="emailaddress" operator="not-null"/>`, ["Ada", "J X Doe", "J_Doe", "O'Brien"]],
    [`<condition attribute="emailaddress" operator="ne" value="ada@contoso.com"/>`, ["J X Doe", "J_Doe", "O'Brien"]],
    [`<condition attribute="name" operator="like" value="J%"/>`, ["J X Doe", "J_Doe"]],
    [`<condition attribute="name" operator="like" value="J[_]%"/>`, ["J_Doe"]],
    [`<condition attribute="name" operator="like" value="%[%]"/>`, ["Sales 100%"]],
    [`<condition attribute="name" operator="not-like" value="J%"/>`, ["Ada", "O'Brien", "Sales 100%"]],
    [`<condition attribute="name" operator="begins-with" value="j_"/>`, ["J X Doe", "J_Doe"]],
    [`<condition attribute="emailaddress" operator="ends-with" value="n@contoso.com"/>`, ["O'Brien"]],
    [`<condition attribute="name" operator="eq" value="O'Brien"/>`, ["O'Brien"]],
    [`<condition attribute="name" operator="eq" value="Ada' or '1'='1"/>`, []],
    [`<condition attribute="emailserverprofile" operator="eq" value="{${PROFILE_POP3.toUpperCase()}}"/>`, ["J X Doe", "Sales 100%"]],
    [`<condition attribute="enabledforact" operator="eq" value="1"/>`, ["J X Doe"]],
    [`<condition attribute="createdon" operator="on-or-after" value="2026-11-29"/>`, ["J_Doe", "O'Brien"]],
    [`<condition attribute="createdon" operator="on-or-before" value="2026-11-15"/>`, ["Ada", "Sales 100%"]],
    // The fake's clock is 2026-11-30T10:00Z: last-x-days 1 runs from 2026-11-29T00:00Z (UTC days) until now.
    [`<condition attribute="createdon" operator="last-x-days" value="1"/>`, ["J_Doe", "O'Brien"]],
    [`<condition attribute="createdon" operator="last-x-days" value="10"/>`, ["J X Doe", "J_Doe", "O'Brien"]],
    [`<condition attribute="incomingemailstatus" operator="eq" value="0"/><filter type="or"><condition attribute="name" operator="eq" value="J_Doe"/><condition attribute="name" operator="eq" value="Ada"/></filter>`, ["J_Doe"]],
    [`<filter type="or"><condition attribute="name" operator="eq" value="Ada"/><condition attribute="incomingemailstatus" operator="eq" value="2"/></filter>`, ["Ada", "J X Doe"]],
  ])("%s", async (filter, expected) => {
    expect(await mailboxesWhere(filter)).toEqual(expected);
  });

  it("reads last-x-days against the clock a test sets", async () => {
    const { fake } = sampleDataverse();
    fake.now = new Date("2026-12-05T00:00:00Z");
    expect(await mailboxesWhere(`<condition attribute="createdon" operator="last-x-days" value="1"/>`, fake)).toEqual([]);
  });
});

describe("columns come back shaped like the Web API", () => {
  it("maps a lookup's logical name to _x_value with its annotations, and leaves NULL columns out", async () => {
    const rows = await fetchRows("mailbox", `<fetch><entity name="mailbox"><attribute name="name"/><attribute name="emailserverprofile"/><filter><condition attribute="name" operator="like" value="%Doe"/></filter></entity></fetch>`);
    expect(rows).toEqual([
      {
        mailboxid: fakeGuid(2, 2),
        name: "J X Doe",
        _emailserverprofile_value: PROFILE_POP3,
        [`_emailserverprofile_value${FORMATTED}`]: "POP3",
        [`_emailserverprofile_value${LOOKUP_TABLE}`]: "emailserverprofile",
      },
      { mailboxid: fakeGuid(2, 3), name: "J_Doe" },
    ]);
  });

  it("orders by several attributes, top takes the first rows", async () => {
    const xml = `<fetch top="3" useraworderby="true"><entity name="mailbox"><attribute name="name"/><order attribute="incomingemailstatus" descending="true"/><order attribute="name"/></entity></fetch>`;
    expect((await fetchRows("mailbox", xml)).map((row) => row.name)).toEqual(["J X Doe", "Ada", "O'Brien"]);
  });

  // "Order rows using FetchXml": a choice column sorts by its label unless the fetch asks for useraworderby.
  it("orders a choice column by its label, or by its number with useraworderby", async () => {
    const fake = sampleDataverse().fake;
    fake.add("tracelog", [alertRow({ level: 3, text: "zz an error" }), alertRow({ level: 2, text: "zz a warning" }), alertRow({ level: 1, text: "zz a notice" })]);
    const ours = '<filter><condition attribute="text" operator="begins-with" value="zz "/></filter>';
    const byLevel = (raw: string): Promise<unknown[]> =>
      fetchRows("tracelog", `<fetch${raw}><entity name="tracelog"><attribute name="text"/><order attribute="level" descending="true"/>${ours}</entity></fetch>`, fake).then((rows) => rows.map((row) => row.text));
    expect(await byLevel("")).toEqual(["zz a warning", "zz a notice", "zz an error"]);
    expect(await byLevel(' useraworderby="true"')).toEqual(["zz an error", "zz a warning", "zz a notice"]);
  });

  it("drops duplicate rows with distinct, without the primary key", async () => {
    const xml = `<fetch distinct="true" useraworderby="true"><entity name="mailbox"><attribute name="incomingemailstatus"/><order attribute="incomingemailstatus"/></entity></fetch>`;
    expect((await fetchRows("mailbox", xml)).map((row) => row.incomingemailstatus)).toEqual([0, 1, 2]);
  });
});

describe("link-entity joins, including through the polymorphic regarding lookup", () => {
  const alertsWithMailbox = (link: string) => `<fetch><entity name="tracelog"><attribute name="text"/>${link}<order attribute="text"/></entity></fetch>`;

  it("joins to=regardingobjectid only where the regarding record is of the linked table", async () => {
    const rows = await fetchRows("tracelog", alertsWithMailbox(`<link-entity name="mailbox" from="mailboxid" to="regardingobjectid" alias="mb"><attribute name="name"/><attribute name="emailserverprofile"/></link-entity>`));
    expect(rows.map((row) => [row.text, row["mb.name"], row["mb.emailserverprofile"]])).toEqual([
      ["Alert 1", "Ada", PROFILE_ONLINE],
      ["Alert 2", "J X Doe", PROFILE_POP3],
      ["Alert 4", "Ada", PROFILE_ONLINE],
    ]);
    expect(rows[0]).toMatchObject({ [`mb.emailserverprofile${FORMATTED}`]: "Exchange Online", [`mb.emailserverprofile${LOOKUP_TABLE}`]: "emailserverprofile" });
  });

  it("reaches the other target table with its own link", async () => {
    const rows = await fetchRows("tracelog", alertsWithMailbox(`<link-entity name="emailserverprofile" from="emailserverprofileid" to="regardingobjectid" alias="p"><attribute name="name" alias="profilename"/></link-entity>`));
    expect(rows.map((row) => [row.text, row.profilename])).toEqual([["Alert 3", "Exchange Online"]]);
  });

  it("reads the lookup's target table, not only its id: a profile alert never joins to a mailbox with the same id", async () => {
    const { fake, ada } = sampleDataverse();
    const twin = profileRow({ emailserverprofileid: ada.mailboxid, name: "Twin" });
    fake.add("emailserverprofile", twin).add("tracelog", alertRow({ text: "About the twin profile", regardingobjectid: referenceTo("emailserverprofile", twin) }));
    const rows = await fetchRows("tracelog", alertsWithMailbox(`<link-entity name="mailbox" from="mailboxid" to="regardingobjectid" alias="mb"><attribute name="name"/></link-entity>`), fake);
    expect(rows.map((row) => row.text)).toEqual(["Alert 1", "Alert 2", "Alert 4"]);
  });

  it("applies the link's own filter, and an inner join drops rows without a match", async () => {
    const link = `<link-entity name="mailbox" from="mailboxid" to="regardingobjectid"><filter><condition attribute="emailserverprofile" operator="eq" value="${PROFILE_POP3}"/></filter></link-entity>`;
    expect((await fetchRows("tracelog", alertsWithMailbox(link))).map((row) => row.text)).toEqual(["Alert 2"]);
  });

  it("joins from the lookup side too, an outer join keeping mailboxes with no matching alert", async () => {
    const xml = `<fetch><entity name="mailbox"><attribute name="name"/><order attribute="name"/>
      <link-entity name="tracelog" from="regardingobjectid" to="mailboxid" link-type="outer" alias="t"><attribute name="level"/><filter><condition attribute="level" operator="eq" value="3"/></filter></link-entity>
    </entity></fetch>`;
    expect((await fetchRows("mailbox", xml)).map((row) => [row.name, row["t.level"]])).toEqual([
      ["Ada", 3],
      ["J X Doe", undefined],
      ["J_Doe", undefined],
      ["O'Brien", undefined],
      ["Sales 100%", undefined],
    ]);
  });

  it("finds rows with no link through an outer join and a root condition on the link (entityname)", async () => {
    const xml = `<fetch><entity name="mailbox"><attribute name="name"/>
      <link-entity name="tracelog" from="regardingobjectid" to="mailboxid" link-type="outer" alias="t" />
      <filter><condition entityname="t" attribute="tracelogid" operator="null"/></filter>
    </entity></fetch>`;
    expect((await fetchRows("mailbox", xml)).map((row) => row.name)).toEqual(["J_Doe", "O'Brien", "Sales 100%"]);
  });
});

describe("unsupported or invalid FetchXML is rejected with the QueryBuilder error that names it", () => {
  // Codes from powerapps-docs developer/data-platform/includes/data-service-error-codes.md; all are HTTP 400.
  const mailboxFetch = (inner: string, fetchAttributes = "") => `<fetch${fetchAttributes}><entity name="mailbox">${inner}</entity></fetch>`;
  it.each([
    ["an unsupported operator", mailboxFetch(`<filter><condition attribute="name" operator="under" value="x"/></filter>`), "0x80041120"],
    ["an operator named like an Object member", mailboxFetch(`<filter><condition attribute="name" operator="toString" value="x"/></filter>`), "0x80041120"],
    ["an attribute named like an Object member", mailboxFetch(`<attribute name="constructor"/>`), "0x80041103"],
    ["a pattern operator on a number", mailboxFetch(`<filter><condition attribute="actstatus" operator="like" value="1%"/></filter>`), "0x80041120"],
    ["last-x-days on text", mailboxFetch(`<filter><condition attribute="name" operator="last-x-days" value="1"/></filter>`), "0x80041120"],
    ["a value of the wrong type", mailboxFetch(`<filter><condition attribute="actstatus" operator="eq" value="Failure"/></filter>`), "0x80041108"],
    ["a lookup compared with text", mailboxFetch(`<filter><condition attribute="emailserverprofile" operator="eq" value="POP3"/></filter>`), "0x80041108"],
    ["in without values", mailboxFetch(`<filter><condition attribute="actstatus" operator="in" value="1"/></filter>`), "0x80041108"],
    ["an unknown filter type", mailboxFetch(`<filter type="xor"><condition attribute="name" operator="null"/></filter>`), "0x80041122"],
    ["two filters on one entity", mailboxFetch(`<filter/><filter/>`), "0x8004111c"],
    ["an unknown element", mailboxFetch(`<attribute name="name"/><bogus/>`), "0x8004111c"],
    ["dategrouping", mailboxFetch(`<attribute name="createdon" alias="m" groupby="true" dategrouping="month"/>`, ` aggregate="true"`), "0x8004111c"],
    ["link-type exists", mailboxFetch(`<link-entity name="tracelog" from="regardingobjectid" to="mailboxid" link-type="exists"/>`), "0x80041117"],
    ["an unknown attribute", mailboxFetch(`<attribute name="nosuch"/>`), "0x80041103"],
    ["the lookup's property name instead of its logical name", mailboxFetch(`<attribute name="_emailserverprofile_value"/>`), "0x80041103"],
    ["an unknown link table", mailboxFetch(`<link-entity name="account" from="accountid" to="mailboxid"/>`), "0x80041102"],
    ["an entityname with no such alias", mailboxFetch(`<filter><condition entityname="x" attribute="name" operator="null"/></filter>`), "0x8004110b"],
    ["an order alias outside aggregates", mailboxFetch(`<attribute name="name"/><order alias="name"/>`), "0x80041132"],
    ["top with paging", mailboxFetch(`<attribute name="name"/>`, ` top="5" count="5"`), "0x80041108"],
    ["top over 5,000", mailboxFetch(`<attribute name="name"/>`, ` top="5001"`), "0x80041108"],
    ["malformed XML", `<fetch><entity name="mailbox"></fetch>`, "0x80048426"],
  ])("%s", async (_, xml, code) => {
    const { fake } = sampleDataverse();
    const error = await rejection(fake.retrieveMultipleRecords("mailbox", fetchXmlOptions(xml)));
    expect(error).toMatchObject({ status: 400, code });
  });

  // data-service-error-codes.md: QueryBuilderEntitiesDontMatch 0x80041128.
  it("refuses FetchXML for another table than the one asked for", async () => {
    const { fake } = sampleDataverse();
    const error = await rejection(fake.retrieveMultipleRecords("mailbox", fetchXmlOptions(`<fetch><entity name="tracelog"/></fetch>`)));
    expect(error).toMatchObject({ status: 400, code: "0x80041128" });
  });

  it("records the decoded FetchXML so a test can read what was sent", async () => {
    const { fake } = sampleDataverse();
    const xml = `<fetch><entity name="mailbox"><filter><condition attribute="name" operator="eq" value="a&amp;b"/></filter></entity></fetch>`;
    await fake.retrieveMultipleRecords("mailbox", fetchXmlOptions(xml));
    expect(fake.requests[0]).toMatchObject({ entity: "mailbox", fetchXml: xml, query: { fetchXml: xml } });
    expect(column(await fake.retrieveMultipleRecords("mailbox", fetchXmlOptions(xml)), "name")).toEqual([]);
  });
});
