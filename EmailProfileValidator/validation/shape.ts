import { trimSurroundingWhitespace } from "./cleanup";
import type { Problem } from "./types";

/** What the cleaned value looks like, with the parts each shape is made of. */
export type Shape =
  | { kind: "empty" }
  | { kind: "upn"; local: string; domain: string }
  | { kind: "downlevel"; separator: "backslash" | "slash"; domain: string; account: string }
  | { kind: "bare"; account: string }
  | { kind: "unrecognized"; reason: "multiple-values" | "multiple-at"; count: number };

const LOCAL_MACHINE = ".";

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** "a@x.com; b@x.com" holds two addresses; "a b;c@x.com" is one address with stray characters. */
function countSeparatedAddresses(text: string): number {
  if (!text.includes(";") && !text.includes(",")) return 1;
  let count = 0;
  let partLooksLikeAddress = false;
  for (let i = 0; i <= text.length; i++) {
    const char = text[i];
    if (i === text.length || char === ";" || char === ",") {
      if (partLooksLikeAddress) count++;
      partLooksLikeAddress = false;
    } else if (char === "@" || char === "\\") {
      partLooksLikeAddress = true;
    }
  }
  return count;
}

function splitDownLevel(text: string): Shape {
  const separatorAt = text.indexOf("\\");
  let accountStart = separatorAt + 1;
  // "DOMAIN\\user" comes from copying an escaped string; the doubled separator means the same.
  while (text[accountStart] === "\\") accountStart++;
  // A NetBIOS name and an account hold no spaces, so spaces around the separator are debris.
  const domain = trimSurroundingWhitespace(text.slice(0, separatorAt));
  return { kind: "downlevel", separator: "backslash", domain, account: trimSurroundingWhitespace(text.slice(accountStart)) };
}

export function classifyShape(cleaned: string): Shape {
  if (cleaned === "") return { kind: "empty" };
  const values = countSeparatedAddresses(cleaned);
  if (values > 1) return { kind: "unrecognized", reason: "multiple-values", count: values };
  if (cleaned.includes("\\")) return splitDownLevel(cleaned);
  const ats = countOf(cleaned, "@");
  if (ats > 1) return { kind: "unrecognized", reason: "multiple-at", count: ats };
  if (ats === 1) {
    const at = cleaned.indexOf("@");
    return { kind: "upn", local: cleaned.slice(0, at), domain: cleaned.slice(at + 1) };
  }
  const slash = cleaned.indexOf("/");
  if (slash > 0 && slash < cleaned.length - 1) {
    return { kind: "downlevel", separator: "slash", domain: cleaned.slice(0, slash), account: cleaned.slice(slash + 1) };
  }
  return { kind: "bare", account: cleaned };
}

/** The one problem the shape itself is, if any: a down-level name, a bare name, several values… */
export function shapeProblems(shape: Shape, required: boolean): Problem[] {
  switch (shape.kind) {
    case "empty":
      return required ? [{ code: "required", severity: "error" }] : [];
    case "upn":
      return [];
    case "bare":
      return [{ code: "bare-name", severity: "error", account: shape.account }];
    case "unrecognized":
      return [{ code: shape.reason, severity: "error", count: shape.count }];
    case "downlevel":
      if (shape.separator === "slash") {
        return [{ code: "slash-separator", severity: "error", domain: shape.domain, account: shape.account }];
      }
      if (shape.domain === LOCAL_MACHINE) {
        return [{ code: "local-machine-account", severity: "error", account: shape.account }];
      }
      return [{ code: "downlevel-logon", severity: "error", domain: shape.domain, account: shape.account }];
  }
}

export function isLocalMachine(shape: Shape): boolean {
  return shape.kind === "downlevel" && shape.separator === "backslash" && shape.domain === LOCAL_MACHINE;
}
