import { validateUserName } from "../../EmailProfileValidator/validation";

const LENGTH = 10_000;

/** Shapes that make back-tracking patterns explode; each must be classified, correctly. */
describe("10,000-character inputs of hostile shapes", () => {
  it("'a.' repeated: one long local part with no domain", () => {
    const result = validateUserName("a.".repeat(LENGTH / 2));
    expect(result.kind).toBe("bare");
    expect(result.problems.map((p) => p.code)).toEqual(["bare-name", "too-long"]);
  });

  it("'a.' repeated before an @: one length problem, the column's, and the dots", () => {
    const result = validateUserName(`${"a.".repeat(LENGTH / 2)}@contoso.com`);
    expect(result.problems.map((p) => p.code)).toEqual(["too-long", "dot-placement"]);
  });

  it("'@' repeated", () => {
    const result = validateUserName("@".repeat(LENGTH));
    expect(result.kind).toBe("unrecognized");
    expect(result.problems[0]).toMatchObject({ code: "multiple-at", count: LENGTH });
  });

  it("'\\' repeated", () => {
    const result = validateUserName("\\".repeat(LENGTH));
    expect(result.kind).toBe("downlevel");
    expect(result.problems.map((p) => p.code)).toContain("downlevel-logon");
    expect(result.suggestions).toEqual([]);
  });

  it("invisible characters mixed through an address are all named and cleaned", () => {
    const noise = "\u200b\u00a0\ufeff\u00ad\u2060\u3000\u202e".repeat(LENGTH / 14);
    const result = validateUserName(`${noise}user${noise}@contoso.com${noise}`);
    expect(result.problems[0]).toMatchObject({
      code: "invisible-character",
      characters: ["U+200B", "U+FEFF", "U+00AD", "U+2060", "U+202E", "U+00A0", "U+3000"],
    });
    expect(result.suggestions).toEqual([{ value: "user@contoso.com", source: "cleanup" }]);
  });

  it("10,000 characters of white space around an address: trimmed, not searched again and again", () => {
    const result = validateUserName(`${"\u3000 ".repeat(LENGTH / 2)}user@contoso.com${"\u2009".repeat(LENGTH)}`);
    expect(result.problems.map((p) => p.code)).toEqual(["surrounding-whitespace"]);
    expect(result.suggestions).toEqual([{ value: "user@contoso.com", source: "cleanup" }]);
  });

  it("a long down-level name is too long, with no suggestion past the column's limit", () => {
    const result = validateUserName(`CONTOSO\\${"u".repeat(LENGTH)}`);
    expect(result.problems.map((p) => p.code)).toEqual(["downlevel-logon", "too-long"]);
    expect(result.suggestions).toEqual([]);
  });
});
