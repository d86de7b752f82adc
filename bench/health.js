/* global window, document, requestAnimationFrame, MutationObserver -- the in-page measures run in the page, not in Node. */
/**
 * The profile's mailboxes and alerts (SPEC §8), in Chromium on React 17 in Microsoft's harness, against the fake
 * Dataverse answering from Node: per check, the requests and the bytes of the answers, and the time from the first
 * answer to the painted section, at 10, 1,000 and 100,000 mailboxes × 0, 100 and 100,000 alerts; and the field's
 * mount → first paint with the section on, beside a bare Fluent 8 TextField in the same run.
 */
require("./register-ts");
const { launchBrowser, preparePage, startHarness } = require("../__tests__/e2e/harness");
const { alertOn, hoursAgo, scenario } = require("../__tests__/health/scenario");
const { fakeGuid, many } = require("../__tests__/fakes/fakeDataverse");
const { median, percentile } = require("./stats");

const SIZES = [10, 1000, 100_000];
const ALERTS = [0, 100, 100_000];
const CHECKS = 3;
const MOUNT_ROUNDS = 20;
const ALERT_TEXT =
  "Email cannot be received for the mailbox Pat. Make sure that the credentials specified in the mailbox are correct.\n\nEmail Server Error Code: Http server returned 401 Unauthorized exception.";
const QUOTA_TEXT = "The email message X cannot be sent.\nEmail Server Error Code: ErrorQuotaExceeded";

/** A profile with `mailboxes` mailboxes (a tenth failing incoming) and `alerts` alerts spread over them. */
function world(mailboxes, alerts) {
  const failing = Math.max(1, Math.round(mailboxes / 10));
  const data = scenario({ incomingcredentialretrieval: 1 }, [{ count: failing, incoming: 2 }, { count: mailboxes - failing }]);
  const rows = data.mailboxes;
  data.dataverse.add(
    "tracelog",
    many(alerts, (index) =>
      alertOn({ table: "mailbox", row: rows[index % rows.length] }, index % 3 === 0 ? QUOTA_TEXT : ALERT_TEXT, {
        tracelogid: fakeGuid(91, index),
        tracecode: index % 3 === 0 ? 55 : 401,
        modifiedon: hoursAgo(1 + (index % 150)),
      }),
    ),
  );
  return data;
}

/**
 * In the page: mounts the control from its own updateView on a saved record with a Web API (window.__dataverse),
 * and times from the first answer to the frame that shows the section's summary. Resolves with that time.
 */
function checkOnce(profileId) {
  const React = window.React;
  const ReactDOM = window.ReactDOM;
  const library = Object.keys(window).find((key) => key.startsWith("pcf_tools_"));
  const Control = window[library].EmailProfileValidator;
  let firstAnswer;
  const webAPI = {
    retrieveMultipleRecords: (entity, options) =>
      window.__dataverse(entity, options).then((answer) => {
        firstAnswer ??= performance.now();
        return answer;
      }),
  };
  const context = {
    parameters: { userName: { raw: "svc@contoso.com", attributes: { DisplayName: "User Name", MaxLength: 250 } }, credentialRetrieval: { raw: 1 }, serverType: { raw: 0 }, checkMailbox: { raw: "off" } },
    mode: { isControlDisabled: false, isVisible: true, contextInfo: { entityId: profileId, entityTypeName: "emailserverprofile" } },
    resources: { getString: (key) => key },
    webAPI,
  };
  const host = document.createElement("div");
  document.body.appendChild(host);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!/Failing: |No active mailbox|more than 50,000|More than 50,000/.test(host.textContent)) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          const painted = performance.now();
          ReactDOM.unmountComponentAtNode(host);
          host.remove();
          resolve(painted - firstAnswer);
        }, 0),
      );
    });
    observer.observe(host, { childList: true, subtree: true, characterData: true });
    const control = new Control();
    control.init(context, () => undefined);
    ReactDOM.render(control.updateView(context), host);
    void React;
  });
}

/** In the page: the field's mount → first paint with the section on (answers held back), beside a bare TextField. */
function measureMounts({ profileId, rounds }) {
  const ReactDOM = window.ReactDOM;
  const fluent = window.FluentUIReactv81211;
  const library = Object.keys(window).find((key) => key.startsWith("pcf_tools_"));
  const Control = window[library].EmailProfileValidator;
  const context = {
    parameters: { userName: { raw: "svc@contoso.com", attributes: { DisplayName: "User Name", MaxLength: 250 } }, credentialRetrieval: { raw: 1 }, checkMailbox: { raw: "off" } },
    mode: { isControlDisabled: false, isVisible: true, contextInfo: { entityId: profileId, entityTypeName: "emailserverprofile" } },
    resources: { getString: (key) => key },
    webAPI: { retrieveMultipleRecords: () => new Promise(() => undefined) },
  };
  const paint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const host = document.createElement("div");
  document.body.appendChild(host);
  const samples = { control: [], fluent: [] };
  return (async () => {
    for (let round = 0; round < rounds; round++) {
      for (const which of round % 2 === 0 ? ["control", "fluent"] : ["fluent", "control"]) {
        await paint();
        const start = performance.now();
        const control = new Control();
        if (which === "control") control.init(context, () => undefined);
        const element = which === "control" ? control.updateView(context) : window.React.createElement(fluent.TextField, { ariaLabel: "User Name", value: "svc@contoso.com", onChange: () => undefined });
        ReactDOM.render(element, host);
        await paint();
        samples[which].push(performance.now() - start);
        ReactDOM.unmountComponentAtNode(host);
      }
    }
    host.remove();
    return samples;
  })();
}

async function run() {
  const harness = await startHarness();
  let browser;
  const rows = [];
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let current;
    let requests = 0;
    let bytes = 0;
    await page.exposeFunction("__dataverse", async (entity, options) => {
      requests++;
      const answer = await current.dataverse.retrieveMultipleRecords(entity, options);
      bytes += Buffer.byteLength(JSON.stringify(answer));
      return answer;
    });
    await preparePage(page, 17);
    await page.goto(harness.url);
    await page.locator(".email-profile-validator input").waitFor();
    for (const mailboxes of SIZES) {
      for (const alerts of ALERTS) {
        current = world(mailboxes, alerts);
        const times = [];
        requests = 0;
        bytes = 0;
        for (let check = 0; check < CHECKS; check++) times.push(await page.evaluate(checkOnce, current.profileId));
        rows.push({ mailboxes, alerts, requests: requests / CHECKS, bytes: bytes / CHECKS, paintMs: median(times) });
      }
    }
    const mounts = await page.evaluate(measureMounts, { profileId: fakeGuid(1, 1), rounds: MOUNT_ROUNDS });
    const summary = (values) => ({ median: median(values), p95: percentile(values, 95), count: values.length });
    return { rows, mount: { control: summary(mounts.control), fluent: summary(mounts.fluent) } };
  } finally {
    await browser?.close();
    await harness.stop();
  }
}

module.exports = { run };
