import fc from "fast-check";
import { validateUserName, type ProblemCode } from "../../EmailProfileValidator/validation";

/**
 * Server types 1 (POP3/SMTP) and 4 (IMAP/SMTP) take the mail server's own log-on. Microsoft Learn, "Connect to
 * IMAP, POP, or SMTP servers": the User Name is "the username used to connect to the email server". The server
 * decides the form: Windows' "User Name Formats" documents the down-level logon name DOMAIN\UserName beside the
 * UPN, and Exchange's own POP3/IMAP4 logon formats (the LogonFormats enumeration) are FullDomain, PrincipalName and
 * UserName. No EWS and no impersonation, so KB 3214326 does not apply.
 */
const MAIL_SERVER = { target: "mailserver" as const };

type Row = [name: string, value: string, problems: [ProblemCode, "info" | "warning" | "error"][], suggestion?: string];

const ROWS: Row[] = [
  ["a down-level log-on is the server's own form", "CONTOSO\\jdoe", []],
  ["a doubled backslash too", "CONTOSO\\\\jdoe", []],
  ["a bare log-on", "jdoe", []],
  ["a slash log-on", "CONTOSO/jdoe", []],
  ["a local-machine account", ".\\mailuser", []],
  ["an address", "jdoe@contoso.com", []],
  ["a private suffix is the server's business", "jdoe@contoso.local", []],
  ["characters Entra refuses are fine for a mail server", "j+doe%x@contoso.com", []],
  ["non-ASCII log-ons are the server's business", "jos\u00e9", []],
  ["empty: required", "", [["required", "error"]]],
  ["too long for the column (250)", "a".repeat(251), [["too-long", "error"]]],
  ["paste debris is still named, and cleaned", " CONTOSO\\jdoe\u200b", [["invisible-character", "error"], ["surrounding-whitespace", "warning"]], "CONTOSO\\jdoe"],
  ["a mailto paste is unwrapped", "mailto:jdoe@contoso.com", [["wrapped-address", "error"]], "jdoe@contoso.com"],
  ["a display name paste is unwrapped", "Jane Doe <jdoe@contoso.com>", [["wrapped-address", "error"]], "jdoe@contoso.com"],
  ["a broken address is at most a warning: nothing after @", "jdoe@", [["missing-domain", "warning"]]],
  ["a broken address is at most a warning: two @", "jdoe@@contoso.com", [["multiple-at", "warning"]]],
  ["a broken address is at most a warning: nothing before @", "@contoso.com", [["missing-local-part", "warning"]]],
  ["a trailing dot is cleaned, as a warning", "jdoe@contoso.com.", [["trailing-dot", "warning"]], "jdoe@contoso.com"],
];

describe("target mailserver: POP3/IMAP log-ons", () => {
  it.each(ROWS.map((row) => ({ name: row[0], row })))("$name", ({ row: [, value, problems, suggestion] }) => {
    const result = validateUserName(value, MAIL_SERVER);
    expect(result.problems.map((problem) => [problem.code, problem.severity])).toEqual(problems);
    expect(result.suggestions).toEqual(suggestion === undefined ? [] : [{ value: suggestion, source: "cleanup" }]);
  });

  it("never calls a down-level log-on the KB 3214326 case, and never rewrites it to a UPN", () => {
    const result = validateUserName("contoso\\user", { ...MAIL_SERVER, defaultUpnSuffix: "contoso.com", domainSuffixes: { CONTOSO: "contoso.com" } });
    expect(result.kind).toBe("downlevel");
    expect(result.severity).toBe("ok");
    expect(result.suggestions).toEqual([]);
  });

  it("not required: empty is fine", () => {
    expect(validateUserName("", { ...MAIL_SERVER, required: false }).severity).toBe("ok");
  });

  it("the only suggestion ever made is cleanup, and it passes with no error (property-based)", () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: fc.constantFrom("a", "@", "\\", "/", ".", " ", "\u200b", "\u00a0", "<", ">", "\"", ";", "mailto:", "%0A", "\ud83d"), maxLength: 20 }),
    );
    fc.assert(
      fc.property(value, fc.string({ maxLength: 12 }), (text, suffix) => {
        const options = { ...MAIL_SERVER, defaultUpnSuffix: suffix, domainSuffixes: { A: suffix } };
        const result = validateUserName(text, options);
        expect(result.suggestions.length).toBeLessThanOrEqual(1);
        for (const suggestion of result.suggestions) {
          expect(suggestion.source).toBe("cleanup");
          expect(suggestion.value).not.toBe(text);
          const again = validateUserName(suggestion.value, options);
          expect(again.problems.filter((problem) => problem.severity === "error")).toEqual([]);
          expect(again.suggestions).toEqual([]);
        }
        expect(result.problems.every((problem) => problem.severity !== "error" || ["required", "too-long", "invisible-character", "wrapped-address"].includes(problem.code))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
