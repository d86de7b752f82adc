import { validateUserName, type ProblemCode, type ValidationOptions } from "../../EmailProfileValidator/validation";

type Expected = [code: ProblemCode, severity: "info" | "warning" | "error"];

/** One row per rule of SPEC section 1: input, options, the problems expected (worst first). */
const RULES: [name: string, input: string, options: ValidationOptions, problems: Expected[]][] = [
  ["a clean UPN", "user@contoso.com", {}, []],
  ["upper case is never a problem", "User.Name@Contoso.COM", {}, []],
  ["required: empty", "", {}, [["required", "error"]]],
  ["required: whitespace only", "   ", {}, [["required", "error"], ["surrounding-whitespace", "warning"]]],
  ["not required: empty is fine", "", { required: false }, []],
  ["surrounding-whitespace", " user@contoso.com\t", {}, [["surrounding-whitespace", "warning"]]],
  ["invisible-character: zero-width space", "user@contoso.com\u200b", {}, [["invisible-character", "error"]]],
  ["invisible-character: BOM, soft hyphen; a trailing NBSP is surrounding white space", "\ufeffus\u00ader@contoso.com\u00a0", {}, [["invisible-character", "error"], ["surrounding-whitespace", "warning"]]],
  ["invisible-character: word joiner range", "user\u2060@contoso.com", {}, [["invisible-character", "error"]]],
  ["wrapped-address: mailto", "mailto:user@contoso.com", {}, [["wrapped-address", "error"]]],
  ["wrapped-address: display name", "User Name <user@contoso.com>", {}, [["wrapped-address", "error"]]],
  ["wrapped-address: angle brackets", "<user@contoso.com>", {}, [["wrapped-address", "error"]]],
  ["wrapped-address: straight quotes", "\"user@contoso.com\"", {}, [["wrapped-address", "error"]]],
  ["wrapped-address: curly quotes", "\u201cuser@contoso.com\u201d", {}, [["wrapped-address", "error"]]],
  ["multiple-values: semicolon", "a@contoso.com; b@contoso.com", {}, [["multiple-values", "error"]]],
  ["multiple-values: comma", "a@contoso.com,b@contoso.com", {}, [["multiple-values", "error"]]],
  ["multiple-values: down-level names", "contoso\\a; contoso\\b", {}, [["multiple-values", "error"]]],
  ["a trailing separator is not a second value", "user@contoso.com;", {}, [["wrapped-address", "error"]]],
  ["two trailing separators are not paste debris", "user@contoso.com;;", {}, [["wrapped-address", "error"], ["invalid-character", "error"]]],
  ["downlevel-logon: KB 3214326", "contoso\\user", {}, [["downlevel-logon", "error"]]],
  ["downlevel-logon: doubled backslash", "CONTOSO\\\\user", {}, [["downlevel-logon", "error"]]],
  ["slash-separator", "contoso/user", {}, [["slash-separator", "error"]]],
  ["local-machine-account", ".\\administrator", {}, [["local-machine-account", "error"]]],
  ["bare-name", "user", {}, [["bare-name", "error"]]],
  ["multiple-at", "user@contoso@com", {}, [["multiple-at", "error"]]],
  ["missing-local-part", "@contoso.com", {}, [["missing-local-part", "error"]]],
  ["missing-domain", "user@", {}, [["missing-domain", "error"]]],
  ["local-part-too-long", `${"a".repeat(65)}@contoso.com`, {}, [["local-part-too-long", "error"]]],
  ["too-long: over the column's 250", `a@${"b".repeat(62)}.${"c".repeat(62)}.${"d".repeat(62)}.${"e".repeat(62)}.com`, {}, [["too-long", "error"]]],
  // SPEC §1, too-long: one problem, one limit named; other length problems are not added on top.
  ["too-long: 252 characters with a 70-character local part, one line only", `${"a".repeat(70)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(55)}.com`, {}, [["too-long", "error"]]],
  ["too-long: under Exchange Online too, Entra's length is not added on top", `${"a".repeat(70)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(55)}.com`, { target: "entra" }, [["too-long", "error"]]],
  ["too-long: the form's MaxLength is the limit", `${"a".repeat(95)}@contoso.com`, { maxLength: 100 }, [["too-long", "error"]]],
  ["invalid-character: space in local part", "us er@contoso.com", {}, [["invalid-character", "error"]]],
  ["invalid-character: brackets and colon", "us[e]r:@contoso.com", {}, [["invalid-character", "error"]]],
  ["invalid-character: control character", "us\u0001er@contoso.com", {}, [["invalid-character", "error"]]],
  ["invalid-character: in the domain", "user@cont!oso.com", {}, [["invalid-character", "error"]]],
  ["non-ascii", "jos\u00e9@contoso.com", {}, [["non-ascii", "error"]]],
  ["non-ascii: in the domain", "user@b\u00fccher.de", {}, [["non-ascii", "error"]]],
  ["dot-placement: leading", ".user@contoso.com", {}, [["dot-placement", "error"]]],
  ["dot-placement: trailing", "user.@contoso.com", {}, [["dot-placement", "error"]]],
  ["dot-placement: doubled", "us..er@contoso.com", {}, [["dot-placement", "error"]]],
  ["invalid-domain: empty label", "user@contoso..com", {}, [["invalid-domain", "error"]]],
  ["invalid-domain: label over 63", `user@${"a".repeat(64)}.com`, {}, [["invalid-domain", "error"]]],
  ["invalid-domain: leading hyphen", "user@-contoso.com", {}, [["invalid-domain", "error"]]],
  ["invalid-domain: underscore", "user@con_toso.com", {}, [["invalid-domain", "error"]]],
  ["invalid-domain: IP literal", "user@[10.0.0.1]", {}, [["invalid-domain", "error"]]],
  ["invalid-domain: dotted quad", "user@10.0.0.1", {}, [["invalid-domain", "error"]]],
  ["missing-tld", "user@contoso", {}, [["missing-tld", "error"]]],
  ["trailing-dot", "user@contoso.com.", {}, [["trailing-dot", "error"]]],
  // SPEC §1: "none under exchange": Exchange on-premises does not apply Entra's rules.
  ["entra-character: none under Exchange", "john+crm@contoso.com", {}, []],
  ["entra-character: none under Exchange, every listed character", "a$%&*/=?{}|`b@contoso.com", { target: "exchange" }, []],
  ["entra-character: error for Entra", "john+crm@contoso.com", { target: "entra" }, [["entra-character", "error"]]],
  ["entra-character: every listed character", "a$%&*/=?{}|`b@contoso.com", { target: "entra" }, [["entra-character", "error"]]],
  ["Entra allows ' . - _ ! # ^ ~", "o'neil.a-b_c!d#e^f~g@contoso.com", { target: "entra" }, []],
  ["entra-length: domain over 48", `user@${"a".repeat(45)}.com`, { target: "entra" }, [["entra-length", "error"]]],
  ["entra-length: over 113 in all", `${"a".repeat(64)}@${"b".repeat(40)}.${"c".repeat(5)}.com`, { target: "entra" }, [["entra-length", "error"]]],
  ["entra-length: none under Exchange", `${"a".repeat(64)}@${"b".repeat(40)}.${"c".repeat(5)}.com`, {}, []],
  ["entra-length: none under Exchange, a long domain", `user@${"a".repeat(45)}.com`, {}, []],
  ["non-routable-suffix: .local", "user@contoso.local", {}, [["non-routable-suffix", "warning"]]],
  ["non-routable-suffix: .corp", "user@ad.contoso.corp", {}, [["non-routable-suffix", "warning"]]],
  ["non-routable-suffix: an error under Exchange Online", "user@contoso.local", { target: "entra" }, [["non-routable-suffix", "error"]]],
  ["several problems, worst first", " us..er@contoso.local ", {}, [["dot-placement", "error"], ["surrounding-whitespace", "warning"], ["non-routable-suffix", "warning"]]],
];

describe("validateUserName: one rule per row of the specification", () => {
  it.each(RULES)("%s", (_name, input, options, expected) => {
    const result = validateUserName(input, options);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual(expected);
    expect(result.severity).toBe(expected[0]?.[1] ?? "ok");
  });
});

describe("validateUserName: kinds", () => {
  it.each([
    ["", "empty"],
    ["  \u200b ", "empty"],
    ["user@contoso.com", "upn"],
    [" <user@contoso.com> ", "upn"],
    ["contoso\\user", "downlevel"],
    ["contoso\\\\user", "downlevel"],
    [".\\user", "downlevel"],
    ["contoso/user", "downlevel"],
    ["user", "bare"],
    ["a@b@c.com", "unrecognized"],
    ["a@contoso.com;b@contoso.com", "unrecognized"],
  ])("%j is %s", (input, kind) => {
    expect(validateUserName(input).kind).toBe(kind);
  });

  it("treats null and undefined as empty", () => {
    expect(validateUserName(null).problems.map((p) => p.code)).toEqual(["required"]);
    expect(validateUserName(undefined, { required: false }).severity).toBe("ok");
  });
});

describe("problem details name what is wrong", () => {
  it("names the NetBIOS domain and account of a down-level name", () => {
    expect(validateUserName("CONTOSO\\jdoe").problems[0]).toMatchObject({ domain: "CONTOSO", account: "jdoe" });
  });

  // Issue 25: a trailing no-break space got a warning that did not name it; a plain space everyone can see is not named.
  it("names the characters trimmed around the value other than a plain space", () => {
    expect(validateUserName("user@contoso.com\u00a0").problems).toEqual([{ code: "surrounding-whitespace", severity: "warning", characters: ["U+00A0"] }]);
    expect(validateUserName("\u3000 user@contoso.com\t\u3000").problems[0]).toMatchObject({ characters: ["U+3000", "U+0009"] });
    expect(validateUserName(" user@contoso.com ").problems).toEqual([{ code: "surrounding-whitespace", severity: "warning" }]);
  });

  it("names invisible characters by code point", () => {
    expect(validateUserName("a\u200b@contoso.com\ufeff").problems[0]).toMatchObject({ characters: ["U+200B", "U+FEFF"] });
  });

  it("names the offending characters and the part they are in", () => {
    expect(validateUserName("a b;c@contoso.com").problems).toEqual([
      { code: "invalid-character", severity: "error", part: "local", characters: [" ", ";"] },
    ]);
    expect(validateUserName("a@con$toso.com").problems[0]).toMatchObject({ part: "domain", characters: ["$"] });
  });

  it("gives lengths and limits", () => {
    const local = "x".repeat(70);
    expect(validateUserName(`${local}@contoso.com`).problems[0]).toMatchObject({ length: 70, limit: 64 });
    // 258 characters: the column's 250 is the limit named, not SMTP's 254.
    const long = `a@${"b".repeat(252)}.com`;
    expect(validateUserName(long).problems[0]).toMatchObject({ code: "too-long", length: 258, limit: 250 });
    expect(validateUserName(`${"a".repeat(95)}@contoso.com`, { maxLength: 100 }).problems[0]).toMatchObject({ code: "too-long", length: 107, limit: 100 });
  });

  it("names the private suffix, and the target it was judged under", () => {
    expect(validateUserName("user@contoso.LOCAL").problems[0]).toMatchObject({ suffix: ".local", target: "exchange" });
    expect(validateUserName("user@contoso.LOCAL", { target: "entra" }).problems[0]).toMatchObject({ suffix: ".local", target: "entra" });
  });
});
