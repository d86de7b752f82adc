import { act, fireEvent, screen, within } from "@testing-library/react";
import { ADVICE_DELAY_MS, MASK } from "../../EmailProfileValidator/components/EmailProfileValidatorControl";
import { KB_3214326_URL } from "../../EmailProfileValidator/failures";
import { LANGUAGES, renderControl, translatorFor } from "./renderControl";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const advice = (): HTMLElement | null => document.querySelector(".ms-MessageBar");

describe("the field", () => {
  // Dynamics shows "---" in an empty field; the example address is in the required advice instead (issue 25).
  it("looks like a form text field: labelled, with Dynamics' empty-field placeholder and the column's length", () => {
    const { input } = renderControl({ maxLength: 100 });
    expect(input()).toHaveAccessibleName("User Name");
    expect(input()).toHaveAttribute("placeholder", "---");
    expect(input()).toHaveAttribute("maxLength", "100");
  });

  it("the example address is in the advice for an empty field, not the placeholder", () => {
    renderControl({ value: "" });
    expect(advice()).toHaveTextContent("Enter the address server-side sync should use, such as user@contoso.com.");
  });

  it("shows the bound value and no advice when it is right", () => {
    const { input } = renderControl({ value: "user@contoso.com" });
    expect(input()).toHaveValue("user@contoso.com");
    expect(advice()).toBeNull();
    expect(input()).toHaveAttribute("aria-invalid", "false");
  });

  it("judges a value loaded with the record in full at once", () => {
    renderControl({ value: "user@contoso" });
    expect(advice()).toHaveTextContent("“contoso” is not a complete domain; add its ending, such as contoso.com.");
  });

  it("reports each edit to the platform, and never changes the value by itself", async () => {
    const { user, input, props } = renderControl({ value: "contoso\\user" });
    expect(props.onValueChange).not.toHaveBeenCalled();
    act(() => void jest.advanceTimersByTime(5000));
    fireEvent.blur(input());
    expect(props.onValueChange).not.toHaveBeenCalled();
    await user.type(input(), "x");
    expect(props.onValueChange).toHaveBeenLastCalledWith("contoso\\userx");
  });
});

describe("advice timing", () => {
  it("warns about a down-level name on the keystroke that types the backslash", async () => {
    const { user, input } = renderControl();
    await user.type(input(), "contoso\\", { skipAutoClose: true });
    expect(advice()).toHaveTextContent("“contoso\\” is a Windows log-on name.");
    expect(advice()).toHaveTextContent("Test Connection fails with “The SMTP address has no mailbox associated with it”");
  });

  it("waits for a pause before saying an address is incomplete", async () => {
    const { user, input } = renderControl();
    await user.type(input(), "user@");
    expect(advice()).toBeNull();
    act(() => void jest.advanceTimersByTime(ADVICE_DELAY_MS - 100));
    expect(advice()).toBeNull();
    act(() => void jest.advanceTimersByTime(100));
    expect(advice()).toHaveTextContent("Add the domain after the @, such as contoso.com.");
  });

  it("says it at once when the field loses focus", async () => {
    const { user, input } = renderControl();
    await user.type(input(), "user@contoso");
    expect(advice()).toBeNull();
    fireEvent.blur(input());
    expect(advice()).toHaveTextContent("“contoso” is not a complete domain");
  });

  it("does not tell anyone off mid-word while a valid address is typed", async () => {
    const { user, input } = renderControl();
    for (const char of "first.last@contoso.com") {
      await user.type(input(), char);
      expect(advice()).toBeNull();
    }
  });
});

describe("one-click rewrite and undo", () => {
  it("writes the suggestion, returns focus to the input, and Undo restores exactly what was there", async () => {
    const typed = " contoso\\user\u200b";
    const { user, input, props } = renderControl({ value: typed });
    await user.click(screen.getByRole("button", { name: /^Use user@contoso\.com/ }));
    expect(input()).toHaveValue("user@contoso.com");
    expect(props.onValueChange).toHaveBeenLastCalledWith("user@contoso.com");
    expect(input()).toHaveFocus();
    const status = "Changed from “ contoso\\user\u200b” to “user@contoso.com”.";
    expect(screen.getByRole("button", { name: /^Undo/ }).closest(".ms-MessageBar")).toHaveTextContent(status, { normalizeWhitespace: false });
    expect(input()).toHaveAccessibleDescription(status);

    await user.click(screen.getByRole("button", { name: `Undo: restore “${typed}”` }));
    expect(input()).toHaveValue(typed);
    expect(props.onValueChange).toHaveBeenLastCalledWith(typed);
    expect(input()).toHaveFocus();
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
  });

  // Issue 25: the green bar named the old value and cut the new one off at the field's width.
  it.each(LANGUAGES)("in %s, the green bar names both values, quoted alike, on as many lines as it needs", async (lcid) => {
    const { user } = renderControl({ value: "CONTOSO\\jdoe", settings: { defaultUpnSuffix: "contoso.com" }, translate: translatorFor(lcid) });
    await user.click(screen.getAllByRole("button")[0]);
    const green = Array.from(document.querySelectorAll(".ms-MessageBar")).find((element) => element.className.includes("ms-MessageBar--success"));
    expect(green?.textContent).toContain("\u201cCONTOSO\\jdoe\u201d");
    expect(green?.textContent).toContain("\u201cjdoe@contoso.com\u201d");
    expect(green?.className).toContain("ms-MessageBar-multiline");
  });

  it("drops Undo once the admin types again", async () => {
    const { user, input } = renderControl({ value: "contoso\\user" });
    await user.click(screen.getByRole("button", { name: /^Use user@contoso\.com/ }));
    await user.type(input(), "x");
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
  });

  // Issue 25: a trailing no-break space looks like nothing; the warning names it as invisible characters are named.
  it("names a trailing no-break space, and cleans it up", async () => {
    const { user, input } = renderControl({ value: "user@contoso.com\u00a0" });
    expect(advice()).toHaveTextContent("The value starts or ends with characters nobody can see (U+00A0 NO-BREAK SPACE), which become part of the user name.");
    await user.click(screen.getByRole("button", { name: "Clean up to user@contoso.com" }));
    expect(input()).toHaveValue("user@contoso.com");
  });

  it("offers Clean up when clean-up alone is needed", async () => {
    const { user, input } = renderControl({ value: "mailto:user@contoso.com" });
    expect(advice()).toHaveTextContent("Only the address belongs here, without “mailto:”");
    await user.click(screen.getByRole("button", { name: "Clean up to user@contoso.com" }));
    expect(input()).toHaveValue("user@contoso.com");
  });

  it("puts further suggestions in a menu, each saying where it comes from", async () => {
    const { user } = renderControl({ value: "CONTOSO\\jdoe", settings: { defaultUpnSuffix: "contoso.com" }, directory: staticDirectory(["john.doe@contoso.com"]) });
    act(() => void jest.advanceTimersByTime(1000));
    await act(async () => Promise.resolve());
    expect(screen.getByRole("button", { name: "Use john.doe@contoso.com" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "More suggestions" }));
    const item = screen.getByRole("menuitem", { name: /jdoe@contoso\.com/ });
    expect(within(item).getByText("default suffix")).toBeInTheDocument();
  });

  // SPEC §1 (issue 25): a guess is never the primary one-click fix unless something backs it; it says so visibly.
  it("a guessed domain says so on its button, and is not the primary fix", () => {
    renderControl({ value: "contoso\\user" });
    const use = screen.getByRole("button", { name: "Use user@contoso.com (likely — check the domain)" });
    expect(use).toHaveTextContent("Use user@contoso.com (likely — check the domain)");
    expect(use.className).not.toContain("ms-Button--primary");
  });

  it("a configured suffix is the primary fix", () => {
    renderControl({ value: "contoso\\user", settings: { domainSuffixes: "CONTOSO=contoso.com" } });
    const use = screen.getByRole("button", { name: "Use user@contoso.com" });
    expect(use.className).toContain("ms-Button--primary");
    expect(use).toHaveAttribute("title", "configured domain");
  });

  it("a guess at a suffix the settings name for another domain is backed by that setting", () => {
    renderControl({ value: "contoso\\user", settings: { domainSuffixes: "NORTHWIND=contoso.com" } });
    expect(screen.getByRole("button", { name: "Use user@contoso.com" }).className).toContain("ms-Button--primary");
  });

  it("links the down-level case to Microsoft KB 3214326", () => {
    renderControl({ value: "contoso\\user" });
    const link = screen.getByRole("link", { name: /KB 3214326/ });
    expect(link).toHaveAttribute("href", KB_3214326_URL);
    expect(link).toHaveAttribute("target", "_blank");
  });
});

describe("states", () => {
  it("read-only: the value and the advice, but nothing to click", () => {
    const { input } = renderControl({ value: "contoso\\user", readOnly: true });
    expect(input()).toHaveAttribute("readonly");
    expect(advice()).toHaveTextContent("is a Windows log-on name");
    expect(screen.queryByRole("button")).toBeNull();
  });

  // Issue 25: a field the user cannot edit looks like the form's own read-only fields (no border, the disabled
  // fill), stays focusable and selectable, and its advice asks for no edit.
  it("read-only: the platform's read-only look, still focusable", () => {
    const { input, container } = renderControl({ value: "jdoe@contoso.com", readOnly: true });
    expect(container.querySelector(".ms-TextField")?.className).toContain("ms-TextField--borderless");
    expect(input()).not.toBeDisabled();
    input().focus();
    expect(input()).toHaveFocus();
  });

  it.each([
    ["an empty required field", "", "This profile has no user name.", "Enter the address"],
    ["a missing domain", "jdoe@", "The user name has no domain after the @.", "Add the domain"],
    ["a missing account", "@contoso.com", "The user name has no account name before the @.", "Add the account name"],
    ["a down-level name", "contoso\\jdoe", "This profile needs the mailbox's UPN.", "Use the mailbox's UPN instead"],
    ["a bare name", "jdoe", "this profile needs the mailbox's full address, such as jdoe@contoso.com", "enter the mailbox's full address"],
    ["a slash name", "contoso/jdoe", "this profile needs the mailbox's UPN, account@domain", "write it as"],
    ["two addresses", "a@contoso.com; b@contoso.com", "server-side sync needs only the one mailbox it should use", "enter only"],
  ])("read-only, %s: said as a fact, asking for no edit", (_name, value, says, never) => {
    renderControl({ value, readOnly: true, settings: { defaultUpnSuffix: "contoso.com" } });
    expect(advice()).toHaveTextContent(says);
    expect(advice()).not.toHaveTextContent(never);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("masked: the mask, no advice, no look-ups", () => {
    const lookUp = jest.fn();
    const { input } = renderControl({ value: "contoso\\user", masked: true, directory: { lookUp } });
    expect(input()).toHaveValue(MASK);
    expect(input()).toHaveAttribute("readonly");
    act(() => void jest.advanceTimersByTime(5000));
    expect(advice()).toBeNull();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it("a value pushed by the platform replaces what is shown and drops Undo", async () => {
    const { user, input, update } = renderControl({ value: "contoso\\user" });
    await user.click(screen.getByRole("button", { name: /^Use user@contoso\.com/ }));
    update({ value: "fabrikam\\jdoe", valueRevision: 1 });
    expect(input()).toHaveValue("fabrikam\\jdoe");
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
    expect(screen.getByRole("button", { name: /^Use jdoe@fabrikam\.com/ })).toBeInTheDocument();
  });
});

// Issue 25: an empty required field on a new record is not red from the moment the form opens. Dynamics' own required
// fields wait for a save; the control's error waits until the field is touched (focused and left, or typed in) or the
// platform pushes a value (a save or refresh).
describe("an empty required field on a new record", () => {
  it("is not an error when the form opens", () => {
    const { input } = renderControl({ value: "", isNewRecord: true });
    act(() => void jest.advanceTimersByTime(5000));
    expect(advice()).toBeNull();
    expect(input()).toHaveAttribute("aria-invalid", "false");
  });

  it("is one once the field is focused and left", () => {
    const { input } = renderControl({ value: "", isNewRecord: true });
    fireEvent.focus(input());
    fireEvent.blur(input());
    expect(advice()).toHaveTextContent("Enter the address server-side sync should use");
    expect(input()).toHaveAttribute("aria-invalid", "true");
  });

  it("is one once something was typed and erased", async () => {
    const { user, input } = renderControl({ value: "", isNewRecord: true });
    await user.type(input(), "j{Backspace}");
    act(() => void jest.advanceTimersByTime(ADVICE_DELAY_MS));
    expect(advice()).toHaveTextContent("Enter the address");
  });

  it("is one once the platform pushes a value (a save or a refresh)", () => {
    const { update } = renderControl({ value: "x", isNewRecord: true });
    update({ value: "", valueRevision: 1 });
    expect(advice()).toHaveTextContent("Enter the address");
  });

  it("a saved record's empty field says so at once: its value came from the platform", () => {
    renderControl({ value: "", isNewRecord: false });
    expect(advice()).toHaveTextContent("Enter the address");
  });

  it("other problems are not held back on a new record", () => {
    renderControl({ value: "contoso\\jdoe", isNewRecord: true });
    expect(advice()).toHaveTextContent("is a Windows log-on name");
  });
});

describe("configuration", () => {
  it("maps NetBIOS domains, in any case, tolerating spaces and a trailing semicolon", () => {
    renderControl({ value: "fabrikam\\jdoe", settings: { domainSuffixes: " CONTOSO=contoso.com; Fabrikam = fabrikam.co.uk ;" } });
    expect(screen.getByRole("button", { name: "Use jdoe@fabrikam.co.uk" })).toHaveAttribute("title", "configured domain");
  });

  // Issue 25: the control's own settings are the form customizer's doing, not the admin's on the record: worded for
  // whoever customizes the form, as information apart from the field's own (red) advice.
  const bars = (): Element[] => Array.from(document.querySelectorAll(".ms-MessageBar"));
  const infoBar = (): Element | undefined => bars().find((bar) => !/ms-MessageBar--(error|warning|severeWarning|success)/.test(bar.className));

  it("names a malformed entry for whoever customizes the form, as information apart, and applies the rest", () => {
    renderControl({ value: "contoso\\jdoe", settings: { domainSuffixes: "CONTOSO=contoso.com;FABRIKAM;NW=not a domain" } });
    expect(infoBar()).toHaveTextContent(
      "The control's Domain suffixes setting on this form has the entry “FABRIKAM”, which is not NETBIOS=domain.com, so it is not used; ask whoever customizes the form to correct it.",
    );
    expect(infoBar()).toHaveTextContent("has the entry “NW=not a domain”");
    expect(advice()?.className).toContain("ms-MessageBar--error");
    expect(advice()).not.toHaveTextContent("Domain suffixes");
    expect(screen.getByRole("button", { name: "Use jdoe@contoso.com" })).toHaveAttribute("title", "configured domain");
  });

  it("names a default suffix that is not a domain for whoever customizes the form, and never suggests with it", () => {
    renderControl({ value: "jdoe", settings: { defaultUpnSuffix: "contoso" } });
    expect(infoBar()).toHaveTextContent("The control's Default UPN suffix setting on this form, “contoso”, is not a domain name, so it is not used; ask whoever customizes the form to correct it.");
    expect(screen.queryByRole("button", { name: /^Use/ })).toBeNull();
  });

  it("a setting alone, on a right value: one information bar for whoever customizes the form, and the field not invalid", () => {
    renderControl({ value: "jdoe@contoso.com", settings: { serverType: 0, credentialRetrieval: 1, defaultUpnSuffix: "not a domain" } });
    expect(bars()).toHaveLength(1);
    expect(infoBar()).toHaveTextContent("ask whoever customizes the form");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "false");
  });

  it("applies Microsoft Entra ID's rules for Exchange Online (Hybrid)", () => {
    renderControl({ value: "john+crm@contoso.com", settings: { serverType: 3 } });
    expect(advice()).toHaveTextContent("Microsoft Entra ID does not allow “+” before the @");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  });

  // SPEC §1: entra-character and entra-length are "none under exchange": on-premises does not apply Entra's rules.
  it("says nothing of Entra's rules for Exchange Server", () => {
    renderControl({ value: "john+crm@contoso.com", settings: { serverType: 0 } });
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "false");
    expect(advice()).toBeNull();
  });

  it("says nothing of Entra's length limits for Exchange Server", () => {
    renderControl({ value: `${"a".repeat(64)}@${"b".repeat(40)}.${"c".repeat(5)}.com`, settings: { serverType: 0 } });
    expect(advice()).toBeNull();
  });

  // KB 3214326's second check: the UPN must match the mailbox's address in Exchange; a .local UPN rarely does.
  it("on Exchange Server, a private suffix is a warning worded as KB 3214326's second check, never about Exchange Online", () => {
    renderControl({ value: "svc-crm@contoso.local", settings: { serverType: 0, credentialRetrieval: 1 } });
    expect(advice()?.className).toContain("ms-MessageBar--warning");
    expect(advice()).toHaveTextContent("“.local” is a private suffix, and a user name ending in it is rarely an address of the mailbox.");
    expect(advice()).not.toHaveTextContent("Exchange Online");
    expect(advice()).not.toHaveTextContent("Entra");
    expect(screen.getByRole("link", { name: /KB 3214326/ })).toBeInTheDocument();
  });

  it("on Exchange Online, the same suffix is an error about Exchange Online and Entra", () => {
    renderControl({ value: "svc-crm@contoso.local", settings: { serverType: 3, credentialRetrieval: 1 } });
    expect(advice()?.className).toContain("ms-MessageBar--error");
    expect(advice()).toHaveTextContent("“.local” is a private or reserved suffix that Exchange Online and Microsoft Entra ID do not accept");
  });

  it("says the name is not used when the profile authenticates another way, with no errors", () => {
    renderControl({ value: "contoso\\user", settings: { credentialRetrieval: 2 } });
    expect(advice()).toHaveTextContent("This profile does not use this user name");
    expect(advice()).not.toHaveTextContent("Windows log-on name");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "false");
  });
});

// SPEC §1, too-long: one problem, one limit named (the column's 250, or the form's MaxLength); no other length problem on top.
describe("a value longer than the column", () => {
  const lengthSentences = (): string[] =>
    Array.from(document.querySelectorAll(".ms-MessageBar [aria-hidden] > span"), (span) => span.textContent ?? "").filter((text) => /characters|\b48\b|\b64\b/.test(text));

  it("252 characters: one line, naming the column's 250", () => {
    renderControl({ value: `${"a".repeat(70)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(55)}.com`, settings: { serverType: 3, credentialRetrieval: 1 } });
    expect(lengthSentences()).toEqual(["The user name has 252 characters; the limit is 250."]);
  });

  it("258 characters: the limit named is still the column's 250", () => {
    renderControl({ value: `a@${"b".repeat(252)}.com` });
    expect(lengthSentences()).toEqual(["The user name has 258 characters; the limit is 250."]);
  });

  it("the form's MaxLength is the limit named", () => {
    renderControl({ value: `${"a".repeat(95)}@contoso.com`, maxLength: 100 });
    expect(lengthSentences()).toEqual(["The user name has 107 characters; the limit is 100."]);
  });
});

describe("accessibility", () => {
  it("marks errors with aria-invalid and ties the advice to the input", () => {
    const { input } = renderControl({ value: "contoso\\user" });
    expect(input()).toHaveAttribute("aria-invalid", "true");
    expect(input()).toHaveAccessibleDescription(/is a Windows log-on name/);
  });

  it("announces through a polite live region, and not again for an unchanged verdict", async () => {
    const { user, input } = renderControl({ value: "us er@contoso.co" });
    const live = document.getElementById(input().getAttribute("aria-describedby") ?? "");
    expect(live).toHaveAttribute("aria-live", "polite");
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(live!, { childList: true, characterData: true, subtree: true });
    await user.type(input(), "m");
    observer.disconnect();
    expect(live).toHaveTextContent("The part before the @ holds characters an address cannot have: space.");
    expect(mutations).toEqual([]);
  });

  it("reaches every action from the keyboard", async () => {
    const { user, input } = renderControl({ value: "contoso\\user" });
    input().focus();
    await user.tab();
    expect(screen.getByRole("button", { name: /^Use user@contoso\.com/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("link", { name: /KB 3214326/ })).toHaveFocus();
    await user.keyboard("{Shift>}{Tab}{/Shift}");
    await user.keyboard("{Enter}");
    expect(input()).toHaveValue("user@contoso.com");
    await user.tab();
    expect(screen.getByRole("button", { name: /^Undo/ })).toHaveFocus();
    await user.keyboard(" ");
    expect(input()).toHaveValue("contoso\\user");
  });
});

function staticDirectory(suggestions: string[]) {
  return { lookUp: jest.fn(() => Promise.resolve({ status: "found" as const, mailboxes: [], suggestions })) };
}

describe("work done per change", () => {
  it("validates once per value change, not again when the platform re-renders with equal settings", async () => {
    const validation = jest.requireActual<typeof import("../../EmailProfileValidator/validation")>("../../EmailProfileValidator/validation");
    const spy = jest.spyOn(validation, "validateUserName");
    const { user, input, update } = renderControl({ value: "user@contoso.com", settings: { defaultUpnSuffix: "contoso.com" } });
    const afterMount = spy.mock.calls.length;
    update({ settings: { defaultUpnSuffix: "contoso.com" } });
    update({ settings: { defaultUpnSuffix: "contoso.com" } });
    expect(spy.mock.calls.length).toBe(afterMount);
    await user.type(input(), "x");
    expect(spy.mock.calls.filter(([value]) => value === "user@contoso.comx")).toHaveLength(1);
    spy.mockRestore();
  });
});
