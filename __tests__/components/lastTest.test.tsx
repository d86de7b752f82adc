import { act, screen } from "@testing-library/react";
import { axeViolations, controllableDirectory, renderControl } from "./renderControl";

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
    expect(screen.getByRole("button", { name: "Use jdoe@contoso.com" })).toBeInTheDocument();
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("the failed address is the current UPN: no mailbox has it, and the directory's matches for the account are offered", async () => {
    const directory = controllableDirectory();
    const { container } = renderControl({ value: "jdoe@contoso.com", directory, lastTestResponse: fault("jdoe@contoso.com") });
    expect(text()).toContain("The last Test Connection failed because no mailbox has the address jdoe@contoso.com (ErrorNonExistentMailbox).");
    expect(directory.calls).toContain("jdoe");
    await act(() => directory.answer("jdoe", { status: "found", mailboxes: [], suggestions: ["jdoe@contoso.onmicrosoft.com"] }));
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

  it("after the one-click fix, the status line says the last test used the old value", async () => {
    jest.useFakeTimers();
    const { user } = renderControl({ value: "contoso\\jdoe", lastTestResponse: fault("contoso\\jdoe") });
    await user.click(screen.getByRole("button", { name: "Use jdoe@contoso.com" }));
    jest.useRealTimers();
    expect(liveRegionText()).toContain(
      "Changed from \u201ccontoso\\jdoe\u201d to jdoe@contoso.com. The last Test Connection used \u201ccontoso\\jdoe\u201d.",
    );
  });

  it("any other fault code: the code and Exchange's message as given", () => {
    renderControl({
      value: "svc@contoso.com",
      lastTestRequest: request("svc@contoso.com"),
      lastTestResponse: fault("svc@contoso.com", "ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user."),
    });
    expect(text()).toContain("The last Test Connection failed with ErrorImpersonateUserDenied. The account does not have permission to impersonate the requested user.");
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
