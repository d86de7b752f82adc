import type { DirectoryFinding } from "../directory";
import { LAST_TEST_FAMILIES, TROUBLESHOOTING_URL, type IFamilyRow, type LastTestFailure } from "../lastTest";
import {
  cleanUp,
  sortWorstFirst,
  validateUserName,
  worstSeverity,
  type Problem,
  type ProblemCode,
  type Severity,
  type Suggestion,
  type ValidationOptions,
  type ValidationResult,
} from "../validation";
import type { IConfigurationNote } from "./configuration";

/** What the admin is shown under the field. */
export interface IAdvice {
  severity: Severity;
  /** Worst first; empty when the value is fine (or is still being typed). */
  problems: Problem[];
  /** Complete replacement values, best first. */
  suggestions: Suggestion[];
  /** The Microsoft article for the worst problem that has one. */
  learnMoreUrl?: string;
  /** Notes on the control's settings and the profile, after the problems. */
  notes: IConfigurationNote[];
}

/** Microsoft's article on "The SMTP address has no mailbox associated with it". */
export const KB_3214326_URL = "https://support.microsoft.com/help/3214326";

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

/** The article each problem's advice comes from; last-test problems carry their family's own. */
const LEARN_MORE: Partial<Record<ProblemCode, string>> = {
  "downlevel-logon": KB_3214326_URL,
  "slash-separator": KB_3214326_URL,
  "local-machine-account": KB_3214326_URL,
  "upn-mailbox-mismatch": KB_3214326_URL,
};

export const NO_ADVICE: IAdvice = { severity: "ok", problems: [], suggestions: [], notes: [] };

export function isShownWhileTyping(problem: Problem): boolean {
  return !WAITS_FOR_PAUSE.has(problem.code);
}

const sameAddress = (a: string, b: string): boolean => cleanUp(a).cleaned.toLowerCase() === cleanUp(b).cleaned.toLowerCase();

/**
 * The directory's verdict on an address that is otherwise fine. No Mailbox row is a quiet fact: a service account
 * that is not a Dynamics user has none, and KB 3214326 asks for a mailbox in Exchange. A user who signs in with
 * this very UPN but has another primary address is the KB's second paragraph; the fix is in Exchange, not here.
 */
function mailboxProblems(result: ValidationResult, finding: DirectoryFinding | undefined, value: string): Problem[] {
  if (!finding || finding.status === "unknown" || result.kind !== "upn" || result.severity === "error") return [];
  // Cleaned only here, when there is a verdict to word: typing alone never pays for a second clean-up.
  const address = cleanUp(value).cleaned;
  if (finding.status === "found") {
    return [{ code: "mailbox-found", severity: "info", name: finding.mailboxes[0]?.name, address }];
  }
  const problems: Problem[] = [{ code: "mailbox-not-found", severity: "info", address }];
  const primary = finding.user?.internalemailaddress;
  if (primary !== undefined && !sameAddress(primary, address)) {
    problems.unshift({ code: "upn-mailbox-mismatch", severity: "warning", address, primaryAddress: primary, name: finding.user?.fullname });
  }
  return problems;
}

/**
 * A directory address is offered only if it passes the control's own rules, as any other suggestion must; a
 * POP3/IMAP log-on is never rewritten to an address, wherever the address comes from.
 */
function passesUnder(options: ValidationOptions | undefined): (address: string) => boolean {
  if (options?.target === "mailserver") return () => false;
  return (address) => {
    const verdict = validateUserName(address, options);
    return verdict.kind === "upn" && verdict.severity !== "error" && verdict.suggestions.length === 0;
  };
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

/** User-name families: the advice that says what to do with this very value. */
const USER_NAME_CODES = {
  "sign-in-refused": "last-test-sign-in",
  "impersonation-refused": "last-test-impersonation",
  autodiscover: "last-test-autodiscover",
} as const satisfies Partial<Record<LastTestFailure["family"], ProblemCode>>;

/** The catalogue's row for a failure; none for "other", which no article names. */
const rowOf = (failure: LastTestFailure): IFamilyRow | undefined => LAST_TEST_FAMILIES.find((row) => row.family === failure.family);
const learnMoreOf = (failure: LastTestFailure): string => rowOf(failure)?.learnMore ?? TROUBLESHOOTING_URL;

/** What a user-name failure says about the value that was tested, which is still the value in the field. */
function userNameProblem(failure: LastTestFailure, result: ValidationResult, address: string): Problem {
  const details = { address, faultCode: failure.code ?? failure.innerCode ?? "", httpStatus: failure.httpStatus, learnMore: learnMoreOf(failure) };
  if (failure.family === "no-mailbox") {
    return result.kind === "upn" ? { code: "last-test-no-mailbox", severity: "warning", ...details } : { code: "last-test-downlevel", severity: "error", ...details };
  }
  return { code: USER_NAME_CODES[failure.family as keyof typeof USER_NAME_CODES], severity: "warning", ...details };
}

/** Anything else: the code, status and message as given, nothing invented. */
function otherProblem(failure: LastTestFailure): Problem {
  if (failure.family !== "other") return { code: "last-test-other-cause", severity: "info", family: failure.family, learnMore: learnMoreOf(failure) };
  const given = failure.code ?? failure.innerCode ?? (failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}` : "");
  return { code: "last-test-failed", severity: "warning", faultCode: given, message: failure.message ?? "", learnMore: TROUBLESHOOTING_URL };
}

/**
 * What the last failed Test Connection says about the value now in the field. The value tested is the one the
 * trace names or, when it names none, the value the form opened with (`testedValue`): user-name advice attaches
 * only while the field still holds it. Nothing read from a trace becomes a suggestion.
 */
export function lastTestProblems(failure: LastTestFailure | undefined, result: ValidationResult, value: string, testedValue: string): Problem[] {
  if (!failure) return [];
  const tested = failure.address ?? testedValue;
  const stale = staleNote(tested, value);
  if (rowOf(failure)?.aboutUserName !== true) return [...(stale ? [stale] : []), otherProblem(failure)];
  return [stale ?? userNameProblem(failure, result, tested)];
}

/** The quiet note that the last Test Connection used `tested`, when the field now holds another value. */
function staleNote(tested: string, value: string): Problem | undefined {
  return sameAddress(tested, value) ? undefined : { code: "last-test-stale", severity: "info", address: tested };
}

/** The stale note for `value`, for the status line after a fix: the value tested is the trace's, or the form's. */
export function staleLastTest(failure: LastTestFailure | undefined, value: string, testedValue: string): Problem | undefined {
  return failure ? staleNote(failure.address ?? testedValue, value) : undefined;
}

/** The account to ask the directory about when the last test found no mailbox for this very value: the field's own. */
export function accountToLookUp(lastTest: readonly Problem[], settledValue: string): string {
  if (!lastTest.some((problem) => problem.code === "last-test-no-mailbox")) return "";
  const cleaned = cleanUp(settledValue).cleaned;
  const at = cleaned.indexOf("@");
  return at > 0 && at === cleaned.lastIndexOf("@") ? cleaned.slice(0, at) : "";
}

export interface IAdviceInput {
  result: ValidationResult;
  /** The options the value was judged by: directory addresses must pass them too. */
  options?: ValidationOptions;
  /** The directory's answer for this very value, if one has arrived. */
  finding?: DirectoryFinding;
  /** Addresses the directory found for the account of a value that the last test said has no mailbox. */
  accountFinding?: DirectoryFinding;
  /** What the last failed Test Connection says about this value (`lastTestProblems`). */
  lastTest?: readonly Problem[];
  value: string;
  /** Typing has paused or the field has lost focus. */
  settled: boolean;
  userNameInUse: boolean;
  notUsedBecause?: "credentials" | "same-settings";
  /** The form recommends but does not require a value. */
  emptyIsWarning?: boolean;
  notes?: readonly IConfigurationNote[];
}

/** A recommended field that is empty: the same sentence, as a warning. */
function withRequiredLevel(problems: readonly Problem[], emptyIsWarning: boolean | undefined): Problem[] {
  return emptyIsWarning ? problems.map((problem) => (problem.code === "required" ? { ...problem, severity: "warning" } : problem)) : [...problems];
}

/** A POP3/IMAP profile: one quiet line that the mail server, not KB 3214326, decides a log-on's form. */
function valueNotes(input: IAdviceInput): IConfigurationNote[] {
  const logOn = input.options?.target === "mailserver" && (input.result.kind === "downlevel" || input.result.kind === "bare");
  return logOn ? [{ key: "Config_MailServerLogOn", entry: "" }] : [];
}

export function buildAdvice(input: IAdviceInput): IAdvice {
  if (!input.userNameInUse) {
    return { ...NO_ADVICE, severity: "info", problems: [{ code: "not-used", severity: "info", reason: input.notUsedBecause ?? "credentials" }] };
  }
  const own = input.settled ? input.result.problems : input.result.problems.filter(isShownWhileTyping);
  const problems = sortWorstFirst([
    ...withRequiredLevel(own, input.emptyIsWarning),
    ...mailboxProblems(input.result, input.finding, input.value),
    ...(input.lastTest ?? []),
  ]);
  const actionable = problems.some((problem) => problem.severity !== "info");
  const directory = [...(input.accountFinding?.suggestions ?? []), ...(input.finding?.suggestions ?? [])].filter(passesUnder(input.options));
  const suggestions = actionable ? mergeSuggestions(directory, input.result.suggestions, input.value) : [];
  const withArticle = problems.find((problem) => typeof problem.learnMore === "string" || LEARN_MORE[problem.code] !== undefined);
  return {
    severity: worstSeverity(problems),
    problems,
    suggestions,
    learnMoreUrl: withArticle ? ((withArticle.learnMore as string | undefined) ?? LEARN_MORE[withArticle.code]) : undefined,
    notes: [...(input.notes ?? []), ...valueNotes(input)],
  };
}
