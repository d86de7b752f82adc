export type ProblemSeverity = "info" | "warning" | "error";
export type Severity = "ok" | ProblemSeverity;
export type ValueKind = "empty" | "upn" | "downlevel" | "bare" | "unrecognized";
/**
 * Who reads the user name: Exchange through EWS impersonation (server types 0 and 2), Exchange Online
 * through Microsoft Entra ID (3), or a POP3/IMAP server's own log-on (1 and 4), which takes any form.
 */
export type ValidationTarget = "exchange" | "entra" | "mailserver";
export type SuggestionSource = "cleanup" | "domainMap" | "defaultSuffix" | "directory" | "guess";

/** Why a domain label is not valid; each names the first label that has the fault. */
export type DomainFault = "empty-label" | "label-too-long" | "hyphen" | "underscore" | "ip-literal" | "numeric-tld";
/** Where a paste came from: what clean-up took off around the address. */
export type Wrapping = "mailto" | "proxy-address" | "outlook-mailto" | "angle-brackets" | "quotes" | "trailing-separator";

interface IProblemBase<C extends string> {
  code: C;
  severity: ProblemSeverity;
}

/**
 * Every problem the validator can report, each with its own details (SPEC §1). A union on `code`, so whoever
 * words a problem reads its details typed, and a code without a sentence is a compile error (advice/catalogue.ts).
 */
export type Problem =
  | IProblemBase<"required" | "missing-local-part" | "missing-domain" | "dot-placement" | "trailing-dot">
  | (IProblemBase<"surrounding-whitespace"> & { characters?: string[] })
  | (IProblemBase<"invisible-character"> & { characters: string[] })
  | (IProblemBase<"wrapped-address"> & { wrapping: Wrapping })
  | (IProblemBase<"multiple-values" | "multiple-at"> & { count: number })
  | (IProblemBase<"downlevel-logon" | "slash-separator"> & { domain: string; account: string })
  | (IProblemBase<"local-machine-account" | "bare-name"> & { account: string })
  | (IProblemBase<"local-part-too-long" | "too-long"> & { length: number; limit: number })
  | (IProblemBase<"invalid-character"> & { part: "local" | "domain"; characters: string[] })
  | (IProblemBase<"entra-character"> & { characters: string[] })
  | (IProblemBase<"non-ascii"> & { characters: string[]; more?: number })
  | (IProblemBase<"invalid-domain"> & { reason: DomainFault; label: string })
  | (IProblemBase<"missing-tld"> & { domain: string })
  | (IProblemBase<"entra-length"> & { length: number; domainLength: number })
  /** Worded for the target it was judged under: a certain failure on Exchange Online, KB 3214326's second check on Exchange. */
  | (IProblemBase<"non-routable-suffix"> & { suffix: string; target: "exchange" | "entra" });

export type ProblemCode = Problem["code"];

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
  /** The column's limit as the form states it (MaxLength); 250, the column's own, when absent or unusable. */
  maxLength?: number;
}

export interface ValidationResult {
  kind: ValueKind;
  severity: Severity;
  problems: Problem[];
  suggestions: Suggestion[];
}

/** The column's own limit: `incomingusername` / `outgoingusername` hold 250 characters. */
export const COLUMN_MAX_LENGTH = 250;
export const LOCAL_PART_MAX_LENGTH = 64;
export const DOMAIN_LABEL_MAX_LENGTH = 63;
/** Microsoft Entra ID: at most 48 characters after the @ and 113 in all. */
export const ENTRA_DOMAIN_MAX_LENGTH = 48;
export const ENTRA_UPN_MAX_LENGTH = 113;

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3 };

/** The worst severity among the problems, "ok" when there are none. */
export function worstSeverity(problems: readonly { severity: ProblemSeverity }[]): Severity {
  let worst: Severity = "ok";
  for (const problem of problems) {
    if (SEVERITY_RANK[problem.severity] > SEVERITY_RANK[worst]) worst = problem.severity;
  }
  return worst;
}

/** Worst first; problems of equal severity keep the order they were found in. */
export function sortWorstFirst<P extends { severity: ProblemSeverity }>(problems: readonly P[]): P[] {
  if (problems.length < 2) return [...problems];
  // Three severities: one pass into three lists keeps the order within each, with no sort to pay for.
  const bySeverity: Record<ProblemSeverity, P[]> = { error: [], warning: [], info: [] };
  for (const problem of problems) bySeverity[problem.severity].push(problem);
  return [...bySeverity.error, ...bySeverity.warning, ...bySeverity.info];
}
