import fc from "fast-check";
import { readLastTestFailure } from "../../EmailProfileValidator/lastTest";
import { FAILURE_FAMILIES } from "../../EmailProfileValidator/failures";
import { KB_3214326, PUBLISHED_FAILURES } from "../fixtures/publishedFailures";

const KB_REQUEST = KB_3214326.slice(KB_3214326.indexOf("Request to Exchange::"), KB_3214326.indexOf("Response from Exchange:"));
const KB_RESPONSE = KB_3214326.slice(KB_3214326.indexOf("Response from Exchange:"));
const KB_FAILURE = {
  family: "no-mailbox",
  code: "ErrorNonExistentMailbox",
  httpStatus: 500,
  message: "The SMTP address has no mailbox associated with it.",
  address: "domain\\username",
};

describe("the KB 3214326 trace exactly as Microsoft published it", () => {
  it("is the published text, with its lost closing tags and markdown escapes", () => {
    expect(KB_3214326).toContain("<faultcode xmlns:a=\"https://schemas.microsoft.com/exchange/services/2006/types\">a:ErrorNonExistentMailbox>");
    expect(KB_3214326).toContain("\\<Trace Tag=\"EwsRequestHttpHeaders\"");
  });

  it.each([
    ["the whole article in one column", "", KB_3214326, ""],
    ["the whole article as Dynamics' message", "", "", KB_3214326],
    ["request and response in their own columns", KB_REQUEST, KB_RESPONSE, ""],
    ["the response alone: the fault names the address", "", KB_RESPONSE, ""],
  ])("%s", (_name, request, response, message) => {
    expect(readLastTestFailure(request, response, message)).toEqual(KB_FAILURE);
  });

  it("the request alone names the address but no failure", () => {
    expect(readLastTestFailure(KB_REQUEST, "", "")).toBeUndefined();
  });

  it("cut at every position, never throws and never reports a partial code or address", () => {
    for (let cut = 0; cut <= KB_3214326.length; cut++) {
      const failure = readLastTestFailure("", KB_3214326.slice(0, cut), "");
      if (failure === undefined) continue;
      expect([undefined, "ErrorNonExistentMailbox"]).toContain(failure.code);
      expect([undefined, "domain\\username"]).toContain(failure.address);
      expect(["no-mailbox", "other"]).toContain(failure.family);
    }
  });
});

describe("each family, from a real published sample", () => {
  it.each(PUBLISHED_FAILURES.map((sample) => ({ ...sample, label: `${sample.name} (${sample.source})` })))("$label", (sample) => {
    const failure = readLastTestFailure(sample.request ?? "", sample.response ?? "", sample.message ?? "");
    expect(failure?.family).toBe(sample.family);
    expect(failure?.code).toBe(sample.code);
    expect(failure?.innerCode).toBe(sample.innerCode);
    expect(failure?.httpStatus).toBe(sample.httpStatus);
    if (sample.address) expect(failure?.address).toBe(sample.address);
  });

  it("every family the last test explains has a published sample (the alerts' families: failures/alerts.test.ts)", () => {
    const sampled = new Set(PUBLISHED_FAILURES.map((sample) => sample.family));
    for (const row of FAILURE_FAMILIES) if ("lastTest" in row || "userName" in row) expect(sampled).toContain(row.family);
  });

  it("every sample cut at every position never throws, and names only a whole code, status or address", () => {
    for (const sample of PUBLISHED_FAILURES) {
      for (const column of ["request", "response", "message"] as const) {
        const text = sample[column];
        if (!text) continue;
        for (let cut = 0; cut <= text.length; cut++) {
          const texts = { request: sample.request ?? "", response: sample.response ?? "", message: sample.message ?? "", [column]: text.slice(0, cut) };
          const failure = readLastTestFailure(texts.request, texts.response, texts.message);
          if (failure === undefined) continue;
          expect([undefined, sample.code]).toContain(failure.code);
          expect([undefined, sample.innerCode]).toContain(failure.innerCode);
          if (sample.address) expect([undefined, sample.address]).toContain(failure.address);
        }
      }
    }
  });
});

describe("what is not a failure", () => {
  it.each([
    ["a successful test", "<m:ResponseCode>NoError</m:ResponseCode>"],
    ["a 200 status line", "<Trace Tag=\"EwsResponseHttpHeaders\">\nHTTP/1.1 200 OK\n</Trace>"],
    ["empty columns", ""],
    ["null", null],
    ["a number", 42],
    ["plain text", "Test Connection succeeded."],
    ["half a tag", "<e:ResponseCo"],
  ])("nothing for %s", (_name, text) => {
    expect(readLastTestFailure(text, text, text)).toBeUndefined();
  });

  it.each([
    ["Dynamics' message says the test passed", "Test Connection succeeded."],
    ["a message with no errors", "Incoming: Success. Outgoing: completed with no errors."],
  ])("nothing when %s", (_name, message) => {
    expect(readLastTestFailure("", "", message)).toBeUndefined();
  });

  it("a batch whose first item passed: the first code that is not NoError is the failure", () => {
    const batch =
      '<m:ResponseMessages><m:FindFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:FindFolderResponseMessage>' +
      '<m:FindFolderResponseMessage ResponseClass="Error"><m:MessageText>The SMTP address has no mailbox associated with it.</m:MessageText><m:ResponseCode>ErrorNonExistentMailbox</m:ResponseCode></m:FindFolderResponseMessage></m:ResponseMessages>';
    expect(readLastTestFailure("", batch, "")).toMatchObject({ family: "no-mailbox", code: "ErrorNonExistentMailbox" });
  });

  it("a code that is not one word is not taken as a code", () => {
    expect(readLastTestFailure("", "<ResponseCode>Error 500: boom</ResponseCode>", "")?.code).toBeUndefined();
  });

  it("entities are decoded in Exchange's message", () => {
    expect(readLastTestFailure("", "<ResponseCode>ErrorAccessDenied</ResponseCode><Message>Access &amp; rights &lt;denied&gt;</Message>", "")).toEqual({
      family: "other",
      code: "ErrorAccessDenied",
      message: "Access & rights <denied>",
    });
  });
});

describe("hostile text", () => {
  it("never throws on any text, binary junk included (property-based)", () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 3000 }),
      fc.string({ unit: "binary", maxLength: 3000 }),
      fc.string({ unit: fc.constantFrom("<", ">", "\\<", "/", ":", "t", "ResponseCode", "Value", " Name=\"SmtpAddress\"", "&", "#", "x", ";", "HTTP/1.1 ", "401", "(", ")"), maxLength: 800 }),
    );
    fc.assert(
      fc.property(junk, junk, junk, (request, response, message) => {
        const failure = readLastTestFailure(request, response, message);
        if (failure?.code) expect(failure.code).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads 100,000 characters of each column in one pass (no back-tracking)", () => {
    const huge = "<a:b>".repeat(19_000) + "<ResponseCode>ErrorServerBusy</ResponseCode>";
    const noise = "<".repeat(100_000);
    const statusNoise = "HTTP/1.1 (".repeat(10_000);
    expect(readLastTestFailure(noise, huge, statusNoise)).toMatchObject({ family: "throttled", code: "ErrorServerBusy" });
  });
});
