import { badFetchXml, ERROR_CODES } from "./errors";
import type { ConditionNode, EntityNode, FilterNode } from "./fetchXml";
import { ANNOTATIONS, type ColumnRef, type QueryContext, type Row, type TableDefinition } from "./schema";
import { and, comparable, compare, compileLike, normalizeGuid, or, own, type Comparable, type CompareOperator, type Truth } from "./values";

/** One result candidate: the root row and, by node index, each linked row (null where an outer join found none). */
export type Joined = (Row | null)[];

/** A table in the query: the root (index 0) or a link-entity, with the alias conditions and results name it by. */
export interface BoundNode {
  index: number;
  alias: string;
  table: TableDefinition;
}

/** A bound node with its FetchXML element and the node it hangs from. */
export interface Bound extends BoundNode {
  entity: EntityNode;
  parent?: Bound;
}

/** A value to sort records by. */
export interface SortKey {
  value: (record: Joined) => Comparable;
  descending: boolean;
}

export function columnOf(context: QueryContext, node: BoundNode, logicalName: string): ColumnRef {
  const column = context.schema.column(node.table, logicalName);
  if (column === undefined) throw badFetchXml(ERROR_CODES.QueryBuilderNoAttribute, `'${node.table.logicalName}' entity doesn't contain attribute with Name = '${logicalName}' and NameMapping = 'Logical'.`);
  return column;
}

/** Copies a value and its annotations under a new name; FetchXML results leave null columns out. */
export function copyValue(target: Row, key: string, row: Row | null, property: string): void {
  const value = row?.[property];
  if (value === null || value === undefined) return;
  target[key] = value;
  for (const annotation of ANNOTATIONS) if (row![property + annotation] !== undefined) target[key + annotation] = row![property + annotation];
}

export interface FilterScope {
  /** The node whose filter this is. */
  node: BoundNode;
  /** Nodes by alias, for `entityname`; only the root filter may reach other nodes. */
  byAlias?: ReadonlyMap<string, BoundNode>;
  column: (node: BoundNode, logicalName: string) => ColumnRef;
  now: Date;
}

const DAY = 86_400_000;
const SINGLE_VALUE: Record<string, CompareOperator> = { eq: "eq", ne: "ne", neq: "ne", gt: "gt", ge: "ge", lt: "lt", le: "le" };
const PATTERNS: Record<string, { prefix: string; suffix: string; negate: boolean }> = {
  like: { prefix: "", suffix: "", negate: false },
  "not-like": { prefix: "", suffix: "", negate: true },
  "begins-with": { prefix: "", suffix: "%", negate: false },
  "not-begin-with": { prefix: "", suffix: "%", negate: true },
  "ends-with": { prefix: "%", suffix: "", negate: false },
  "not-end-with": { prefix: "%", suffix: "", negate: true },
};

function invalidValue(condition: ConditionNode, text: string | undefined): Error {
  return badFetchXml(ERROR_CODES.QueryBuilderInvalidValue, `Invalid value '${text ?? ""}' for the ${condition.operator} condition on '${condition.attribute}'.`);
}

function unsupported(condition: ConditionNode, why: string): Error {
  return badFetchXml(ERROR_CODES.QueryBuilderInvalidConditionOperator, `Unsupported condition operator '${condition.operator}' on '${condition.attribute}': ${why}`);
}

/** A condition value, typed by its column, as comparisons see it. */
function typedValue(condition: ConditionNode, column: ColumnRef, text: string | undefined): Exclude<Comparable, null> {
  if (text === undefined) throw invalidValue(condition, text);
  switch (column.definition.type) {
    case "string":
      return text.toLowerCase();
    case "integer":
    case "picklist":
      if (!/^-?\d+$/.test(text.trim())) throw invalidValue(condition, text);
      return Number(text);
    case "boolean":
      if (!["true", "false", "1", "0"].includes(text)) throw invalidValue(condition, text);
      return text === "true" || text === "1";
    case "datetime": {
      const instant = Date.parse(text);
      if (Number.isNaN(instant)) throw invalidValue(condition, text);
      return instant;
    }
    case "uniqueidentifier":
    case "lookup": {
      const guid = normalizeGuid(text.trim());
      if (guid === undefined) throw invalidValue(condition, text);
      return guid;
    }
  }
}

function singleText(condition: ConditionNode): string | undefined {
  return condition.value ?? (condition.values.length === 1 ? condition.values[0] : undefined);
}

function startOfUtcDay(instant: number): number {
  return Math.floor(instant / DAY) * DAY;
}

/** The date-only and relative operators: day boundaries in UTC (the platform uses the caller's time zone). */
function dateTest(condition: ConditionNode, column: ColumnRef, now: Date): ((value: Comparable) => Truth) | undefined {
  const isDate = column.definition.type === "datetime";
  const text = singleText(condition);
  if (condition.operator === "last-x-days") {
    if (!isDate) throw unsupported(condition, "it needs a date and time column.");
    if (text === undefined || !/^\d+$/.test(text)) throw invalidValue(condition, text);
    const from = startOfUtcDay(now.getTime()) - Number(text) * DAY;
    const until = now.getTime();
    return (value) => (value === null ? null : (value as number) >= from && (value as number) <= until);
  }
  if (condition.operator === "on-or-after" || condition.operator === "on-or-before") {
    if (!isDate) throw unsupported(condition, "it needs a date and time column.");
    const day = startOfUtcDay(typedValue(condition, column, text) as number);
    if (condition.operator === "on-or-after") return (value) => (value === null ? null : (value as number) >= day);
    return (value) => (value === null ? null : (value as number) < day + DAY);
  }
  return undefined;
}

/** How one condition tests a column value, checked against the column's type before any row is read. */
function valueTest(condition: ConditionNode, column: ColumnRef, now: Date): (value: Comparable) => Truth {
  const operator = condition.operator;
  const single = own(SINGLE_VALUE, operator);
  if (single !== undefined) {
    const right = typedValue(condition, column, singleText(condition));
    return (value) => compare(single, value, right);
  }
  if (operator === "null") return (value) => value === null;
  if (operator === "not-null") return (value) => value !== null;
  if (operator === "in" || operator === "not-in") {
    if (condition.values.length === 0) throw invalidValue(condition, condition.value);
    const set = new Set(condition.values.map((text) => typedValue(condition, column, text)));
    return (value) => (value === null ? null : set.has(value) === (operator === "in"));
  }
  const pattern = own(PATTERNS, operator);
  if (pattern !== undefined) {
    if (column.definition.type !== "string") throw unsupported(condition, "pattern operators need a text column.");
    const text = singleText(condition);
    if (text === undefined) throw invalidValue(condition, text);
    const matches = compileLike(`${pattern.prefix}${text}${pattern.suffix}`);
    return (value) => (value === null ? null : matches(String(value)) !== pattern.negate);
  }
  const dated = dateTest(condition, column, now);
  if (dated !== undefined) return dated;
  throw unsupported(condition, "this fake evaluates eq ne neq gt ge lt le in not-in null not-null like not-like begins-with not-begin-with ends-with not-end-with last-x-days on-or-after on-or-before.");
}

function compileCondition(condition: ConditionNode, scope: FilterScope): (joined: Joined) => Truth {
  let node = scope.node;
  if (condition.entityname !== undefined) {
    const named = scope.byAlias?.get(condition.entityname);
    if (named === undefined) throw badFetchXml(ERROR_CODES.QueryBuilderNoAlias, `No alias '${condition.entityname}' for the entity in the condition was found.`);
    node = named;
  }
  const column = scope.column(node, condition.attribute);
  const test = valueTest(condition, column, scope.now);
  const { index } = node;
  const { property } = column;
  const type = column.definition.type;
  return (joined) => test(comparable(joined[index]?.[property], type));
}

/** A filter's conditions and nested filters combined by its type, under three-valued logic. */
export function compileFetchFilter(filter: FilterNode, scope: FilterScope): (joined: Joined) => Truth {
  const parts = [...filter.conditions.map((condition) => compileCondition(condition, scope)), ...filter.filters.map((nested) => compileFetchFilter(nested, scope))];
  const combine = filter.type === "and" ? and : or;
  const decisive = filter.type !== "and";
  return (joined) => {
    let result: Truth = filter.type === "and";
    for (const part of parts) {
      result = combine(result, part(joined));
      if (result === decisive) return result;
    }
    return result;
  };
}

/** Whether a filter reads another node's columns, so it must wait until the joins are done. */
export function readsOtherNodes(filter: FilterNode | undefined): boolean {
  if (filter === undefined) return false;
  return filter.conditions.some((condition) => condition.entityname !== undefined) || filter.filters.some(readsOtherNodes);
}
