/**
 * validateUserName against validator.js's isEmail on the same inputs, in one process, alternating
 * batches so that both see the same machine noise. Prints per-call medians and their ratio.
 *
 * Three corpora: what the field can hold (the column and the TextField stop at 250 characters), and
 * 10,000-character hostile inputs, which only a script or an API could store; isEmail rejects those
 * on length alone while validateUserName still classifies them and names every problem.
 */
require("./register-ts");
const isEmail = require("validator/lib/isEmail");
const { validateUserName } = require("../EmailProfileValidator/validation");
const { median, formatMicros } = require("./stats");

const FIELD_CORPUS = [
  "user@contoso.com", "First.Last@fabrikam.co.uk", "john+crm@contoso.com", "o'neil@contoso.com",
  "contoso\\user", "CONTOSO\\\\jdoe", "contoso/user", ".\\administrator", "user", "user@", "@contoso.com",
  "user@contoso", "user@contoso.local", " user@contoso.com ", "user@contoso.com\u200b", "mailto:user@contoso.com",
  "John Doe <john@contoso.com>", "\"user@contoso.com\"", "a@contoso.com; b@contoso.com", "a@b@c.com",
  "us er@contoso.com", "us..er@contoso.com", "user@-contoso.com", "user@con_toso.com", "user@[10.0.0.1]",
  "jos\u00e9@contoso.com", `${"a".repeat(70)}@contoso.com`, `user@${"sub.".repeat(30)}contoso.com`,
];

/**
 * Mostly broken input, built from combinations: paste debris, down-level and bare names, private and
 * special-use suffixes, doubled @. This is where clean-up runs in full and suggestions are computed.
 */
const ACCOUNTS = ["jdoe", "John.Doe", "j_doe", "o'neil", "admin"];
const BROKEN_FORMS = [
  (a) => `CONTOSO\\${a}`, (a) => `contoso\\\\${a}`, (a) => `CONTOSO \\ ${a}`, (a) => `fabrikam/${a}`, (a) => `.\\${a}`, (a) => a,
  (a) => `${a}@contoso.local`, (a) => `${a}@corp.test`, (a) => `${a}@printer.home.arpa`, (a) => `${a}@contoso.123`,
  (a) => `${a}@contoso@com`, (a) => `${a}@`, (a) => `${a}@contoso`, (a) => `${a}@contoso.com.`, (a) => `${a}@contoso.com\\`,
  (a) => `mailto:${a}@contoso.com?subject=Hi`, (a) => `SMTP:${a}@contoso.com`, (a) => `Doe, John [mailto:${a}@contoso.com]`,
  (a) => `"${a}" <${a}@contoso.com>;`, (a) => `\u300c${a}@contoso.com\u300d`,
];
const DEBRIS = ["", "\u3000", "\u200e", "\u202f", "\u00a0", "\ufeff"];
const BROKEN_CORPUS = ACCOUNTS.flatMap((account) =>
  BROKEN_FORMS.flatMap((form, f) => DEBRIS.map((debris, d) => ((f + d) % 2 === 0 ? `${debris}${form(account)}${debris}` : form(account)))),
);

const HOSTILE_CORPUS = [
  "a.".repeat(5000), `${"a.".repeat(5000)}@contoso.com`, "@".repeat(10000), "\\".repeat(10000), "\u200b\u00a0".repeat(5000),
  `${"\u3000".repeat(5000)}a@contoso.com${"\u2009".repeat(5000)}`, `a${"\u202e\u3000".repeat(5000)}@contoso.com`, "mailto:".repeat(1400),
  // A whole script pasted: 10,000 distinct non-ASCII characters (named by eight and a count).
  Array.from({ length: 10000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(""),
  `jdoe@${Array.from({ length: 9990 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("")}`,
];

const OPTIONS = { defaultUpnSuffix: "contoso.com" };
const BATCHES = 60;
const CALLS_PER_BATCH = 600;

const ours = (value) => validateUserName(value, OPTIONS).severity !== "error";
const theirs = (value) => isEmail(value);

/** Mean time per call over one batch that cycles through the corpus. */
function timeBatch(check, corpus) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS_PER_BATCH; i++) sink += check(corpus[i % corpus.length]) ? 1 : 0;
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (sink < 0) throw new Error("unreachable");
  return elapsedMs / CALLS_PER_BATCH;
}

function compare(corpus) {
  for (let i = 0; i < 10; i++) {
    timeBatch(ours, corpus);
    timeBatch(theirs, corpus);
  }
  const oursSamples = [];
  const theirsSamples = [];
  for (let i = 0; i < BATCHES; i++) {
    // Alternate which goes first so neither always runs on a warmer machine.
    const pair = i % 2 === 0 ? [ours, theirs] : [theirs, ours];
    for (const check of pair) (check === ours ? oursSamples : theirsSamples).push(timeBatch(check, corpus));
  }
  const oursMedian = median(oursSamples);
  const theirsMedian = median(theirsSamples);
  return { oursMedian, theirsMedian, ratio: oursMedian / theirsMedian, inputs: corpus.length };
}

/** The slowest single hostile input; SPEC asks for under a millisecond. */
function worstSingleCall() {
  let worst = { value: "", ms: 0 };
  for (const value of HOSTILE_CORPUS) {
    const samples = [];
    for (let i = 0; i < 31; i++) {
      const start = process.hrtime.bigint();
      validateUserName(value, OPTIONS);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const ms = median(samples);
    if (ms > worst.ms) worst = { value, ms };
  }
  return { label: `${JSON.stringify(worst.value.slice(0, 6))}… (${worst.value.length} chars)`, ms: worst.ms };
}

function run() {
  return { field: compare(FIELD_CORPUS), broken: compare(BROKEN_CORPUS), hostile: compare(HOSTILE_CORPUS), worst: worstSingleCall() };
}

function report(r) {
  const line = (name, c) =>
    `${name}: validateUserName ${formatMicros(c.oursMedian)} vs isEmail ${formatMicros(c.theirsMedian)} per call, ratio ${c.ratio.toFixed(2)} (${c.inputs} inputs)`;
  console.log(line("field corpus", r.field) + "  goal ≤ 1.00");
  console.log(line("broken-input corpus", r.broken) + "  goal ≤ 1.00");
  console.log(line("hostile 10,000-char corpus", r.hostile));
  console.log(`slowest hostile input: ${r.worst.label} at ${formatMicros(r.worst.ms)}  goal < 1000 µs`);
}

if (require.main === module) report(run());

module.exports = { run, report };
