/* global window, document, requestAnimationFrame -- installProbe and the latency read-out run in the page, not in Node. */
/**
 * Keystroke latency in Chromium, in Microsoft's harness: time from a key press to the next paint
 * while typing a 40-character value, in the control and, in the same page and run, in a plain
 * <input> (the browser's own floor). Rounds alternate between the two.
 */
require("./register-ts");
const { launchBrowser, preparePage, startHarness } = require("../__tests__/e2e/harness");
const { median, percentile } = require("./stats");

const VALUE = "CONTOSO\\firstname.lastname-admin.account";
const ROUNDS = 6;
const KEY_DELAY_MS = 60;

/** Records, per target, keydown → (rAF → task), i.e. until the frame that shows the key has been painted. */
function installProbe() {
  window.__latencies = { control: [], baseline: [] };
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key.length !== 1) return;
      const target = event.target;
      const which = target.id === "latency-baseline" ? "baseline" : target.closest(".email-profile-validator") ? "control" : null;
      if (!which) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__latencies[which].push(performance.now() - start), 0));
    },
    true,
  );
  const baseline = document.createElement("input");
  baseline.id = "latency-baseline";
  baseline.setAttribute("aria-label", "Baseline input");
  document.querySelector(".control-pane")?.appendChild(baseline);
}

async function typeInto(page, selector) {
  const box = page.locator(selector).first();
  await box.click();
  await box.press("Control+a");
  await box.press("Delete");
  await box.pressSequentially(VALUE, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(100);
}

async function run() {
  const harness = await startHarness();
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await preparePage(page);
    await page.goto(harness.url);
    await page.locator(".email-profile-validator input").waitFor();
    await page.evaluate(installProbe);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ["control", "baseline"] : ["baseline", "control"];
      for (const which of order) await typeInto(page, which === "control" ? ".email-profile-validator input" : "#latency-baseline");
    }
    const samples = await page.evaluate(() => window.__latencies);
    const summary = (values) => ({ median: median(values), p95: percentile(values, 95), count: values.length });
    return { control: summary(samples.control), baseline: summary(samples.baseline), valueLength: VALUE.length };
  } finally {
    await browser?.close();
    await harness.stop();
  }
}

module.exports = { run, VALUE };
