/* global window, document, requestAnimationFrame -- installProbe and the in-page measures run in the page, not in Node. */
/**
 * What the control costs a form, in Chromium on React 17 (what model-driven apps load), in Microsoft's harness,
 * against what the form would show without it: a bare Fluent 8 TextField, the platform's own kind of field, on the
 * same page and in the same run (and a plain <input>, the browser's floor). Two measures, rounds alternating:
 * - keystroke → paint while typing a 40-character value;
 * - mount → first paint: from updateView's first element (first view, a down-level value) to the first painted
 *   frame, against rendering a bare TextField.
 */
require("./register-ts");
const { launchBrowser, preparePage, startHarness } = require("../__tests__/e2e/harness");
const { median, percentile } = require("./stats");

const VALUE = "CONTOSO\\firstname.lastname-admin.account";
const ROUNDS = 6;
const MOUNT_ROUNDS = 30;
const KEY_DELAY_MS = 60;

/** Records, per target, keydown → (rAF → task), i.e. until the frame that shows the key has been painted. */
function installProbe() {
  window.__latencies = { control: [], fluent: [], input: [] };
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key.length !== 1) return;
      const target = event.target;
      const which = target.id === "latency-input" ? "input" : target.closest("#latency-fluent") ? "fluent" : target.closest(".email-profile-validator") ? "control" : null;
      if (!which) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__latencies[which].push(performance.now() - start), 0));
    },
    true,
  );
  const pane = document.querySelector(".control-pane") ?? document.body;
  const input = document.createElement("input");
  input.id = "latency-input";
  input.setAttribute("aria-label", "Baseline input");
  pane.appendChild(input);
  const fluentHost = document.createElement("div");
  fluentHost.id = "latency-fluent";
  pane.appendChild(fluentHost);
  const fluent = window.FluentUIReactv81211;
  window.ReactDOM.render(window.React.createElement(fluent.TextField, { ariaLabel: "Baseline TextField", placeholder: "user@contoso.com" }), fluentHost);
}

/**
 * In the page: mounts the control from its own updateView (a fresh instance on a minimal context, first view
 * contoso\jdoe) and a bare TextField, alternately, each timed from render to the first painted frame.
 */
function measureMounts(rounds) {
  const React = window.React;
  const ReactDOM = window.ReactDOM;
  const fluent = window.FluentUIReactv81211;
  const library = Object.keys(window).find((key) => key.startsWith("pcf_tools_"));
  const Control = window[library].EmailProfileValidator;
  const context = {
    parameters: { userName: { raw: "contoso\\jdoe", attributes: { DisplayName: "User Name", MaxLength: 250 } }, credentialRetrieval: { raw: 1 }, serverType: { raw: 0 } },
    mode: { isControlDisabled: false, isVisible: true },
    resources: { getString: (key) => key },
  };
  const paint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const host = document.createElement("div");
  document.body.appendChild(host);
  const samples = { control: [], fluent: [] };
  const mountOnce = async (which) => {
    await paint();
    const start = performance.now();
    let element;
    if (which === "control") {
      const control = new Control();
      control.init(context, () => undefined);
      element = control.updateView(context);
    } else {
      element = React.createElement(fluent.TextField, { ariaLabel: "User Name", value: "contoso\\jdoe", onChange: () => undefined });
    }
    ReactDOM.render(element, host);
    await paint();
    samples[which].push(performance.now() - start);
    ReactDOM.unmountComponentAtNode(host);
  };
  return (async () => {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ["control", "fluent"] : ["fluent", "control"];
      for (const which of order) await mountOnce(which);
    }
    host.remove();
    return samples;
  })();
}

async function typeInto(page, selector) {
  const box = page.locator(selector).first();
  await box.click();
  await box.press("Control+a");
  await box.press("Delete");
  await box.pressSequentially(VALUE, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(100);
}

const SELECTORS = { control: ".email-profile-validator input", fluent: "#latency-fluent input", input: "#latency-input" };

async function run() {
  const harness = await startHarness();
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await preparePage(page, 17);
    await page.goto(harness.url);
    await page.locator(".email-profile-validator input").waitFor();
    await page.evaluate(installProbe);
    const targets = Object.keys(SELECTORS);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate which goes first so none always types on a warmer page.
      const order = targets.map((_, index) => targets[(index + round) % targets.length]);
      for (const which of order) await typeInto(page, SELECTORS[which]);
    }
    const keys = await page.evaluate(() => window.__latencies);
    const mounts = await page.evaluate(measureMounts, MOUNT_ROUNDS);
    const summary = (values) => ({ median: median(values), p95: percentile(values, 95), count: values.length });
    return {
      control: summary(keys.control),
      fluent: summary(keys.fluent),
      baseline: summary(keys.input),
      mount: { control: summary(mounts.control), fluent: summary(mounts.fluent) },
      react: await page.evaluate(() => window.React.version),
      valueLength: VALUE.length,
    };
  } finally {
    await browser?.close();
    await harness.stop();
  }
}

module.exports = { run, VALUE };
