import { FORBIDDEN_BY_ENTRA, FORBIDDEN_IN_DOMAIN, FORBIDDEN_IN_LOCAL_PART, NON_ASCII, distinctMatching, isAsciiDigit } from "./characters";
import {
  COLUMN_MAX_LENGTH,
  DOMAIN_LABEL_MAX_LENGTH,
  ENTRA_DOMAIN_MAX_LENGTH,
  ENTRA_UPN_MAX_LENGTH,
  LOCAL_PART_MAX_LENGTH,
  SMTP_MAX_LENGTH,
  type Problem,
  type ProblemSeverity,
  type ValidationTarget,
} from "./types";

/** Suffixes that only resolve inside a private network; Exchange Online and Entra never accept them. */
const NON_ROUTABLE_SUFFIXES = new Set(["local", "lan", "internal", "corp", "localdomain", "home", "intranet", "private", "localhost"]);

function entraSeverity(target: ValidationTarget): ProblemSeverity {
  return target === "entra" ? "error" : "warning";
}

export function localPartProblems(local: string, target: ValidationTarget): Problem[] {
  if (local === "") return [{ code: "missing-local-part", severity: "error" }];
  const problems: Problem[] = [];
  if (local.length > LOCAL_PART_MAX_LENGTH) {
    problems.push({ code: "local-part-too-long", severity: "error", length: local.length, limit: LOCAL_PART_MAX_LENGTH });
  }
  const invalid = distinctMatching(local, FORBIDDEN_IN_LOCAL_PART);
  if (invalid.length > 0) problems.push({ code: "invalid-character", severity: "error", part: "local", characters: invalid });
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) {
    problems.push({ code: "dot-placement", severity: "error" });
  }
  const entraInvalid = distinctMatching(local, FORBIDDEN_BY_ENTRA);
  if (entraInvalid.length > 0) {
    problems.push({ code: "entra-character", severity: entraSeverity(target), characters: entraInvalid });
  }
  return problems;
}

function isIpLiteral(domain: string, labels: readonly string[]): boolean {
  if (domain.startsWith("[") && domain.endsWith("]")) return true;
  return labels.length === 4 && labels.every((label) => label.length > 0 && [...label].every((c) => isAsciiDigit(c.charCodeAt(0))));
}

type LabelFault = "empty-label" | "label-too-long" | "hyphen" | "underscore";

function labelFault(label: string): LabelFault | undefined {
  if (label === "") return "empty-label";
  if (label.length > DOMAIN_LABEL_MAX_LENGTH) return "label-too-long";
  if (label.startsWith("-") || label.endsWith("-")) return "hyphen";
  if (label.includes("_")) return "underscore";
  return undefined;
}

/** One `invalid-domain` problem per kind of fault, naming the first label that has it. */
function labelProblems(labels: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<LabelFault>();
  for (const label of labels) {
    const fault = labelFault(label);
    if (fault && !seen.has(fault)) {
      seen.add(fault);
      problems.push({ code: "invalid-domain", severity: "error", reason: fault, label });
    }
  }
  return problems;
}

export function domainProblems(domain: string): Problem[] {
  if (domain === "") return [{ code: "missing-domain", severity: "error" }];
  const labels = domain.split(".");
  if (isIpLiteral(domain, labels)) return [{ code: "invalid-domain", severity: "error", reason: "ip-literal", label: domain }];
  const problems: Problem[] = [];
  const invalid = distinctMatching(domain, FORBIDDEN_IN_DOMAIN);
  if (invalid.length > 0) problems.push({ code: "invalid-character", severity: "error", part: "domain", characters: invalid });
  problems.push(...labelProblems(labels));
  if (labels.length === 1) problems.push({ code: "missing-tld", severity: "error", domain });
  const topLevel = labels[labels.length - 1].toLowerCase();
  if (labels.length > 1 && NON_ROUTABLE_SUFFIXES.has(topLevel)) {
    problems.push({ code: "non-routable-suffix", severity: "warning", suffix: "." + topLevel });
  }
  return problems;
}

/** Limits on the whole UPN: the column, SMTP, and Entra's stricter ones. */
export function addressLengthProblems(local: string, domain: string, target: ValidationTarget): Problem[] {
  const length = local.length + 1 + domain.length;
  if (domain.length > ENTRA_DOMAIN_MAX_LENGTH || length > ENTRA_UPN_MAX_LENGTH) {
    return [{ code: "entra-length", severity: entraSeverity(target), length, domainLength: domain.length }];
  }
  return [];
}

/** Applies to any shape: the column cannot store it, or SMTP cannot carry it. */
export function valueProblems(value: string): Problem[] {
  const problems: Problem[] = [];
  if (value.length > COLUMN_MAX_LENGTH) {
    const limit = value.length > SMTP_MAX_LENGTH ? SMTP_MAX_LENGTH : COLUMN_MAX_LENGTH;
    problems.push({ code: "too-long", severity: "error", length: value.length, limit });
  }
  const nonAscii = distinctMatching(value, NON_ASCII);
  if (nonAscii.length > 0) problems.push({ code: "non-ascii", severity: "error", characters: nonAscii });
  return problems;
}

export function upnProblems(local: string, domain: string, target: ValidationTarget): Problem[] {
  return [...localPartProblems(local, target), ...domainProblems(domain), ...addressLengthProblems(local, domain, target)];
}
