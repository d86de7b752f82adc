import { FORMATTED, LOOKUP_TABLE, fakeGuid, fetchXmlOptions, type Row } from "./fakeDataverse";
import { rejection, sampleDataverse } from "./sample";

const PROFILE_ONLINE = fakeGuid(1, 1);
const PROFILE_POP3 = fakeGuid(1, 2);

async function aggregate(entity: string, inner: string): Promise<Row[]> {
  const { fake } = sampleDataverse();
  const response = await fake.retrieveMultipleRecords(entity, fetchXmlOptions(`<fetch aggregate="true"><entity name="${entity}">${inner}</entity></fetch>`));
  return response.entities;
}

describe("FetchXML aggregates: the aliases are the result's property names", () => {
  it.each([
    ["count counts rows", `<attribute name="tracelogid" alias="n" aggregate="count"/>`, [{ n: 4 }]],
    ["countcolumn counts values", `<attribute name="regardingobjectid" alias="n" aggregate="countcolumn"/>`, [{ n: 4 }]],
    // Alerts 1 and 4 regard the same mailbox.
    ["countcolumn distinct counts different values", `<attribute name="regardingobjectid" alias="n" aggregate="countcolumn" distinct="true"/>`, [{ n: 3 }]],
    ["max of a date is the row's ISO text", `<attribute name="createdon" alias="latest" aggregate="max"/>`, [{ latest: "2026-11-30T09:00:00Z" }]],
    ["min of a date", `<attribute name="createdon" alias="first" aggregate="min"/>`, [{ first: "2026-11-10T12:00:00Z" }]],
    ["sum and avg of an integer (avg stays an integer)", `<attribute name="tracecode" alias="s" aggregate="sum"/><attribute name="tracecode" alias="a" aggregate="avg"/>`, [{ s: 80, a: 20 }]],
    ["a filter narrows what is aggregated", `<attribute name="tracelogid" alias="n" aggregate="count"/><filter><condition attribute="level" operator="eq" value="3"/></filter>`, [{ n: 2 }]],
    ["no rows: count is 0 and max is left out", `<attribute name="tracelogid" alias="n" aggregate="count"/><attribute name="createdon" alias="latest" aggregate="max"/><filter><condition attribute="level" operator="eq" value="9"/></filter>`, [{ n: 0 }]],
  ])("%s", async (_, inner, expected) => {
    expect(await aggregate("tracelog", inner)).toEqual(expected);
  });

  it("groups by a column, with its label, ordered by alias", async () => {
    const rows = await aggregate("tracelog", `<attribute name="level" alias="level" groupby="true"/><attribute name="tracelogid" alias="n" aggregate="count"/><order alias="level" descending="true"/>`);
    expect(rows).toEqual([
      { level: 3, [`level${FORMATTED}`]: "Error", n: 2 },
      { level: 2, [`level${FORMATTED}`]: "Warning", n: 1 },
      { level: 1, [`level${FORMATTED}`]: "Information", n: 1 },
    ]);
  });

  it("groups by a link-entity's lookup, keeping the lookup's annotations under the alias", async () => {
    const rows = await aggregate(
      "tracelog",
      `<attribute name="tracelogid" alias="alerts" aggregate="count"/><attribute name="createdon" alias="latest" aggregate="max"/>
       <link-entity name="mailbox" from="mailboxid" to="regardingobjectid" alias="mb"><attribute name="emailserverprofile" alias="profile" groupby="true"/></link-entity>
       <order alias="alerts" descending="true"/>`,
    );
    expect(rows).toEqual([
      { alerts: 2, latest: "2026-11-30T08:00:00Z", profile: PROFILE_ONLINE, [`profile${FORMATTED}`]: "Exchange Online", [`profile${LOOKUP_TABLE}`]: "emailserverprofile" },
      { alerts: 1, latest: "2026-11-10T12:00:00Z", profile: PROFILE_POP3, [`profile${FORMATTED}`]: "POP3", [`profile${LOOKUP_TABLE}`]: "emailserverprofile" },
    ]);
  });

  it("groups NULL as a group of its own", async () => {
    const rows = await aggregate("mailbox", `<attribute name="emailserverprofile" alias="profile" groupby="true"/><attribute name="mailboxid" alias="n" aggregate="count"/><order alias="n"/>`);
    expect(rows.map((row) => [row.profile, row.n])).toEqual([
      [undefined, 1],
      [PROFILE_ONLINE, 2],
      [PROFILE_POP3, 2],
    ]);
  });
});

describe("aggregate queries the platform refuses are refused", () => {
  // aggregate-data.md and data-service-error-codes.md (powerapps-docs): alias required, one of aggregate or groupby, order by alias.
  it.each([
    ["an attribute without alias", `<attribute name="tracelogid" aggregate="count"/>`, "0x80041109"],
    ["an attribute with neither aggregate nor groupby", `<attribute name="text" alias="t"/>`, "0x80041107"],
    ["all-attributes", `<all-attributes/>`, "0x80041107"],
    ["groupby and aggregate on one attribute", `<attribute name="level" alias="l" groupby="true" aggregate="count"/>`, "0x80041137"],
    ["ordering by attribute", `<attribute name="tracelogid" alias="n" aggregate="count"/><order attribute="level"/>`, "0x80041131"],
    ["ordering by an unknown alias", `<attribute name="tracelogid" alias="n" aggregate="count"/><order alias="m"/>`, "0x80041109"],
    ["sum of text", `<attribute name="text" alias="s" aggregate="sum"/>`, "0x8004112F"],
    ["max of a lookup", `<attribute name="regardingobjectid" alias="m" aggregate="max"/>`, "0x8004112F"],
    ["distinct on anything but countcolumn", `<attribute name="tracecode" alias="s" aggregate="sum" distinct="true"/>`, "0x8004112F"],
    ["an unknown function", `<attribute name="tracecode" alias="s" aggregate="median"/>`, "0x8004112F"],
  ])("%s", async (_, inner, code) => {
    const { fake } = sampleDataverse();
    const xml = `<fetch aggregate="true"><entity name="tracelog">${inner}</entity></fetch>`;
    expect(await rejection(fake.retrieveMultipleRecords("tracelog", fetchXmlOptions(xml)))).toMatchObject({ status: 400, code });
  });

  // data-service-error-codes.md: QueryBuilderInvalidAggregateAttribute 0x8004112F.
  it("refuses aggregate and groupby outside an aggregate fetch", async () => {
    const { fake } = sampleDataverse();
    const xml = `<fetch><entity name="tracelog"><attribute name="tracelogid" alias="n" aggregate="count"/></entity></fetch>`;
    expect(await rejection(fake.retrieveMultipleRecords("tracelog", fetchXmlOptions(xml)))).toMatchObject({ status: 400, code: "0x8004112F" });
  });

  // The fake aggregates through FetchXML only; compose-http-requests-handle-errors.md: an unsupported query is a 400.
  it("rejects OData $apply instead of aggregating", async () => {
    const { fake } = sampleDataverse();
    const error = await rejection(fake.retrieveMultipleRecords("tracelog", "?$apply=groupby((level),aggregate($count as n))"));
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining("$apply is not supported") as string });
  });
});
