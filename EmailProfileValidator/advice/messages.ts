import type { StringKey, Translate } from "./strings";
import { unicodeName } from "./unicodeNames";
import { sentenceOf, type IWording } from "./catalogue";
import type { AdviceProblem } from "./problems";
import { codePointLabel, isUnseen } from "../validation";
import type { IAdvice } from "./advice";
import type { FixSource } from "./fixes";
import { notePlace, type NotePlace } from "./configuration";

/** "U+3000 IDEOGRAPHIC SPACE": a character nobody can see, named so it can be found; the code point alone when unnamed. */
function nameCodePoint(code: number): string {
  const name = unicodeName(code);
  return name ? `${codePointLabel(code)} ${name}` : codePointLabel(code);
}

/** "U+200B" as the validator reports it, named. */
function nameLabel(label: string): string {
  const code = label.startsWith("U+") ? parseInt(label.slice(2), 16) : NaN;
  return Number.isNaN(code) ? label : nameCodePoint(code);
}

/** Characters that cannot be seen are named by code point and Unicode name, never quoted raw. */
function unseenCharacterName(char: string): string | undefined {
  return isUnseen(char) ? nameCodePoint(char.codePointAt(0) ?? 0) : undefined;
}

/** “+”, “ ” → “+”, space; characters that cannot be seen are named by code point. */
function describeCharacters(characters: readonly string[], translate: Translate): string {
  return characters.map((char) => (char === " " ? translate("Character_Space") : (unseenCharacterName(char) ?? `\u201c${char}\u201d`))).join(", ");
}

function wordingFor(translate: Translate): IWording {
  return {
    words: (key) => translate(key),
    characters: (characters) => describeCharacters(characters, translate),
    labels: (labels) => labels.map(nameLabel).join(", "),
    // "9,992": a count an admin reads at a glance.
    count: (count) => count.toLocaleString("en-US"),
  };
}

/** One specific, localized sentence for a problem, with its details filled in; worded for reading only when the field is. */
export function describeProblem(problem: AdviceProblem, translate: Translate, readOnly = false): string {
  const { key, args } = sentenceOf(problem, wordingFor(translate), readOnly);
  return translate(key, ...args);
}

const SOURCE_KEYS: Record<FixSource, StringKey> = {
  cleanup: "Source_cleanup",
  domainMap: "Source_domainMap",
  defaultSuffix: "Source_defaultSuffix",
  directory: "Source_directory",
  guess: "Source_guess",
  domainInUse: "Source_domainInUse",
};

export function describeSource(source: FixSource, translate: Translate): string {
  return translate(SOURCE_KEYS[source]);
}

/** The advice in words: the lines under the field, and apart from them the lines for whoever customizes the form. */
export interface IAdviceWords {
  lines: string[];
  formLines: string[];
}

/** A note that the profile cannot connect this way leads; problems follow, worst first, then quiet notes. */
export function describeAdvice(advice: IAdvice, translate: Translate, readOnly = false): IAdviceWords {
  const notesAt = (place: NotePlace): string[] => advice.notes.filter((note) => notePlace(note) === place).map((note) => translate(note.key, note.entry));
  return {
    lines: [...notesAt("lead"), ...advice.problems.map((problem) => describeProblem(problem, translate, readOnly)), ...notesAt("after")],
    formLines: notesAt("form"),
  };
}
