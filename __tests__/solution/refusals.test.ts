/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { configProblems, readSolutionSource } from "../../solution/config";
import { checkProductionBundle, writeAll } from "../../solution/pack";
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
