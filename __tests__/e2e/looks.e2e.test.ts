/**
 * @jest-environment node
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { createLightTheme, webDarkTheme, webLightTheme } from "@fluentui/tokens";
import { GREEN_BRAND } from "../fixtures/brand";
import { axeViolations, browserSuite, installLook, preparePage, RESULTS, type ILook, type IPageLog } from "./harness";

/**
 * The built control in Chromium, in the four looks a model-driven form can give it — classic (no tokens),
 * the new look's web light and web dark themes, and a custom brand colour — each with its down-level
 * advice, the success bar with Undo, and a read-only form; axe-core, colour contrast included, in each.
 * The harness serves React 17.0.2 here, the React model-driven apps load.
 */
const tokens = (theme: object): Record<string, string | number> => theme as Record<string, string | number>;

interface ILookCase {
  name: string;
  look: ILook;
  /** What the one-click fix button is filled with, as the page computes it. */
  primaryButton: string;
  /** The field's corner radius. */
  radius: string;
  /** Behind the advice: transparent in the classic look, the theme's own background in the new look. */
  background?: string;
}

const LOOKS: ILookCase[] = [
  { name: "classic", look: {}, primaryButton: "rgb(0, 120, 212)", radius: "2px" },
  { name: "new-look", look: { design: { tokenTheme: tokens(webLightTheme) } }, primaryButton: "rgb(15, 108, 189)", radius: "4px", background: "rgb(255, 255, 255)" },
  { name: "dark", look: { design: { tokenTheme: tokens(webDarkTheme), isDarkTheme: true } }, primaryButton: "rgb(17, 94, 163)", radius: "4px", background: "rgb(41, 41, 41)" },
  { name: "custom-brand", look: { design: { tokenTheme: tokens(createLightTheme(GREEN_BRAND)) } }, primaryButton: "rgb(27, 120, 77)", radius: "4px", background: "rgb(255, 255, 255)" },
];

const suite = browserSuite();

/** A fresh page in the look, on the harness's first view (contoso\jdoe with its advice). */
async function open(look: ILook): Promise<{ page: Page; log: IPageLog }> {
  const page = await suite.browser().newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10_000);
  await installLook(page, look);
  const log = await preparePage(page, 17);
  await page.goto(suite.harness().url);
  await page.locator(".email-profile-validator input").waitFor();
  return { page, log };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), clip: { x: 0, y: 0, width: 1110, height: 250 } });
}

const styleOf = (page: Page, selector: string, property: string): Promise<string> =>
  page.locator(selector).first().evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

describe.each(LOOKS)("the $name look, in Chromium on React 17", ({ name, look, primaryButton, radius, background }) => {
  it("runs on the React model-driven apps load", async () => {
    const { page } = await open(look);
    expect(await page.evaluate(() => [(window as unknown as { React: { version: string } }).React.version, (window as unknown as { ReactDOM: { version: string } }).ReactDOM.version])).toEqual(["17.0.2", "17.0.2"]);
    await page.close();
  });

  it("down-level advice: drawn in the look's colours, radius and background, with no axe violation", async () => {
    const { page, log } = await open(look);
    const use = page.getByRole("button", { name: "Use jdoe@contoso.com" });
    await use.waitFor();
    expect(await use.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(primaryButton);
    expect(await styleOf(page, ".email-profile-validator .ms-TextField-fieldGroup", "border-top-left-radius")).toBe(radius);
    if (background) expect(await page.locator(".email-profile-validator").evaluate((element) => getComputedStyle(element.parentElement!).backgroundColor)).toBe(background);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `look-${name}-1-downlevel`);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("the success bar with Undo, with no axe violation", async () => {
    const { page } = await open(look);
    await page.getByRole("button", { name: "Use jdoe@contoso.com" }).click();
    await page.getByRole("button", { name: /Undo/ }).waitFor();
    expect(await page.locator(".email-profile-validator input").inputValue()).toBe("jdoe@contoso.com");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `look-${name}-2-undo`);
    await page.close();
  });

  it("a read-only form: the value and its advice, nothing to click, with no axe violation", async () => {
    const { page } = await open({ ...look, readOnly: true });
    await page.locator(".email-profile-validator .ms-MessageBar").waitFor();
    expect(await page.locator(".email-profile-validator input").getAttribute("readonly")).not.toBeNull();
    expect(await page.locator(".email-profile-validator button").count()).toBe(0);
    // Issue 25: the form's read-only look, not an editable box: no border, the disabled fill behind the value.
    expect(await styleOf(page, ".email-profile-validator .ms-TextField-fieldGroup", "border-top-style")).toBe("none");
    const fill = await styleOf(page, ".email-profile-validator .ms-TextField-fieldGroup", "background-color");
    expect(fill).not.toBe(await styleOf(page, ".email-profile-validator .ms-TextField-field", "background-color"));
    expect(fill).not.toBe(background ?? "rgb(255, 255, 255)");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `look-${name}-3-read-only`);
    await page.close();
  });
});

describe("tokens that are not colours, in Chromium", () => {
  it("never reach the style sheet: no request leaves the page for a URL hidden in a token", async () => {
    const hostile = {
      ...tokens(webLightTheme),
      colorBrandBackground: "red;background-image:url(https://attacker.example/button.png)",
      colorNeutralBackground1: "#fff;background-image:url(https://attacker.example/field.png)",
      borderRadiusMedium: "4px;background:url(https://attacker.example/radius.png)",
      fontFamilyBase: "x;background:url(https://attacker.example/font.png)",
    };
    const { page, log } = await open({ design: { tokenTheme: hostile } });
    await page.getByRole("button", { name: "Use jdoe@contoso.com" }).waitFor();
    await page.waitForTimeout(300);
    expect(log.outside.filter((url) => url.includes("attacker.example"))).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
