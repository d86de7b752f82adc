/**
 * @jest-environment node
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";
import { axeViolations, browserSuite, installLook, preparePage, RESULTS, type ILook } from "./harness";
import { alertOn, scenario, type IScenario } from "../health/scenario";

/**
 * SPEC §8 in Chromium: the built control in Microsoft's harness, with a saved record and a Web API behind it (the
 * harness has neither; the page's calls are answered by the fake Dataverse, which evaluates each query in Node).
 * The section in the classic look, the new look and dark, keyboard-reachable, with axe-core (contrast included).
 */
const tokens = (theme: object): Record<string, string | number> => theme as Record<string, string | number>;

/** KB 3212785's published receive alert and its 401 code line; KB 4052727's approval alert. */
const KB_3212785 =
  "Email cannot be received for the mailbox \\<Mailbox Name>. Make sure that the credentials specified in the mailbox are correct and have sufficient permissions for receiving email. Then, enable the mailbox for email processing.\n\nEmail Server Error Code: Http server returned 401 Unauthorized exception.";
const APPROVAL =
  "Email cannot be sent because the email address of the mailbox \\<Mailbox Name> requires an approval by an Office 365 administrator. The mailbox didn't synchronize.\nEmail Server Error Code: OutgoingEmailS2SApprovalNeeded";

const suite = browserSuite();

function world(): IScenario {
  const profile = scenario({ incomingcredentialretrieval: 1 }, [
    { count: 37, incoming: 2, name: (index) => `Sales ${index + 1}` },
    { count: 2, approval: 2, incoming: 0, outgoing: 0, name: (index) => `New hire ${index + 1}` },
    { count: 173, name: (index) => `Team ${index + 1}` },
  ]);
  profile.dataverse.add("tracelog", [
    ...profile.mailboxes.slice(0, 37).map((mailbox) => alertOn({ table: "mailbox", row: mailbox }, KB_3212785)),
    ...profile.mailboxes.slice(37, 39).map((mailbox) => alertOn({ table: "mailbox", row: mailbox }, APPROVAL, { level: 2 })),
  ]);
  return profile;
}

async function open(look: ILook, data: IScenario): Promise<{ page: Page; opened: unknown[] }> {
  const page = await suite.browser().newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(10_000);
  const opened: unknown[] = [];
  await page.exposeFunction("__dataverse", (entity: string, options?: string) => data.dataverse.retrieveMultipleRecords(entity, options));
  await page.exposeFunction("__openForm", (options: unknown) => {
    opened.push(options);
    return { savedEntityReference: [] };
  });
  await installLook(page, { ...look, record: { id: data.profileId } });
  await preparePage(page, 17);
  await page.goto(suite.harness().url);
  await page.getByText(/Active mailboxes on this profile that you can see: 212/).first().waitFor();
  return { page, opened };
}

describe.each([
  { name: "classic", look: {} },
  { name: "new-look", look: { design: { tokenTheme: tokens(webLightTheme) } } },
  { name: "dark", look: { design: { tokenTheme: tokens(webDarkTheme), isDarkTheme: true } } },
])("the profile's mailboxes and alerts in the $name look", ({ name, look }) => {
  it("shows the summary and the causes, opens one from the keyboard, links its mailboxes, with no axe violation", async () => {
    const data = world();
    const { page, opened } = await open(look, data);
    const cause = page.getByRole("button", { name: /Sign-in refused/ });
    await cause.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Dynamics 365 says:").waitFor();
    expect(await cause.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByText(/Other mailboxes on this profile succeed/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("section").first().screenshot({ path: path.join(RESULTS, `health-${name}.png`) });
    await page.getByRole("button", { name: "Sales 1", exact: true }).click();
    expect(opened).toEqual([{ entityName: "mailbox", entityId: data.mailboxes[0].mailboxid }]);
    expect(data.dataverse.writes).toEqual([]);
    await page.close();
  });
});
