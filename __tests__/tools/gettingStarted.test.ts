/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as path from "path";
import { load } from "js-yaml";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), "utf8");
const packageJson = JSON.parse(read("package.json")) as { engines?: { node?: string }; scripts: Record<string, string> };

// Issue 25: the Node version is stated once for people (.nvmrc, README) and for npm (engines), and CI runs it.
describe("the Node version", () => {
  it("package.json asks for Node 20 or later, and .nvmrc names 20", () => {
    expect(packageJson.engines?.node).toBe(">=20");
    expect(read(".nvmrc").trim()).toBe("20");
  });

  it.each(["ci.yml", "release.yml"])("%s runs the .nvmrc version", (file) => {
    const workflow = load(read(`.github/workflows/${file}`)) as { jobs: Record<string, { steps: { uses?: string; with?: { "node-version"?: unknown } }[] }> };
    const versions = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((step) => step.uses?.startsWith("actions/setup-node")).map((step) => String(step.with?.["node-version"])));
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) expect(version).toBe(read(".nvmrc").trim());
  });

  it("this Node satisfies it", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(20);
  });
});

describe("the README an admin and a packager follow", () => {
  const readme = read("README.md");
  const headings = readme.split("\n").filter((line) => line.startsWith("## "));

  it("starts with the admin quick start, before the developer material", () => {
    expect(headings[0]).toBe("## Admin quick start");
    for (const section of ["### What it does not do", "### Where it works", "### Privileges it needs", "### FAQ"]) {
      expect(readme.indexOf(section)).toBeGreaterThan(readme.indexOf("## Admin quick start"));
      expect(readme.indexOf(section)).toBeLessThan(readme.indexOf(headings[1]));
    }
  });

  it.each([
    ["npm install", "install"],
    ["npm start", "start"],
    ["npm test", "test"],
    ["npm run pack", "pack"],
  ])("mentions `%s`, and package.json has it", (command, script) => {
    expect(readme).toContain(`${command}`);
    if (script !== "install") expect(packageJson.scripts[script]).toBeDefined();
  });

  it("sends newcomers to the harness's Data Outputs section for getOutputs, not Data Inputs", () => {
    expect(readme).toContain("harness's **Data Outputs** section");
    expect(readme).not.toMatch(/Data Inputs\*\* panel on\s+the right shows the value the control reports/);
  });
});
