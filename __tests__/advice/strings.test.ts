import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { ENGLISH, createTranslator, formatText } from "../../EmailProfileValidator/advice/strings";
import { describeProblem } from "../../EmailProfileValidator/advice/messages";
import { SAMPLE_PROBLEMS } from "./sampleProblems";
import { LANGUAGES, SPEC_LANGUAGES } from "../languages";

const CONTROL = path.resolve(__dirname, "../../EmailProfileValidator");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["data", "resx", "property", "value"].includes(name) });

function readResx(lcid: string): Record<string, string> {
  const xml = fs.readFileSync(path.join(CONTROL, "strings", `EmailProfileValidator.${lcid}.resx`), "utf8");
  const data = (parser.parse(xml) as { root: { data: { "@name": string; value: [string] }[] } }).root.data;
  return Object.fromEntries(data.map((entry) => [entry["@name"], String(entry.value[0])]));
}

const readManifest = (): string => fs.readFileSync(path.join(CONTROL, "ControlManifest.Input.xml"), "utf8");

const KEY_ATTRIBUTES = ["@display-name-key", "@description-key"];

/** Every name and description key on any element of the parsed manifest, depth first. */
function keyAttributes(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(keyAttributes);
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([name, value]) => (KEY_ATTRIBUTES.includes(name) ? [String(value)] : keyAttributes(value)));
}

/** The keys the maker portal reads: the control's, each property's and each option's name and description. */
function namedByManifest(): string[] {
  return keyAttributes(parser.parse(readManifest()));
}

const placeholders = (text: string): string[] => (text.match(/\{\d\}/g) ?? []).sort();

describe("localization", () => {
  const english = readResx("1033");

  it("the English fallback reads exactly as the 1033 resx", () => {
    for (const [key, text] of Object.entries(ENGLISH)) expect([key, english[key]]).toEqual([key, text]);
  });

  it("every 1033 key is either read by the control or named by the manifest", () => {
    const manifestKeys = namedByManifest();
    const unused = Object.keys(english).filter((key) => !(key in ENGLISH) && !manifestKeys.includes(key));
    expect(unused).toEqual([]);
  });

  it.each(LANGUAGES)("%s has exactly the keys of 1033, with the same placeholders", (lcid) => {
    const strings = readResx(lcid);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) expect([key, placeholders(strings[key])]).toEqual([key, placeholders(english[key])]);
  });

  it.each(LANGUAGES.filter((lcid) => lcid !== "1033"))("%s is a translation, not an English copy", (lcid) => {
    const strings = readResx(lcid);
    const copied = Object.keys(english).filter((key) => strings[key] === english[key]);
    // Only the example address may read the same in every language.
    expect(copied).toEqual(["Field_Placeholder"]);
  });

  // SPEC §3: a specific, localized sentence per problem; issues 25 and 26: no sentence ever has an empty slot.
  it.each(LANGUAGES)("in %s, every problem, in each of its variants, is a whole sentence with every slot filled", (lcid) => {
    const strings = readResx(lcid);
    const translate = createTranslator((key) => strings[key]);
    for (const problem of SAMPLE_PROBLEMS) {
      // As the field says it, and as a read-only form says it (issue 25: no sentence there asks for an edit).
      for (const sentence of [describeProblem(problem, translate), describeProblem(problem, translate, true)]) {
        expect([problem.code, sentence]).not.toEqual([problem.code, expect.stringMatching(/\{\d\}|\(\s*\)|\u201c\u201d|with \.|\s[.,](?![\w\\])|^\s*$/)]);
      }
    }
  });

  it("the manifest declares every language, and every key it names exists", () => {
    const manifest = readManifest();
    for (const lcid of LANGUAGES) expect(manifest).toContain(`strings/EmailProfileValidator.${lcid}.resx`);
    // SPEC §3: 1033 plus at least nine more of Dynamics' languages.
    expect(LANGUAGES).toEqual(expect.arrayContaining(SPEC_LANGUAGES));
    const keys = namedByManifest();
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(Object.keys(english)).toContain(key);
  });
});

describe("the translator", () => {
  it("fills in placeholders", () => {
    expect(formatText("Use {0} or {1}; {2} stays", ["a", "b"])).toBe("Use a or b; {2} stays");
  });

  it("uses the platform's string when it has one", () => {
    expect(createTranslator(() => "Verwenden Sie {0}")("Action_Use", "x@y.com")).toBe("Verwenden Sie x@y.com");
  });

  it.each([
    ["the key itself", (key: string) => key],
    ["an empty string", () => ""],
    ["undefined", () => undefined],
    ["a throw", () => {
      throw new Error("no resources");
    }],
  ])("falls back to English when the platform answers with %s", (_name, getString) => {
    expect(createTranslator(getString)("Action_Use", "x@y.com")).toBe("Use x@y.com");
  });
});
