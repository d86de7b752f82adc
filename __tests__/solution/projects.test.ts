/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The files Microsoft's tools expect, written from the templates `pac pcf init` and `pac solution init`
 * make (as in Microsoft's PowerApps-Samples). Nothing here can run pac or dotnet, so they are checked
 * as XML: well-formed, and pointing at what really exists in this repository.
 */
const ROOT = path.resolve(__dirname, "../..");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["PropertyGroup", "ItemGroup", "PackageReference", "ProjectReference", "Import"].includes(name) });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface IProject {
  PropertyGroup: Record<string, unknown>[];
  ItemGroup: Record<string, { "@Include": string }[]>[];
  Import: { "@Project": string }[];
}

function readProject(file: string): IProject {
  const xml = fs.readFileSync(path.join(ROOT, file), "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { Project: IProject }).Project;
}

const property = (project: IProject, name: string): unknown[] => project.PropertyGroup.map((group) => group[name]).filter((value) => value !== undefined);
const items = (project: IProject, kind: string): string[] => project.ItemGroup.flatMap((group) => group[kind] ?? []).map((item) => item["@Include"]);

describe("EmailProfileValidator.pcfproj (pac pcf push, dotnet build)", () => {
  const project = readProject("EmailProfileValidator.pcfproj");

  it("is the control project Microsoft's MSBuild targets build, into the folder pcf-scripts writes", () => {
    expect(items(project, "PackageReference")).toContain("Microsoft.PowerApps.MSBuild.Pcf");
    expect(project.Import.map((i) => i["@Project"])).toContain("$(PowerAppsTargetsPath)\\Microsoft.PowerApps.VisualStudio.Pcf.targets");
    expect(property(project, "Name")).toEqual(["EmailProfileValidator"]);
    expect(property(project, "OutputPath")).toEqual(["$(MSBuildThisFileDirectory)out\\controls"]);
    expect(String(property(project, "ProjectGuid")[0])).toMatch(GUID);
  });

  it("builds production for Release, the bundle npm run pack ships", () => {
    expect(property(project, "PcfBuildMode")).toEqual(["production"]);
  });

  it("sits beside package.json and the control folder, as pac pcf init leaves them", () => {
    expect(fs.existsSync(path.join(ROOT, "package.json"))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "EmailProfileValidator/ControlManifest.Input.xml"))).toBe(true);
  });
});

describe("solution/EmailProfileValidator.cdsproj (dotnet build)", () => {
  const project = readProject("solution/EmailProfileValidator.cdsproj");

  it("references the control project, which exists", () => {
    const references = items(project, "ProjectReference");
    expect(references).toEqual(["..\\EmailProfileValidator.pcfproj"]);
    expect(fs.existsSync(path.join(ROOT, "solution", references[0].replace(/\\/g, "/")))).toBe(true);
  });

  it("packs the same SolutionPackager source npm run pack reads, as both managed and unmanaged", () => {
    expect(property(project, "SolutionRootPath")).toEqual(["src"]);
    expect(fs.existsSync(path.join(ROOT, "solution/src/Other/Solution.xml"))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, "solution/src/Other/Customizations.xml"))).toBe(true);
    expect(property(project, "SolutionPackageType")).toEqual(["Both"]);
    expect(items(project, "PackageReference")).toContain("Microsoft.PowerApps.MSBuild.Solution");
  });

  it("has its own project GUID", () => {
    const guid = String(property(project, "ProjectGuid")[0]);
    expect(guid).toMatch(GUID);
    expect(guid).not.toBe(String(property(readProject("EmailProfileValidator.pcfproj"), "ProjectGuid")[0]));
  });
});

describe("solution/src/Other: the metadata, kept once", () => {
  it("Solution.xml says Managed 2 (both), as SolutionPackager's unpacked layout does; npm run pack writes 0 or 1 per zip", () => {
    const xml = fs.readFileSync(path.join(ROOT, "solution/src/Other/Solution.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(/<Managed>(\d)<\/Managed>/.exec(xml)?.[1]).toBe("2");
  });

  it("no other copy of the metadata is left to drift", () => {
    expect(fs.existsSync(path.join(ROOT, "solution/solution.config.json"))).toBe(false);
  });
});
