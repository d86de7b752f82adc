import { INNER_WHITE_SPACE, INVISIBLE, LONE_SURROGATE, QUOTATION_MARK, codePointLabel, distinctMatching, isWhiteSpace } from "./characters";
import type { Problem, Wrapping } from "./types";

export interface CleanUpOutcome {
  /** The value with everything a paste adds taken away. */
  cleaned: string;
  /** One problem per kind of clean-up that was needed. */
  problems: Problem[];
}

/** What a paste wrapped around the address, outermost first. */

/** RFC 6068: `mailto:addr?subject=…`; the scheme is case-insensitive. */
const MAILTO = /^mailto:/i;
/** Exchange proxy addresses: `SMTP:` marks the primary address, `smtp:` the others. */
const PROXY_SMTP = /^smtp:/i;
/** Printable ASCII with no space: nothing in it can be invisible or white space, the common case. */
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
/** Wrappers nest a few deep in practice (`"Name" <mailto:…>;`); the cap keeps the loop bounded. */
const MAX_UNWRAP_ROUNDS = 6;

/** The address of a mailto link: the query cut off, %-escapes decoded where they decode. */
function mailtoAddress(link: string): string {
  const query = link.indexOf("?");
  const address = query >= 0 ? link.slice(0, query) : link;
  if (!address.includes("%")) return address;
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** Outlook's "Name [mailto:addr]": the bracketed link closes the value. */
function outlookLink(text: string): string | undefined {
  if (!text.endsWith("]")) return undefined;
  const open = text.lastIndexOf("[");
  const inner = text.slice(open + 1, -1);
  return open >= 0 && MAILTO.test(inner) ? inner : undefined;
}

/** One `;` or `,` copied from a To line, or stray backslashes after an address. */
function withoutTrailingSeparator(text: string): string | undefined {
  const last = text[text.length - 1];
  if ((last === ";" || last === ",") && text.length > 1) return text.slice(0, -1);
  if (last !== "\\" || !text.includes("@")) return undefined;
  let end = text.length;
  while (end > 0 && text[end - 1] === "\\") end--;
  return text.slice(0, end);
}

/** Takes one layer of wrapping off: `mailto:x`, `SMTP:x`, `Name [mailto:x]`, `Name <x>`, `<x>`, `"x"`. */
function unwrapOnce(text: string, separatorAllowed = true): { text: string; wrapping?: Wrapping } {
  const separatorless = separatorAllowed ? withoutTrailingSeparator(text) : undefined;
  if (separatorless !== undefined) return { text: separatorless, wrapping: "trailing-separator" };
  if (MAILTO.test(text)) return { text: mailtoAddress(text.slice("mailto:".length)), wrapping: "mailto" };
  if (PROXY_SMTP.test(text)) return { text: text.slice("smtp:".length), wrapping: "proxy-address" };
  const link = outlookLink(text);
  if (link !== undefined) return { text: link, wrapping: "outlook-mailto" };
  const open = text.indexOf("<");
  // Exactly one pair, closing the value: "a <x>; b <y>" is two values, not a wrapped one.
  if (open >= 0 && text.endsWith(">") && open === text.lastIndexOf("<") && text.indexOf(">") === text.length - 1) {
    return { text: text.slice(open + 1, -1), wrapping: "angle-brackets" };
  }
  if (text.length >= 2 && QUOTATION_MARK.test(text[0]) && QUOTATION_MARK.test(text[text.length - 1])) {
    return { text: text.slice(1, -1), wrapping: "quotes" };
  }
  return { text };
}

/** Where the text is left once the white space around it is taken away. */
function surroundingWhitespace(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function trimSurroundingWhitespace(text: string): string {
  const { start, end } = surroundingWhitespace(text);
  return text.slice(start, end);
}

/** "U+00A0" for each distinct character trimmed that is not a plain space, which everyone can see is there. */
function namedTrimmedCharacters(text: string, start: number, end: number): string[] {
  const labels: string[] = [];
  // Thousands of trimmed characters are a handful of distinct ones: each is named once, the rest cost a look-up.
  const seen = new Set<number>([0x20]);
  const name = (i: number): void => {
    const code = text.charCodeAt(i);
    if (seen.has(code)) return;
    seen.add(code);
    labels.push(codePointLabel(code));
  };
  for (let i = 0; i < start; i++) name(i);
  for (let i = end; i < text.length; i++) name(i);
  return labels;
}

function unwrap(text: string): { text: string; wrappings: Wrapping[] } {
  const wrappings: Wrapping[] = [];
  let current = text;
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    // Only one trailing separator is debris; "a@x.com;;" is something else.
    const layer = unwrapOnce(current, !wrappings.includes("trailing-separator"));
    if (!layer.wrapping) break;
    wrappings.push(layer.wrapping);
    current = trimSurroundingWhitespace(layer.text);
  }
  return { text: current, wrappings };
}

/** A fully qualified domain may end in "."; Exchange does not accept it in an SMTP address. */
function removeTrailingDots(text: string): string {
  if (!text.includes("@")) return text;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2e) end--;
  return text.slice(0, end);
}

/** Removes every character of the class, naming each distinct one by code point. */
function removeAll(text: string, characterClass: RegExp): { text: string; removed: string[] } {
  const removed = distinctMatching(text, characterClass);
  if (removed.length === 0) return { text, removed: [] };
  characterClass.lastIndex = 0;
  return { text: text.replace(characterClass, ""), removed: removed.map((char) => codePointLabel(char.codePointAt(0) ?? 0)) };
}

/** What one pass over unseen characters found. */
interface Unseen {
  text: string;
  removed: string[];
  trimmed: boolean;
  /** The characters trimmed other than a plain space, by code point. */
  trimmedCharacters: string[];
}

/** Lone surrogates, invisible characters and white space taken away. */
function removeUnseen(raw: string): Unseen {
  if (PLAIN_ASCII.test(raw)) return { text: raw, removed: [], trimmed: false, trimmedCharacters: [] };
  // Halves of a pair first: the "u" classes below skip them, and encodeURIComponent throws on them.
  const whole = removeAll(raw, LONE_SURROGATE);
  const visible = removeAll(whole.text, INVISIBLE);
  const { start, end } = surroundingWhitespace(visible.text);
  const trimmed = visible.text.slice(start, end);
  // Once trimmed, any white space but a plain space is inside the name: a paste put it there.
  const inner = removeAll(trimmed, INNER_WHITE_SPACE);
  return {
    text: inner.text,
    removed: [...whole.removed, ...visible.removed, ...inner.removed],
    trimmed: trimmed !== visible.text,
    trimmedCharacters: trimmed === visible.text ? [] : namedTrimmedCharacters(visible.text, start, end),
  };
}

/** Each kind of unseen character reported once, whichever pass found it. */
function unseenProblems(passes: readonly Unseen[]): Problem[] {
  const removed = [...new Set(passes.flatMap((pass) => pass.removed))];
  const problems: Problem[] = [];
  if (removed.length > 0) problems.push({ code: "invisible-character", severity: "error", characters: removed });
  if (passes.some((pass) => pass.trimmed)) {
    // A trailing no-break space looks like nothing at all: the sentence names it, as it names invisible characters.
    const characters = [...new Set(passes.flatMap((pass) => pass.trimmedCharacters))];
    problems.push({ code: "surrounding-whitespace", severity: "warning", ...(characters.length > 0 ? { characters } : {}) });
  }
  return problems;
}

export function cleanUp(raw: string): CleanUpOutcome {
  const first = removeUnseen(raw);
  let unwrapped = unwrap(first.text);
  const passes = [first];
  // A mailto link's %-escapes decode to characters of their own (%E2%80%8B, %C2%A0, %0A): judged like typed ones.
  if (unwrapped.wrappings.includes("mailto")) {
    const decoded = removeUnseen(unwrapped.text);
    passes.push(decoded);
    if (decoded.text !== unwrapped.text) unwrapped = { text: unwrap(decoded.text).text, wrappings: unwrapped.wrappings };
  }
  const problems = unseenProblems(passes);
  if (unwrapped.wrappings.length > 0) {
    problems.push({ code: "wrapped-address", severity: "error", wrapping: unwrapped.wrappings[0] });
  }
  const cleaned = removeTrailingDots(unwrapped.text);
  if (cleaned !== unwrapped.text) problems.push({ code: "trailing-dot", severity: "error" });
  return { cleaned, problems };
}
