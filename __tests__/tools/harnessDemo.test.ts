/**
 * @jest-environment node
 */
import * as fs from "fs";
import * as path from "path";
import { offlinePage } from "../../tools/harnessDemo";

const ROOT = path.resolve(__dirname, "../..");

// PLATFORM-NOTES: pcf-start's index.html loads React 16.14.0 and ReactDOM from unpkg.com; `npm start` must work offline.
describe("the harness page npm start serves", () => {
  it("loads React and ReactDOM from this machine, copies of the packages the project installs", () => {
    const { page, copies } = offlinePage(fs.readFileSync(path.join(ROOT, "node_modules/pcf-start/index.html"), "utf8"));
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).toContain('src="vendor/react.development.js"');
    expect(page).toContain('src="vendor/react-dom.development.js"');
    expect(page).toContain('src="harness.js"');
    expect([...copies.values()].map((file) => path.relative(ROOT, file))).toEqual([
      path.join("node_modules", "react", "umd", "react.development.js"),
      path.join("node_modules", "react-dom", "umd", "react-dom.development.js"),
    ]);
    for (const file of copies.values()) expect(fs.existsSync(file)).toBe(true);
  });

  it("refuses a page with a script it cannot serve offline, rather than depend on the internet unnoticed", () => {
    expect(() => offlinePage('<script src="https://cdn.example.com/x.js"></script>')).toThrow(/cannot serve offline/);
  });
});
