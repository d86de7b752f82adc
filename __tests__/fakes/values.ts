import type { ColumnType } from "./schema";

/** SQL's three-valued logic: a comparison with NULL is unknown, and only true rows are returned. */
export type Truth = boolean | null;

/** A value reduced to what comparisons need: lower-case text, epoch milliseconds, plain numbers and booleans. */
export type Comparable = string | number | boolean | null;

export type CompareOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A GUID without braces, lower case; undefined when the text is not one. */
export function normalizeGuid(value: string): string | undefined {
  return GUID.exec(value)?.[1].toLowerCase();
}

/** A record's own entry, never one inherited from Object.prototype (an operator named "constructor" is unknown). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A stored scalar as text; objects (which no column holds) as JSON, so they never compare equal to text. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : (JSON.stringify(value) ?? "");
}

/**
 * A stored value as comparisons see it. Text compares case-insensitively, as Dataverse's default collation does;
 * dates compare as instants; GUIDs ignore case and braces.
 */
export function comparable(value: unknown, type: ColumnType): Comparable {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "string":
    case "uniqueidentifier":
    case "lookup":
      return asText(value).toLowerCase();
    case "datetime":
      return Date.parse(asText(value));
    case "integer":
    case "picklist":
      return Number(value);
    case "boolean":
      return Boolean(value);
  }
}

/** The sign of a - b for two non-null comparables of the same column. */
export function order(a: Exclude<Comparable, null>, b: Exclude<Comparable, null>): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** One binary comparison under three-valued logic; `eq null` and `ne null` are the only tests of NULL that hold. */
export function compare(operator: CompareOperator, left: Comparable, right: Comparable): Truth {
  if (right === null) {
    if (operator === "eq") return left === null;
    if (operator === "ne") return left !== null;
    return null;
  }
  if (left === null) return null;
  const sign = order(left, right);
  switch (operator) {
    case "eq":
      return sign === 0;
    case "ne":
      return sign !== 0;
    case "gt":
      return sign > 0;
    case "ge":
      return sign >= 0;
    case "lt":
      return sign < 0;
    case "le":
      return sign <= 0;
  }
}

/** Sorts NULL first when ascending, as SQL Server does. */
export function sortOrder(a: Comparable, b: Comparable): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return order(a, b);
}

export function and(left: Truth, right: Truth): Truth {
  if (left === false || right === false) return false;
  return left === null || right === null ? null : true;
}

export function or(left: Truth, right: Truth): Truth {
  if (left === true || right === true) return true;
  return left === null || right === null ? null : false;
}

export function not(value: Truth): Truth {
  return value === null ? null : !value;
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/** The regular-expression source of one bracket expression's content: `^` negates, `a-c` is a range, the rest literal. */
function bracketClass(content: string): string {
  const negated = content.startsWith("^") && content.length > 1;
  const body = negated ? content.slice(1) : content;
  let source = "";
  for (let index = 0; index < body.length; index++) {
    const isRange = body[index] === "-" && index > 0 && index < body.length - 1;
    source += isRange ? "-" : body[index].replace(REGEX_SPECIAL, "\\$&");
  }
  return `[${negated ? "^" : ""}${source}]`;
}

/**
 * T-SQL LIKE, which Dataverse runs for like, begins-with, startswith, endswith and contains: `%` any run, `_` any one
 * character, `[…]` a set or range, `[^…]` its complement, and a bracketed wildcard (`[_]`, `[%]`, `[[]`) literal
 * (powerapps-docs developer/data-platform/wildcard-characters.md). Compiled once per query, not per row.
 */
export function compileLike(pattern: string): (value: string) => boolean {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    const close = character === "[" ? pattern.indexOf("]", index + 2) : -1;
    if (character === "%") source += "[\\s\\S]*";
    else if (character === "_") source += "[\\s\\S]";
    else if (close > index) {
      source += bracketClass(pattern.slice(index + 1, close));
      index = close;
    } else source += character.replace(REGEX_SPECIAL, "\\$&");
  }
  const matcher = new RegExp(`^${source}$`, "i");
  return (value) => matcher.test(value);
}
