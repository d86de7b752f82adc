/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as path from "path";
import { load } from "js-yaml";
import { validateWorkflow } from "@action-validator/core";
import { releaseNotes, tagProblem } from "../../tools/release";

/** action-validator (github.com/mpalmer/action-validator) checks each workflow against GitHub's workflow schema. */
const ROOT = path.resolve(__dirname, "../..");
const WORKFLOWS = path.join(ROOT, ".github/workflows");
const files = fs.readdirSync(WORKFLOWS).filter((name) => name.endsWith(".yml"));
const read = (name: string): string => fs.readFileSync(path.join(WORKFLOWS, name), "utf8");

interface IStep {
  uses?: string;
  run?: string;
}
interface IJob {
  permissions?: Record<string, string>;
  steps: IStep[];
  needs?: string;
}
interface IWorkflow {
  on: Record<string, { tags?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, IJob>;
}
const workflow = (name: string): IWorkflow => load(read(name)) as IWorkflow;
const runs = (job: IJob): string => job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run.trim()])).join("\n");

describe("the workflows lint clean", () => {
  it("there are the two workflows SPEC §7 asks for", () => {
    expect(files.sort()).toEqual(["ci.yml", "release.yml"]);
  });

  it.each(files)("%s passes action-validator", (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it("the linter fails a broken workflow", () => {
    const broken = read("ci.yml").replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    stepz: []").replace("jobs:", "jobz:");
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(files)("%s pins every action to a full commit SHA, with the version it is in a comment", (name) => {
    const uses = read(name)
      .split("\n")
      .filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(files)("%s reads contents by default, and needs no secret", (name) => {
    expect(workflow(name).permissions).toEqual({ contents: "read" });
    expect(read(name)).not.toMatch(/secrets\./);
  });
});

describe("ci.yml runs what .ci/run runs", () => {
  const ci = workflow("ci.yml");
  it("on every push and pull request", () => {
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
  });

  it("calls .ci/run itself, so the two never drift, and .ci/run calls the README's test command", () => {
    expect(runs(ci.jobs.test)).toBe("bash .ci/run");
    expect(fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8")).toMatch(/^npm test$/m);
  });
});

describe("release.yml publishes both zips for a version tag", () => {
  const release = workflow("release.yml");
  it("runs on v*.*.* tags only", () => {
    expect(release.on).toEqual({ push: { tags: ["v*.*.*"] } });
  });

  it("refuses a tag that is not package.json's version, before it tests and packs", () => {
    const script = runs(release.jobs.pack);
    const order = ["node tools/release.js check-tag", "bash .ci/run", "npm run pack", "sha256sum -- *.zip > SHA256SUMS", "node tools/release.js notes"].map((step) => script.indexOf(step));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("only the publishing job may write, and it publishes the zips and their checksums", () => {
    expect(release.jobs.pack.permissions).toBeUndefined();
    expect(release.jobs.publish.permissions).toEqual({ contents: "write" });
    expect(release.jobs.publish.needs).toBe("pack");
    expect(runs(release.jobs.publish)).toMatch(/sha256sum -c SHA256SUMS/);
    expect(runs(release.jobs.publish)).toMatch(/gh release create "\$TAG" --verify-tag .* -- \*\.zip SHA256SUMS/);
  });
});

describe("tools/release.js", () => {
  it.each([
    ["v1.0.0", "1.0.0", undefined],
    ["v1.0.1", "1.0.0", /does not match package\.json's version 1\.0\.0/],
    ["1.0.0", "1.0.0", /is not vX\.Y\.Z/],
    ["v1.0.0-beta.1", "1.0.0", /is not vX\.Y\.Z/],
  ])("tag %s with version %s", (tag, version, problem) => {
    if (problem === undefined) expect(tagProblem(tag, version)).toBeUndefined();
    else expect(tagProblem(tag, version)).toMatch(problem);
  });

  it("takes a version's CHANGELOG section as the release notes, and nothing of the next one", () => {
    const changelog = "# Changelog\n\n## 1.1.0\n\n- Newer.\n\n## 1.0.0\n\n- First.\n- Second.\n\n## 0.9.0\n\n- Older.\n";
    expect(releaseNotes(changelog, "1.0.0")).toBe("- First.\n- Second.");
    expect(releaseNotes(changelog, "1.0.1")).toBeUndefined();
    expect(releaseNotes("## [1.0.0] - 2026-12-01\n\n- Bracketed.\n", "1.0.0")).toBe("- Bracketed.");
  });

  it("CHANGELOG.md has a section for package.json's version", () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(releaseNotes(fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8"), version)).toBeDefined();
  });
});
