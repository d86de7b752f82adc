import type { DirectoryFinding, DomainUse } from "../directory";
import { familyRow } from "../failures";
import type { LastTestFailure } from "../lastTest";
import { cleanUp, distinctIgnoringCase, sortWorstFirst, worstSeverity, type Severity, type Suggestion, type ValidationOptions, type ValidationResult, type ValidationTarget } from "../validation";
import { isShownWhileTyping, learnMoreOf, type ILink } from "./catalogue";
import { notePlace, type IConfigurationNote } from "./configuration";
import { backGuess, configuredDomains, domainOf, mergeSuggestions, passesUnder, type IFix } from "./fixes";
import type { AdviceProblem, LastTestProblem, ProblemOf } from "./problems";

/** What the admin is shown under the field. */
export interface IAdvice {
  severity: Severity;
  /** Worst first; empty when the value is fine (or is still being typed). */
  problems: AdviceProblem[];
  /** Complete replacement values, best first; a "guess" is one nothing in this organization backs. */
  suggestions: IFix[];
  /**
   * The first suggestion may be the primary one-click fix: never an unbacked guess (SPEC §1), and never while the
   * profile cannot connect this way at all, whatever the value (Exchange Online with a user name and password).
   */
  primaryFix: boolean;
  /** The Microsoft article of each problem that has one, worst first, each once: every cause keeps its own link. */
  links: ILink[];
  /** Notes on the control's settings and the profile, after the problems. */
  notes: IConfigurationNote[];
}

const NO_ADVICE: IAdvice = { severity: "ok", problems: [], suggestions: [], primaryFix: false, links: [], notes: [] };

const sameAddress = (a: string, b: string): boolean => cleanUp(a).cleaned.toLowerCase() === cleanUp(b).cleaned.toLowerCase();

/**
 * The directory's verdict on an address that is otherwise fine. No Mailbox row is a quiet fact: a service account
 * that is not a Dynamics user has none, and KB 3214326 asks for a mailbox in Exchange. A user who signs in with
 * this very UPN but has another primary address is the KB's second paragraph; the fix is in Exchange, not here.
 */
function mailboxProblems(result: ValidationResult, finding: DirectoryFinding | undefined, value: string): AdviceProblem[] {
  if (!finding || finding.status === "unknown" || result.kind !== "upn" || result.severity === "error") return [];
  // Cleaned only here, when there is a verdict to word: typing alone never pays for a second clean-up.
  const address = cleanUp(value).cleaned;
  if (finding.status === "found") {
    return [{ code: "mailbox-found", severity: "info", name: finding.mailboxes[0]?.name, address }];
  }
  const problems: AdviceProblem[] = [{ code: "mailbox-not-found", severity: "info", address }];
  const user = finding.user;
  if (user !== undefined && !isBlank(user.internalemailaddress) && !sameAddress(user.internalemailaddress, address)) {
    problems.unshift({ code: "upn-mailbox-mismatch", severity: "warning", address, primaryAddress: user.internalemailaddress, name: user.fullname });
  }
  return problems;
}

/** What a user-name failure says about the value that was tested, which is still the value in the field. */
function userNameProblem(failure: LastTestFailure, result: ValidationResult, address: string): LastTestProblem | undefined {
  const row = familyRow(failure.family);
  const advice = row && "userNameDownLevel" in row && result.kind !== "upn" ? row.userNameDownLevel : row && "userName" in row ? row.userName : undefined;
  if (failure.family === "other" || !advice) return undefined;
  const faultCode = failure.code ?? failure.innerCode;
  return {
    code: advice.code,
    severity: advice.severity,
    family: failure.family,
    address,
    ...(faultCode !== undefined ? { faultCode } : {}),
    ...(failure.httpStatus !== undefined ? { httpStatus: failure.httpStatus } : {}),
  };
}

/** The code, status and message as given, nothing invented. */
function failedAsGiven(failure: LastTestFailure): LastTestProblem {
  const given = failure.code ?? failure.innerCode ?? (failure.httpStatus !== undefined ? `HTTP ${failure.httpStatus}` : undefined);
  return { code: "last-test-failed", severity: "warning", ...(given !== undefined ? { faultCode: given } : {}), ...(failure.message !== undefined ? { message: failure.message } : {}) };
}

/** Anything else: as given. A user-name family here is another cause. */
function otherProblem(failure: LastTestFailure): LastTestProblem {
  return failure.family === "other" ? failedAsGiven(failure) : { code: "last-test-other-cause", severity: "info", family: failure.family };
}

const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === "";

/** A trace with EWS's own codes or an impersonated address: that test ran against Exchange. */
const ranAgainstExchange = (failure: LastTestFailure): boolean => failure.code !== undefined || failure.innerCode !== undefined || failure.address !== undefined;

/** How the profile is set up now: the advice from a test follows the profile as it is, not as it was tested. */
export interface ILastTestContext {
  target?: ValidationTarget;
  userNameInUse?: boolean;
}

/**
 * What the last failed Test Connection says about the value now in the field. The value tested is the one the
 * trace names or, when it names none, the value saved when the test ran (`testedValue`), byte for byte: user-name
 * advice attaches only while the field still holds exactly it. Nothing read from a trace becomes a suggestion.
 * A profile that does not send this name still hears of another cause; a profile that is now POP3/IMAP hears
 * only that its last test ran against Exchange.
 */
export function lastTestProblems(
  failure: LastTestFailure | undefined,
  result: ValidationResult,
  value: string,
  testedValue: string,
  profile: ILastTestContext = {},
): LastTestProblem[] {
  if (!failure) return [];
  if (profile.target === "mailserver" && ranAgainstExchange(failure)) return [{ code: "last-test-other-server", severity: "info" }];
  const row = familyRow(failure.family);
  const aboutUserName = row !== undefined && "userName" in row;
  if (profile.userNameInUse === false || profile.target === "mailserver") return [otherProblem(failure)];
  const tested = isBlank(failure.address) ? testedValue : (failure.address ?? testedValue);
  const stale = staleNote(tested, value);
  if (aboutUserName && stale) return [stale];
  // A test of an empty name gets its code as given: user-name advice would name an empty address.
  const userName = aboutUserName ? (isBlank(tested) ? failedAsGiven(failure) : userNameProblem(failure, result, tested)) : undefined;
  if (!userName) return [...(stale ? [stale] : []), otherProblem(failure)];
  return [userName];
}

/** The quiet note that the last Test Connection used `tested`, when the field now holds anything else, debris included. */
function staleNote(tested: string, value: string): ProblemOf<"last-test-stale"> | undefined {
  return tested === value ? undefined : { code: "last-test-stale", severity: "info", address: tested };
}

/** The account to ask the directory about when the last test found no mailbox for this very value: the field's own. */
export function accountToLookUp(lastTest: readonly AdviceProblem[], settledValue: string): string {
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
  lastTest?: readonly AdviceProblem[];
  value: string;
  /** Typing has paused or the field has lost focus. */
  settled: boolean;
  userNameInUse: boolean;
  notUsedBecause?: "credentials" | "same-settings";
  /** The form recommends but does not require a value. */
  emptyIsWarning?: boolean;
  notes?: readonly IConfigurationNote[];
  /** Whether users of this environment have the guessed suffix's domain, once the directory has said. */
  guessDomainInUse?: DomainUse;
  /**
   * A new record whose field nobody has touched yet: an empty value is not an error from the moment the form opens,
   * as Dynamics' own required fields wait for a save.
   */
  holdRequired?: boolean;
}

/** A recommended field that is empty: the same sentence, as a warning. */
function withRequiredLevel(problems: readonly AdviceProblem[], emptyIsWarning: boolean | undefined): AdviceProblem[] {
  return emptyIsWarning ? problems.map((problem) => (problem.code === "required" ? { ...problem, severity: "warning" } : problem)) : [...problems];
}

/** A POP3/IMAP profile: one quiet line that the mail server, not KB 3214326, decides a log-on's form. */
function valueNotes(input: IAdviceInput): IConfigurationNote[] {
  const logOn = input.options?.target === "mailserver" && (input.result.kind === "downlevel" || input.result.kind === "bare");
  return logOn ? [{ key: "Config_MailServerLogOn", entry: "" }] : [];
}

/** The article of each problem that has one, worst first, each once. */
function linksOf(problems: readonly AdviceProblem[]): ILink[] {
  const links = problems.map(learnMoreOf).filter((link): link is ILink => link !== undefined);
  return distinctIgnoringCase(links, (link) => link.url);
}

/** The fixes on offer before any guess is backed: directory addresses that pass the control's own rules, then the validator's. */
function offered(input: IAdviceInput, problems: readonly AdviceProblem[]): { fixes: Suggestion[]; directory: string[] } {
  const directory = [...(input.accountFinding?.suggestions ?? []), ...(input.finding?.suggestions ?? [])].filter(passesUnder(input.options));
  const actionable = problems.some((problem) => problem.severity !== "info");
  return { fixes: actionable ? mergeSuggestions(directory, input.result.suggestions, input.value) : [], directory };
}

/**
 * The domain of a guess that is offered and that neither the settings nor the directory's addresses back: what the
 * directory is asked about, once its own answer for the value is in. Empty when there is nothing to ask.
 */
export function guessToConfirm(input: IAdviceInput): string {
  if (!input.userNameInUse) return "";
  const { fixes, directory } = offered(input, adviceProblems(input));
  const guess = fixes.find((fix) => fix.source === "guess");
  return guess && backGuess(guess, configuredDomains(input.options), directory, undefined).source === "guess" ? domainOf(guess.value) : "";
}

/** The field's own problems (those due by now), the directory's verdict and the last test's, worst first. */
function adviceProblems(input: IAdviceInput): AdviceProblem[] {
  const due = input.settled ? input.result.problems : input.result.problems.filter(isShownWhileTyping);
  const own = input.holdRequired ? due.filter((problem) => problem.code !== "required") : due;
  return sortWorstFirst<AdviceProblem>([
    ...withRequiredLevel(own, input.emptyIsWarning),
    ...mailboxProblems(input.result, input.finding, input.value),
    ...(input.lastTest ?? []),
  ]);
}

export function buildAdvice(input: IAdviceInput): IAdvice {
  if (!input.userNameInUse) {
    // The name is not sent, but a test that failed for another cause is still worth its line and its link.
    const problems = sortWorstFirst<AdviceProblem>([{ code: "not-used", severity: "info", reason: input.notUsedBecause ?? "credentials" }, ...(input.lastTest ?? [])]);
    return { ...NO_ADVICE, severity: worstSeverity(problems), problems, links: linksOf(problems) };
  }
  const problems = adviceProblems(input);
  const { fixes, directory } = offered(input, problems);
  const configured = configuredDomains(input.options);
  const suggestions = fixes.map((fix) => backGuess(fix, configured, directory, input.guessDomainInUse));
  const notes = [...(input.notes ?? []), ...valueNotes(input)];
  const cannotConnect = notes.some((note) => notePlace(note) === "lead");
  return {
    severity: worstSeverity(problems),
    problems,
    suggestions,
    primaryFix: suggestions.length > 0 && suggestions[0].source !== "guess" && !cannotConnect,
    links: linksOf(problems),
    notes,
  };
}
