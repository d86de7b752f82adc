import { INVISIBLE, codePointLabel, distinctMatching, isInvisible, isSurroundingWhitespace } from "./characters";
import type { Problem } from "./types";

export interface CleanUpOutcome {
  /** The value with everything a paste adds taken away. */
  cleaned: string;
  /** One problem per kind of clean-up that was needed. */
  problems: Problem[];
}

type Wrapping = "mailto" | "angle-brackets" | "quotes";

const QUOTES = new Set(["\"", "'", "\u201c", "\u201d", "\u2018", "\u2019"]);
const MAILTO = "mailto:";
/** Wrappers nest at most a few deep in practice ("<mailto:…>" inside quotes); the cap keeps the loop bounded. */
const MAX_UNWRAP_ROUNDS = 4;

/** Copies the runs between invisible characters: one pass, cheaper than a global replace. */
function withoutInvisible(text: string): string {
  const runs: string[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInvisible(text.charCodeAt(i))) continue;
    if (i > runStart) runs.push(text.slice(runStart, i));
    runStart = i + 1;
  }
  runs.push(text.slice(runStart));
  return runs.join("");
}

export function removeInvisible(text: string): { text: string; removed: string[] } {
  const removed = distinctMatching(text, INVISIBLE);
  if (removed.length === 0) return { text, removed };
  return { text: withoutInvisible(text), removed: removed.map((char) => codePointLabel(char.charCodeAt(0))) };
}

export function trimSurroundingWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSurroundingWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isSurroundingWhitespace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Takes one layer of wrapping off: `mailto:x`, `Name <x>`, `<x>`, `"x"`. */
export function unwrapOnce(text: string): { text: string; wrapping?: Wrapping } {
  if (text.slice(0, MAILTO.length).toLowerCase() === MAILTO) {
    return { text: text.slice(MAILTO.length), wrapping: "mailto" };
  }
  const open = text.indexOf("<");
  // Exactly one pair, closing the value: "a <x>; b <y>" is two values, not a wrapped one.
  if (open >= 0 && text.endsWith(">") && open === text.lastIndexOf("<") && text.indexOf(">") === text.length - 1) {
    return { text: text.slice(open + 1, -1), wrapping: "angle-brackets" };
  }
  if (text.length >= 2 && QUOTES.has(text[0]) && QUOTES.has(text[text.length - 1])) {
    return { text: text.slice(1, -1), wrapping: "quotes" };
  }
  return { text };
}

function unwrap(text: string): { text: string; wrappings: Wrapping[] } {
  const wrappings: Wrapping[] = [];
  let current = text;
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    const layer = unwrapOnce(current);
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

export function cleanUp(raw: string): CleanUpOutcome {
  const problems: Problem[] = [];
  const visible = removeInvisible(raw);
  if (visible.removed.length > 0) {
    problems.push({ code: "invisible-character", severity: "error", characters: visible.removed });
  }
  const trimmed = trimSurroundingWhitespace(visible.text);
  if (trimmed !== visible.text) problems.push({ code: "surrounding-whitespace", severity: "warning" });

  const unwrapped = unwrap(trimmed);
  if (unwrapped.wrappings.length > 0) {
    problems.push({ code: "wrapped-address", severity: "error", wrapping: unwrapped.wrappings[0] });
  }
  const cleaned = removeTrailingDots(unwrapped.text);
  if (cleaned !== unwrapped.text) problems.push({ code: "trailing-dot", severity: "error" });
  return { cleaned, problems };
}
