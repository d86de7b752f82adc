/**
 * @jest-environment node
 */
import { isFailure, runPcfScripts } from "../../tools/pcf";

describe("tools/pcf.js", () => {
  it("reads pcf-scripts' own words, since it exits 0 when a build fails", () => {
    const eslintFailure = "[6:06:12 AM] [build] Failed:\n[pcf-1065] [Error] ESLint validation error:";
    expect(isFailure(0, eslintFailure)).toBe(true);
    expect(isFailure(0, "[pcf-1011] [Error] Resource file strings/x.resx not found.")).toBe(true);
    expect(isFailure(0, "[build] Generating build outputs...\n[build] Succeeded")).toBe(false);
    expect(isFailure(1, "")).toBe(true);
  });

  it("runs pcf-scripts and reports an unsupported command as a failure", async () => {
    await expect(runPcfScripts(["refreshTypes"], { quiet: true })).resolves.toMatchObject({ ok: true });
    const unsupported = await runPcfScripts(["no-such-command"], { quiet: true });
    expect(unsupported.ok).toBe(false);
    expect(unsupported.output).toContain("Unsupported command");
  });
});
