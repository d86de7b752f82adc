import { validateUserName, type ProblemCode, type Suggestion, type ValidationOptions } from "../../EmailProfileValidator/validation";

type Expected = [code: ProblemCode, severity: "info" | "warning" | "error"];

/**
 * What admins paste from Outlook, AD and Exchange tools and type with Japanese or Chinese keyboards.
 * Each row names the published rule it checks:
 * - Unicode PropList.txt: White_Space, Bidi_Control, Quotation_Mark; DerivedCoreProperties.txt: Default_Ignorable_Code_Point.
 * - RFC 6068 §2 (mailto URIs and their ?query), Exchange proxy addresses (SMTP: primary, smtp: secondary).
 * - RFC 1123 §2.1 (a top-level label is never all digits), RFC 2606 and RFC 6761 (.test, .example, .invalid,
 *   .localhost), RFC 6762 (.local), RFC 7686 (.onion), RFC 8375 (home.arpa), RFC 9476 (.alt).
 * - Microsoft Learn, "Prepare for directory synchronization to Microsoft 365": routable UPN suffixes only.
 */
const ROWS: [name: string, input: string, options: ValidationOptions, problems: Expected[], first: Suggestion | null][] = [
  // Unicode White_Space around the value: every width of space, not only ASCII.
  ["White_Space: ideographic space typed by a Japanese or Chinese IME", "\u3000jdoe@contoso.com\u3000", {}, [["surrounding-whitespace", "warning"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["White_Space: narrow no-break space", "jdoe@contoso.com\u202f", {}, [["surrounding-whitespace", "warning"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["White_Space: line separator and next line", "\u2028jdoe@contoso.com\u0085", {}, [["surrounding-whitespace", "warning"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["White_Space: em and thin spaces", "\u2003\u2009jdoe@contoso.com", {}, [["surrounding-whitespace", "warning"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  // White_Space other than U+0020 inside the value is invisible to the admin.
  ["White_Space inside: ideographic space", "jdoe\u3000@contoso.com", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["White_Space inside: a tab", "jdoe@con\ttoso.com", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  // Bidi_Control: marks that Outlook and right-to-left aware editors add.
  ["Bidi_Control: left-to-right mark", "\u200ejdoe@contoso.com", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Bidi_Control: right-to-left override and pop", "\u202ejdoe@contoso.com\u202c", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Bidi_Control: isolates", "\u2066jdoe@contoso.com\u2069", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Bidi_Control: Arabic letter mark", "jdoe@contoso.com\u061c", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  // Default_Ignorable_Code_Point, BMP and beyond.
  ["Default_Ignorable: combining grapheme joiner", "jd\u034foe@contoso.com", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Default_Ignorable: variation selector 16", "jdoe@contoso.com\ufe0f", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Default_Ignorable: a tag character outside the BMP", "jdoe@contoso.com\u{e0041}", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Default_Ignorable: Hangul filler", "\u3164jdoe@contoso.com", {}, [["invisible-character", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  // Paste forms around one address.
  ["RFC 6068: mailto with a query", "mailto:jdoe@contoso.com?subject=Hello&body=Hi", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["RFC 6068: mailto is case-insensitive and %-encoded", "MAILTO:jdoe%40contoso.com", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Exchange proxy address: primary SMTP", "SMTP:jdoe@contoso.com", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Exchange proxy address: secondary smtp", "smtp:jdoe@contoso.com", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Outlook: Name [mailto:addr]", "Doe, John [mailto:jdoe@contoso.com]", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["To line: one trailing semicolon", "John Doe <jdoe@contoso.com>;", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["To line: one trailing comma", "jdoe@contoso.com,", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["a stray backslash after an address", "jdoe@contoso.com\\", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Quotation_Mark: CJK corner brackets", "\u300cjdoe@contoso.com\u300d", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Quotation_Mark: guillemets", "\u00abjdoe@contoso.com\u00bb", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["Quotation_Mark: full-width quotes", "\uff02jdoe@contoso.com\uff02", {}, [["wrapped-address", "error"]], { value: "jdoe@contoso.com", source: "cleanup" }],
  ["an apostrophe in the local part is not a quote", "o'neil@contoso.com", {}, [], null],
  // Down-level names with debris.
  ["spaces around the backslash (a NetBIOS name has none)", "CONTOSO \\ jdoe", {}, [["downlevel-logon", "error"]], { value: "jdoe@contoso.com", source: "guess" }],
  ["a down-level name with an ideographic space", "CONTOSO\\\u3000jdoe", {}, [["invisible-character", "error"], ["downlevel-logon", "error"]], { value: "jdoe@contoso.com", source: "guess" }],
  // Domains.
  ["RFC 1123 §2.1: an all-numeric top-level label", "user@192.168.1", {}, [["invalid-domain", "error"]], null],
  ["RFC 1123 §2.1: contoso.123", "user@contoso.123", {}, [["invalid-domain", "error"]], null],
  ["RFC 2606: .test", "user@contoso.test", {}, [["non-routable-suffix", "warning"]], null],
  ["RFC 2606: .example", "user@contoso.example", {}, [["non-routable-suffix", "warning"]], null],
  ["RFC 2606: .invalid", "user@contoso.invalid", {}, [["non-routable-suffix", "warning"]], null],
  ["RFC 6761: .localhost", "user@contoso.localhost", {}, [["non-routable-suffix", "warning"]], null],
  ["RFC 8375: home.arpa", "user@printer.home.arpa", {}, [["non-routable-suffix", "warning"]], null],
  ["RFC 7686: .onion", "user@contoso.onion", {}, [["non-routable-suffix", "warning"]], null],
  ["RFC 9476: .alt", "user@contoso.alt", {}, [["non-routable-suffix", "warning"]], null],
  ["Exchange Online: a private suffix is an error", "user@contoso.local", { target: "entra" }, [["non-routable-suffix", "error"]], null],
  ["Exchange Online: a special-use suffix is an error", "user@contoso.test", { target: "entra" }, [["non-routable-suffix", "error"]], null],
];

describe("real-world input: each rule from its published source", () => {
  it.each(ROWS)("%s", (_name, input, options, problems, first) => {
    const result = validateUserName(input, options);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual(problems);
    if (first) expect(result.suggestions[0]).toEqual(first);
    else expect(result.suggestions.filter((s) => s.source === "cleanup")).toEqual([]);
  });

  it("names the special-use suffix it found", () => {
    expect(validateUserName("user@printer.home.arpa").problems[0]).toMatchObject({ suffix: ".home.arpa" });
    expect(validateUserName("user@contoso.Test").problems[0]).toMatchObject({ suffix: ".test" });
  });

  it("names the all-numeric label", () => {
    expect(validateUserName("user@contoso.123").problems[0]).toMatchObject({ reason: "numeric-tld", label: "123" });
  });

  it("names invisible characters by code point, never as non-ASCII", () => {
    const result = validateUserName("\u200fjdoe\u3000@contoso.com\u{e0041}");
    expect(result.problems).toEqual([{ code: "invisible-character", severity: "error", characters: ["U+200F", "U+E0041", "U+3000"] }]);
  });
});

describe("Exchange Online (Hybrid): a one-click fix never has a non-routable suffix", () => {
  const entra = (options: ValidationOptions): ValidationOptions => ({ ...options, target: "entra" });

  it.each([
    ["a bare name with a .local default", "jdoe", { defaultUpnSuffix: "contoso.local" }, []],
    ["a down-level name mapped to .local falls through to the KB's guess", "CONTOSO\\jdoe", { domainSuffixes: { CONTOSO: "contoso.local" } }, [{ value: "jdoe@contoso.com", source: "guess" }]],
    ["a mapped .local falls through to a routable default", "CONTOSO\\jdoe", { domainSuffixes: { CONTOSO: "contoso.local" }, defaultUpnSuffix: "contoso.com" }, [{ value: "jdoe@contoso.com", source: "defaultSuffix" }]],
    ["a .local NetBIOS-with-dot is never guessed", "contoso.local\\jdoe", {}, []],
    ["a .local address is rewritten to a routable default", "jdoe@contoso.local", { defaultUpnSuffix: "contoso.com" }, [{ value: "jdoe@contoso.com", source: "defaultSuffix" }]],
    ["a .local address is not cleaned up into itself", " jdoe@contoso.local ", {}, []],
  ] as [string, string, ValidationOptions, Suggestion[]][])("%s", (_name, input, options, expected) => {
    expect(validateUserName(input, entra(options)).suggestions).toEqual(expected);
  });

  it("for Exchange on-premises the same .local default is still offered, with its warning", () => {
    expect(validateUserName("jdoe", { defaultUpnSuffix: "contoso.local" }).suggestions).toEqual([{ value: "jdoe@contoso.local", source: "defaultSuffix" }]);
  });
});

describe("what a paste or a length limit leaves behind", () => {
  it("a lone surrogate (an emoji cut in two) is named like any invisible character, with Clean up", () => {
    const result = validateUserName("jdoe\ud83d@contoso.com");
    expect(result.problems).toEqual([{ code: "invisible-character", severity: "error", characters: ["U+D83D"] }]);
    expect(result.suggestions).toEqual([{ value: "jdoe@contoso.com", source: "cleanup" }]);
    expect(validateUserName("jdoe\ud83d").problems.map((problem) => problem.code)).toContain("invisible-character");
    expect(validateUserName("\ude00jdoe@contoso.com").suggestions).toEqual([{ value: "jdoe@contoso.com", source: "cleanup" }]);
  });

  it("a whole emoji is not a lone surrogate: it stays non-ASCII", () => {
    expect(validateUserName("jdoe\ud83d\ude00@contoso.com").problems.map((problem) => problem.code)).toEqual(["non-ascii"]);
  });

  // RFC 6068 §2: a mailto address is %-encoded, so invisible characters arrive escaped.
  it.each([
    ["a zero-width space", "mailto:jdoe%E2%80%8B@contoso.com", "U+200B"],
    ["a no-break space", "mailto:jdoe@contoso.com%C2%A0", undefined],
    ["a line feed", "mailto:jdoe@contoso.com%0A", undefined],
    ["a soft hyphen", "mailto:jd%C2%ADoe@contoso.com", "U+00AD"],
  ])("%s %%-escaped inside a mailto link is cleaned like a typed one", (_name, value, named) => {
    const result = validateUserName(value);
    expect(result.suggestions).toEqual([{ value: "jdoe@contoso.com", source: "cleanup" }]);
    const codes = result.problems.map((problem) => problem.code);
    expect(codes).toContain("wrapped-address");
    expect(codes).not.toContain("non-ascii");
    expect(codes).not.toContain("invalid-character");
    if (named) expect(result.problems.find((problem) => problem.code === "invisible-character")?.characters).toEqual([named]);
  });

  it("10,000 distinct non-ASCII characters are named by a handful and a count", () => {
    const chars = Array.from({ length: 10_000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("");
    const problem = validateUserName(`${chars}@contoso.com`).problems.find((p) => p.code === "non-ascii");
    expect(problem?.characters).toHaveLength(8);
    expect(problem?.more).toBe(9_992);
  });
});
