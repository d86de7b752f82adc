/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Locator, Page } from "playwright-core";
import { KB_3214326 } from "../fixtures/publishedFailures";
import { axeViolations as axeOf, launchBrowser, preparePage, RESULTS, setDataInput, startHarness, waitForDataInput, type IHarness, type IPageLog } from "./harness";


let harness: IHarness | undefined;
let browser: Browser | undefined;
let page: Page;
let log: IPageLog;

const field = (): Locator => page.locator(".email-profile-validator input").first();
const adviceBar = (): Locator => page.locator(".email-profile-validator .ms-MessageBar");

const axeViolations = (): Promise<string[]> => axeOf(page);

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), clip: { x: 0, y: 44, width: 1110, height: 160 } });
}

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  // globalSetup built the control for production, as packagers ship it.
  harness = await startHarness();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10_000);
  log = await preparePage(page);
  await page.goto(harness.url);
  await field().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

describe("the control in Microsoft's PCF test harness, in Chromium", () => {
  it("shows a newcomer's first view as npm start opens it: English advice on a down-level name, with its fix", async () => {
    // No Data Inputs touched: what the demo manifest starts the harness with.
    expect(await field().inputValue()).toBe("contoso\\jdoe");
    const advice = await adviceBar().textContent();
    expect(advice).toContain("\u201ccontoso\\jdoe\u201d is a Windows log-on name.");
    // Credentials are in use and no setting is a placeholder: no "not used", no configuration note.
    expect(advice).not.toContain("does not use this user name");
    expect(advice).not.toContain("setting");
    // A configured suffix (Domain suffixes CONTOSO=contoso.com): the first view's fix is backed, never a guess.
    const use = page.getByRole("button", { name: "Use jdoe@contoso.com", exact: true });
    await use.waitFor();
    expect(await use.getAttribute("title")).toBe("configured domain");
    expect(await use.getAttribute("class")).toContain("ms-Button--primary");
    expect(await axeViolations()).toEqual([]);
    await screenshot("0-first-view");
  });

  // PLATFORM-NOTES: pcf-start's page loads React from unpkg.com; npm start must work with no internet at all.
  it("runs with nothing from the internet: React comes from this machine, and only web fonts were asked for outside", async () => {
    expect(await page.evaluate(() => (window as unknown as { React: { version: string } }).React.version)).toBe("16.14.0");
    expect(log.outside.filter((url) => !/\.(woff2?|ttf)(\?|$)/.test(url))).toEqual([]);
  });

  it("warns about a down-level name on the keystroke that types the backslash", async () => {
    await setDataInput(page, "userName", "");
    await field().click();
    await field().pressSequentially("contoso\\");
    // Well inside the 800 ms pause that incomplete-input advice waits for: this advice is due at once.
    await expect(adviceBar().textContent({ timeout: 500 })).resolves.toContain("is a Windows log-on name");
    await field().pressSequentially("user");
    await page.getByRole("button", { name: "Use user@contoso.com" }).waitFor();
    expect(await adviceBar().textContent()).toContain("“contoso\\user” is a Windows log-on name");
    expect(await page.getByRole("link", { name: /KB 3214326/ }).getAttribute("href")).toBe("https://support.microsoft.com/help/3214326");
    expect(await axeViolations()).toEqual([]);
    await screenshot("1-downlevel-warning");
  });

  it("rewrites to the UPN in one click, and the platform receives it", async () => {
    // As narrow as a form's field column: the green bar must still show both values whole (issue 25).
    await page.locator(".email-profile-validator").evaluate((element) => ((element as HTMLElement).style.width = "320px"));
    await page.getByRole("button", { name: "Use user@contoso.com" }).click();
    expect(await field().inputValue()).toBe("user@contoso.com");
    const status = page.locator(".email-profile-validator .ms-MessageBar--success .ms-MessageBar-innerText");
    expect(await status.textContent()).toBe("Changed from \u201ccontoso\\user\u201d to \u201cuser@contoso.com\u201d.");
    const fits = await status.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    await page.waitForFunction(() => document.activeElement?.closest(".email-profile-validator") !== null);
    await waitForDataInput(page, "userName", "user@contoso.com");
    // The harness's Data Outputs section shows what getOutputs returned: the README sends newcomers there.
    await expect(page.locator("#accordion__panel-data_outputs").textContent()).resolves.toContain("user@contoso.com");
    expect(await axeViolations()).toEqual([]);
    await screenshot("2-rewritten-with-undo");
  });

  it("Undo restores exactly what was typed", async () => {
    await page.getByRole("button", { name: /^Undo/ }).click();
    await page.locator(".email-profile-validator").evaluate((element) => ((element as HTMLElement).style.width = ""));
    expect(await field().inputValue()).toBe("contoso\\user");
    await waitForDataInput(page, "userName", "contoso\\user");
  });

  it("shows no bar at all for a correct UPN", async () => {
    await field().fill("");
    await field().pressSequentially("user@contoso.com");
    await field().press("Tab");
    await page.waitForTimeout(900);
    expect(await adviceBar().count()).toBe(0);
    expect(await field().getAttribute("aria-invalid")).toBe("false");
    expect(await axeViolations()).toEqual([]);
    await screenshot("3-valid");
  });

  it("offers to clean up a pasted value with a space and a zero-width space, and cleans it", async () => {
    await field().fill(" user@contoso.com\u200b");
    await page.getByRole("button", { name: "Clean up to user@contoso.com" }).waitFor();
    expect(await adviceBar().textContent()).toContain("invisible characters (U+200B ZERO WIDTH SPACE)");
    expect(await field().getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations()).toEqual([]);
    await screenshot("4-cleanup-offered");
    await page.getByRole("button", { name: "Clean up to user@contoso.com" }).click();
    expect(await field().inputValue()).toBe("user@contoso.com");
    await waitForDataInput(page, "userName", "user@contoso.com");
  });

  it("takes a value pushed by the platform", async () => {
    await setDataInput(page, "userName", "fabrikam\\jdoe");
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>(".email-profile-validator input")?.value === "fabrikam\\jdoe");
    // No setting names FABRIKAM and the harness has no directory: a visible guess, not the primary fix.
    const guess = page.getByRole("button", { name: "Use jdoe@fabrikam.com (likely — check the domain)" });
    await guess.waitFor();
    expect(await guess.getAttribute("class")).not.toContain("ms-Button--primary");
  });

  it("keeps the advice legible and its severity visible in Windows high-contrast mode", async () => {
    await page.emulateMedia({ forcedColors: "active" });
    try {
      // High contrast replaces background colours, so Fluent marks an error with a red border instead.
      const bar = await adviceBar().evaluate((element) => {
        const style = getComputedStyle(element);
        return { border: `${style.borderTopStyle} ${style.borderTopWidth}`, color: style.borderTopColor, height: element.getBoundingClientRect().height };
      });
      expect(bar.border).toBe("solid 1px");
      const [red, green, blue] = (bar.color.match(/\d+/g) ?? []).map(Number);
      expect({ red: red > 200, green: green < 60, blue: blue < 60 }).toEqual({ red: true, green: true, blue: true });
      expect(bar.height).toBeGreaterThan(20);
      await expect(adviceBar().getByText("“fabrikam\\jdoe” is a Windows log-on name").isVisible()).resolves.toBe(true);
      await expect(page.getByRole("button", { name: /^Use jdoe@fabrikam\.com/ }).isVisible()).resolves.toBe(true);
      expect(await axeViolations()).toEqual([]);
      await screenshot("5-high-contrast");
    } finally {
      await page.emulateMedia({ forcedColors: "none" });
    }
  });

  it("explains the last failed Test Connection from KB 3214326's published Failure Details, malformed as published, naming the field's value", async () => {
    // The published trace names domain\username; here it is the value in the field, as after a failed test.
    const published = KB_3214326.slice(KB_3214326.indexOf("Response from Exchange:"));
    await setDataInput(page, "lastTestResponse", published.split("domain\\username").join("contoso\\jdoe"));
    await field().fill("contoso\\jdoe");
    await page.getByRole("button", { name: "Use jdoe@contoso.com" }).waitFor();
    expect(await adviceBar().textContent()).toContain("This is why the last Test Connection failed");
    expect(await axeViolations()).toEqual([]);
    // The field and a three-line bar: taller than the other screenshots.
    await page.screenshot({ path: path.join(RESULTS, "6-last-test-failed.png"), clip: { x: 0, y: 0, width: 1110, height: 250 } });
    await setDataInput(page, "lastTestResponse", "");
  });

  // KB 4493267: a 401 leaves only its status line in the response headers, and names no address.
  it("a 401 with only its status line: the sign-in advice on the value the form holds from the platform, with no axe violation", async () => {
    await setDataInput(page, "userName", "jdoe@contoso.com");
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>(".email-profile-validator input")?.value === "jdoe@contoso.com");
    const headers = '<Trace Tag="EwsResponseHttpHeaders" Tid="17" Time="2024-05-02 09:14:07Z">\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate\nWWW-Authenticate: NTLM\n\n</Trace>';
    await setDataInput(page, "lastTestResponse", headers);
    await page.getByText("The last Test Connection was refused sign-in as jdoe@contoso.com (401 Unauthorized).", { exact: false }).first().waitFor();
    expect(await page.getByRole("link", { name: /Microsoft's article/ }).getAttribute("href")).toContain("test-connection-fails-email-server");
    expect(await axeViolations()).toEqual([]);
    await page.locator(".email-profile-validator").first().screenshot({ path: path.join(RESULTS, "7-last-test-401.png") });
    await setDataInput(page, "lastTestResponse", "");
  });

  // Microsoft Learn, "Connect to IMAP, POP, or SMTP servers": the User Name is the mail server's own log-on.
  it("on an IMAP/SMTP profile, a down-level log-on is fine: one quiet line, no fix to press", async () => {
    await setDataInput(page, "userName", "CONTOSO\\jdoe");
    await setDataInput(page, "serverType", "4");
    await page.getByText("the mail server decides the form of its log-on", { exact: false }).first().waitFor();
    expect(await page.locator(".email-profile-validator button").count()).toBe(0);
    expect(await field().getAttribute("aria-invalid")).toBe("false");
    expect(await axeViolations()).toEqual([]);
    await page.locator(".email-profile-validator").first().screenshot({ path: path.join(RESULTS, "8-imap-logon.png") });
    await setDataInput(page, "serverType", "0");
    await page.getByRole("button", { name: "Use jdoe@contoso.com" }).waitFor();
  });

  it("logged no errors in the page", () => {
    expect(log.errors).toEqual([]);
  });
});
