import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { EmailProfileValidator } from "../../EmailProfileValidator";
import { fakeContext, type IFakeContextOptions } from "../fakeContext";
import { alertOn, scenario, type IScenario } from "../health/scenario";
import { axeViolations } from "./renderControl";
import type { FakeDataverse } from "../fakes/fakeDataverse";

/**
 * SPEC §8 on the form: the section under the field's advice, read once per record shown and on Check again, only
 * on the incoming user name of a saved record with a Web API, never on a masked field; mailbox links open the
 * mailbox's own form (context.navigation.openForm); Dynamics' words are shown as text.
 */

const KB_3212785_401 =
  "Email cannot be received for the mailbox \\<Mailbox Name>. Make sure that the credentials specified in the mailbox are correct and have sufficient permissions for receiving email. Then, enable the mailbox for email processing.\n\nEmail Server Error Code: Http server returned 401 Unauthorized exception.";

/** The section's own reads: the profile, the alerts, and the mailbox aggregates (the directory's look-ups are OData on mailbox). */
const healthRequests = (dataverse: FakeDataverse): number =>
  dataverse.requests.filter((request) => request.entity !== "systemuser" && (request.entity !== "mailbox" || request.fetchXml !== undefined)).length;

function start(world: IScenario, options: IFakeContextOptions = {}) {
  const openForm = jest.fn(() => Promise.resolve({ savedEntityReference: [] }));
  const base: IFakeContextOptions = { userName: "svc@contoso.com", recordId: world.profileId, logicalName: "incomingusername", credentialRetrieval: 1, webAPI: world.dataverse, openForm, ...options };
  const control = new EmailProfileValidator();
  control.init(fakeContext(base), jest.fn());
  const view = render(control.updateView(fakeContext(base)));
  const updateView = (next: IFakeContextOptions): void => view.rerender(control.updateView(fakeContext({ ...base, ...next })));
  return { control, view, updateView, openForm };
}

/** Lets the deferred first request go and its answers land. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

function failingWorld(): IScenario {
  const world = scenario({ incomingcredentialretrieval: 1 }, [{ count: 37, incoming: 2 }, { count: 175 }]);
  world.dataverse.add("tracelog", world.mailboxes.slice(0, 5).map((mailbox) => alertOn({ table: "mailbox", row: mailbox }, KB_3212785_401)));
  return world;
}

describe("the profile's mailboxes and alerts on the form", () => {
  it("says how many mailboxes use the profile and which fail why, after the field's first paint", async () => {
    const world = failingWorld();
    start(world);
    // Nothing is asked before the field has painted.
    expect(healthRequests(world.dataverse)).toBe(0);
    expect(screen.getByRole("heading", { name: "Mailboxes using this profile" })).toBeInTheDocument();
    await settle();
    const summary = "Active mailboxes on this profile that you can see: 212. Failing: 37 \u00b7 awaiting approval: 0 \u00b7 approval refused: 0 \u00b7 fine: 175.";
    expect(screen.getByText(summary, { ignore: '[role="status"]' })).toBeInTheDocument();
    const family = screen.getByRole("button", { name: /Sign-in refused · Mailboxes: 5/ });
    expect(family).toHaveAttribute("aria-expanded", "false");
    expect(healthRequests(world.dataverse)).toBeLessThanOrEqual(5);
    expect(world.dataverse.writes).toEqual([]);
  });

  it("opens a cause to Dynamics' words, the fix, Learn more and the mailboxes, each opening its record", async () => {
    const world = failingWorld();
    const { openForm } = start(world);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: /Sign-in refused/ }));
    const controls = screen.getByRole("button", { name: /Sign-in refused/ }).getAttribute("aria-controls") ?? "";
    const details = screen.getByRole("button", { name: /Sign-in refused/ }).ownerDocument.getElementById(controls);
    if (!details) throw new Error("The cause's details are not in the page");
    expect(within(details).getByText(KB_3212785_401, { normalizer: (text) => text })).toBeInTheDocument();
    // Others succeed receiving, so the profile's credentials work: the 401 is these mailboxes' (KB 3212785).
    expect(within(details).getByText(/Other mailboxes on this profile succeed/)).toBeInTheDocument();
    expect(within(details).getByRole("link", { name: /Learn more/ })).toHaveAttribute("href", expect.stringContaining("learn.microsoft.com"));
    const first = world.mailboxes[0];
    fireEvent.click(within(details).getByRole("button", { name: String(first.name) }));
    expect(openForm).toHaveBeenCalledWith({ entityName: "mailbox", entityId: first.mailboxid });
    expect(within(details).getByText("and 2 more")).toBeInTheDocument();
  });

  it("shows an alert's markup as text", async () => {
    const world = scenario({}, [{ count: 1, incoming: 2 }]);
    const hostile = 'Email cannot be received for <img src="x" onerror="window.pwned=1"> Pat.\nEmail Server Error Code: BrandNewCode';
    world.dataverse.add("tracelog", [alertOn({ table: "mailbox", row: world.mailboxes[0] }, hostile, { level: 3 })]);
    const { view } = start(world);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: /Other alert/ }));
    expect(screen.getByText(hostile, { normalizer: (text) => text })).toBeInTheDocument();
    expect(view.container.querySelector("img")).toBeNull();
  });

  it("is read once per record: not per keystroke, not per updateView; again on Check again and for another record", async () => {
    const world = failingWorld();
    const { updateView } = start(world);
    await settle();
    const once = healthRequests(world.dataverse);
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "svc2@contoso.com" } });
    updateView({ userName: "svc2@contoso.com" });
    updateView({ serverType: 0 });
    await settle();
    expect(healthRequests(world.dataverse)).toBe(once);
    fireEvent.click(screen.getByRole("button", { name: "Check again" }));
    await settle();
    expect(healthRequests(world.dataverse)).toBe(2 * once);
    const other = failingWorld();
    world.dataverse.add("emailserverprofile", other.profile);
    updateView({ recordId: other.profileId });
    await settle();
    expect(healthRequests(world.dataverse)).toBe(3 * once);
  });

  it("drops the answer for a record no longer shown", async () => {
    const world = failingWorld();
    world.dataverse.hang("tracelog");
    const { updateView } = start(world);
    await settle();
    const empty = scenario({}, []);
    updateView({ recordId: empty.profileId, webAPI: world.dataverse });
    world.dataverse.add("emailserverprofile", empty.profile);
    await settle();
    expect(screen.queryByText(/212/)).toBeNull();
  });

  it.each<[string, IFakeContextOptions]>([
    ["on the outgoing user name (the incoming field's control shows it)", { logicalName: "outgoingusername" }],
    ["when the form turns it off", { profileHealth: "off" }],
    ["on a new record, which has no id", { recordId: undefined }],
    ["on a masked field", { readable: false }],
    ["where the host has no Web API", { webAPI: undefined }],
  ])("is absent %s, and asks nothing", async (_name, options) => {
    const world = failingWorld();
    start(world, options);
    await settle();
    expect(screen.queryByRole("heading", { name: "Mailboxes using this profile" })).toBeNull();
    expect(healthRequests(world.dataverse)).toBe(0);
  });

  it("is shown where the column cannot be told, and says quietly that alerts need the Trace privilege", async () => {
    const world = failingWorld();
    world.dataverse.deny("tracelog");
    start(world, { logicalName: undefined });
    await settle();
    expect(screen.getByText("Alerts are not shown: reading them needs the read privilege on Traces.", { ignore: '[role="status"]' })).toBeInTheDocument();
  });

  it("is announced politely once, and has no axe violations with a cause open", async () => {
    const world = failingWorld();
    const { view } = start(world);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: /Sign-in refused/ }));
    const regions = view.container.querySelectorAll('section [role="status"][aria-live="polite"]');
    expect(regions).toHaveLength(1);
    expect(regions[0].textContent).toContain("Failing: 37");
    expect(await axeViolations(view.container)).toEqual([]);
  });
});
