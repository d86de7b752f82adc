#!/usr/bin/env node
/**
 * `npm run bench`: every budget, each beside its baseline from the same run, in one summary table.
 * Benchmarks, not tests: these machines are noisy, so the figures are ratios and differences.
 */
const { runPcfScripts } = require("../tools/pcf");
const validate = require("./validate");
const bundle = require("./bundle");
const keystroke = require("./keystroke");
const sizes = require("./sizes");
const health = require("./health");

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
  console.log("The profile's mailboxes and alerts in Chromium…");
  const section = await health.run();

  const gap = latency.control.median - latency.baseline.median;
  const fluentGap = latency.control.median - latency.fluent.median;
  const mountGap = latency.mount.control.median - latency.mount.fluent.median;
  const over = { raw: size.raw - size.budget.raw, gzip: size.gzip - size.budget.gzip };
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
      `keystroke → paint (${latency.valueLength} chars, React ${latency.react})`,
      `control median ${ms(latency.control.median)} p95 ${ms(latency.control.p95)}; bare Fluent 8 TextField median ${ms(latency.fluent.median)} p95 ${ms(latency.fluent.p95)}: ratio ${(latency.control.median / latency.fluent.median).toFixed(2)}, difference ${ms(fluentGap)}`,
      `median within ${ms(FRAME_MS)} of the bare TextField`,
      fluentGap <= FRAME_MS ? "met" : "missed",
    ],
    [
      "keystroke → paint, the browser's floor",
      `plain <input> median ${ms(latency.baseline.median)} p95 ${ms(latency.baseline.p95)}; control − <input> ${ms(gap)}`,
      "context, no budget",
      "",
    ],
    [
      `mount → first paint (first view, ${latency.mount.control.count} mounts each)`,
      `control median ${ms(latency.mount.control.median)} p95 ${ms(latency.mount.control.p95)}; bare Fluent 8 TextField median ${ms(latency.mount.fluent.median)} p95 ${ms(latency.mount.fluent.p95)}: ratio ${(latency.mount.control.median / latency.mount.fluent.median).toFixed(2)}, difference ${ms(mountGap)}`,
      `median within ${ms(FRAME_MS)} of the bare TextField`,
      mountGap <= FRAME_MS ? "met" : "missed",
    ],
    ...section.rows.map((row) => [
      `health check, ${row.mailboxes.toLocaleString("en-US")} mailboxes × ${row.alerts.toLocaleString("en-US")} alerts`,
      `${row.requests} requests, ${kb(row.bytes)} answered; first answer → painted section ${ms(row.paintMs)}`,
      "≤ 5 requests, whatever the size",
      row.requests <= 5 ? "met" : "missed",
    ]),
    [
      `mount → first paint with the section on (${section.mount.control.count} mounts each)`,
      `control median ${ms(section.mount.control.median)}; bare Fluent 8 TextField median ${ms(section.mount.fluent.median)}: difference ${ms(section.mount.control.median - section.mount.fluent.median)}`,
      `median within ${ms(FRAME_MS)} of the bare TextField`,
      section.mount.control.median - section.mount.fluent.median <= FRAME_MS ? "met" : "missed",
    ],
  ];
  console.log("\n| measure | result | budget | |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);

  const where = await sizes.run();
  if (over.raw > 0 || over.gzip > 0) {
    console.log(`\nbundle.js is over its budget by ${kb(Math.max(0, over.raw))} raw and ${kb(Math.max(0, over.gzip))} gzip. Where the bytes go (each file minified alone):`);
  } else {
    console.log("\nWhere the bytes go (each file minified alone):");
  }
  console.log("\n| source | raw | gzip |\n|---|---|---|");
  console.log(`| English fallback (advice/strings.ts's ENGLISH table) | ${kb(where.english.raw)} | ${kb(where.english.gzip)} |`);
  for (const row of where.rows.slice(0, 12)) console.log(`| ${row.name} | ${kb(row.raw)} | ${kb(row.gzip)} |`);
  // By room (ARCHITECTURE.md): each top folder of the control, its files minified alone and added up.
  const rooms = new Map();
  for (const row of where.rows) {
    const room = row.name.includes("/") ? `${row.name.split("/")[0]}/` : "index.ts, boundValue.ts, hostValues.ts";
    const total = rooms.get(room) ?? { raw: 0, gzip: 0 };
    rooms.set(room, { raw: total.raw + row.raw, gzip: total.gzip + row.gzip });
  }
  console.log("\n| room | raw | gzip |\n|---|---|---|");
  for (const [room, total] of [...rooms].sort((a, b) => b[1].raw - a[1].raw)) console.log(`| ${room} | ${kb(total.raw)} | ${kb(total.gzip)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
