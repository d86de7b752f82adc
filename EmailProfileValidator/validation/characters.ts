/**
 * Character classes as single-character-class patterns: a plain linear scan that cannot back-track.
 * The "u" flag makes a character outside the BMP count as one character, not two halves; "g" lets a
 * search resume where the last one stopped.
 */
export type CharacterClass = RegExp;

export function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Spaces, tabs and line breaks that surround a pasted value. */
export function isSurroundingWhitespace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Characters that paste in from web pages and documents but cannot be seen: NBSP, zero-width, BOM, soft hyphen. */
export function isInvisible(code: number): boolean {
  return code === 0x00a0 || code === 0x00ad || code === 0xfeff || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064);
}

/** The same set as `isInvisible`. */
export const INVISIBLE: CharacterClass = /[\u00a0\u00ad\ufeff\u200b-\u200f\u2060-\u2064]/gu;

export const NON_ASCII: CharacterClass = /[\u{80}-\u{10ffff}]/gu;

/** Valid in an SMTP address only when quoted, so never in a user name. */
// eslint-disable-next-line no-control-regex -- control characters are among what this class exists to find.
export const FORBIDDEN_IN_LOCAL_PART: CharacterClass = /[ "(),:;<>[\]\\\u0000-\u001f\u007f]/gu;

/** Valid in SMTP, rejected by Microsoft Entra ID in a UPN's local part. */
export const FORBIDDEN_BY_ENTRA: CharacterClass = /[$%&*+/=?{}|`]/gu;

/** A domain allows letters, digits, "-" and "."; "_" is reported as an invalid label, non-ASCII on its own. */
export const FORBIDDEN_IN_DOMAIN: CharacterClass = /[^A-Za-z0-9._\-\u{80}-\u{10ffff}]/gu;

/** "U+200B" for a code point, for messages about characters that cannot be seen. */
export function codePointLabel(code: number): string {
  return "U+" + code.toString(16).toUpperCase().padStart(4, "0");
}

/** Past this many distinct characters one pass lists the rest, rather than one search each. */
const DISTINCT_BY_SEARCH = 8;

/** A pattern for the class that skips characters already found: `(?![found])[class]`, one character of look-ahead. */
function excluding(characterClass: CharacterClass, found: readonly string[]): RegExp {
  const escaped = found.map((char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`).join("");
  return new RegExp(`(?![${escaped}])${characterClass.source}`, "gu");
}

/**
 * The distinct characters of `text` in the class, in order of first appearance. Each search is a
 * native linear scan that resumes where the last one stopped and skips what was already found.
 */
export function distinctMatching(text: string, characterClass: CharacterClass): string[] {
  const found: string[] = [];
  let pattern = characterClass;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match[0]);
    if (found.length === DISTINCT_BY_SEARCH) return [...new Set(text.match(characterClass))];
    const resumeAt = match.index + match[0].length;
    pattern = excluding(characterClass, found);
    pattern.lastIndex = resumeAt;
  }
  return found;
}
