/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackError, configProblems, readSolutionSource } from "../../solution/config";
import { checkProductionBundle, pack, writeAll } from "../../solution/pack";
import { withControlVersion, withSolutionVersion } from "../../solution/sync-version";
import { versionProblem } from "../../solution/check-version";

const ROOT = path.resolve(__dirname, "../..");
/** The metadata as read from solution/src/Other/Solution.xml. */
const CONFIG = readSolutionSource().config;
const withChange = (change: (config: any) => void): unknown => {
  const config = structuredClone(CONFIG);
  change(config);
  return config;
};
const temporaryDirectory = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "epv-refuse-"));

describe("the packer refuses metadata Dataverse would refuse, naming the element", () => {
  it("accepts the shipped Solution.xml", () => {
    expect(configProblems(CONFIG)).toEqual([]);
  });

  it.each([
    ["a control character in a name (XML 1.0 cannot carry it)", (c: any) => (c.localizedNames["1033"] = "Email\u0001Validator"), /: LocalizedNames\[1033\] holds a control character/],
    ["a control character in a description", (c: any) => (c.publisher.descriptions["1033"] = "bad\u001b[0m"), /Publisher\/Descriptions\[1033\] holds a control character/],
    ["a lone surrogate", (c: any) => (c.descriptions["1033"] = "half \ud800 a pair"), /: Descriptions\[1033\] holds a control character/],
    ["a name that is not text", (c: any) => (c.localizedNames["1033"] = 42), /: LocalizedNames\[1033\] must be text \(got 42\)/],
    ["descriptions: null", (c: any) => (c.descriptions = null), /: Descriptions must list texts by language code/],
    ["an LCID that is not a number", (c: any) => (c.localizedNames = { "1033": "x", "en-US": "x" }), /languagecode "en-US", which is not a language code/],
    ["the reserved prefix mscrm", (c: any) => (c.publisher.customizationPrefix = "mscrm"), /"mscrm" is reserved by Dataverse/],
    ["a 300-character unique name", (c: any) => (c.uniqueName = "x".repeat(300)), /UniqueName has 300 characters; Dataverse allows 65/],
    ["a 3,000-character description", (c: any) => (c.descriptions["1033"] = "d".repeat(3000)), /has 3000 characters; Dataverse allows 2000/],
    ["no publisher", (c: any) => delete c.publisher, /Publisher is missing/],
  ])("%s", (_name, change, message) => {
    const problems = configProblems(withChange(change));
    expect(problems.join("\n")).toMatch(message);
    expect(problems.every((problem) => problem.startsWith("solution/src/Other/Solution.xml: "))).toBe(true);
  });
});

describe("npm version refuses what the platform cannot load, before any commit or tag", () => {
  it.each(["1.0.1-beta.0", "1.0.1-0", "2.0.0+build.5", "1.0"])("%s", (version) => {
    expect(versionProblem(version)).toMatch(/x\.y\.z only/);
  });

  it("takes x.y.z", () => {
    expect(versionProblem("1.2.3")).toBeUndefined();
  });

  it("package.json runs the check as preversion, which npm runs before it bumps, commits or tags", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.preversion).toBe("node solution/check-version.js");
  });
});

describe("both zips are replaced together or not at all", () => {
  it("a failure writing the second zip leaves the old pair and no temporary file", () => {
    const out = temporaryDirectory();
    fs.writeFileSync(path.join(out, "a.zip"), "old a");
    fs.writeFileSync(path.join(out, "b.zip"), "old b");
    let writes = 0;
    const failingSecondWrite: typeof fs = {
      ...fs,
      writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView) => {
        if (++writes === 2) throw new Error("ENOSPC: no space left on device");
        fs.writeFileSync(file, data);
      },
    };
    expect(() => {
      writeAll(out, [{ name: "a.zip", data: "new a" }, { name: "b.zip", data: "new b" }], failingSecondWrite);
    }).toThrow(/ENOSPC.*Nothing was replaced/);
    expect(fs.readdirSync(out).sort()).toEqual(["a.zip", "b.zip"]);
    expect([fs.readFileSync(path.join(out, "a.zip"), "utf8"), fs.readFileSync(path.join(out, "b.zip"), "utf8")]).toEqual(["old a", "old b"]);
  });

  it("a failure moving the second zip into place puts the first one back", () => {
    const out = temporaryDirectory();
    fs.writeFileSync(path.join(out, "a.zip"), "old a");
    fs.writeFileSync(path.join(out, "b.zip"), "old b");
    const failingSecondPlacement: typeof fs = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        if (String(from).includes(".b.zip.") && String(from).endsWith(".tmp")) throw new Error("EPERM: file in use");
        fs.renameSync(from, to);
      },
    };
    expect(() => {
      writeAll(out, [{ name: "a.zip", data: "new a" }, { name: "b.zip", data: "new b" }], failingSecondPlacement);
    }).toThrow(/EPERM/);
    expect(fs.readdirSync(out).sort()).toEqual(["a.zip", "b.zip"]);
    expect(fs.readFileSync(path.join(out, "a.zip"), "utf8")).toBe("old a");
  });
});

describe("--no-build packs a production build only", () => {
  it("refuses webpack's development output", () => {
    const dir = temporaryDirectory();
    fs.writeFileSync(path.join(dir, "bundle.js"), "/******/ (() => { // webpackBootstrap\n eval(\"module\");");
    expect(() => checkProductionBundle(dir)).toThrow(/bundle\.js is a development build\. Run `npm run pack` without --no-build/);
  });

  it("takes the production bundle the test run built", () => {
    expect(() => checkProductionBundle(path.join(ROOT, "out/controls/EmailProfileValidator"))).not.toThrow();
  });
});

describe("the packer reads its sources as Dataverse would, and refuses before anything is built or written", () => {
  const SOURCE = path.join(ROOT, "solution/src/Other");
  const solutionXml = fs.readFileSync(path.join(SOURCE, "Solution.xml"), "utf8");
  const customizationsXml = fs.readFileSync(path.join(SOURCE, "Customizations.xml"), "utf8");

  /** A source folder with one file changed, and a pack into an empty folder that must stay empty. */
  async function packWith(file: "Solution.xml" | "Customizations.xml", contents: string | Buffer): Promise<{ error: unknown; written: string[]; built: boolean }> {
    const sourceDir = temporaryDirectory();
    fs.writeFileSync(path.join(sourceDir, "Solution.xml"), solutionXml);
    fs.writeFileSync(path.join(sourceDir, "Customizations.xml"), customizationsXml);
    fs.writeFileSync(path.join(sourceDir, file), contents);
    const outDir = temporaryDirectory();
    let built = false;
    const build = (): Promise<{ ok: boolean; output: string }> => {
      built = true;
      return Promise.resolve({ ok: true, output: "" });
    };
    const error = await pack({ sourceDir, outDir, build }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    return { error, written: fs.readdirSync(outDir), built };
  }

  const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");
  const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

  it.each([
    ["an empty <ImportExportXml/> Customizations.xml", "Customizations.xml", '<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml/>', /Customizations\.xml: <Languages> must list at least <Language>1033<\/Language>/],
    ["another root in Customizations.xml", "Customizations.xml", '<?xml version="1.0" encoding="utf-8"?>\n<Customizations><Languages><Language>1033</Language></Languages></Customizations>', /Customizations\.xml: the root element must be <ImportExportXml>/],
    ["Customizations.xml without English", "Customizations.xml", customizationsXml.replace("<Language>1033</Language>", "<Language>1031</Language>"), /needs <Language>1033<\/Language>/],
    ["a UTF-16 file", "Solution.xml", utf16(solutionXml.replace('encoding="utf-8"', 'encoding="utf-16"')), /Solution\.xml is saved as UTF-16; re-save it as UTF-8/],
    ["a declared windows-1252 file", "Solution.xml", latin1(solutionXml.replace('encoding="utf-8"', 'encoding="windows-1252"').replace("Email Profile Validator", "E-Mail Pr\u00fcfer")), /Solution\.xml is not valid UTF-8.*re-save it as UTF-8/],
    ["a declared windows-1252 file in plain ASCII", "Solution.xml", solutionXml.replace('encoding="utf-8"', 'encoding="windows-1252"'), /declares encoding="windows-1252".*re-save it as UTF-8/],
    ["a Latin-1 byte in a UTF-8 file", "Solution.xml", latin1(solutionXml.replace("</UniqueName>", "</UniqueName><!-- Pr\u00fcfer -->")), /Solution\.xml is not valid UTF-8/],
    ["a DOCTYPE with an internal entity", "Solution.xml", solutionXml.replace("<ImportExportXml", '<!DOCTYPE x [<!ENTITY publisher "Contoso">]>\n<ImportExportXml'), /Solution\.xml has a <!DOCTYPE>, which a solution file never needs/],
    ["a DOCTYPE with an external entity", "Customizations.xml", customizationsXml.replace("<ImportExportXml", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<ImportExportXml'), /Customizations\.xml has a <!DOCTYPE>/],
    ["DEL in a name", "Solution.xml", solutionXml.replace(/(<LocalizedName description=")/, "$1\u007f"), /Solution\.xml line \d+ holds a control character \(U\+007F\)/],
    ["NEL (U+0085) in a name", "Solution.xml", solutionXml.replace(/(<LocalizedName description=")/, "$1\u0085"), /holds a control character \(U\+0085\)/],
    ["CSI (U+009B) written as a reference", "Solution.xml", solutionXml.replace(/(<LocalizedName description=")/, "$1&#x9B;"), /holds a control character \(&#x9B;\)/],
  ])("%s", async (_name, file, contents, message) => {
    const { error, written, built } = await packWith(file as "Solution.xml" | "Customizations.xml", contents);
    expect(error).toBeInstanceOf(PackError);
    expect(String((error as Error).message)).toMatch(message);
    expect(written).toEqual([]);
    expect(built).toBe(false);
  });

  it("a UTF-8 file with a byte order mark is fine", () => {
    const sourceDir = temporaryDirectory();
    fs.writeFileSync(path.join(sourceDir, "Solution.xml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(solutionXml, "utf8")]));
    fs.writeFileSync(path.join(sourceDir, "Customizations.xml"), customizationsXml);
    expect(readSolutionSource(sourceDir).config?.uniqueName).toBe(CONFIG?.uniqueName);
  });

  /**
   * Microsoft Learn, "Create, export, or import an unmanaged solution", Create a solution publisher (Prefix): "The
   * prefix must be between two and eight characters long, and can contain only alphanumeric characters. It cannot
   * start with 'mscrm'." (MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/create-export-import-unmanaged-solution.md)
   */
  it.each(["mscrmx", "mscrm1", "mscrmabc"])("a prefix that starts with mscrm (%s), not only mscrm itself", async (prefix) => {
    const xml = solutionXml.replace(/<CustomizationPrefix>[^<]*<\/CustomizationPrefix>/, `<CustomizationPrefix>${prefix}</CustomizationPrefix>`);
    expect(xml).toContain(`<CustomizationPrefix>${prefix}</CustomizationPrefix>`);
    const { error, written, built } = await packWith("Solution.xml", xml);
    expect(error).toBeInstanceOf(PackError);
    expect(String((error as Error).message)).toMatch(new RegExp(`CustomizationPrefix "${prefix}" is reserved by Dataverse: a prefix cannot start with "mscrm"`));
    expect(written).toEqual([]);
    expect(built).toBe(false);
  });

  it("a prefix with mscrm later in it is fine", () => {
    expect(configProblems(withChange((c: any) => (c.publisher.customizationPrefix = "xmscrm")))).toEqual([]);
  });
});

describe("npm version moves the element, never a look-alike in a comment", () => {
  it("Solution.xml: a <Version> inside a comment is left alone", () => {
    const xml = "<ImportExportXml><SolutionManifest><!-- was <Version>0.9.0.0</Version> --><UniqueName>X</UniqueName><Version>1.0.0.0</Version></SolutionManifest></ImportExportXml>";
    expect(withSolutionVersion(xml, "1.0.1")).toBe(xml.replace("<Version>1.0.0.0</Version></SolutionManifest>", "<Version>1.0.1.0</Version></SolutionManifest>"));
  });

  it("the manifest: a <control version> inside a comment is left alone", () => {
    const xml = '<manifest><!-- <control namespace="Old" version="0.1.0"> --><control namespace="N" constructor="C" version="1.0.0"></control></manifest>';
    expect(withControlVersion(xml, "1.0.1")).toBe(xml.replace('constructor="C" version="1.0.0"', 'constructor="C" version="1.0.1"'));
  });

  it("the shipped files move as before", () => {
    const solutionXml = fs.readFileSync(path.join(ROOT, "solution/src/Other/Solution.xml"), "utf8");
    const solution = withSolutionVersion(solutionXml, "9.8.7");
    expect(solution).toContain("<Version>9.8.7.0</Version>");
    expect(solution.replace("<Version>9.8.7.0</Version>", "")).toBe(solutionXml.replace(/<Version>[^<]*<\/Version>/, ""));
  });
});
