import { FORBIDDEN_BY_ENTRA, FORBIDDEN_IN_DOMAIN, FORBIDDEN_IN_LOCAL_PART, distinctMatching, distinctNonAscii, isAsciiDigit } from "./characters";
import {
  DOMAIN_LABEL_MAX_LENGTH,
  ENTRA_DOMAIN_MAX_LENGTH,
  ENTRA_UPN_MAX_LENGTH,
  LOCAL_PART_MAX_LENGTH,
  type Problem,
  type ValidationTarget,
} from "./types";
import { remembered } from "./remembered";

/**
 * Suffixes that only resolve inside a private network, and special-use names that are never delegated:
 * .test, .example, .invalid, .localhost (RFC 2606, RFC 6761), .local (RFC 6762), .onion (RFC 7686),
 * .alt (RFC 9476) and .arpa, which is for infrastructure only (RFC 3172; home.arpa, RFC 8375).
 * Exchange Online and Entra accept only verified, routable UPN suffixes.
 */
const NON_ROUTABLE_TOP_LEVEL = new Set([
  "local", "lan", "internal", "corp", "localdomain", "home", "intranet", "private",
  "localhost", "test", "example", "invalid", "onion", "alt", "arpa",
]);

/** ".local", ".home.arpa": the private or special-use suffix a domain ends in, if any. */
export function nonRoutableSuffix(domain: string): string | undefined {
  const lastDot = domain.lastIndexOf(".");
  if (lastDot < 0) return undefined;
  const topLevel = domain.slice(lastDot + 1).toLowerCase();
  if (!NON_ROUTABLE_TOP_LEVEL.has(topLevel)) return undefined;
  return topLevel === "arpa" ? `.${domain.slice(domain.lastIndexOf(".", lastDot - 1) + 1).toLowerCase()}` : `.${topLevel}`;
}

/** RFC 1123 §2.1, RFC 3696 §2: a top-level label is never all digits; that is an IP address, not a host name. */
function isAllDigits(label: string): boolean {
  for (let i = 0; i < label.length; i++) if (!isAsciiDigit(label.charCodeAt(i))) return false;
  return label !== "";
}

/** Microsoft Entra ID's own UPN rules speak only where Entra checks the name: Exchange Online (SPEC §1, "none under exchange"). */
const entraChecks = (target: ValidationTarget): boolean => target === "entra";

/** Letters, digits and the punctuation every rule allows: no character rule can fail, so none needs a scan. */
const PLAIN_LOCAL_PART = /^[A-Za-z0-9.'_-]*$/;

/** RFC 5322 dot-atom: no dot first, last or twice in a row. */
export function hasMisplacedDot(local: string): boolean {
  return local.startsWith(".") || local.endsWith(".") || local.includes("..");
}

function localPartProblems(local: string, target: ValidationTarget): Problem[] {
  if (local === "") return [{ code: "missing-local-part", severity: "error" }];
  const problems: Problem[] = [];
  if (local.length > LOCAL_PART_MAX_LENGTH) {
    problems.push({ code: "local-part-too-long", severity: "error", length: local.length, limit: LOCAL_PART_MAX_LENGTH });
  }
  const plain = PLAIN_LOCAL_PART.test(local);
  const invalid = plain ? [] : distinctMatching(local, FORBIDDEN_IN_LOCAL_PART);
  if (invalid.length > 0) problems.push({ code: "invalid-character", severity: "error", part: "local", characters: invalid });
  if (hasMisplacedDot(local)) {
    problems.push({ code: "dot-placement", severity: "error" });
  }
  const entraInvalid = plain || !entraChecks(target) ? [] : distinctMatching(local, FORBIDDEN_BY_ENTRA);
  if (entraInvalid.length > 0) problems.push({ code: "entra-character", severity: "error", characters: entraInvalid });
  return problems;
}

function isIpLiteral(domain: string, labels: readonly string[]): boolean {
  if (domain.startsWith("[") && domain.endsWith("]")) return true;
  return labels.length === 4 && labels.every(isAllDigits);
}

type LabelFault = "empty-label" | "label-too-long" | "hyphen" | "underscore" | "numeric-tld";

function labelFault(label: string): LabelFault | undefined {
  if (label === "") return "empty-label";
  if (label.length > DOMAIN_LABEL_MAX_LENGTH) return "label-too-long";
  if (label.startsWith("-") || label.endsWith("-")) return "hyphen";
  if (label.includes("_")) return "underscore";
  return undefined;
}

/** One `invalid-domain` problem per kind of fault, naming the first label that has it. */
function labelProblems(labels: readonly string[], problems: Problem[]): void {
  const seen: LabelFault[] = [];
  for (const label of labels) {
    const fault = labelFault(label);
    if (fault && !seen.includes(fault)) {
      seen.push(fault);
      problems.push({ code: "invalid-domain", severity: "error", reason: fault, label });
    }
  }
}

/** Letters, digits, hyphens and dots only: no character rule can fail, so none needs a scan. */
const PLAIN_DOMAIN = /^[A-Za-z0-9.-]*$/;
/**
 * A host name every label rule passes (RFC 1123): two or more labels of 1–63 letters, digits and inner
 * hyphens, the last starting with a letter. Labels are bounded and split by dots, so it cannot back-track far.
 */
const WELL_FORMED_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const MAX_HOST_LENGTH = 253;

/**
 * Exchange Online accepts only verified, routable UPN suffixes, so there a private suffix is certain to fail. On
 * Exchange on-premises it may sign in, but KB 3214326's second check asks that the UPN match the mailbox's address,
 * and a private suffix rarely is one: a warning, worded for Exchange, never about Exchange Online.
 */
function suffixProblems(domain: string, target: ValidationTarget): Problem[] {
  const suffix = nonRoutableSuffix(domain);
  if (!suffix) return [];
  return [target === "entra" ? { code: "non-routable-suffix", severity: "error", suffix, target } : { code: "non-routable-suffix", severity: "warning", suffix, target: "exchange" }];
}

export function domainProblems(domain: string, target: ValidationTarget): Problem[] {
  if (domain === "") return [{ code: "missing-domain", severity: "error" }];
  if (domain.length <= MAX_HOST_LENGTH && WELL_FORMED_HOST.test(domain)) return suffixProblems(domain, target);
  const labels = domain.split(".");
  if (isIpLiteral(domain, labels)) return [{ code: "invalid-domain", severity: "error", reason: "ip-literal", label: domain }];
  const problems: Problem[] = [];
  const invalid = PLAIN_DOMAIN.test(domain) ? [] : distinctMatching(domain, FORBIDDEN_IN_DOMAIN);
  if (invalid.length > 0) problems.push({ code: "invalid-character", severity: "error", part: "domain", characters: invalid });
  labelProblems(labels, problems);
  const topLevel = labels[labels.length - 1];
  if (labels.length === 1) problems.push({ code: "missing-tld", severity: "error", domain });
  else if (isAllDigits(topLevel)) problems.push({ code: "invalid-domain", severity: "error", reason: "numeric-tld", label: topLevel });
  problems.push(...suffixProblems(domain, target));
  return problems;
}

/** Entra's limits on the whole UPN, stricter than SMTP's; the column's own is `columnProblems`. */
function addressLengthProblems(local: string, domain: string, target: ValidationTarget): Problem[] {
  const length = local.length + 1 + domain.length;
  if (entraChecks(target) && (domain.length > ENTRA_DOMAIN_MAX_LENGTH || length > ENTRA_UPN_MAX_LENGTH)) {
    return [{ code: "entra-length", severity: "error", length, domainLength: domain.length }];
  }
  return [];
}

/** A sentence names this many characters at most; a paste of a whole script would otherwise list thousands. */
const MAX_NAMED_CHARACTERS = 8;

/** The column cannot store more than `limit` characters: one problem, naming that one limit. */
export function columnProblems(value: string, limit: number): Problem[] {
  return value.length > limit ? [{ code: "too-long", severity: "error", length: value.length, limit }] : [];
}

/**
 * A value the column cannot store has one length problem, the column's: the address's own length rules (64 before
 * the @, 63 a label, Entra's 48 and 113) would name other limits for the same fault (SPEC §1, `too-long`).
 */
export function withOneLengthLimit(problems: readonly Problem[]): Problem[] {
  if (!problems.some((problem) => problem.code === "too-long")) return [...problems];
  return problems.filter(
    (problem) => problem.code !== "local-part-too-long" && problem.code !== "entra-length" && !(problem.code === "invalid-domain" && problem.reason === "label-too-long"),
  );
}

/** Applies to any shape: the column cannot store it, or it holds characters an address cannot. */
export function valueProblems(value: string, limit: number): Problem[] {
  const problems = columnProblems(value, limit);
  const nonAscii = distinctNonAscii(value, MAX_NAMED_CHARACTERS);
  if (nonAscii.count > 0) {
    const more = nonAscii.count - nonAscii.first.length;
    problems.push({ code: "non-ascii", severity: "error", characters: nonAscii.first, ...(more > 0 ? { more } : {}) });
  }
  return problems;
}

const hasError = (problems: readonly Problem[]): boolean => problems.some((problem) => problem.severity === "error");

/** Suggestions end in a configured or guessed suffix that repeats on every keystroke, so its verdict is kept. */
const domainPassesFor: Record<ValidationTarget, (domain: string) => boolean> = {
  exchange: remembered((domain) => !hasError(domainProblems(domain, "exchange"))),
  entra: remembered((domain) => !hasError(domainProblems(domain, "entra"))),
  mailserver: remembered((domain) => !hasError(domainProblems(domain, "exchange"))),
};

/** The same verdict as "upnProblems has no error", for judging many candidates that share a domain. */
export function upnPasses(local: string, domain: string, target: ValidationTarget): boolean {
  return !hasError(localPartProblems(local, target)) && !hasError(addressLengthProblems(local, domain, target)) && domainPassesFor[target](domain);
}

export function upnProblems(local: string, domain: string, target: ValidationTarget): Problem[] {
  return [...localPartProblems(local, target), ...domainProblems(domain, target), ...addressLengthProblems(local, domain, target)];
}
