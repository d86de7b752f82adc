import type { DirectoryFinding } from "../directory";
import type { LastTestFailure } from "../lastTest";
import {
  cleanUp,
  sortWorstFirst,
  worstSeverity,
  type Problem,
  type ProblemCode,
  type Severity,
  type Suggestion,
  type ValidationResult,
} from "../validation";

/** What the admin is shown under the field. */
export interface IAdvice {
  severity: Severity;
  /** Worst first; empty when the value is fine (or is still being typed). */
  problems: Problem[];
  /** Complete replacement values, best first. */
  suggestions: Suggestion[];
  /** The down-level case that Microsoft KB 3214326 explains. */
  showLearnMore: boolean;
}

/**
 * Problems that a value passes through on its way to being right ("user@", "user@contoso"):
 * shown only once typing pauses or the field loses focus, so nobody is told off mid-word.
 */
const WAITS_FOR_PAUSE: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "required",
  "bare-name",
  "missing-local-part",
  "missing-domain",
  "missing-tld",
  "trailing-dot",
  "dot-placement",
  "surrounding-whitespace",
  "wrapped-address",
  "invalid-domain",
  "non-routable-suffix",
]);

const LEARN_MORE_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "downlevel-logon",
  "slash-separator",
  "local-machine-account",
  "mailbox-not-found",
  "last-test-downlevel",
  "last-test-no-mailbox",
]);

export const NO_ADVICE: IAdvice = { severity: "ok", problems: [], suggestions: [], showLearnMore: false };

export function isShownWhileTyping(problem: Problem): boolean {
  return !WAITS_FOR_PAUSE.has(problem.code);
}

/** The directory's verdict on an address that is otherwise fine, named as the directory was asked about it. */
function mailboxProblems(result: ValidationResult, finding: DirectoryFinding | undefined, value: string): Problem[] {
  if (!finding || finding.status === "unknown" || result.kind !== "upn" || result.severity === "error") return [];
  // Cleaned only here, when there is a verdict to word: typing alone never pays for a second clean-up.
  const address = cleanUp(value).cleaned;
  if (finding.status === "found") {
    return [{ code: "mailbox-found", severity: "info", name: finding.mailboxes[0]?.name, address }];
  }
  return [{ code: "mailbox-not-found", severity: "warning", address }];
}

/** Directory addresses first, then the validator's own; the same address (any case) once. */
export function mergeSuggestions(directory: readonly string[], own: readonly Suggestion[], current: string): Suggestion[] {
  const seen = new Set<string>([current.toLowerCase()]);
  const merged: Suggestion[] = [];
  for (const suggestion of [...directory.map((value) => ({ value, source: "directory" as const })), ...own]) {
    const key = suggestion.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(suggestion);
  }
  return merged;
}

/** EWS's answer when the impersonated address has no mailbox: the KB 3214326 case. */
const NON_EXISTENT_MAILBOX = "ErrorNonExistentMailbox";

const sameAddress = (a: string, b: string): boolean => cleanUp(a).cleaned.toLowerCase() === cleanUp(b).cleaned.toLowerCase();

/** The quiet note that the last Test Connection used another value than this one. */
export function staleLastTest(failure: LastTestFailure | undefined, value: string): Problem | undefined {
  if (failure?.address === undefined || sameAddress(failure.address, value)) return undefined;
  return { code: "last-test-stale", severity: "info", address: failure.address };
}

/** What the last failed Test Connection says about the value now in the field. */
export function lastTestProblems(failure: LastTestFailure | undefined, result: ValidationResult, value: string): Problem[] {
  if (!failure) return [];
  const stale = staleLastTest(failure, value);
  if (stale) return [stale];
  const code = failure.code;
  const address = failure.address ?? cleanUp(value).cleaned;
  if (code === NON_EXISTENT_MAILBOX && result.kind === "downlevel") return [{ code: "last-test-downlevel", severity: "error", address, faultCode: code }];
  if (code === NON_EXISTENT_MAILBOX && result.kind === "upn") return [{ code: "last-test-no-mailbox", severity: "warning", address, faultCode: code }];
  return [{ code: "last-test-failed", severity: "warning", faultCode: code, message: failure.message ?? "" }];
}

/** The account to ask the directory about when the last test found no mailbox for this very address. */
export function accountToLookUp(lastTest: readonly Problem[]): string {
  const noMailbox = lastTest.find((problem) => problem.code === "last-test-no-mailbox");
  const address = typeof noMailbox?.address === "string" ? noMailbox.address : "";
  return address.slice(0, Math.max(0, address.indexOf("@")));
}

export interface IAdviceInput {
  result: ValidationResult;
  /** The directory's answer for this very value, if one has arrived. */
  finding?: DirectoryFinding;
  /** Addresses the directory found for the account of an address that the last test said has no mailbox. */
  accountFinding?: DirectoryFinding;
  /** What the last failed Test Connection says about this value (`lastTestProblems`). */
  lastTest?: readonly Problem[];
  value: string;
  /** Typing has paused or the field has lost focus. */
  settled: boolean;
  userNameInUse: boolean;
}

export function buildAdvice(input: IAdviceInput): IAdvice {
  if (!input.userNameInUse) {
    return { ...NO_ADVICE, severity: "info", problems: [{ code: "not-used", severity: "info" }] };
  }
  const own = input.settled ? input.result.problems : input.result.problems.filter(isShownWhileTyping);
  const problems = sortWorstFirst([
    ...own,
    ...mailboxProblems(input.result, input.finding, input.value),
    ...(input.lastTest ?? []),
  ]);
  const actionable = problems.some((problem) => problem.severity !== "info");
  const directory = [...(input.accountFinding?.suggestions ?? []), ...(input.finding?.suggestions ?? [])];
  const suggestions = actionable ? mergeSuggestions(directory, input.result.suggestions, input.value) : [];
  return {
    severity: worstSeverity(problems),
    problems,
    suggestions,
    showLearnMore: problems.some((problem) => LEARN_MORE_CODES.has(problem.code)),
  };
}
