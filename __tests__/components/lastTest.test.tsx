import { act, screen } from "@testing-library/react";
import { axeViolations, controllableDirectory, renderControl } from "./renderControl";
import { LOOKUP_DELAY_MS } from "../../EmailProfileValidator/components/useAdvice";

/** The KB 3214326 trace as Dataverse stores it on the profile after a failed Test Connection. */
const request = (address: string): string =>
  `<soap:Header><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${address}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation></soap:Header>`;
const fault = (address: string, code = "ErrorNonExistentMailbox", message = "The SMTP address has no mailbox associated with it."): string =>
  `<s:Fault><faultcode>a:${code}</faultcode><faultstring>${message}</faultstring><detail><e:ResponseCode>${code}</e:ResponseCode>` +
  `<e:Message>${message}</e:Message><t:MessageXml><t:Value Name="SmtpAddress">${address}</t:Value></t:MessageXml></detail></s:Fault>`;

const text = (): string => document.body.textContent ?? "";

/** The control's own polite live region, which the field's aria-describedby names. */
const liveRegionText = (): string => document.getElementById(screen.getByRole("textbox").getAttribute("aria-describedby") ?? "")?.textContent ?? "";

// axe probes icon-font ligatures through a canvas, which jsdom lacks; with no context it skips the probe.
beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null));

describe("the last failed Test Connection, explained on the field", () => {
  it("the failed address is the current down-level value: says this is why, and keeps the fix", async () => {
    const { container } = renderControl({ value: "contoso\\jdoe", lastTestRequest: request("contoso\\jdoe"), lastTestResponse: fault("contoso\\jdoe") });
    expect(text()).toContain("is a Windows log-on name");
    expect(text()).toContain("This is why the last Test Connection failed: Exchange looked for a mailbox with the address \u201ccontoso\\jdoe\u201d and found none (ErrorNonExistentMailbox).");
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("the failed address is the current UPN: no mailbox has it, and the directory's matches for the account are offered", async () => {
    jest.useFakeTimers();
    const directory = controllableDirectory();
    const { container } = renderControl({ value: "jdoe@contoso.com", directory, lastTestResponse: fault("jdoe@contoso.com") });
    expect(text()).toContain("The last Test Connection failed because no mailbox has the address jdoe@contoso.com (ErrorNonExistentMailbox).");
    await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
    expect(directory.calls).toContain("jdoe");
    await act(() => directory.answer("jdoe", { status: "found", mailboxes: [], suggestions: ["jdoe@contoso.onmicrosoft.com"] }));
    jest.useRealTimers();
    expect(screen.getByRole("button", { name: "Use jdoe@contoso.onmicrosoft.com" })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it("the value changed since the test: a quiet note, not an error", async () => {
    const { container } = renderControl({ value: "jdoe@contoso.com", lastTestRequest: request("contoso\\jdoe"), lastTestResponse: fault("contoso\\jdoe") });
    expect(text()).toContain("The last Test Connection used \u201ccontoso\\jdoe\u201d. Save the record and run Test Connection again to check the new value.");
    expect(screen.getByRole("textbox")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("button")).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  // Issue 25: the status bar and the advice both said it; once is enough, on screen and to a screen reader.
  it("after the one-click fix, that the last test used the old value is said once", async () => {
    jest.useFakeTimers();
    const { user } = renderControl({ value: "contoso\\jdoe", lastTestResponse: fault("contoso\\jdoe") });
    await user.click(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ }));
    jest.useRealTimers();
    const said = (text: string): number => text.split("The last Test Connection used \u201ccontoso\\jdoe\u201d.").length - 1;
    const bars = Array.from(document.querySelectorAll(".ms-MessageBar"), (bar) => bar.textContent ?? "").join(" ");
    expect(said(bars)).toBe(1);
    expect(said(liveRegionText())).toBe(1);
    expect(liveRegionText()).toContain("Changed from \u201ccontoso\\jdoe\u201d to \u201cjdoe@contoso.com\u201d.");
  });

  // KB 4295275: the service account lacks the ApplicationImpersonation role.
  it("impersonation refused for this very value: the ApplicationImpersonation advice, with its article", () => {
    renderControl({
      value: "svc@contoso.com",
      lastTestRequest: request("svc@contoso.com"),
      lastTestResponse: fault("svc@contoso.com", "ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user."),
    });
    expect(text()).toContain("give this account the ApplicationImpersonation role");
    expect(screen.getByRole("link", { name: /Microsoft's article/ })).toHaveAttribute("href", expect.stringContaining("the-account-does-not-have-permission-to-impersonate"));
  });

  it("an EWS code no article names: the code and Exchange's message as given", () => {
    renderControl({
      value: "svc@contoso.com",
      lastTestRequest: request("svc@contoso.com"),
      lastTestResponse: fault("svc@contoso.com", "ErrorMailboxMoveInProgress", "Mailbox move in progress. Try again later."),
    });
    expect(text()).toContain("The last Test Connection failed with ErrorMailboxMoveInProgress. Mailbox move in progress. Try again later.");
  });

  it.each([
    ["a successful test", "<m:ResponseCode>NoError</m:ResponseCode>"],
    ["empty columns", ""],
    ["unbound columns", undefined],
    ["text that cannot be read", "<<<e:ResponseCo\u0000"],
  ])("%s: nothing extra", (_name, response) => {
    renderControl({ value: "jdoe@contoso.com", lastTestRequest: response, lastTestResponse: response });
    expect(text()).not.toContain("Test Connection");
  });
});

/** A 401 leaves only the status line in the response headers (EWS Managed API trace format; KB 4493267). */
const HEADERS_401 = '<Trace Tag="EwsResponseHttpHeaders" Tid="17" Time="2024-05-02 09:14:07Z">\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate\n\n</Trace>';
const TIMEOUT_MESSAGE = "System.Net.WebException: The operation has timed out\n at System.Net.HttpWebRequest.GetResponse()";

describe("what the last test's advice attaches to", () => {
  it("a 401 that names no address attaches to the value the form opened with", () => {
    renderControl({ value: "jdoe@contoso.com", lastTestResponse: HEADERS_401 });
    expect(text()).toContain("The last Test Connection was refused sign-in as jdoe@contoso.com (401 Unauthorized).");
  });

  it("a 401 that names no address does not follow a value typed since: the old value is named quietly", async () => {
    jest.useFakeTimers();
    const { user, input } = renderControl({ value: "jdoe@contoso.com", lastTestResponse: HEADERS_401 });
    await user.clear(input());
    await user.type(input(), "jane@contoso.com");
    jest.useRealTimers();
    expect(text()).not.toContain("refused sign-in");
    expect(text()).toContain("The last Test Connection used \u201cjdoe@contoso.com\u201d.");
  });

  it("after the one-click fix, \"this is why the last test failed\" no longer sticks to the new value", async () => {
    jest.useFakeTimers();
    const { user } = renderControl({ value: "contoso\\jdoe", lastTestMessage: "Remote server error: (401) Unauthorized. Make sure the user name and password you entered are correct and try again." });
    expect(text()).toContain("refused sign-in as contoso\\jdoe");
    await user.click(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ }));
    jest.useRealTimers();
    expect(text()).not.toContain("refused sign-in");
    expect(text()).toContain("The last Test Connection used \u201ccontoso\\jdoe\u201d.");
  });

  it("a value the platform pushes (a refresh after save) is the value tested from then on", () => {
    const { update } = renderControl({ value: "old@contoso.com", lastTestResponse: HEADERS_401 });
    update({ value: "jdoe@contoso.com", valueRevision: 1 });
    expect(text()).toContain("refused sign-in as jdoe@contoso.com");
  });

  it("another family: one line that the user name is not the cause, its fix and article, and the field's verdict untouched", async () => {
    const { container } = renderControl({ value: "jdoe@contoso.com", lastTestMessage: TIMEOUT_MESSAGE });
    expect(text()).toContain("The last Test Connection failed for a reason that is not the user name: the connection timed out.");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByRole("link", { name: /Microsoft's article/ })).toHaveAttribute("href", expect.stringContaining("test-connection-fails-email-server"));
    expect(await axeViolations(container)).toEqual([]);
  });

  it("another family on a down-level value: the field still says what is wrong with the value", () => {
    renderControl({ value: "contoso\\jdoe", lastTestMessage: TIMEOUT_MESSAGE });
    expect(text()).toContain("is a Windows log-on name");
    expect(text()).toContain("not the user name");
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
  });
});

/** What an empty slot leaves in a sentence: "()", "“”", "with .", a doubled or stray space before punctuation, a raw {0}. */
const EMPTY_SLOT = /\{\d\}|\(\s*\)|\u201c\s*\u201d|with \.|\S {2,}\S|\s[.,:;)](?![\w\\])/;

// Issue 25, item 2: no sentence on screen has an empty slot, whatever the trace left out.
describe("no sentence has an empty slot", () => {
  it.each<[string, { value: string; lastTestRequest?: string; lastTestResponse?: string; lastTestMessage?: string; type?: string }]>([
    ["a 401 on an empty user name", { value: "", lastTestResponse: HEADERS_401 }],
    ["a 401 on an empty user name, typed since", { value: "", lastTestResponse: HEADERS_401, type: "jdoe@contoso.com" }],
    ["a 401 on a blank user name", { value: "  ", lastTestResponse: HEADERS_401 }],
    ["no mailbox, known by its wording alone, on a down-level name", { value: "contoso\\jdoe", lastTestMessage: "The SMTP address has no mailbox associated with it." }],
    ["no mailbox, known by its wording alone, on a UPN", { value: "jdoe@contoso.com", lastTestMessage: "The SMTP address has no mailbox associated with it." }],
    ["a fault whose address is empty", { value: "jdoe@contoso.com", lastTestRequest: request(""), lastTestResponse: fault("") }],
    ["a fault with an empty code and message", { value: "jdoe@contoso.com", lastTestResponse: "<s:Fault><faultcode></faultcode><faultstring></faultstring></s:Fault>" }],
    ["an unknown fault with no message", { value: "jdoe@contoso.com", lastTestResponse: fault("jdoe@contoso.com", "ErrorMailboxMoveInProgress", "") }],
  ])("%s", async (_name, { type, ...props }) => {
    jest.useFakeTimers();
    const { user, input } = renderControl(props);
    if (type !== undefined) await user.type(input(), type);
    act(() => void jest.advanceTimersByTime(1000));
    jest.useRealTimers();
    const sentences = Array.from(document.querySelectorAll(".ms-MessageBar [aria-hidden] > span"), (span) => span.textContent ?? "");
    for (const sentence of [...sentences, liveRegionText()]) expect([sentence, EMPTY_SLOT.test(sentence)]).toEqual([sentence, false]);
  });
});

describe("nothing from a trace becomes a suggestion", () => {
  it("a tested value 'helpdesk@contoso.com <jdoe@contoso.com>' looks up the field's own account, never the trace's text", async () => {
    const directory = controllableDirectory();
    const value = "helpdesk@contoso.com <jdoe@contoso.com>";
    // As EWS writes it in XML: the angle brackets escaped.
    renderControl({ value, directory, lastTestResponse: fault(value.replace("<", "&lt;").replace(">", "&gt;")) });
    expect(directory.calls).toContain("jdoe");
    expect(directory.calls).not.toContain("helpdesk");
    await act(() => directory.answer("jdoe", { status: "found", mailboxes: [], suggestions: ["jdoe@contoso.com"] }));
    expect(screen.queryByRole("button", { name: "Use helpdesk@contoso.com" })).toBeNull();
  });

  it("the account look-up for the last test waits for the value to settle, like any other", async () => {
    jest.useFakeTimers();
    const directory = controllableDirectory();
    const { user, input } = renderControl({ value: "jdoe@contoso.com", directory, lastTestResponse: fault("jdoe@contoso.com") });
    await user.clear(input());
    await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
    const before = directory.calls.length;
    await user.type(input(), "jdoe@contoso.com");
    expect(directory.calls).toHaveLength(before);
    await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
    jest.useRealTimers();
    expect(directory.calls.slice(before)).toEqual(["jdoe@contoso.com", "jdoe"]);
  });

  it("an address in the trace is never offered, whatever it is", () => {
    renderControl({ value: "contoso\\jdoe", lastTestRequest: request("contoso\\jdoe"), lastTestResponse: fault("trap@evil.example.com") });
    expect(screen.queryByRole("button", { name: /trap@/ })).toBeNull();
  });
});
