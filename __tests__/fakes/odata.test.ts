import { alertRow, FORMATTED, LOOKUP_TABLE, fakeGuid, profileRow, referenceTo, type Row } from "./fakeDataverse";
import { column, rejection, sampleDataverse } from "./sample";

const PROFILE_ONLINE = fakeGuid(1, 1);
const PROFILE_POP3 = fakeGuid(1, 2);

/** Names of the mailboxes a $filter selects, in stored order; the filter is URI-encoded unless it already is. */
async function mailboxesWhere(filter: string, encoded = false): Promise<unknown[]> {
  const { fake } = sampleDataverse();
  const value = encoded ? filter : encodeURIComponent(filter);
  return column(await fake.retrieveMultipleRecords("mailbox", `?$select=name&$filter=${value}`), "name");
}

describe("OData $filter is evaluated against the rows", () => {
  it.each([
    ["name eq 'Ada'", ["Ada"]],
    ["name eq 'ADA'", ["Ada"]],
    ["name ne 'Ada'", ["J X Doe", "J_Doe", "O'Brien", "Sales 100%"]],
    ["emailaddress ne 'ada@contoso.com'", ["J X Doe", "J_Doe", "O'Brien"]],
    ["emailaddress eq null", ["Sales 100%"]],
    ["emailaddress ne null", ["Ada", "J X Doe", "J_Doe", "O'Brien"]],
    ["incomingemailstatus gt 1", ["J X Doe"]],
    ["incomingemailstatus ge 1", ["Ada", "J X Doe", "O'Brien"]],
    ["incomingemailstatus lt 1", ["J_Doe", "Sales 100%"]],
    ["incomingemailstatus le 1", ["Ada", "J_Doe", "O'Brien", "Sales 100%"]],
    ["createdon gt 2026-11-20T08:00:00Z", ["J_Doe", "O'Brien"]],
    ["createdon ge 2026-11-20T08:00:00Z", ["J X Doe", "J_Doe", "O'Brien"]],
    ["createdon lt 2026-11-15", ["Ada"]],
    ["enabledforact eq true", ["J X Doe"]],
    ["enabledforact eq false and incomingemailstatus eq 0", ["J_Doe", "Sales 100%"]],
    [`_emailserverprofile_value eq ${PROFILE_POP3}`, ["J X Doe", "Sales 100%"]],
    [`_emailserverprofile_value eq ${PROFILE_POP3.toUpperCase()}`, ["J X Doe", "Sales 100%"]],
    ["_emailserverprofile_value eq null", ["J_Doe"]],
    ["not (incomingemailstatus eq 1)", ["J X Doe", "J_Doe", "Sales 100%"]],
    ["not incomingemailstatus eq 1", ["J X Doe", "J_Doe", "Sales 100%"]],
    // "and" binds tighter than "or"; parentheses change it.
    ["name eq 'Ada' or name eq 'J_Doe' and incomingemailstatus eq 2", ["Ada"]],
    ["(name eq 'Ada' or name eq 'J_Doe') and incomingemailstatus eq 0", ["J_Doe"]],
    ["name eq 'O''Brien'", ["O'Brien"]],
    ["emailaddress eq 'o''brien@contoso.com'", ["O'Brien"]],
  ])("%s", async (filter, expected) => {
    expect(await mailboxesWhere(filter)).toEqual(expected);
  });
});

describe("startswith, endswith and contains are LIKE patterns, with Dataverse's wildcards", () => {
  it.each([
    // "_" matches any one character, so an unescaped j_doe also finds jxdoe.
    ["startswith(emailaddress,'j_doe')", ["J X Doe", "J_Doe"]],
    ["startswith(emailaddress,'j[_]doe')", ["J_Doe"]],
    ["startswith(name,'S%0')", ["Sales 100%"]],
    ["contains(name,'[%]')", ["Sales 100%"]],
    ["contains(name,'%')", ["Ada", "J X Doe", "J_Doe", "O'Brien", "Sales 100%"]],
    ["startswith(name,'[a-j]')", ["Ada", "J X Doe", "J_Doe"]],
    ["startswith(name,'[^a-j]')", ["O'Brien", "Sales 100%"]],
    ["startswith(name,'[[]')", []],
    ["endswith(emailaddress,'@CONTOSO.com')", ["Ada", "J X Doe", "J_Doe", "O'Brien"]],
    ["not startswith(name,'J')", ["Ada", "O'Brien", "Sales 100%"]],
    ["contains(emailaddress,'''')", ["O'Brien"]],
  ])("%s", async (filter, expected) => {
    expect(await mailboxesWhere(filter)).toEqual(expected);
  });
});

describe("a string literal is data, never query text", () => {
  it.each([
    ["a doubled quote keeps the rest inside the literal", encodeURIComponent("name eq 'Ada'' or 1 eq 1 or name eq ''x'")],
    ["an encoded value holding ' or 1 eq 1' finds nothing", `name eq '${encodeURIComponent("Ada'' or 1 eq 1")}'`],
    ["an encoded '&' stays in the value", `name eq '${encodeURIComponent("Ada&$top=1")}'`],
  ])("%s", async (_, filter) => {
    expect(await mailboxesWhere(filter, true)).toEqual([]);
  });

  // compose-http-requests-handle-errors.md: a query the service cannot parse is a 400 Bad Request.
  it("an undoubled quote ends the literal, and what follows is rejected rather than matched", async () => {
    const { fake } = sampleDataverse();
    const error = await rejection(fake.retrieveMultipleRecords("mailbox", "?$filter=name eq 'x' or 1 eq 1"));
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining("must start with a property name") as string });
  });

  it("decodes each value as the service does: %XX, and '+' as a space", async () => {
    const { fake } = sampleDataverse();
    expect(column(await fake.retrieveMultipleRecords("mailbox", "?$filter=name%20eq%20%27O%27%27Brien%27"), "name")).toEqual(["O'Brien"]);
    expect(column(await fake.retrieveMultipleRecords("mailbox", "?$filter=name+eq+'Ada'"), "name")).toEqual(["Ada"]);
  });
});

describe("single-valued navigation through the polymorphic regarding lookup", () => {
  it("follows regardingobjectid_mailbox only where the regarding record is a mailbox", async () => {
    const { fake } = sampleDataverse();
    const response = await fake.retrieveMultipleRecords("tracelog", `?$select=text&$filter=regardingobjectid_mailbox/_emailserverprofile_value eq ${PROFILE_ONLINE}`);
    // Alert 3 regards the Exchange Online profile itself, not a mailbox of it.
    expect(column(response, "text")).toEqual(["Alert 1", "Alert 4"]);
  });

  it("reads the lookup's target table, not only its id: a profile alert never reaches a mailbox with the same id", async () => {
    const { fake, ada } = sampleDataverse();
    const twin = profileRow({ emailserverprofileid: ada.mailboxid, name: "Twin" });
    fake.add("emailserverprofile", twin).add("tracelog", alertRow({ text: "About the twin profile", regardingobjectid: referenceTo("emailserverprofile", twin) }));
    const response = await fake.retrieveMultipleRecords("tracelog", "?$select=text&$filter=regardingobjectid_mailbox/name eq 'Ada'");
    expect(column(response, "text")).toEqual(["Alert 1", "Alert 4"]);
  });

  it("reaches the other target through its own navigation property", async () => {
    const { fake } = sampleDataverse();
    const response = await fake.retrieveMultipleRecords("tracelog", `?$filter=regardingobjectid_emailserverprofile/emailserverprofileid eq ${PROFILE_ONLINE}`);
    expect(column(response, "text")).toEqual(["Alert 3"]);
  });

  it("combines with the row's own columns", async () => {
    const { fake } = sampleDataverse();
    const response = await fake.retrieveMultipleRecords("tracelog", `?$filter=regardingobjectid_mailbox/name eq 'Ada' and level eq 3`);
    expect(column(response, "text")).toEqual(["Alert 1"]);
  });
});

describe("$select, $orderby and $top", () => {
  it("returns the selected columns, the primary key and the selected lookup's annotations", async () => {
    const { fake } = sampleDataverse();
    const response = await fake.retrieveMultipleRecords("mailbox", "?$select=name,_emailserverprofile_value&$filter=name eq 'Ada'");
    expect(response.entities).toEqual([
      {
        mailboxid: fakeGuid(2, 1),
        name: "Ada",
        _emailserverprofile_value: PROFILE_ONLINE,
        [`_emailserverprofile_value${FORMATTED}`]: "Exchange Online",
        [`_emailserverprofile_value${LOOKUP_TABLE}`]: "emailserverprofile",
      },
    ]);
  });

  it("returns every column without $select, choices with their labels", async () => {
    const { fake } = sampleDataverse();
    const [row] = (await fake.retrieveMultipleRecords("mailbox", "?$filter=name eq 'J X Doe'")).entities as Row[];
    expect(row).toMatchObject({ incomingemailstatus: 2, [`incomingemailstatus${FORMATTED}`]: "Failure", enabledforact: true, createdon: "2026-11-20T08:00:00Z" });
  });

  it.each([
    ["incomingemailstatus desc,name asc", ["J X Doe", "Ada", "O'Brien", "J_Doe", "Sales 100%"]],
    ["emailaddress", ["Sales 100%", "Ada", "J_Doe", "J X Doe", "O'Brien"]],
    ["createdon desc", ["O'Brien", "J_Doe", "J X Doe", "Sales 100%", "Ada"]],
  ])("orders by %s (NULL first when ascending)", async (orderby, expected) => {
    const { fake } = sampleDataverse();
    expect(column(await fake.retrieveMultipleRecords("mailbox", `?$select=name&$orderby=${orderby}`), "name")).toEqual(expected);
  });

  it("takes $top rows after ordering", async () => {
    const { fake } = sampleDataverse();
    expect(column(await fake.retrieveMultipleRecords("mailbox", "?$select=name&$orderby=name desc&$top=2"), "name")).toEqual(["Sales 100%", "O'Brien"]);
  });
});

describe("unsupported or invalid OData is rejected with a 400 that says what, never matched loosely", () => {
  // Web API errors come back as HTTP 400 "when an argument is invalid" (powerapps-docs compose-http-requests-handle-errors.md).
  it.each([
    ["?$apply=aggregate($count as n)", "$apply is not supported"],
    ["?$expand=emailserverprofile", "$expand is not supported"],
    ["?$skip=5", "$skip is not supported"],
    ["?$count=true", "$count is not supported"],
    ["?custom=1", "Unknown query option 'custom'"],
    ["$select=name", "must start with '?'"],
    ["?$select=name&$select=emailaddress", "specified more than once"],
    ["?$select=nosuchcolumn", "Could not find a property named 'nosuchcolumn'"],
    ["?$select=emailserverprofile", "Could not find a property named 'emailserverprofile'"],
    ["?$filter=name in ('Ada','Bo')", "Unsupported $filter operator 'in'"],
    ["?$filter=tolower(name) eq 'ada'", "Unsupported query function 'tolower'"],
    ["?$filter=Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=7)", "Unsupported query function 'Microsoft.Dynamics.CRM.LastXDays'"],
    ["?$filter=name eq emailaddress", "Comparing a property with another property"],
    ["?$filter=startswith(name,'A') eq true", "Comparing the result of startswith"],
    ["?$filter=name eq 'Ada", "unterminated string literal"],
    ["?$filter=name eq #1", "Syntax error: character '#'"],
    ["?$filter=(name eq 'Ada'", "unexpected end of input"],
    ["?$filter=incomingemailstatus eq '1'", "Found operand types 'Edm.Int32' and 'Edm.String'"],
    [`?$filter=_emailserverprofile_value eq '${PROFILE_ONLINE}'`, "Found operand types 'Edm.Guid' and 'Edm.String'"],
    ["?$filter=createdon gt '2026-11-01'", "Found operand types 'Edm.DateTimeOffset' and 'Edm.String'"],
    ["?$filter=startswith(incomingemailstatus,'1')", "needs a text column"],
    ["?$filter=nosuch eq 1", "Could not find a property named 'nosuch'"],
    ["?$filter=mailbox_tracelogs/any(t:t/level eq 3)", "Lambda and bound functions ('any') are not supported"],
    ["?$filter=mailbox_tracelogs/level eq 3", "Could not find a property named 'mailbox_tracelogs'"],
    ["?$filter=emailserverprofile/name/x eq 'a'", "Only one navigation step"],
    ["?$filter=", "$filter query option is empty"],
    ["?$filter=name eq '%E0%A4%A'", "not valid percent-encoding"],
    ["?$orderby=name sideways", "Unsupported $orderby item"],
    ["?$orderby=emailserverprofile/name", "navigation property"],
    ["?$top=-1", "requires a non-negative integer"],
    ["?$skiptoken=abc", "$skiptoken is not one this service issued"],
  ])("%s", async (options, message) => {
    const { fake } = sampleDataverse();
    const error = await rejection(fake.retrieveMultipleRecords("mailbox", options));
    expect(error).toMatchObject({ status: 400, code: "0x80060888" });
    expect(error.message).toContain(message);
  });

  // compose-http-requests-handle-errors.md: 404 Not Found "when the resource doesn't exist".
  it("rejects an unknown table", async () => {
    const { fake } = sampleDataverse();
    expect(await rejection(fake.retrieveMultipleRecords("account", "?$select=name"))).toMatchObject({ status: 404, message: "Resource not found for the segment 'account'." });
  });
});
