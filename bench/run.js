#!/usr/bin/env node
/**
 * `npm run bench`: every budget, each beside its baseline from the same run, in one summary table.
 * Benchmarks, not tests: these machines are noisy, so the figures are ratios and differences.
 */
const { runPcfScripts } = require("../tools/pcf");
const validate = require("./validate");
const bundle = require("./bundle");
const keystroke = require("./keystroke");

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(value < 1 ? 2 : 1)} ms`;
const us = (value) => `${(value * 1000).toFixed(2)} µs`;
const FRAME_MS = 1000 / 60;

async function main() {
  console.log("Building the control for production…");
  const build = await runPcfScripts(["build", "--buildMode", "production"], { quiet: true });
  if (!build.ok) throw new Error(`The production build failed:\n${build.output}`);

  const size = bundle.run();
  console.log("Validation throughput…");
  const speed = validate.run();
  validate.report(speed);
  console.log("Keystroke latency in Chromium…");
  const latency = await keystroke.run();

  const gap = latency.control.median - latency.baseline.median;
  const rows = [
    [
      "bundle.js (production)",
      `${kb(size.raw)} raw, ${kb(size.gzip)} gzip`,
      `≤ ${kb(size.budget.raw)} raw and ≤ ${kb(size.budget.gzip)} gzip`,
      size.raw <= size.budget.raw && size.gzip <= size.budget.gzip ? "met" : "missed",
    ],
    [
      "bundle.js compile (V8)",
      `${ms(size.compile.oursMs)} vs React DOM (${kb(size.compile.baselineBytes)}, loaded by every form) ${ms(size.compile.baselineMs)}: ratio ${(size.compile.oursMs / size.compile.baselineMs).toFixed(2)}`,
      "context, no budget",
      "",
    ],
    ["validation, field corpus", `${us(speed.field.oursMedian)} vs isEmail ${us(speed.field.theirsMedian)}: ratio ${speed.field.ratio.toFixed(2)}`, "ratio ≤ 1.00", speed.field.ratio <= 1 ? "met" : "missed"],
    ["validation, broken-input corpus", `${us(speed.broken.oursMedian)} vs isEmail ${us(speed.broken.theirsMedian)}: ratio ${speed.broken.ratio.toFixed(2)} (${speed.broken.inputs} inputs)`, "ratio ≤ 1.00", speed.broken.ratio <= 1 ? "met" : "missed"],
    ["validation, 10,000-char inputs", `slowest ${us(speed.worst.ms)}; isEmail ratio ${speed.hostile.ratio.toFixed(0)}`, "< 1000 µs each", speed.worst.ms < 1 ? "met" : "missed"],
    [
      `keystroke → paint (${latency.valueLength} chars)`,
      `control median ${ms(latency.control.median)} p95 ${ms(latency.control.p95)}; plain <input> median ${ms(latency.baseline.median)} p95 ${ms(latency.baseline.p95)}; difference ${ms(gap)}`,
      `median within ${ms(FRAME_MS)} of <input>`,
      gap <= FRAME_MS ? "met" : "missed",
    ],
  ];
  console.log("\n| measure | result | budget | |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
