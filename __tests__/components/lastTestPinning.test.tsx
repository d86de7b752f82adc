import { fireEvent, screen } from "@testing-library/react";
import { controlProps, renderControl } from "./renderControl";
import { buildAdvice, lastTestProblems } from "../../EmailProfileValidator/advice/advice";
import { resolveConfiguration } from "../../EmailProfileValidator/advice/configuration";
import { readLastTestFailure } from "../../EmailProfileValidator/lastTest";
import { validateUserName } from "../../EmailProfileValidator/validation";

/**
 * SPEC §5: last-test advice attaches only to the value that was really tested — the address the trace names or,
 * when it names none, the value saved when the test ran — byte for byte, and follows the profile as it is now.
 */

const fault = (address: string, code = "ErrorNonExistentMailbox", message = "The SMTP address has no mailbox associated with it."): string =>
  `<s:Fault><faultcode>a:${code}</faultcode><faultstring>${message}</faultstring><detail><e:ResponseCode>${code}</e:ResponseCode>` +
  `<e:Message>${message}</e:Message><t:MessageXml><t:Value Name="SmtpAddress">${address}</t:Value></t:MessageXml></detail></s:Fault>`;
/** A 401 leaves only its status line (EWS Managed API trace format); it names no address. */
const UNAUTHORIZED = '<Trace Tag="EwsResponseHttpHeaders" Tid="9" Time="2026-11-30 10:00:00Z">\nHTTP/1.1 401 Unauthorized\nContent-Length: 0\n</Trace>';
/** A server-to-server token refused ("Authenticate an EWS application by using OAuth": 401 with error="invalid_token"). */
const TOKEN_REFUSED =
  '<Trace Tag="EwsResponseHttpHeaders" Tid="9" Time="2026-11-30 10:00:00Z">\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n</Trace>';
/** KB 954584's certificate failure, which no user name causes. */
const CERTIFICATE = "Could not establish trust relationship for the SSL/TLS secure channel with authority 'mail.contoso.com'.";

const text = (): string => document.body.textContent ?? "";

describe("the value tested is the value as stored, byte for byte", () => {
  it.each([
    ["a zero-width space", "jdoe@contoso.com\u200b"],
    ["a mailto: link", "mailto:jdoe@contoso.com"],
  ])("after cleaning up %s, the old failure is not blamed on the clean value", async (_name, pasted) => {
    jest.useFakeTimers();
    const { user } = renderControl({ value: pasted, lastTestResponse: fault(pasted) });
    await user.click(screen.getByRole("button", { name: /^Clean up/ }));
    jest.useRealTimers();
    expect(screen.getByRole("textbox")).toHaveValue("jdoe@contoso.com");
    expect(text()).not.toContain("failed because no mailbox has the address jdoe@contoso.com");
    expect(text()).toContain("The last Test Connection used");
    expect(screen.queryByRole("button", { name: /^Use / })).toBeNull();
  });

  it("a save and a new last test move the tested value to what was saved", () => {
    const { update } = renderControl({ value: "contoso\\jdoe", lastTestResponse: fault("contoso\\jdoe") });
    // The admin fixes it, the platform echoes the saved value (no push of its own), and Test Connection runs again.
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "jdoe@contoso.com" } });
    update({ value: "jdoe@contoso.com" });
    update({ lastTestResponse: UNAUTHORIZED });
    expect(text()).not.toContain("The last Test Connection used \u201ccontoso\\jdoe\u201d");
    expect(text()).toContain("The last Test Connection was refused sign-in as jdoe@contoso.com");
  });
});

describe("advice from a test follows the profile as it is now", () => {
  it("a profile switched to IMAP/SMTP after an Exchange test hears only that the test ran against Exchange", () => {
    renderControl({ value: "CONTOSO\\jdoe", settings: { serverType: 4, credentialRetrieval: 1 }, lastTestResponse: fault("CONTOSO\\jdoe") });
    expect(text()).not.toContain("Windows log-on name");
    expect(text()).not.toContain("This is why the last Test Connection failed");
    expect(text()).toContain("The last Test Connection ran against Exchange, before this profile was set to POP3 or IMAP");
    expect(screen.getByRole("textbox")).not.toHaveAttribute("aria-invalid", "true");
  });

  // "Connect to Exchange Online": server-to-server authentication (Authenticate Using 2) is the supported set-up.
  it("a server-to-server profile whose token was refused hears of that, not only that the name is unused", () => {
    renderControl({ value: "svc@contoso.com", settings: { serverType: 3, credentialRetrieval: 2 }, lastTestResponse: TOKEN_REFUSED });
    expect(text()).toContain("does not use this user name");
    expect(text()).toContain("Exchange refused the authentication token");
  });

  it("another cause's line shows whatever the credential mode", () => {
    for (const credentialRetrieval of [0, 1, 2, 3, 6, 7]) {
      const failure = readLastTestFailure("", "", CERTIFICATE);
      const configuration = resolveConfiguration({ serverType: 0, credentialRetrieval });
      const problems = lastTestProblems(failure, validateUserName("svc@contoso.com", configuration.options), "svc@contoso.com", "svc@contoso.com", {
        target: configuration.options.target,
        userNameInUse: configuration.userNameInUse,
      });
      expect([credentialRetrieval, problems.map((problem) => problem.code)]).toEqual([credentialRetrieval, ["last-test-other-cause"]]);
    }
  });
});

describe("every cause keeps its own Learn more", () => {
  it("a down-level value and a certificate failure each link their own article", () => {
    const configuration = resolveConfiguration({});
    const result = validateUserName("contoso\\jdoe", configuration.options);
    const lastTest = lastTestProblems(readLastTestFailure("", "", CERTIFICATE), result, "contoso\\jdoe", "contoso\\jdoe");
    const advice = buildAdvice({ result, lastTest, value: "contoso\\jdoe", settled: true, userNameInUse: true });
    expect(advice.links.map((link) => link.url)).toEqual(["https://support.microsoft.com/help/3214326", "https://support.microsoft.com/help/954584"]);
  });

  it("on the form, both links are there with their own names", () => {
    renderControl({ ...controlProps(), value: "contoso\\jdoe", lastTestMessage: CERTIFICATE });
    const links = screen.getAllByRole("link", { name: /Learn more/ });
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["https://support.microsoft.com/help/3214326", "https://support.microsoft.com/help/954584"]);
    expect(new Set(links.map((link) => link.getAttribute("aria-label"))).size).toBe(2);
  });
});
