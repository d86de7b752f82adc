#!/usr/bin/env node
/**
 * `npm run pack`: builds the control for production and writes an unmanaged and a managed solution
 * zip under solution/bin, ready to import, with no .NET or pac CLI. Fails loudly, writing nothing,
 * when the build, the built files, the solution's metadata (src/Other) or the version disagree.
 */
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");
const { XMLParser } = require("fast-xml-parser");
const { PackError, readSolutionSource } = require("./config");
const { contentTypesXml, customizationsXml, solutionXml } = require("./xml");
const { runPcfScripts } = require("../tools/pcf");

const ROOT = path.join(__dirname, "..");
const INPUT_MANIFEST = path.join(ROOT, "EmailProfileValidator", "ControlManifest.Input.xml");
const BUILT_CONTROL = path.join(ROOT, "out", "controls", "EmailProfileValidator");
const DEFAULT_OUT = path.join(__dirname, "bin");
const RESOURCE_KINDS = ["code", "css", "img", "html", "resx"];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => RESOURCE_KINDS.includes(name) });

function readControl(manifestPath) {
  if (!fs.existsSync(manifestPath)) throw new PackError(`The built manifest ${path.relative(ROOT, manifestPath)} is missing: the build did not produce it.`);
  const control = parser.parse(fs.readFileSync(manifestPath, "utf8"))?.manifest?.control;
  if (!control) throw new PackError(`${path.relative(ROOT, manifestPath)} has no <control> element.`);
  const resources = control.resources ?? {};
  const files = RESOURCE_KINDS.flatMap((kind) => (resources[kind] ?? []).map((resource) => resource["@path"]));
  return { namespace: control["@namespace"], constructorName: control["@constructor"], version: control["@version"], files };
}

/** Before building: package.json, the source manifest and Solution.xml (x.y.z.0) must already agree. */
function checkSourceVersions(packageVersion, inputVersion, solutionVersion) {
  if (!/^\d+\.\d+\.\d+$/.test(packageVersion)) throw new PackError(`package.json: version must be x.y.z (got ${packageVersion}).`);
  if (inputVersion !== packageVersion) {
    throw new PackError(
      `Version mismatch: package.json says ${packageVersion} but EmailProfileValidator/ControlManifest.Input.xml says ${inputVersion}. ` +
        "Fix the manifest's control version (npm version does this for you).",
    );
  }
  if (solutionVersion !== `${packageVersion}.0`) {
    throw new PackError(
      `Version mismatch: package.json says ${packageVersion} but solution/src/Other/Solution.xml says ${solutionVersion}; it should say ${packageVersion}.0. ` +
        "Fix its <Version> (npm version does this for you).",
    );
  }
}

/**
 * package.json x.y.z, the control's version and the solution's x.y.z.0 are one number.
 * @param {{ packageVersion: string, inputVersion: string, solutionVersion: string, builtVersion: string }} versions
 * @returns {string}
 */
function checkVersions({ packageVersion, inputVersion, solutionVersion, builtVersion }) {
  checkSourceVersions(packageVersion, inputVersion, solutionVersion);
  if (builtVersion !== packageVersion) {
    throw new PackError(`Version mismatch: the built out/controls manifest says ${builtVersion}, package.json ${packageVersion}. Rebuild the control.`);
  }
  return `${packageVersion}.0`;
}

/** Both zips in memory; nothing touches the disk until both exist. */
async function buildSolutionZips({ controlDir, source, version }) {
  const control = readControl(path.join(controlDir, "ControlManifest.xml"));
  const schemaName = `${source.config.publisher.customizationPrefix}_${control.namespace}.${control.constructorName}`;
  const controlFiles = ["ControlManifest.xml", ...control.files].map((file) => {
    const source = path.join(controlDir, file);
    if (!fs.existsSync(source)) throw new PackError(`${path.relative(ROOT, source)} is named in the built manifest but missing.`);
    return { entry: `Controls/${schemaName}/${file.split(path.sep).join("/")}`, data: fs.readFileSync(source) };
  });
  const extensions = ["xml", ...controlFiles.map(({ entry }) => entry.slice(entry.lastIndexOf(".") + 1))];
  const zips = {};
  for (const managed of [false, true]) {
    const zip = new JSZip();
    // Exported solutions hold files only; folder entries are left out.
    const add = (entry, data) => zip.file(entry, data, { createFolders: false });
    add("[Content_Types].xml", contentTypesXml(extensions));
    add("solution.xml", solutionXml({ source, version, managed, schemaName }));
    add("customizations.xml", customizationsXml({ source, schemaName }));
    for (const { entry, data } of controlFiles) add(entry, data);
    zips[managed ? "managed" : "unmanaged"] = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
  return { schemaName, ...zips };
}

function zipNames(uniqueName, version) {
  const stem = `${uniqueName}_${version.split(".").join("_")}`;
  return { unmanaged: `${stem}.zip`, managed: `${stem}_managed.zip` };
}

/** Removes a file if it is there; used only to undo a half-done write. */
function removeQuietly(fileSystem, file) {
  try {
    fileSystem.rmSync(file, { force: true });
  } catch {
    // Best effort: the original error is what the packager needs to see.
  }
}

/**
 * Replaces every file or none: each is written beside its final name, the old ones are set aside,
 * and any failure puts the old ones back and leaves no temporary file behind.
 */
function writeAll(outDir, files, fileSystem = fs) {
  fileSystem.mkdirSync(outDir, { recursive: true });
  const staged = files.map(({ name }) => ({
    temporary: path.join(outDir, `.${name}.${process.pid}.tmp`),
    backup: path.join(outDir, `.${name}.${process.pid}.old`),
    final: path.join(outDir, name),
  }));
  const moved = [];
  const replaced = [];
  try {
    files.forEach(({ data }, index) => fileSystem.writeFileSync(staged[index].temporary, data));
    for (const file of staged) {
      if (fileSystem.existsSync(file.final)) {
        fileSystem.renameSync(file.final, file.backup);
        moved.push(file);
      }
    }
    for (const file of staged) {
      fileSystem.renameSync(file.temporary, file.final);
      replaced.push(file);
    }
  } catch (error) {
    for (const file of replaced) removeQuietly(fileSystem, file.final);
    for (const file of moved) fileSystem.renameSync(file.backup, file.final);
    for (const file of staged) removeQuietly(fileSystem, file.temporary);
    throw new PackError(`Could not write the solution zips to ${path.relative(process.cwd(), outDir) || "."}: ${error.message}. Nothing was replaced.`);
  }
  for (const file of moved) removeQuietly(fileSystem, file.backup);
  return staged.map(({ final }) => final);
}

/** A development bundle (webpack's bootstrap comments, eval'd modules) must never be packed for import. */
function checkProductionBundle(controlDir) {
  const bundlePath = path.join(controlDir, "bundle.js");
  if (!fs.existsSync(bundlePath)) return;
  const bundle = fs.readFileSync(bundlePath, "utf8");
  if (bundle.includes("webpackBootstrap") || bundle.includes("/******/") || /\beval\(/.test(bundle)) {
    throw new PackError(
      `${path.relative(ROOT, bundlePath)} is a development build. Run \`npm run pack\` without --no-build, or build with \`npm run build -- --buildMode production\` first.`,
    );
  }
}

function productionBuild() {
  return runPcfScripts(["build", "--buildMode", "production"], { quiet: true });
}

/**
 * `build` is the production build (a function resolving to { ok, output }), or null to pack what is built.
 * `sourceDir` is the SolutionPackager layout's Other folder (Solution.xml, Customizations.xml).
 * @param {{ outDir?: string, build?: (() => Promise<{ ok: boolean, output: string }>) | null, controlDir?: string, sourceDir?: string }} [options]
 */
async function pack({ outDir = DEFAULT_OUT, build = productionBuild, controlDir = BUILT_CONTROL, sourceDir } = {}) {
  const source = readSolutionSource(sourceDir);
  const solutionVersion = source.config.version;
  const packageVersion = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const inputVersion = readControl(INPUT_MANIFEST).version;
  checkSourceVersions(packageVersion, inputVersion, solutionVersion);
  if (build) {
    const result = await build();
    if (!result.ok) throw new PackError(`The production build failed:\n${result.output}`);
  }
  if (!build) checkProductionBundle(controlDir);
  const version = checkVersions({ packageVersion, inputVersion, solutionVersion, builtVersion: readControl(path.join(controlDir, "ControlManifest.xml")).version });
  const zips = await buildSolutionZips({ controlDir, source, version });
  const names = zipNames(source.config.uniqueName, version);
  const written = writeAll(outDir, [
    { name: names.unmanaged, data: zips.unmanaged },
    { name: names.managed, data: zips.managed },
  ]);
  return { version, schemaName: zips.schemaName, files: written };
}

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") options.outDir = path.resolve(argv[++i]);
    else if (argv[i] === "--no-build") options.build = null;
    else throw new PackError(`Unknown argument ${argv[i]}. Usage: npm run pack [-- --out DIR] [-- --no-build]`);
  }
  return options;
}

if (require.main === module) {
  pack(parseArguments(process.argv.slice(2))).then(
    ({ version, schemaName, files }) => {
      console.log(`Packed ${schemaName} ${version}:`);
      for (const file of files) console.log(`  ${path.relative(process.cwd(), file)} (${fs.statSync(file).size} bytes)`);
    },
    (error) => {
      console.error(error instanceof PackError ? `npm run pack failed: ${error.message}` : error);
      process.exitCode = 1;
    },
  );
}

module.exports = { pack, buildSolutionZips, checkVersions, checkProductionBundle, readControl, writeAll, zipNames };
