/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";

import { checkVersions, pack } from "../../solution/pack";
import { withControlVersion, withSolutionVersion } from "../../solution/sync-version";
import { LANGUAGES } from "../languages";

const ROOT = path.resolve(__dirname, "../..");
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const SCHEMA_NAME = "epv_ServerSideSync.EmailProfileValidator";
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
/** Parsed XML, checked element by element in each test. */
type Xml = any;

interface IPacked {
  unmanaged: JSZip;
  managed: JSZip;
}

let packed: IPacked;
let outDir: string;

function temporaryDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "epv-pack-"));
}

const SOURCE_DIR = path.join(ROOT, "solution/src/Other");

/** A copy of the SolutionPackager source folder with Solution.xml edited as the test says. */
function sourceWith(editSolution: (xml: string) => string): string {
  const copy = temporaryDirectory();
  fs.cpSync(SOURCE_DIR, copy, { recursive: true });
  const solution = path.join(copy, "Solution.xml");
  fs.writeFileSync(solution, editSolution(fs.readFileSync(solution, "utf8")));
  return copy;
}

/** Parses an entry, failing on anything that is not well-formed XML. */
async function xmlOf(zip: JSZip, entry: string): Promise<Xml> {
  const file = zip.file(entry);
  if (!file) throw new Error(`${entry} is missing`);
  return parser.parse(await file.async("string"), true);
}

beforeAll(async () => {
  // The real `npm run pack` ran once before the tests (globalSetup), production build included.
  outDir = process.env.EPV_PACKED_DIR ?? "";
  if (!fs.existsSync(outDir)) throw new Error("The test run's globalSetup did not pack the solution.");
  packed = {
    unmanaged: await JSZip.loadAsync(fs.readFileSync(path.join(outDir, `EmailProfileValidator_${VERSION.replace(/\./g, "_")}_0.zip`))),
    managed: await JSZip.loadAsync(fs.readFileSync(path.join(outDir, `EmailProfileValidator_${VERSION.replace(/\./g, "_")}_0_managed.zip`))),
  };
});

describe("npm run pack", () => {
  it("writes an unmanaged and a managed zip named with the version", () => {
    expect(fs.readdirSync(outDir).sort()).toEqual([
      `EmailProfileValidator_${VERSION.replace(/\./g, "_")}_0.zip`,
      `EmailProfileValidator_${VERSION.replace(/\./g, "_")}_0_managed.zip`,
    ]);
  });

  it.each(["unmanaged", "managed"] as const)("the %s zip holds exactly the solution files and the built control, with / in names", (kind) => {
    const entries = Object.keys(packed[kind].files).sort();
    expect(entries).toEqual(
      [
        "[Content_Types].xml",
        "customizations.xml",
        "solution.xml",
        `Controls/${SCHEMA_NAME}/ControlManifest.xml`,
        `Controls/${SCHEMA_NAME}/bundle.js`,
        ...LANGUAGES.map((lcid) => `Controls/${SCHEMA_NAME}/strings/EmailProfileValidator.${lcid}.resx`),
      ].sort(),
    );
    for (const entry of entries) expect(entry).not.toContain("\\");
  });

  it.each([
    ["unmanaged", "0"],
    ["managed", "1"],
  ] as const)("the %s solution.xml says who, what and which version", async (kind, managed) => {
    const manifest = (await xmlOf(packed[kind], "solution.xml")).ImportExportXml.SolutionManifest;
    expect(manifest.UniqueName).toBe("EmailProfileValidator");
    expect(manifest.LocalizedNames.LocalizedName).toEqual({ "@description": "Email Profile Validator", "@languagecode": "1033" });
    expect(String(manifest.Version)).toBe(`${VERSION}.0`);
    expect(String(manifest.Managed)).toBe(managed);
    expect(manifest.Publisher.UniqueName).toBe("EmailProfileValidator");
    expect(manifest.Publisher.CustomizationPrefix).toBe("epv");
    expect(Number(manifest.Publisher.CustomizationOptionValuePrefix)).toBeGreaterThanOrEqual(10000);
    expect(Number(manifest.Publisher.CustomizationOptionValuePrefix)).toBeLessThanOrEqual(99999);
    expect(manifest.RootComponents.RootComponent).toEqual({ "@type": "66", "@schemaName": SCHEMA_NAME, "@behavior": "0" });
  });

  it("customizations.xml names the control and its manifest, in English", async () => {
    const customizations = (await xmlOf(packed.unmanaged, "customizations.xml")).ImportExportXml;
    expect(customizations.CustomControls.CustomControl).toEqual({ Name: SCHEMA_NAME, FileName: `/Controls/${SCHEMA_NAME}/ControlManifest.xml` });
    expect(String(customizations.Languages.Language)).toBe("1033");
  });

  it("[Content_Types].xml declares every extension the zip holds", async () => {
    const types = (await xmlOf(packed.managed, "[Content_Types].xml")).Types.Default as { "@Extension": string; "@ContentType": string }[];
    expect(Object.fromEntries(types.map((t) => [t["@Extension"], t["@ContentType"]]))).toEqual({
      xml: "text/xml",
      js: "application/octet-stream",
      resx: "application/octet-stream",
    });
  });

  it("ships the production build, whose manifest carries the same version", async () => {
    const manifest = (await xmlOf(packed.managed, `Controls/${SCHEMA_NAME}/ControlManifest.xml`)).manifest.control;
    expect(manifest["@version"]).toBe(VERSION);
    expect(manifest.resources.code["@path"]).toBe("bundle.js");
    const bundle = await packed.managed.file(`Controls/${SCHEMA_NAME}/bundle.js`)!.async("string");
    expect(bundle).toContain("ServerSideSync.EmailProfileValidator");
    expect(bundle).not.toMatch(/\n\s+\/\/ /);
  });
});

describe("hostile names cannot break the XML", () => {
  it("escapes &, <, > and quotes in names", async () => {
    const hostile = 'R&D <Team> "Mail" \'Ops\'';
    const sourceDir = sourceWith((xml) => xml.split('description="Email Profile Validator"').join('description="R&amp;D &lt;Team&gt; &quot;Mail&quot; \'Ops\'"'));
    const out = temporaryDirectory();
    await pack({ outDir: out, build: null, sourceDir });
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, fs.readdirSync(out)[0])));
    const manifest = (await xmlOf(zip, "solution.xml")).ImportExportXml.SolutionManifest;
    expect(manifest.LocalizedNames.LocalizedName["@description"]).toBe(hostile);
    expect(manifest.Publisher.LocalizedNames.LocalizedName["@description"]).toBe(hostile);
  });
});

describe("pack fails loudly and writes nothing", () => {
  function copyOfBuiltControl(): string {
    const copy = temporaryDirectory();
    fs.cpSync(path.join(ROOT, "out/controls/EmailProfileValidator"), copy, { recursive: true });
    return copy;
  }

  async function expectFailure(options: Parameters<typeof pack>[0], message: RegExp): Promise<void> {
    const out = temporaryDirectory();
    await expect(pack({ outDir: out, build: null, ...options })).rejects.toThrow(message);
    expect(fs.readdirSync(out)).toEqual([]);
  }

  it("when the build fails", async () => {
    await expectFailure({ build: () => Promise.resolve({ ok: false, output: "[build] Failed: ESLint" }) }, /production build failed:\n\[build\] Failed: ESLint/);
  });

  it("when the built manifest is missing", async () => {
    await expectFailure({ controlDir: temporaryDirectory() }, /built manifest .*ControlManifest\.xml is missing/);
  });

  it("when the bundle is missing", async () => {
    const controlDir = copyOfBuiltControl();
    fs.rmSync(path.join(controlDir, "bundle.js"));
    await expectFailure({ controlDir }, /bundle\.js is named in the built manifest but missing/);
  });

  it("when a resx named in the manifest is missing", async () => {
    const controlDir = copyOfBuiltControl();
    fs.rmSync(path.join(controlDir, "strings/EmailProfileValidator.1041.resx"));
    await expectFailure({ controlDir }, /EmailProfileValidator\.1041\.resx is named in the built manifest but missing/);
  });

  it.each([
    ["a prefix with upper case", { CustomizationPrefix: "EPV" }, /CustomizationPrefix must be 2 to 8 lower-case letters/],
    ["a prefix starting with a digit", { CustomizationPrefix: "1ab" }, /CustomizationPrefix/],
    ["a prefix too long", { CustomizationPrefix: "abcdefghi" }, /CustomizationPrefix/],
    ["an option-value prefix below range", { CustomizationOptionValuePrefix: 9999 }, /CustomizationOptionValuePrefix must be a whole number from 10000 to 99999/],
    ["an option-value prefix above range", { CustomizationOptionValuePrefix: 100000 }, /CustomizationOptionValuePrefix/],
  ])("when Solution.xml has %s", async (_name, publisherChange, message) => {
    const sourceDir = sourceWith((xml) =>
      Object.entries(publisherChange).reduce((edited, [element, value]) => edited.replace(new RegExp(`<${element}>[^<]*<`), `<${element}>${value}<`), xml),
    );
    await expectFailure({ sourceDir }, new RegExp(`solution/src/Other/Solution\\.xml: .*${message.source}`));
  });

  it("when a name in Solution.xml holds a control character written as a character reference", async () => {
    await expectFailure({ sourceDir: sourceWith((xml) => xml.replace('description="Email Profile Validator"', 'description="Email&#1;Profile"')) }, /Solution\.xml line 6 holds a control character \(&#1;\) that XML cannot carry/);
  });

  it("when Solution.xml is not well-formed", async () => {
    await expectFailure({ sourceDir: sourceWith((xml) => xml.replace("</UniqueName>", "</Uniquename>")) }, /Solution\.xml is not well-formed XML/);
  });

  it("when Solution.xml's version is not package.json's", async () => {
    await expectFailure({ sourceDir: sourceWith((xml) => withSolutionVersion(xml, "0.0.1")) }, /solution\/src\/Other\/Solution\.xml says 0\.0\.1\.0; it should say/);
  });

  it("when the built control's version is not package.json's", async () => {
    const controlDir = copyOfBuiltControl();
    const manifestPath = path.join(controlDir, "ControlManifest.xml");
    fs.writeFileSync(manifestPath, withControlVersion(fs.readFileSync(manifestPath, "utf8"), "0.0.1"));
    await expectFailure({ controlDir }, /built out\/controls manifest says 0\.0\.1/);
  });
});

describe("one version in three places", () => {
  it("agrees: x.y.z everywhere becomes the solution's x.y.z.0", () => {
    expect(checkVersions({ packageVersion: "1.4.2", inputVersion: "1.4.2", solutionVersion: "1.4.2.0", builtVersion: "1.4.2" })).toBe("1.4.2.0");
  });

  it("names the manifest to fix when it disagrees with package.json", () => {
    expect(() => checkVersions({ packageVersion: "1.4.2", inputVersion: "1.4.1", solutionVersion: "1.4.2.0", builtVersion: "1.4.2" })).toThrow(
      /package\.json says 1\.4\.2 but EmailProfileValidator\/ControlManifest\.Input\.xml says 1\.4\.1/,
    );
  });

  it("the source manifest, Solution.xml and package.json agree today", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "EmailProfileValidator/ControlManifest.Input.xml"), "utf8");
    expect(/<control\b[^>]*\sversion="([^"]+)"/.exec(manifest)?.[1]).toBe(VERSION);
    const solution = fs.readFileSync(path.join(SOURCE_DIR, "Solution.xml"), "utf8");
    expect(/<Version>([^<]+)<\/Version>/.exec(solution)?.[1]).toBe(`${VERSION}.0`);
  });

  it("npm version's hook moves Solution.xml's Version and nothing else", () => {
    const solution = fs.readFileSync(path.join(SOURCE_DIR, "Solution.xml"), "utf8");
    const bumped = withSolutionVersion(solution, "2.0.0");
    expect(/<Version>([^<]+)<\/Version>/.exec(bumped)?.[1]).toBe("2.0.0.0");
    expect(bumped.replace("<Version>2.0.0.0</Version>", `<Version>${VERSION}.0</Version>`)).toBe(solution);
  });

  it("npm version's hook moves the control version and nothing else", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "EmailProfileValidator/ControlManifest.Input.xml"), "utf8");
    const bumped = withControlVersion(manifest, "2.0.0");
    expect(/<control\b[^>]*\sversion="([^"]+)"/.exec(bumped)?.[1]).toBe("2.0.0");
    expect(bumped.replace('version="2.0.0"', `version="${VERSION}"`)).toBe(manifest);
    expect((bumped.match(/resx path="[^"]+" version="1\.0\.0"/g) ?? []).length).toBe(10);
  });

  it("package.json runs that hook on npm version", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.version).toContain("node solution/sync-version.js");
    expect(scripts.version).toContain("git add EmailProfileValidator/ControlManifest.Input.xml solution/src/Other/Solution.xml");
  });
});
