import { act, screen } from "@testing-library/react";
import { LOOKUP_DELAY_MS } from "../../EmailProfileValidator/components/useAdvice";
import { createDirectory, type DirectoryFinding } from "../../EmailProfileValidator/directory";
import { recordingWebApi, rows } from "../directory/fakeWebApi";
import { controllableDirectory, renderControl } from "./renderControl";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const advice = (): HTMLElement | null => document.querySelector(".ms-MessageBar");
const FOUND = { status: "found" as const, mailboxes: [{ name: "Jane Doe", emailaddress: "jane@contoso.com" }], suggestions: [] };
const NOT_FOUND = { status: "notFound" as const, mailboxes: [], suggestions: [] };

/** Renders a settled value and hands the directory's answer for it back. */
async function renderWithAnswer(value: string, finding: DirectoryFinding): Promise<void> {
  const directory = controllableDirectory();
  renderControl({ value, directory });
  act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
  await act(() => directory.answer(value, finding));
}

describe("look-ups from the control", () => {
  it("typing 12 characters quickly issues one look-up, once the value settles", async () => {
    const directory = controllableDirectory();
    const { user, input } = renderControl({ directory });
    // Twelve keystrokes, 50 ms apart: quicker than the look-up's wait.
    for (const char of "jane@contoso") {
      await user.type(input(), char);
      act(() => void jest.advanceTimersByTime(50));
    }
    expect(directory.calls).toEqual([]);
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
    expect(directory.calls).toEqual(["jane@contoso"]);
  });

  it("does not look the same value up twice", async () => {
    const webApi = recordingWebApi();
    const { user, input } = renderControl({ directory: createDirectory(webApi) });
    const settle = () => act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
    await user.type(input(), "jane@contoso.com");
    await settle();
    await user.type(input(), "x");
    await settle();
    await user.type(input(), "{Backspace}");
    await settle();
    // Two distinct values, each asked once: its mailbox and the user who signs in with it.
    expect(webApi.queries).toHaveLength(4);
  });

  it("a typical edit, typing CONTOSO\\jdoe and taking the suggestion, costs five queries", async () => {
    const webApi = recordingWebApi({ mailbox: rows({ name: "John Doe", emailaddress: "jdoe@contoso.com" }) });
    const { user, input } = renderControl({ directory: createDirectory(webApi) });
    for (const char of "CONTOSO\\jdoe") {
      await user.type(input(), char);
      act(() => void jest.advanceTimersByTime(120));
    }
    await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
    expect(webApi.queries.map((q) => q.entity)).toEqual(["systemuser", "systemuser", "mailbox"]);
    await user.click(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ }));
    await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
    expect(webApi.queries.map((q) => q.entity)).toEqual(["systemuser", "systemuser", "mailbox", "mailbox", "systemuser"]);
    expect(advice()).toHaveTextContent("Matches the mailbox “John Doe” in this environment.");
  });

  it("confirms a matching mailbox quietly, by name", async () => {
    await renderWithAnswer("jane@contoso.com", FOUND);
    expect(advice()).toHaveTextContent("Matches the mailbox “Jane Doe” in this environment.");
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "false");
  });

  // A Mailbox row exists only for Dynamics users and queues; KB 3214326 asks for a mailbox in Exchange.
  it("no Mailbox row is a quiet fact, normal for a service account, and no error", async () => {
    await renderWithAnswer("svc-crm@contoso.com", NOT_FOUND);
    expect(advice()).toHaveTextContent(
      "No Dynamics 365 mailbox record has the address svc-crm@contoso.com. That is normal for a service account that is not a Dynamics 365 user; Exchange itself must still have a mailbox with this address.",
    );
    // Fluent marks warning and error bars with a modifier class; an info bar has none.
    expect(advice()?.className).not.toMatch(/ms-MessageBar--(warning|error|severeWarning)/);
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByRole("button")).toBeNull();
  });

  // KB 3214326: "the UPN value in the User Name field matches the email address for the user's mailbox in Exchange".
  it("a user who signs in with this UPN but has another primary address: a warning naming it, and no rewrite", async () => {
    await renderWithAnswer("jane@contoso.com", {
      ...NOT_FOUND,
      user: { fullname: "Jane Doe", domainname: "jane@contoso.com", internalemailaddress: "jane.doe@contoso.com" },
    });
    expect(advice()).toHaveTextContent("The Dynamics 365 user who signs in as jane@contoso.com has the primary email address jane.doe@contoso.com.");
    expect(advice()?.className).toContain("ms-MessageBar--warning");
    expect(screen.queryByRole("button", { name: /Use/ })).toBeNull();
    expect(screen.getByRole("link", { name: /KB 3214326/ })).toBeInTheDocument();
  });

  it("no mismatch when the user's primary address is the UPN itself, in any case", async () => {
    await renderWithAnswer("jane@contoso.com", { ...NOT_FOUND, user: { domainname: "jane@contoso.com", internalemailaddress: "Jane@Contoso.com" } });
    expect(advice()).not.toHaveTextContent("primary email address");
  });

  it("under Exchange Online, a directory address with a private suffix is never offered", async () => {
    const directory = controllableDirectory();
    renderControl({ value: "CONTOSO\\jdoe", directory, settings: { serverType: 3 } });
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
    await act(() => directory.answer("CONTOSO\\jdoe", { status: "found", mailboxes: [], suggestions: ["jdoe@contoso.local", "jdoe@contoso.com"] }));
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
    expect(document.body.textContent).not.toContain("jdoe@contoso.local");
  });

  it("a POP3/IMAP profile looks nothing up", () => {
    const directory = controllableDirectory();
    renderControl({ value: "CONTOSO\\jdoe", directory, settings: { serverType: 4, credentialRetrieval: 1 } });
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS * 3));
    expect(directory.calls).toEqual([]);
  });

  it("says nothing when the directory could not be asked", async () => {
    await renderWithAnswer("jane@contoso.com", { status: "unknown", mailboxes: [], suggestions: [] });
    expect(advice()).toBeNull();
  });

  it("drops an answer for a value that is no longer current", async () => {
    const directory = controllableDirectory();
    const { user, input } = renderControl({ value: "jane@contoso.com", directory });
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
    await user.type(input(), "m");
    await act(() => directory.answer("jane@contoso.com", NOT_FOUND));
    expect(advice()).toBeNull();
  });

  it("puts directory addresses first", async () => {
    const directory = controllableDirectory();
    renderControl({ value: "CONTOSO\\jdoe", directory });
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
    await act(() => directory.answer("CONTOSO\\jdoe", { status: "found", mailboxes: [], suggestions: ["john.doe@contoso.com"] }));
    expect(screen.getByRole("button", { name: "Use john.doe@contoso.com" })).toHaveAttribute("title", "this environment's directory");
    expect(screen.getByRole("button", { name: "More suggestions" })).toBeInTheDocument();
  });

  // Issue 25 / SPEC §1–§2: a guessed suffix is backed by a user of this environment at that domain, asked once the
  // directory's own answer is in and has not made the guess moot.
  describe("a guessed suffix and this environment's users", () => {
    async function guessAnswered(finding: DirectoryFinding) {
      const directory = controllableDirectory();
      renderControl({ value: "CORP\\jdoe", directory });
      act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
      expect(directory.domainCalls).toEqual([]);
      await act(() => directory.answer("CORP\\jdoe", finding));
      return directory;
    }

    it("a user here has the domain: the guess becomes the primary fix, saying where its domain comes from", async () => {
      const directory = await guessAnswered(NOT_FOUND);
      expect(directory.domainCalls).toEqual(["corp.com"]);
      expect(screen.getByRole("button", { name: "Use jdoe@corp.com (likely — check the domain)" }).className).not.toContain("ms-Button--primary");
      await act(() => directory.answerDomain("corp.com", "yes"));
      const use = screen.getByRole("button", { name: "Use jdoe@corp.com" });
      expect(use.className).toContain("ms-Button--primary");
      expect(use).toHaveAttribute("title", "a domain this environment's users have");
    });

    it.each(["no", "unknown"] as const)("the directory says %s: still a visible guess, not the primary fix", async (use) => {
      const directory = await guessAnswered(NOT_FOUND);
      await act(() => directory.answerDomain("corp.com", use));
      expect(screen.getByRole("button", { name: "Use jdoe@corp.com (likely — check the domain)" }).className).not.toContain("ms-Button--primary");
    });

    it("the directory found the account's own address: that is the fix, and the domain is not asked about", async () => {
      const directory = await guessAnswered({ status: "found", mailboxes: [], suggestions: ["jdoe@corp.com"] });
      expect(screen.getByRole("button", { name: "Use jdoe@corp.com" }).className).toContain("ms-Button--primary");
      expect(directory.domainCalls).toEqual([]);
    });

    it("a directory that could not answer is not asked about the domain either", async () => {
      const directory = await guessAnswered({ status: "unknown", mailboxes: [], suggestions: [] });
      expect(directory.domainCalls).toEqual([]);
    });

    it("over a real Web API: one escaped query for the domain, and a user there makes the guess the fix", async () => {
      const webApi = recordingWebApi({ systemuser: rows({ domainname: "jane@corp.com", internalemailaddress: "jane@corp.com" }) });
      renderControl({ value: "CORP\\jdoe", directory: createDirectory(webApi) });
      await act(async () => void (await jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS)));
      await act(async () => void (await jest.advanceTimersByTimeAsync(0)));
      expect(webApi.queries.filter((query) => query.options.includes("endswith"))).toHaveLength(1);
      expect(screen.getByRole("button", { name: "Use jdoe@corp.com" }).className).toContain("ms-Button--primary");
    });
  });

  it("makes no look-up when the profile does not use the name", () => {
    const directory = controllableDirectory();
    renderControl({ value: "jane@contoso.com", directory, settings: { credentialRetrieval: 2 } });
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS * 3));
    expect(directory.calls).toEqual([]);
  });

  it("works with no directory at all, as in the test harness", async () => {
    const { user, input } = renderControl();
    await user.type(input(), "jane@contoso.com");
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS * 3));
    expect(advice()).toBeNull();
  });

  it("unmounting with a look-up pending sets no state and leaves no rejection", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const webApi = recordingWebApi({ mailbox: new Error("network down") });
    const { unmount } = renderControl({ value: "jane@contoso.com", directory: createDirectory(webApi) });
    act(() => void jest.advanceTimersByTime(LOOKUP_DELAY_MS));
    unmount();
    await act(async () => jest.runAllTimersAsync());
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("a real directory over a Web API shows the mailbox's name", async () => {
    const webApi = recordingWebApi({ mailbox: rows({ name: "Shared: Sales", emailaddress: "sales@contoso.com" }) });
    renderControl({ value: "sales@contoso.com", directory: createDirectory(webApi) });
    await act(async () => jest.advanceTimersByTimeAsync(LOOKUP_DELAY_MS));
    expect(advice()).toHaveTextContent("Matches the mailbox “Shared: Sales”");
  });
});
