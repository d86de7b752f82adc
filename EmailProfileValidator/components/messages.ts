import type { StringKey, Translate } from "./strings";
import { codePointLabel, isControl, isInvisible, type Problem, type SuggestionSource } from "../validation";

/** Characters that cannot be seen are named by code point, U+0009. */
function codePointLabelOf(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  return isControl(code) || isInvisible(code) ? codePointLabel(code) : undefined;
}

function text(detail: unknown): string {
  return typeof detail === "string" || typeof detail === "number" ? String(detail) : "";
}

/** “+”, “ ” → “+”, space; characters that cannot be seen are named by code point. */
export function describeCharacters(detail: unknown, translate: Translate): string {
  const characters = Array.isArray(detail) ? (detail as unknown[]).map(text) : [];
  return characters
    .map((char) => (char === " " ? translate("Character_Space") : (codePointLabelOf(char) ?? `\u201c${char}\u201d`)))
    .join(", ");
}

function keyFor(problem: Problem): StringKey {
  if (problem.code === "invalid-character" && problem.part === "domain") return "Problem_invalid-character_domain";
  if (problem.code === "invalid-domain" && typeof problem.reason === "string") return `Problem_invalid-domain_${problem.reason}` as StringKey;
  if (problem.code === "mailbox-found" && !problem.name) return "Problem_mailbox-found_unnamed";
  return `Problem_${problem.code}` as StringKey;
}

function argumentsFor(problem: Problem, translate: Translate): string[] {
  switch (problem.code) {
    case "invisible-character":
      return [(problem.characters as string[]).join(", ")];
    case "invalid-character":
    case "non-ascii":
    case "entra-character":
      return [describeCharacters(problem.characters, translate)];
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
      return [text(problem.address)];
    case "mailbox-found":
      return [text(problem.name)];
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
