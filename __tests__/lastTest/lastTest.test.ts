import fc from "fast-check";
import { readLastTestFailure } from "../../EmailProfileValidator/lastTest";

/** The shape of Microsoft KB 3214326's Failure Details: the EWS request and the SOAP fault it got. */
const KB_REQUEST =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header><t:RequestServerVersion Version="Exchange2013" />' +
  "<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>domain\\username</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>" +
  '</soap:Header><soap:Body><m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:FolderShape>' +
  '<t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox" /></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>';
const KB_RESPONSE =
  '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>' +
  '<faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorNonExistentMailbox</faultcode>' +
  '<faultstring xml:lang="en-US">The SMTP address has no mailbox associated with it.</faultstring><detail>' +
  '<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorNonExistentMailbox</e:ResponseCode>' +
  '<e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The SMTP address has no mailbox associated with it.</e:Message>' +
  '<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:Value Name="SmtpAddress">domain\\username</t:Value>' +
  "</t:MessageXml></detail></s:Fault></s:Body></s:Envelope>";

const KB_FAILURE = { code: "ErrorNonExistentMailbox", message: "The SMTP address has no mailbox associated with it.", address: "domain\\username" };

describe("reading the last Test Connection", () => {
  it.each([
    ["the KB's request and fault", KB_REQUEST, KB_RESPONSE, KB_FAILURE],
    ["the fault alone names the rejected address", "", KB_RESPONSE, KB_FAILURE],
    ["the fault without its detail: the address comes from the request", KB_REQUEST, KB_RESPONSE.slice(0, KB_RESPONSE.indexOf("<detail>")), KB_FAILURE],
    [
      "another code, exactly as Exchange gave it",
      "",
      "<s:Fault><faultcode>a:ErrorImpersonateUserDenied</faultcode><faultstring>The account does not have permission to impersonate the requested user.</faultstring></s:Fault>",
      { code: "ErrorImpersonateUserDenied", message: "The account does not have permission to impersonate the requested user.", address: undefined },
    ],
    [
      "a ResponseMessage error in the body",
      "<t:SmtpAddress>jdoe@contoso.com</t:SmtpAddress>",
      '<m:GetFolderResponseMessage ResponseClass="Error"><m:MessageText>Mailbox is on an unreachable server.</m:MessageText><m:ResponseCode>ErrorMailboxMoveInProgress</m:ResponseCode></m:GetFolderResponseMessage>',
      { code: "ErrorMailboxMoveInProgress", message: "Mailbox is on an unreachable server.", address: "jdoe@contoso.com" },
    ],
    ["entities are decoded", "", "<ResponseCode>ErrorAccessDenied</ResponseCode><Message>Access &amp; rights &lt;denied&gt;</Message>", { code: "ErrorAccessDenied", message: "Access & rights <denied>", address: undefined }],
  ])("%s", (_name, request, response, expected) => {
    expect(readLastTestFailure(request, response)).toEqual(expected);
  });

  it.each([
    ["a successful test", '<m:ResponseCode>NoError</m:ResponseCode>'],
    ["empty columns", ""],
    ["null", null],
    ["a number", 42],
    ["plain text", "Test Connection succeeded."],
    ["a code that is not one word", "<ResponseCode>Error 500: boom</ResponseCode>"],
    ["half a tag", "<e:ResponseCo"],
  ])("nothing for %s", (_name, response) => {
    expect(readLastTestFailure("", response)).toBeUndefined();
  });

  it("cut off at every position, it never throws and never reports a partial code or address", () => {
    for (let cut = 0; cut <= KB_RESPONSE.length; cut++) {
      const failure = readLastTestFailure("", KB_RESPONSE.slice(0, cut));
      if (failure === undefined) continue;
      expect(["ErrorNonExistentMailbox"]).toContain(failure.code);
      expect([undefined, "domain\\username"]).toContain(failure.address);
    }
    for (let cut = 0; cut <= KB_REQUEST.length; cut++) {
      expect([undefined, "domain\\username"]).toContain(readLastTestFailure(KB_REQUEST.slice(0, cut), KB_RESPONSE.slice(0, 700))?.address);
    }
  });

  it("never throws on any text, binary junk included (property-based)", () => {
    const junk = fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: "binary", maxLength: 3000 }), fc.string({ unit: fc.constantFrom("<", ">", "/", ":", "t", "ResponseCode", "Value", " Name=\"SmtpAddress\"", "&", "#", "x", ";"), maxLength: 800 }));
    fc.assert(
      fc.property(junk, junk, (request, response) => {
        const failure = readLastTestFailure(request, response);
        if (failure) expect(failure.code).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads 100,000 characters of tags in one pass (no back-tracking)", () => {
    const huge = "<a:b>".repeat(19_000) + "<ResponseCode>ErrorServerBusy</ResponseCode>";
    const noise = "<".repeat(100_000);
    expect(readLastTestFailure(noise, huge)).toEqual({ code: "ErrorServerBusy", message: undefined, address: undefined });
  });
});
