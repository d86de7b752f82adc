#!/usr/bin/env node
/**
 * Runs pcf-scripts with its usage telemetry off, on any OS, and turns a failed build into a failing
 * exit code: pcf-scripts prints "Failed" but exits 0, which would let CI and `npm run pack` go on.
 */
const { spawn } = require("child_process");
const path = require("path");

const PCF_SCRIPTS = path.join(__dirname, "..", "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");

/**
 * pcf-scripts reports a failure in words ("[build] Failed:", "[pcf-1065] [Error]") with exit code 0.
 * @param {number | null} exitCode
 * @param {string} output
 */
function isFailure(exitCode, output) {
  return exitCode !== 0 || /\] Failed:/.test(output) || /\[pcf-\d+\] \[Error\]/.test(output);
}

/**
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [options] quiet: keep pcf-scripts' output for the caller instead of printing it
 * @returns {Promise<{ ok: boolean, output: string }>}
 */
function runPcfScripts(args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PCF_SCRIPTS, ...args], {
      cwd: path.join(__dirname, ".."),
      env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "1" },
      stdio: ["inherit", "pipe", "pipe"],
    });
    let output = "";
    const relay = (stream) => (chunk) => {
      output += chunk.toString();
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("close", (code) => resolve({ ok: !isFailure(code, output), output }));
  });
}

if (require.main === module) {
  runPcfScripts(process.argv.slice(2)).then(({ ok }) => {
    process.exitCode = ok ? 0 : 1;
  });
}

module.exports = { runPcfScripts, isFailure };
