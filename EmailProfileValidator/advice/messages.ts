import { ENGLISH, type StringKey, type Translate } from "./strings";
import { unicodeName } from "./unicodeNames";
import { codePointLabel, isUnseen, type Problem, type SuggestionSource } from "../validation";

/** "U+3000 IDEOGRAPHIC SPACE": a character nobody can see, named so it can be found; the code point alone when unnamed. */
function nameCodePoint(code: number): string {
  const name = unicodeName(code);
  return name ? `${codePointLabel(code)} ${name}` : codePointLabel(code);
}

/** "U+200B" as the validator reports it, named. */
function nameLabel(label: unknown): string {
  const code = typeof label === "string" && label.startsWith("U+") ? parseInt(label.slice(2), 16) : NaN;
  return Number.isNaN(code) ? text(label) : nameCodePoint(code);
}

/** Characters that cannot be seen are named by code point and Unicode name, never quoted raw. */
function unseenCharacterName(char: string): string | undefined {
  return isUnseen(char) ? nameCodePoint(char.codePointAt(0) ?? 0) : undefined;
}

/** "9,992": a count an admin reads at a glance. */
function formatCount(detail: unknown): string {
  return typeof detail === "number" ? detail.toLocaleString("en-US") : "";
}

function text(detail: unknown): string {
  return typeof detail === "string" || typeof detail === "number" ? String(detail) : "";
}

/** “+”, “ ” → “+”, space; characters that cannot be seen are named by code point. */
export function describeCharacters(detail: unknown, translate: Translate): string {
  const characters = Array.isArray(detail) ? (detail as unknown[]).map(text) : [];
  return characters
    .map((char) => (char === " " ? translate("Character_Space") : (unseenCharacterName(char) ?? `\u201c${char}\u201d`)))
    .join(", ");
}

/** A key with a variant for this detail, when there is one: "Problem_not-used_same-settings". */
function variant(base: string, detail: unknown): StringKey | undefined {
  const key = `${base}_${String(detail)}`;
  return typeof detail === "string" && key in ENGLISH ? (key as StringKey) : undefined;
}

function keyFor(problem: Problem): StringKey {
  if (problem.code === "invalid-character" && problem.part === "domain") return "Problem_invalid-character_domain";
  if (problem.code === "non-ascii" && typeof problem.more === "number") return "Problem_non-ascii_more";
  if (problem.code === "last-test-other-cause") return variant("Problem_last-test-other-cause", problem.family) ?? "Problem_last-test-other-cause";
  if (problem.code === "not-used") return variant("Problem_not-used", problem.reason) ?? "Problem_not-used";
  if (problem.code === "invalid-domain" && typeof problem.reason === "string") return `Problem_invalid-domain_${problem.reason}` as StringKey;
  if (problem.code === "mailbox-found" && !problem.name) return "Problem_mailbox-found_unnamed";
  return `Problem_${problem.code}` as StringKey;
}

function argumentsFor(problem: Problem, translate: Translate): string[] {
  switch (problem.code) {
    case "invisible-character":
      return [(Array.isArray(problem.characters) ? (problem.characters as unknown[]) : []).map(nameLabel).join(", ")];
    case "invalid-character":
    case "entra-character":
      return [describeCharacters(problem.characters, translate)];
    case "non-ascii":
      return [describeCharacters(problem.characters, translate), formatCount(problem.more)];
    case "downlevel-logon":
    case "slash-separator":
      return [text(problem.domain), text(problem.account)];
    case "local-machine-account":
    case "bare-name":
      return [text(problem.account)];
    case "multiple-values":
    case "multiple-at":
      return [text(problem.count)];
    case "local-part-too-long":
    case "too-long":
      return [text(problem.length), text(problem.limit)];
    case "invalid-domain":
      return [text(problem.label)];
    case "missing-tld":
      return [text(problem.domain)];
    case "entra-length":
      return [text(problem.domainLength), text(problem.length)];
    case "non-routable-suffix":
      return [text(problem.suffix)];
    case "mailbox-not-found":
    case "last-test-sign-in":
    case "last-test-impersonation":
    case "last-test-autodiscover":
      return [text(problem.address)];
    case "upn-mailbox-mismatch":
      return [text(problem.address), text(problem.primaryAddress)];
    case "mailbox-found":
      return [text(problem.name)];
    case "last-test-downlevel":
    case "last-test-no-mailbox":
      return [text(problem.address), text(problem.faultCode)];
    case "last-test-failed":
      return [text(problem.faultCode), text(problem.message)];
    case "last-test-stale":
      return [text(problem.address)];
    default:
      return [];
  }
}

/** One specific, localized sentence for a problem, with its details filled in. */
export function describeProblem(problem: Problem, translate: Translate): string {
  return translate(keyFor(problem), ...argumentsFor(problem, translate));
}

const SOURCE_KEYS: Record<SuggestionSource, StringKey> = {
  cleanup: "Source_cleanup",
  domainMap: "Source_domainMap",
  defaultSuffix: "Source_defaultSuffix",
  directory: "Source_directory",
  guess: "Source_guess",
};

export function describeSource(source: SuggestionSource, translate: Translate): string {
  return translate(SOURCE_KEYS[source]);
}
