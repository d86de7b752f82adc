#!/usr/bin/env node
/**
 * What the release workflow asks of the repository: that the tag is package.json's version, and the
 * CHANGELOG.md section for that version as the release's notes.
 *   node tools/release.js check-tag v1.2.3
 *   node tools/release.js notes v1.2.3
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");

/** A problem with the tag, or undefined when it is v<package.json's version>. */
function tagProblem(tag, version) {
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) return `Tag ${tag} is not vX.Y.Z: releases are cut with npm version patch|minor|major.`;
  return tag === `v${version}` ? undefined : `Tag ${tag} does not match package.json's version ${version}: cut releases with npm version, which tags v${version}.`;
}

/** The body of the "## x.y.z" (or "## [x.y.z]") section, up to the next "## " heading; undefined when there is none. */
function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?${version.replace(/\./g, "\\.")}\\]?(?:\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join("\n").trim();
  return body === "" ? undefined : body;
}

function main([command, tag]) {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const problem = tag === undefined ? "Usage: node tools/release.js check-tag|notes vX.Y.Z" : tagProblem(tag, version);
  if (problem) throw new Error(problem);
  if (command === "check-tag") return;
  if (command !== "notes") throw new Error(`Unknown command ${command}: check-tag or notes.`);
  const notes = releaseNotes(fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8"), version);
  if (notes === undefined) throw new Error(`CHANGELOG.md has no "## ${version}" section: write one before tagging.`);
  process.stdout.write(`${notes}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}

module.exports = { tagProblem, releaseNotes };
