#!/usr/bin/env node
/**
 * `npm start`: builds the control, opens Microsoft's test harness on the demo copy (tools/harnessDemo.js),
 * and rebuilds on every change to the sources; the harness reloads the page when the copy changes. The demo
 * copy's page loads React from node_modules, so nothing here needs the internet.
 */
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { runPcfScripts } = require("./pcf");
const { DEMO_DIR, prepareDemo } = require("./harnessDemo");

const ROOT = path.join(__dirname, "..");
const SOURCES = path.join(ROOT, "EmailProfileValidator");
const PCF_START = path.join(ROOT, "node_modules", "pcf-start", "bin", "pcf-start.js");
/** Saving several files at once is one change. */
const SETTLE_MS = 300;

async function buildDemo() {
  const build = await runPcfScripts(["build"]);
  if (build.ok) prepareDemo();
  return build.ok;
}

/** One build at a time; changes made during a build start one more after it. */
function rebuildOnChange() {
  let timer;
  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    await buildDemo();
    building = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  fs.watch(SOURCES, { recursive: true }, (_event, file) => {
    // The build writes generated/ itself; watching it would rebuild forever.
    if (file && String(file).startsWith("generated")) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), SETTLE_MS);
  });
}

async function main() {
  if (!(await buildDemo())) {
    process.exitCode = 1;
    return;
  }
  // browser-sync opens a browser where there is a desktop; elsewhere (a container, SSH) the address is all there is.
  console.log("\nThe harness is served at the Local address printed below; if no browser opens, open it yourself.");
  const harness = spawn(process.execPath, [PCF_START, "--watch", "--codePath", path.relative(ROOT, DEMO_DIR)], {
    cwd: ROOT,
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1" },
    stdio: "inherit",
  });
  harness.on("exit", (code) => process.exit(code ?? 0));
  rebuildOnChange();
}

void main();
