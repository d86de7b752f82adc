import { FAILURE_FAMILIES, KB_3214326_URL, TROUBLESHOOTING_URL, familyRow, type FailureFamilyId, type UserNameFailureCode } from "../failures";
import type { AdviceProblem, AdviceCode, ProblemOf } from "./problems";
import type { StringKey } from "./strings";

/** A Microsoft article the advice links to, and the accessible name of its link. */
export interface ILink {
  url: string;
  label: StringKey;
}

/** How a detail becomes words: characters named, counts formatted. The view's translator stands behind it. */
export interface IWording {
  /** Words of our own in the admin's language, for a slot that names a family or its fix. */
  words: (key: StringKey) => string;
  characters: (characters: readonly string[]) => string;
  labels: (labels: readonly string[]) => string;
  count: (count: number) => string;
}

interface IEntry<P> {
  /** The sentence, or the variant a problem's details call for. */
  key: StringKey | ((problem: P) => StringKey);
  /** The sentence's {0}, {1}…: never an empty slot, so a variant without it is chosen instead. */
  args?: (problem: P, wording: IWording) => string[];
  /** Shown only once typing pauses or the field loses focus: a value passes through it on its way to being right. */
  waitsForPause?: true;
  learnMore?: ILink | ((problem: P) => ILink | undefined);
  /** The sentence for someone who may not edit the field, where the usual one asks for an edit; same details. */
  readOnlyKey?: StringKey;
}

const KB_3214326: ILink = { url: KB_3214326_URL, label: "Action_LearnMoreLabel" };
const TROUBLESHOOTING: ILink = { url: TROUBLESHOOTING_URL, label: "Action_LearnMoreArticleLabel" };

/** A family's article; a row may name its own label (KB 3214326 is named in its link); "other" gets the general page. */
export function familyLink(family: FailureFamilyId | "other"): ILink {
  const row = familyRow(family);
  if (!row) return TROUBLESHOOTING;
  return { url: row.learnMore, label: "learnMoreLabel" in row ? row.learnMoreLabel : "Action_LearnMoreArticleLabel" };
}

/**
 * The sentence a failure row names for the user-name advice. Every key a row names must be a string key: a row
 * whose sentence is missing from the resx fails to compile here, since the row's literal is returned as a StringKey.
 */
function userNameSentence(problem: ProblemOf<UserNameFailureCode>): StringKey {
  const row = familyRow(problem.family);
  const advice = row && "userNameDownLevel" in row && problem.code === row.userNameDownLevel.code ? row.userNameDownLevel : row && "userName" in row ? row.userName : undefined;
  if (!advice) return "Problem_last-test-failed_unknown";
  return "uncoded" in advice && !present(problem.faultCode) ? advice.uncoded : advice.sentence;
}

/** A family written for the last test has its own line; any other names its cause and fix in the shared one. */
function otherCauseSentence(family: FailureFamilyId): StringKey {
  const row = familyRow(family);
  if (!row) return "Problem_last-test-other-cause";
  return "lastTest" in row ? row.lastTest : "Problem_last-test-other-cause_family";
}

function otherCauseArgs(family: FailureFamilyId, wording: IWording): string[] {
  const row = familyRow(family);
  return row && !("lastTest" in row) ? [wording.words(row.title), wording.words(row.fix)] : [];
}

const present = (text: string | undefined): text is string => text !== undefined && text.trim() !== "";

/** "Problem_last-test-failed" with the code and the message, or the variant for what was given. */
function lastTestFailedKey(problem: ProblemOf<"last-test-failed">): StringKey {
  if (present(problem.faultCode)) return present(problem.message) ? "Problem_last-test-failed" : "Problem_last-test-failed_code";
  return present(problem.message) ? "Problem_last-test-failed_message" : "Problem_last-test-failed_unknown";
}

/** A user-name failure's sentence names the code Exchange gave, or its uncoded variant when none was. */
const userNameEntry: IEntry<ProblemOf<UserNameFailureCode>> = {
  key: userNameSentence,
  args: (problem) => [problem.address, ...(present(problem.faultCode) ? [problem.faultCode] : [])],
  learnMore: (problem) => familyLink(problem.family),
};

type OwnCode = Exclude<AdviceCode, UserNameFailureCode>;

/** Every code the control can report, with its sentence, its details, its timing and its article. */
const CATALOGUE: { [C in OwnCode]: IEntry<ProblemOf<C>> } = {
  required: { key: "Problem_required", waitsForPause: true, readOnlyKey: "Problem_required_readonly" },
  "surrounding-whitespace": {
    key: (problem) => (problem.characters?.length ? "Problem_surrounding-whitespace_named" : "Problem_surrounding-whitespace"),
    args: (problem, wording) => (problem.characters?.length ? [wording.labels(problem.characters)] : []),
    waitsForPause: true,
  },
  "invisible-character": { key: "Problem_invisible-character", args: (problem, wording) => [wording.labels(problem.characters)] },
  "wrapped-address": { key: "Problem_wrapped-address", waitsForPause: true },
  "multiple-values": { key: "Problem_multiple-values", args: (problem) => [String(problem.count)], readOnlyKey: "Problem_multiple-values_readonly" },
  "downlevel-logon": {
    key: "Problem_downlevel-logon",
    args: (problem) => [problem.domain, problem.account],
    learnMore: KB_3214326,
    readOnlyKey: "Problem_downlevel-logon_readonly",
  },
  "slash-separator": {
    key: "Problem_slash-separator",
    args: (problem) => [problem.domain, problem.account],
    learnMore: KB_3214326,
    readOnlyKey: "Problem_slash-separator_readonly",
  },
  "local-machine-account": { key: "Problem_local-machine-account", args: (problem) => [problem.account], learnMore: KB_3214326 },
  "bare-name": { key: "Problem_bare-name", args: (problem) => [problem.account], waitsForPause: true, readOnlyKey: "Problem_bare-name_readonly" },
  "multiple-at": { key: "Problem_multiple-at", args: (problem) => [String(problem.count)] },
  "missing-local-part": { key: "Problem_missing-local-part", waitsForPause: true, readOnlyKey: "Problem_missing-local-part_readonly" },
  "missing-domain": { key: "Problem_missing-domain", waitsForPause: true, readOnlyKey: "Problem_missing-domain_readonly" },
  "local-part-too-long": { key: "Problem_local-part-too-long", args: (problem) => [String(problem.length), String(problem.limit)] },
  "too-long": { key: "Problem_too-long", args: (problem) => [String(problem.length), String(problem.limit)] },
  "invalid-character": {
    key: (problem) => (problem.part === "domain" ? "Problem_invalid-character_domain" : "Problem_invalid-character"),
    args: (problem, wording) => [wording.characters(problem.characters)],
  },
  "non-ascii": {
    key: (problem) => (problem.more !== undefined ? "Problem_non-ascii_more" : "Problem_non-ascii"),
    args: (problem, wording) => [wording.characters(problem.characters), ...(problem.more !== undefined ? [wording.count(problem.more)] : [])],
  },
  "dot-placement": { key: "Problem_dot-placement", waitsForPause: true },
  "invalid-domain": { key: (problem) => `Problem_invalid-domain_${problem.reason}` as const, args: (problem) => [problem.label], waitsForPause: true },
  "missing-tld": { key: "Problem_missing-tld", args: (problem) => [problem.domain], waitsForPause: true },
  "trailing-dot": { key: "Problem_trailing-dot", waitsForPause: true },
  "entra-character": { key: "Problem_entra-character", args: (problem, wording) => [wording.characters(problem.characters)] },
  "entra-length": { key: "Problem_entra-length", args: (problem) => [String(problem.domainLength), String(problem.length)] },
  // Exchange Online refuses the suffix outright; on Exchange it is KB 3214326's second check, so that article is linked.
  "non-routable-suffix": {
    key: (problem) => (problem.target === "exchange" ? "Problem_non-routable-suffix_exchange" : "Problem_non-routable-suffix"),
    args: (problem) => [problem.suffix],
    waitsForPause: true,
    learnMore: (problem) => (problem.target === "exchange" ? KB_3214326 : undefined),
  },
  "mailbox-not-found": { key: "Problem_mailbox-not-found", args: (problem) => [problem.address] },
  "mailbox-found": {
    key: (problem) => (present(problem.name) ? "Problem_mailbox-found" : "Problem_mailbox-found_unnamed"),
    args: (problem) => (present(problem.name) ? [problem.name] : []),
  },
  "upn-mailbox-mismatch": { key: "Problem_upn-mailbox-mismatch", args: (problem) => [problem.address, problem.primaryAddress], learnMore: KB_3214326 },
  "not-used": { key: (problem) => (problem.reason === "same-settings" ? "Problem_not-used_same-settings" : "Problem_not-used") },
  "last-test-other-cause": {
    key: (problem) => otherCauseSentence(problem.family),
    args: (problem, wording) => otherCauseArgs(problem.family, wording),
    learnMore: (problem) => familyLink(problem.family),
  },
  "last-test-failed": {
    key: lastTestFailedKey,
    args: (problem) => [problem.faultCode, problem.message].filter(present),
    learnMore: TROUBLESHOOTING,
  },
  "last-test-stale": {
    key: (problem) => (present(problem.address) ? "Problem_last-test-stale" : "Problem_last-test-stale_empty"),
    args: (problem) => (present(problem.address) ? [problem.address] : []),
  },
  "last-test-other-server": { key: "Problem_last-test-other-server" },
};

const USER_NAME_CODES: ReadonlySet<string> = new Set(
  FAILURE_FAMILIES.flatMap((row) => [...("userName" in row ? [row.userName.code] : []), ...("userNameDownLevel" in row ? [row.userNameDownLevel.code] : [])]),
);

const isUserNameFailure = (problem: AdviceProblem): problem is ProblemOf<UserNameFailureCode> => USER_NAME_CODES.has(problem.code);

/** The catalogue's entry for a problem, read as the problem's own type. */
function entryOf(problem: AdviceProblem): IEntry<AdviceProblem> {
  // Each entry is typed for its own code; the table is indexed by that very code, so the pairing holds.
  return (isUserNameFailure(problem) ? userNameEntry : CATALOGUE[problem.code]) as IEntry<AdviceProblem>;
}

export interface ISentence {
  key: StringKey;
  args: string[];
}

/** A problem's sentence and its details; on a form the user may not edit, the variant that asks for no edit. */
export function sentenceOf(problem: AdviceProblem, wording: IWording, readOnly = false): ISentence {
  const entry = entryOf(problem);
  const key = readOnly && entry.readOnlyKey ? entry.readOnlyKey : typeof entry.key === "function" ? entry.key(problem) : entry.key;
  return { key, args: entry.args?.(problem, wording) ?? [] };
}

export function isShownWhileTyping(problem: AdviceProblem): boolean {
  return entryOf(problem).waitsForPause !== true;
}

export function learnMoreOf(problem: AdviceProblem): ILink | undefined {
  const link = entryOf(problem).learnMore;
  return typeof link === "function" ? link(problem) : link;
}
