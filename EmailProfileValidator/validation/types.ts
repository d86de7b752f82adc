/** Every problem the validator, the directory layer or the control can report, in SPEC order. */
export const PROBLEM_CODES = [
  "required",
  "surrounding-whitespace",
  "invisible-character",
  "wrapped-address",
  "multiple-values",
  "downlevel-logon",
  "slash-separator",
  "local-machine-account",
  "bare-name",
  "multiple-at",
  "missing-local-part",
  "missing-domain",
  "local-part-too-long",
  "too-long",
  "invalid-character",
  "non-ascii",
  "dot-placement",
  "invalid-domain",
  "missing-tld",
  "trailing-dot",
  "entra-character",
  "entra-length",
  "non-routable-suffix",
  "mailbox-not-found",
  "upn-mailbox-mismatch",
  "mailbox-found",
  "not-used",
  "last-test-downlevel",
  "last-test-no-mailbox",
  "last-test-sign-in",
  "last-test-impersonation",
  "last-test-autodiscover",
  "last-test-other-cause",
  "last-test-failed",
  "last-test-stale",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemSeverity = "info" | "warning" | "error";
export type Severity = "ok" | ProblemSeverity;
export type ValueKind = "empty" | "upn" | "downlevel" | "bare" | "unrecognized";
/**
 * Who reads the user name: Exchange through EWS impersonation (server types 0 and 2), Exchange Online
 * through Microsoft Entra ID (3), or a POP3/IMAP server's own log-on (1 and 4), which takes any form.
 */
export type ValidationTarget = "exchange" | "entra" | "mailserver";
export type SuggestionSource = "cleanup" | "domainMap" | "defaultSuffix" | "directory" | "guess";

export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  [detail: string]: unknown;
}

export interface Suggestion {
  value: string;
  source: SuggestionSource;
}

export interface ValidationOptions {
  /** UPN suffix for names typed without one, e.g. "contoso.com". */
  defaultUpnSuffix?: string;
  /** NetBIOS domain (any case) to UPN suffix, e.g. { CONTOSO: "contoso.com" }. */
  domainSuffixes?: Record<string, string>;
  /** "entra" when the mailbox lives in Exchange Online (stricter UPN rules become errors); "mailserver" for POP3/IMAP log-ons. */
  target?: ValidationTarget;
  /** An empty value is an error unless this is false. */
  required?: boolean;
}

export interface ValidationResult {
  kind: ValueKind;
  severity: Severity;
  problems: Problem[];
  suggestions: Suggestion[];
}

/** The column's own limit: `incomingusername` / `outgoingusername` hold 250 characters. */
export const COLUMN_MAX_LENGTH = 250;
/** RFC 5321: a forward path holds at most 254 characters of address. */
export const SMTP_MAX_LENGTH = 254;
export const LOCAL_PART_MAX_LENGTH = 64;
export const DOMAIN_LABEL_MAX_LENGTH = 63;
/** Microsoft Entra ID: at most 48 characters after the @ and 113 in all. */
export const ENTRA_DOMAIN_MAX_LENGTH = 48;
export const ENTRA_UPN_MAX_LENGTH = 113;

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3 };

/** The worst severity among the problems, "ok" when there are none. */
export function worstSeverity(problems: readonly Problem[]): Severity {
  let worst: Severity = "ok";
  for (const problem of problems) {
    if (SEVERITY_RANK[problem.severity] > SEVERITY_RANK[worst]) worst = problem.severity;
  }
  return worst;
}

/** Worst first; problems of equal severity keep the order they were found in. */
export function sortWorstFirst(problems: readonly Problem[]): Problem[] {
  if (problems.length < 2) return [...problems];
  // Three severities: one pass into three lists keeps the order within each, with no sort to pay for.
  const bySeverity: Record<ProblemSeverity, Problem[]> = { error: [], warning: [], info: [] };
  for (const problem of problems) bySeverity[problem.severity].push(problem);
  return [...bySeverity.error, ...bySeverity.warning, ...bySeverity.info];
}
