/** The production bundle's size, raw and gzipped, against the 15 KB budget. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUNDLE = path.join(__dirname, "..", "out", "controls", "EmailProfileValidator", "bundle.js");
const BUDGET_BYTES = 15 * 1024;

function run() {
  const bundle = fs.readFileSync(BUNDLE);
  return { raw: bundle.length, gzip: zlib.gzipSync(bundle, { level: 9 }).length, budget: BUDGET_BYTES };
}

module.exports = { run, BUNDLE };
