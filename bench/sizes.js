/**
 * Where the bundle's bytes go: every source file the control ships, transpiled and minified on its own (terser,
 * as webpack minifies), raw and gzip, largest first, with the English fallback table counted on its own. Per-file
 * sizes add up to a little more than the bundle, which shares one module wrapper; they say where, not exactly how much.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const ts = require("typescript");
const { minify } = require("terser");

const CONTROL = path.join(__dirname, "..", "EmailProfileValidator");

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

async function minified(source, fileName) {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020, jsx: ts.JsxEmit.React },
    fileName,
  });
  return (await minify(outputText, { module: true, compress: true, mangle: true })).code ?? "";
}

const sizeOf = (code) => ({ raw: Buffer.byteLength(code), gzip: zlib.gzipSync(code, { level: 9 }).length });

async function run() {
  const rows = [];
  for (const file of sourceFiles(CONTROL)) {
    const source = fs.readFileSync(file, "utf8");
    const name = path.relative(CONTROL, file).split(path.sep).join("/");
    rows.push({ name, ...sizeOf(await minified(source, file)) });
  }
  // The English fallback is one object literal in advice/strings.ts: measured alone, it is the text a form may never need.
  const strings = fs.readFileSync(path.join(CONTROL, "advice", "strings.ts"), "utf8");
  const table = strings.slice(strings.indexOf("export const ENGLISH"), strings.indexOf("} as const;") + 1).replace(/ as const/, "");
  const english = sizeOf(await minified(table.replace("export const ENGLISH", "export const E"), "english.ts"));
  rows.sort((a, b) => b.raw - a.raw);
  return { rows, english };
}

module.exports = { run };
