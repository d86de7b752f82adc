import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type LaunchOptions, type Locator, type Page } from "playwright-core";
import { prepareDemo } from "../../tools/harnessDemo";

export const ROOT = path.resolve(__dirname, "../..");
const PCF_START = path.join(ROOT, "node_modules/pcf-start/bin/pcf-start.js");

/**
 * `npm start`'s demo copy serves the harness page's React and ReactDOM from node_modules (tools/harnessDemo.js), as
 * the manifest declares them (16.14.0). For React 17, the React model-driven apps load, those two are swapped here.
 */
const REACT_17: Record<string, string> = {
  "/vendor/react.development.js": "node_modules/react17/umd/react.development.js",
  "/vendor/react-dom.development.js": "node_modules/react-dom17/umd/react-dom.development.js",
};

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on the control, every rule on, colour contrast included. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run({ include: [[".email-profile-validator"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Fluent's icon font ships in node_modules under the same file names the CDN uses. */
const ICON_FONTS = path.join(ROOT, "node_modules/@fluentui/font-icons-mdl2/fonts");

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const TELEMETRY_OFF = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1" };

/** Chromium from CHROMIUM_PATH, else Debian's, else an installed Edge or Chrome; never a download. */
export async function launchBrowser(): Promise<Browser> {
  const candidates: LaunchOptions[] = [];
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) candidates.push({ executablePath: explicit });
  if (fs.existsSync("/usr/bin/chromium")) candidates.push({ executablePath: "/usr/bin/chromium" });
  candidates.push({ channel: "msedge" }, { channel: "chrome" });
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      return await chromium.launch({ ...candidate, args: CHROMIUM_FLAGS });
    } catch (error) {
      failures.push(`${candidate.executablePath ?? candidate.channel}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  throw new Error(
    "No browser for the end-to-end tests. Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`), " +
      "or install Microsoft Edge or Google Chrome, or set CHROMIUM_PATH to a Chromium executable.\n" +
      failures.join("\n"),
  );
}

export interface IHarness {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Microsoft's PCF test harness on `npm start`'s demo copy of the built control, exactly as a
 * newcomer sees it; browser-sync moves to the next free port when 8181 is taken.
 */
export function startHarness(): Promise<IHarness> {
  const codePath = path.relative(ROOT, prepareDemo());
  const child: ChildProcess = spawn(process.execPath, [PCF_START, "--codePath", codePath], {
    cwd: ROOT,
    env: TELEMETRY_OFF,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      child.once("exit", () => resolve());
      try {
        // The whole process group: pcf-start and the browser-sync server it starts.
        if (process.platform === "win32") spawn("taskkill", ["/pid", String(child.pid), "/T", "/F"]);
        else process.kill(-child.pid, "SIGTERM");
      } catch {
        resolve();
      }
    });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`The harness did not start within 30 s:\n${output}`)));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const local = /Local: (http:\/\/localhost:\d+)/.exec(output);
      if (local) {
        clearTimeout(timer);
        resolve({ url: local[1], stop });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The harness exited with ${code}:\n${output}`));
    });
  });
}

export interface IPageLog {
  errors: string[];
  /** Every request to anywhere but this machine that the page tried to make. */
  outside: string[];
}

/**
 * Blocks every request that would leave this machine (the Segoe UI web font) and logs it; serves Fluent's icon font
 * from node_modules, and React 17 in place of the demo's React 16 when asked.
 */
export async function preparePage(page: Page, react: 16 | 17 = 16): Promise<IPageLog> {
  const log: IPageLog = { errors: [], outside: [] };
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    const local = react === 17 && url.startsWith("http://localhost") ? REACT_17[new URL(url).pathname] : undefined;
    if (local) return route.fulfill({ path: path.join(ROOT, local), contentType: "application/javascript" });
    const iconFont = /\/assets\/icons\/([\w-]+\.woff)$/.exec(url)?.[1];
    if (iconFont && fs.existsSync(path.join(ICON_FONTS, iconFont))) return route.fulfill({ path: path.join(ICON_FONTS, iconFont), contentType: "font/woff" });
    if (url.startsWith("http://localhost")) return route.continue();
    log.outside.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => log.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Requests this test blocks on purpose (web fonts), and the harness's own empty width/height boxes.
    if (text.includes("net::ERR_BLOCKED_BY_CLIENT")) return;
    if (text.includes("is an invalid value for the `%s` css style property")) return;
    log.errors.push(`console: ${text}`);
  });
  return log;
}

/** The value box of one property in the harness's right-hand Data Inputs panel. */
export function dataInput(page: Page, property: string): Locator {
  return page
    .locator("#accordion__panel-data_inputs > div > div")
    .filter({ has: page.getByText(property, { exact: true }) })
    .locator("input")
    .first();
}

/** Sets a Data Inputs box the way a person would: replace its text, then leave the box. */
export async function setDataInput(page: Page, property: string, value: string): Promise<void> {
  const box = dataInput(page, property);
  await box.fill(value);
  await box.press("Tab");
}

/** Waits until a Data Inputs box shows `value`: the platform side has received the control's output. */
export async function waitForDataInput(page: Page, property: string, value: string, timeoutMs = 5000): Promise<void> {
  const box = dataInput(page, property);
  const deadline = Date.now() + timeoutMs;
  let shown = await box.inputValue();
  while (shown !== value) {
    if (Date.now() > deadline) throw new Error(`Data Inputs ${property} shows ${JSON.stringify(shown)}, not ${JSON.stringify(value)}`);
    await page.waitForTimeout(50);
    shown = await box.inputValue();
  }
}

/** What a model-driven form would hand the control that the harness does not: the new look's tokens, a read-only form. */
export interface ILook {
  design?: { tokenTheme: Record<string, string | number>; isDarkTheme?: boolean };
  readOnly?: boolean;
  /**
   * A saved record with a Web API behind it, which the harness has neither: the control's retrieveMultipleRecords
   * calls go to `window.__dataverse` and openForm to `window.__openForm`, which the test exposes from Node.
   */
  record?: { id: string };
}

/**
 * The harness never sets `context.fluentDesignLanguage`. Before any script runs, this wraps the control
 * as the built bundle registers it (ComponentFramework.registerControl), so every updateView receives
 * the look's tokens and, for a read-only form, `mode.isControlDisabled`. The bundle itself is the one packed.
 */
export async function installLook(page: Page, look: ILook): Promise<void> {
  await page.addInitScript((given: ILook) => {
    interface IContext {
      parameters?: unknown;
      fluentDesignLanguage?: unknown;
      mode: { isControlDisabled: boolean; contextInfo?: unknown };
      webAPI?: unknown;
      navigation?: unknown;
    }
    type Control = new () => { init(context: IContext, ...rest: unknown[]): unknown; updateView(context: IContext): unknown };
    const page = window as unknown as { __dataverse?: (entity: string, options?: string) => Promise<unknown>; __openForm?: (options: unknown) => Promise<unknown> };
    // The harness's own context objects may not take new members: the record is layered over them, not written in.
    const withRecord = (context: IContext): IContext => {
      if (!given.record) return context;
      const info = { entityId: given.record.id, entityTypeName: "emailserverprofile" };
      const webAPI = { retrieveMultipleRecords: (entity: string, options?: string) => page.__dataverse!(entity, options) };
      const navigation = { openForm: (options: unknown) => page.__openForm!(options) };
      const mode = new Proxy(context.mode, { get: (target, key): unknown => (key === "contextInfo" ? info : Reflect.get(target, key)) });
      // The demo turns the section off (the harness's own retrieveMultipleRecords only raises an alert): on here.
      const on = { raw: "on" };
      const parameters = new Proxy(context.parameters as object, {
        get: (target, key): unknown => (key === "profileHealth" || key === "checkMailbox" ? on : Reflect.get(target, key)),
      });
      const members: Record<string, unknown> = { mode, webAPI, navigation, parameters };
      return new Proxy(context, { get: (target, key): unknown => (typeof key === "string" && key in members ? members[key] : Reflect.get(target, key)) });
    };
    const withLook = (Base: Control): Control =>
      class extends Base {
        public init(context: IContext, ...rest: unknown[]): unknown {
          return super.init(withRecord(context), ...rest);
        }

        public updateView(context: IContext): unknown {
          if (given.design) context.fluentDesignLanguage = given.design;
          if (given.readOnly) context.mode.isControlDisabled = true;
          return super.updateView(withRecord(context));
        }
      };
    let register: ((name: string, control: Control) => void) | undefined;
    const framework = {};
    Object.defineProperty(framework, "registerControl", {
      configurable: true,
      get: () => (register ? (name: string, control: Control) => register?.(name, withLook(control)) : undefined),
      set: (given: (name: string, control: Control) => void) => {
        register = given;
      },
    });
    (window as unknown as { ComponentFramework: object }).ComponentFramework = framework;
  }, look);
}

/** Where the browser suites leave their screenshots. */
export const RESULTS = path.join(ROOT, "test-results");

export interface IBrowserSuite {
  harness: () => IHarness;
  browser: () => Browser;
}

/** One harness and one browser for a whole suite, started before its first test and stopped after its last. */
export function browserSuite(): IBrowserSuite {
  let harness: IHarness | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    harness = await startHarness();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`The ${name} did not start`);
    return value;
  };
  return { harness: () => started(harness, "harness"), browser: () => started(browser, "browser") };
}

