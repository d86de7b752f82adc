import { FAILURE_FAMILIES } from "../../EmailProfileValidator/failures";
import type { AdviceCode, AdviceProblem, ProblemOf } from "../../EmailProfileValidator/advice/problems";

/** At least one problem per code, typed so that a new code without a sample fails to compile; variants added. */
const ONE_PER_CODE: { [C in AdviceCode]: ProblemOf<C> } = {
  required: { code: "required", severity: "error" },
  "surrounding-whitespace": { code: "surrounding-whitespace", severity: "warning", characters: ["U+00A0"] },
  "invisible-character": { code: "invisible-character", severity: "error", characters: ["U+200B"] },
  "wrapped-address": { code: "wrapped-address", severity: "error", wrapping: "mailto" },
  "multiple-values": { code: "multiple-values", severity: "error", count: 2 },
  "downlevel-logon": { code: "downlevel-logon", severity: "error", domain: "CONTOSO", account: "jdoe" },
  "slash-separator": { code: "slash-separator", severity: "error", domain: "CONTOSO", account: "jdoe" },
  "local-machine-account": { code: "local-machine-account", severity: "error", account: "jdoe" },
  "bare-name": { code: "bare-name", severity: "error", account: "jdoe" },
  "multiple-at": { code: "multiple-at", severity: "error", count: 2 },
  "missing-local-part": { code: "missing-local-part", severity: "error" },
  "missing-domain": { code: "missing-domain", severity: "error" },
  "local-part-too-long": { code: "local-part-too-long", severity: "error", length: 70, limit: 64 },
  "too-long": { code: "too-long", severity: "error", length: 252, limit: 250 },
  "invalid-character": { code: "invalid-character", severity: "error", part: "local", characters: [" ", "("] },
  "non-ascii": { code: "non-ascii", severity: "error", characters: ["é"] },
  "dot-placement": { code: "dot-placement", severity: "error" },
  "invalid-domain": { code: "invalid-domain", severity: "error", reason: "hyphen", label: "-contoso" },
  "missing-tld": { code: "missing-tld", severity: "error", domain: "contoso" },
  "trailing-dot": { code: "trailing-dot", severity: "error" },
  "entra-character": { code: "entra-character", severity: "error", characters: ["+"] },
  "entra-length": { code: "entra-length", severity: "error", domainLength: 50, length: 60 },
  "non-routable-suffix": { code: "non-routable-suffix", severity: "error", suffix: ".local", target: "entra" },
  "mailbox-not-found": { code: "mailbox-not-found", severity: "info", address: "jdoe@contoso.com" },
  "mailbox-found": { code: "mailbox-found", severity: "info", address: "jdoe@contoso.com", name: "Jane Doe" },
  "upn-mailbox-mismatch": { code: "upn-mailbox-mismatch", severity: "warning", address: "jdoe@contoso.com", primaryAddress: "jane.doe@contoso.com" },
  "not-used": { code: "not-used", severity: "info", reason: "credentials" },
  "last-test-no-mailbox": { code: "last-test-no-mailbox", severity: "warning", family: "no-mailbox", address: "jdoe@contoso.com", faultCode: "ErrorNonExistentMailbox" },
  "last-test-downlevel": { code: "last-test-downlevel", severity: "error", family: "no-mailbox", address: "contoso\\jdoe", faultCode: "ErrorNonExistentMailbox" },
  "last-test-sign-in": { code: "last-test-sign-in", severity: "warning", family: "sign-in-refused", address: "jdoe@contoso.com", httpStatus: 401 },
  "last-test-impersonation": { code: "last-test-impersonation", severity: "warning", family: "impersonation-refused", address: "jdoe@contoso.com" },
  "last-test-autodiscover": { code: "last-test-autodiscover", severity: "warning", family: "autodiscover", address: "jdoe@contoso.com" },
  "last-test-other-cause": { code: "last-test-other-cause", severity: "info", family: "tls" },
  "last-test-failed": { code: "last-test-failed", severity: "warning", faultCode: "ErrorQuotaExceeded", message: "The mailbox is over its quota." },
  "last-test-stale": { code: "last-test-stale", severity: "info", address: "contoso\\jdoe" },
  "last-test-other-server": { code: "last-test-other-server", severity: "info" },
};

/** Details that choose another sentence: each variant must read whole too. */
const VARIANTS: AdviceProblem[] = [
  { code: "surrounding-whitespace", severity: "warning" },
  { code: "non-routable-suffix", severity: "warning", suffix: ".local", target: "exchange" },
  { code: "invalid-character", severity: "error", part: "domain", characters: ["_"] },
  { code: "non-ascii", severity: "error", characters: ["é"], more: 12 },
  ...(["empty-label", "label-too-long", "underscore", "ip-literal", "numeric-tld"] as const).map((reason) => ({ code: "invalid-domain" as const, severity: "error" as const, reason, label: "x" })),
  { code: "mailbox-found", severity: "info", address: "jdoe@contoso.com" },
  { code: "not-used", severity: "info", reason: "same-settings" },
  { code: "last-test-no-mailbox", severity: "warning", family: "no-mailbox", address: "jdoe@contoso.com" },
  { code: "last-test-downlevel", severity: "error", family: "no-mailbox", address: "contoso\\jdoe" },
  { code: "last-test-failed", severity: "warning", faultCode: "ErrorQuotaExceeded" },
  { code: "last-test-failed", severity: "warning", message: "System.InvalidOperationException: An unknown error occurred." },
  { code: "last-test-failed", severity: "warning" },
  { code: "last-test-failed", severity: "warning", faultCode: "", message: "  " },
  ...FAILURE_FAMILIES.map((row) => ({ code: "last-test-other-cause" as const, severity: "info" as const, family: row.family })),
];

export const SAMPLE_PROBLEMS: readonly AdviceProblem[] = [...Object.values(ONE_PER_CODE), ...VARIANTS];
