/**
 * Character classes as single-character-class patterns: a plain linear scan that cannot back-track.
 * The "u" flag makes a character outside the BMP count as one character, not two halves; "g" lets a
 * search resume where the last one stopped. Sets come from Unicode's own properties, not hand-kept lists.
 */
type CharacterClass = RegExp;

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Unicode's White_Space: spaces of every width, tabs, line and paragraph separators, U+3000. All are in the BMP. */
const WHITE_SPACE = /\p{White_Space}/u;
/** Per code unit: 0 not asked yet, 1 white space, 2 not; trimming then costs one array read a character. */
const whiteSpaceVerdicts = new Uint8Array(0x10000);

export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (whiteSpaceVerdicts[code] === 0) whiteSpaceVerdicts[code] = WHITE_SPACE.test(String.fromCharCode(code)) ? 1 : 2;
  return whiteSpaceVerdicts[code] === 1;
}

/** Never seen on screen, never part of an address: Unicode's Bidi_Control and Default_Ignorable_Code_Point sets. */
export const INVISIBLE: CharacterClass = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Half of a surrogate pair with no other half: an emoji cut in two by a paste or a length limit. It is
 * no character at all, cannot be URI-encoded, and no server can match it.
 */
export const LONE_SURROGATE: CharacterClass = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** White space that is not a plain space, once the value is trimmed: only a paste puts it inside a name. */
export const INNER_WHITE_SPACE: CharacterClass = /(?! )\p{White_Space}/gu;

/** Not shown as itself in a message: controls, separators, marks, formats, unassigned, and the sets above. */
const UNSEEN = /[\p{C}\p{Z}\p{M}\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;

export function isUnseen(char: string): boolean {
  return UNSEEN.test(char);
}

/** Unicode's Quotation_Mark: straight, curly, low-9, guillemets, CJK corner brackets, full-width quotes. */
export const QUOTATION_MARK = /^\p{Quotation_Mark}$/u;

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

/** Up to this many matches are read one by one; past it, each search skips what was already found. */
const MATCHES_READ_IN_TURN = 16;

/**
 * The distinct characters of `text` in the class, in order of first appearance. Each search is a
 * native linear scan that resumes where the last one stopped; once a class repeats a lot, the search
 * skips characters already found, so 10,000 copies of one character cost one scan, not 10,000.
 */
export function distinctMatching(text: string, characterClass: CharacterClass): string[] {
  const found: string[] = [];
  let pattern = characterClass;
  pattern.lastIndex = 0;
  let matches = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const resumeAt = match.index + match[0].length;
    if (!found.includes(match[0])) {
      found.push(match[0]);
      if (found.length === DISTINCT_BY_SEARCH) return [...new Set(text.match(characterClass))];
      if (matches >= MATCHES_READ_IN_TURN) pattern = excluding(characterClass, found);
    } else if (++matches === MATCHES_READ_IN_TURN) {
      pattern = excluding(characterClass, found);
    }
    pattern.lastIndex = resumeAt;
  }
  return found;
}

/** One flag per BMP code unit, reused by every call and cleared behind it: a seen-set with no allocation. */
const seenInBmp = new Uint8Array(0x10000);

/**
 * The first `keep` distinct characters above U+007F, in order, and how many distinct ones there are in all. One
 * pass over the code units; a paste of a whole script (10,000 distinct characters) costs a loop, not a Set of strings.
 */
export function distinctNonAscii(text: string, keep: number): { first: string[]; count: number } {
  const first: string[] = [];
  const touched: number[] = [];
  const astral = new Set<number>();
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    const code = text.codePointAt(i) ?? unit;
    if (code > 0xffff) i++;
    const isNew = code > 0xffff ? !astral.has(code) : seenInBmp[code] === 0;
    if (!isNew) continue;
    if (code > 0xffff) astral.add(code);
    else {
      seenInBmp[code] = 1;
      touched.push(code);
    }
    if (count++ < keep) first.push(String.fromCodePoint(code));
  }
  for (const code of touched) seenInBmp[code] = 0;
  return { first, count };
}
