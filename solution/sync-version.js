#!/usr/bin/env node
/**
 * npm's `version` lifecycle script: after `npm version patch|minor|major` bumps package.json, the
 * control's manifest version and the solution's Version (x.y.z.0) follow, so every release loads as a
 * new control on the platform and `dotnet build` packs the same number as `npm run pack`.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "EmailProfileValidator", "ControlManifest.Input.xml");
const SOLUTION = path.join(__dirname, "src", "Other", "Solution.xml");

/** Comments, CDATA and processing instructions hold text that looks like elements but is none. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g;

/** The text with every comment, CDATA section and processing instruction blanked out, same length, so offsets agree. */
function markupOnly(xml) {
  return xml.replace(NOT_MARKUP, (text) => text.replace(/[^\n]/g, " "));
}

/**
 * Replaces the middle group of the first match in the markup itself, never in a comment: `npm version` must move
 * the element the packer reads, or it commits and tags a mismatch. A file without it is a file someone broke.
 */
function replaceFirst(xml, pattern, value, what) {
  const match = pattern.exec(markupOnly(xml));
  if (!match) throw new Error(`${what} not found.`);
  const start = match.index + match[1].length;
  return xml.slice(0, start) + value + xml.slice(start + match[2].length);
}

/**
 * @param {string} manifestXml
 * @param {string} version
 * @returns {string}
 */
function withControlVersion(manifestXml, version) {
  return replaceFirst(manifestXml, /(<control\b[^>]*?\sversion=")([^"]*)(")/, version, 'ControlManifest.Input.xml: <control version="…">');
}

/**
 * @param {string} solutionXml
 * @param {string} version x.y.z
 * @returns {string}
 */
function withSolutionVersion(solutionXml, version) {
  return replaceFirst(solutionXml, /(<SolutionManifest>[\s\S]*?<Version>)([^<]*)(<\/Version>)/, `${version}.0`, "Solution.xml: <SolutionManifest><Version>");
}

if (require.main === module) {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  fs.writeFileSync(MANIFEST, withControlVersion(fs.readFileSync(MANIFEST, "utf8"), version));
  fs.writeFileSync(SOLUTION, withSolutionVersion(fs.readFileSync(SOLUTION, "utf8"), version));
  console.log(`Control version ${version} and solution Version ${version}.0 set.`);
}

module.exports = { withControlVersion, withSolutionVersion };
