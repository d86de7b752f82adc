#!/usr/bin/env node
/**
 * npm's `version` lifecycle script: after `npm version patch|minor|major` bumps package.json, the
 * control's manifest version follows, so every release loads as a new control on the platform.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "EmailProfileValidator", "ControlManifest.Input.xml");

/**
 * @param {string} manifestXml
 * @param {string} version
 * @returns {string}
 */
function withControlVersion(manifestXml, version) {
  const controlTag = /(<control\b[^>]*?\sversion=")([^"]*)(")/;
  if (!controlTag.test(manifestXml)) throw new Error("ControlManifest.Input.xml has no <control version=\"…\">.");
  return manifestXml.replace(controlTag, `$1${version}$3`);
}

if (require.main === module) {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  fs.writeFileSync(MANIFEST, withControlVersion(fs.readFileSync(MANIFEST, "utf8"), version));
  console.log(`ControlManifest.Input.xml control version set to ${version}`);
}

module.exports = { withControlVersion };
