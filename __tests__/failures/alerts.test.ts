import fc from "fast-check";
import { FAILURE_FAMILIES, classifyAlert } from "../../EmailProfileValidator/failures";
import { PUBLISHED_ALERTS } from "../fixtures/publishedAlerts";
import { PUBLISHED_FAILURES } from "../fixtures/publishedFailures";

/**
 * Alerts as Microsoft publishes them (fixtures/publishedAlerts.ts: each with its article). SPEC §8: an alert is
 * recognised by its codes first (the `Email Server Error Code` token, EWS and Dynamics codes), then by published
 * wording; an alert that fits no family is "other", with nothing invented.
 */

/**
 * Published sentences that are the same words for different causes ("Troubleshooting and monitoring server-side
 * synchronization" and the KBs named): without a code, the words alone can only say what they say.
 */
const BY_WORDS_ALONE: Record<string, string> = {
  // KB 4092733 and KB 3185281 print "An unknown error occurred while sending the email message …" for a wrong SMTP port,
  // Gmail's credentials and ports, and (with its code) Exchange Online's sending limit: no family without a code.
  "KB 4092733: unknown error sending the test message (wrong SMTP port)": "other",
  "KB 3185281: Gmail, unknown error sending the test message": "other",
  // KB 3189622's alert is the generic "credentials specified in the associated email server profile are incorrect"
  // alert; only its details (401 Anonymous Request Disallowed) show the published cause, Basic authentication.
  "KB 3189622: test message cannot be sent, profile credentials": "sign-in-refused",
  "KB 3189622: email cannot be received, profile credentials": "sign-in-refused",
};

const expectedFamily = (alert: (typeof PUBLISHED_ALERTS)[number]): string => BY_WORDS_ALONE[alert.name] ?? alert.family;

describe("every published alert is read as its article says", () => {
  it.each(PUBLISHED_ALERTS.map((alert) => ({ ...alert, label: `${alert.name} (${alert.url})` })))("$label", (alert) => {
    const reading = classifyAlert(alert.text);
    expect(reading.family).toBe(expectedFamily(alert));
  });

  it("the words-alone cases are all in the fixture, so none is stale", () => {
    const names = new Set(PUBLISHED_ALERTS.map((alert) => alert.name));
    for (const name of Object.keys(BY_WORDS_ALONE)) expect(names).toContain(name);
  });
});

describe("every family of the catalogue has a published sample", () => {
  it("in the alerts or the last Test Connection's failures", () => {
    const sampled = new Set([...PUBLISHED_ALERTS.map(expectedFamily), ...PUBLISHED_FAILURES.map((failure) => failure.family)]);
    const unsampled = FAILURE_FAMILIES.map((row) => row.family).filter((family) => !sampled.has(family));
    expect(unsampled).toEqual([]);
  });
});

describe("codes first, then wording", () => {
  // KB 4556585: the quota alert reuses the credentials sentence; its code says what it is.
  it("ErrorQuotaExceeded after a credentials sentence is the quota", () => {
    const text =
      "The email message Test cannot be sent. Make sure that the credentials specified in the mailbox Pat are correct and have sufficient permissions for sending email.\n\nEmail Server Error Code: ErrorQuotaExceeded Exchange server returned 403 error.";
    expect(classifyAlert(text)).toMatchObject({ family: "quota", code: "ErrorQuotaExceeded" });
  });

  // KB 4484702 vs "Email cannot be received mailbox": a code that begins like another is another code.
  it.each([
    ["InvalidIncomingEmailServerProfile", "profile-inactive"],
    ["InvalidIncomingEmailServerProfileConfiguration HostNotFound", "host-not-found"],
  ])("the whole token %s is %s", (token, family) => {
    expect(classifyAlert(`Email cannot be received for the mailbox Pat.\nEmail Server Error Code: ${token}`).family).toBe(family);
  });

  it("a number in a mailbox's name is no code: only 'Exchange server returned 203 error' makes 203 one", () => {
    const text = "Email cannot be received for the mailbox Room 203 because the credentials specified in the associated email server profile are incorrect.";
    expect(classifyAlert(text).family).toBe("sign-in-refused");
    expect(classifyAlert("Appointments … Room 383.\nEmail Server Error Code: Exchange.server returned 203 error.").family).toBe("benign-info");
  });

  it("a code's case does not change its meaning", () => {
    expect(classifyAlert("Email Server Error Code: errorquotaexceeded").family).toBe("quota");
  });

  // "Exception appears in server-side sync": the number after UnknownIncomingEmailIntegrationError is the key.
  it("a numbered unknown error is read by its number, and an unknown number stays other with its code", () => {
    const text = (number: string): string => `An unknown error occurred while receiving email through the mailbox "Pat". The system will try to receive email again later.\n\n**Email Server Error Code:** UnknownIncomingEmailIntegrationError ${number} exception.`;
    expect(classifyAlert(text("-2147220891")).family).toBe("plugin-workflow");
    expect(classifyAlert(text("-2147167669")).family).toBe("dynamics-licence");
    expect(classifyAlert(text("-2147000001"))).toMatchObject({ family: "other", code: "UnknownIncomingEmailIntegrationError" });
  });

  it("the code line's words outrank the sentence: Forbidden after 'establishing a secure connection' is EWS blocked (KB 4483440)", () => {
    const text = 'The email message "Hello" cannot be sent because an error occurred while establishing a secure connection to the email server.\nEmail Server Error Code: Http server returned Forbidden exception.';
    expect(classifyAlert(text).family).toBe("ews-blocked");
  });

  it("the same sentence without a code is the Kiosk licence of KB 2993502", () => {
    const text = "Email cannot be received for the mailbox because an error occurred while establishing a secure connection to the email server.";
    expect(classifyAlert(text).family).toBe("licence");
  });

  it("retry wording alone is transient, but never outranks a code", () => {
    expect(classifyAlert("Appointments, contacts, and tasks for the mailbox Pat couldn't be synchronized. The system will try again later.").family).toBe("transient");
    expect(classifyAlert("Appointments … The system will try again later.\nEmail Server Error Code: Exchange.server returned 383 error.").family).toBe("time-zone");
  });
});

describe("directions", () => {
  it.each([
    ["Email cannot be received for the mailbox Pat.", ["incoming"]],
    ['The email message "Hello" cannot be sent.', ["outgoing"]],
    ["Appointments, contacts, and tasks can't be synchronized for the mailbox Pat.", ["act"]],
    ["Email can't be sent/received because the credentials specified in the associated email server profile are incorrect.", ["incoming", "outgoing"]],
    ["Email Server Error Code: OutgoingEmailS2SApprovalNeeded", ["outgoing"]],
    ["The mailbox location could not be determined.", []],
    ["An error occurred while creating the incoming email from sender Pat in this sentence.", ["incoming"]],
  ])("%s", (text, directions) => {
    expect(classifyAlert(text).directions).toEqual(directions);
  });
});

describe("any text at all", () => {
  it("never throws, and an empty or odd alert is other with no code", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom(null, undefined, 42, {})), (text) => {
        const reading = classifyAlert(text);
        expect(typeof reading.family).toBe("string");
        if (reading.code !== undefined) expect(reading.code.trim()).not.toBe("");
      }),
      { numRuns: 2000 },
    );
    expect(classifyAlert("")).toEqual({ family: "other", directions: [] });
  });

  /** The best of a few runs: the machine's noise is not the code's growth. */
  const bestOf = (work: () => void): number => {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      work();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };

  // An alert is at most 2,000 characters (tracelog.text); hostile copies must not freeze the form.
  it.each([
    ["capitals", (n: number) => "A".repeat(n) + "_"],
    ["camel case", (n: number) => "Ab".repeat(n) + "_"],
    ["code lines", (n: number) => "Email Server Error Code: ".repeat(n / 25)],
    ["digits", (n: number) => "-".concat("9".repeat(n))],
  ])("reads %s in time that grows with the length, not its square", (_name, make) => {
    const short = make(400);
    const long = make(4000);
    const ratio = bestOf(() => classifyAlert(long)) / Math.max(bestOf(() => classifyAlert(short)), 0.01);
    expect(ratio).toBeLessThan(40);
  });
});
