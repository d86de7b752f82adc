import { badQuery } from "./errors";
import { parseFilter, type CompareWord, type Expression, type Literal, type Path } from "./odataFilter";
import { ANNOTATIONS, LOOKUP_TABLE, type ColumnRef, type ColumnType, type QueryContext, type Row, type TableDefinition } from "./schema";
import { and, asText, comparable, compare, compileLike, not, or, sortOrder, type Comparable, type Truth } from "./values";

/** Xrm.WebApi retrieveMultipleRecords: "the value is defaulted to the maximum limit of 5000 records" per page. */
export const MAX_PAGE_SIZE = 5000;
/** nextLink is absolute, as the service returns it: [Organization URI]/api/data/v9.2/<entity set>?… */
export const BASE_URL = ["https://contoso.crm.dynamics.com", "api", "data", "v9.2"].join("/");
export type Response = ComponentFramework.WebApi.RetrieveMultipleResponse;

const SUPPORTED_OPTIONS = new Set(["$select", "$filter", "$orderby", "$top", "$skiptoken"]);
const PLATFORM_UNSUPPORTED = new Set(["$skip", "$search", "$format"]);

/** The page size a call gets: maxPageSize when given (a positive whole number), never more than 5,000. */
export function pageSizeOf(maxPageSize: number | undefined): number {
  if (maxPageSize === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(maxPageSize) || maxPageSize <= 0) throw badQuery(`maxPageSize must be a positive whole number; got ${maxPageSize}.`);
  return Math.min(maxPageSize, MAX_PAGE_SIZE);
}

/** A query-string value as the server reads it: '+' is a space, then percent-decoding. */
function decode(value: string, what: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    throw badQuery(`The ${what} is not valid percent-encoding: '${value}'.`);
  }
}

function unsupportedOption(name: string): Error {
  if (name === "$apply") return badQuery("The query option $apply is not supported by this service; aggregate with FetchXML (<fetch aggregate='true'>).");
  if (name === "$expand" || name === "$count" || name === "$compute") return badQuery(`The query option ${name} is not supported by this fake Dataverse.`);
  if (PLATFORM_UNSUPPORTED.has(name)) return badQuery(`The query parameter ${name} is not supported`);
  return badQuery(`Unknown query option '${name}'.`);
}

/**
 * The options string split into decoded values. `?fetchXml=` takes the whole rest as one value (FetchXML may hold
 * '&'); otherwise each `name=value` pair is decoded on its own, so an encoded '&' or '=' inside a value stays data.
 */
export function parseOptions(options: string | undefined): Map<string, string> {
  if (options === undefined || options === "") return new Map();
  if (!options.startsWith("?")) throw badQuery(`Query options must start with '?': '${options}'.`);
  if (options.startsWith("?fetchXml=")) return new Map([["fetchXml", decode(options.slice("?fetchXml=".length), "fetchXml value")]]);
  const parsed = new Map<string, string>();
  for (const part of options.slice(1).split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const name = decode(equals < 0 ? part : part.slice(0, equals), "query option name");
    if (!SUPPORTED_OPTIONS.has(name)) throw unsupportedOption(name);
    if (parsed.has(name)) throw badQuery(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    parsed.set(name, decode(equals < 0 ? "" : part.slice(equals + 1), `value of ${name}`));
  }
  return parsed;
}

type Read = (row: Row) => unknown;

/** Where a path's value comes from: the row itself, or the one record its navigation property reaches. */
function resolvePath(path: Path, table: TableDefinition, context: QueryContext): { column: ColumnRef; read: Read } {
  if (path.navigation === undefined) {
    const column = context.schema.property(table, path.property);
    return { column, read: (row) => row[column.property] };
  }
  const { lookup, target } = context.schema.navigation(table, path.navigation);
  const targetTable = context.schema.find(target);
  if (targetTable === undefined) throw badQuery(`The navigation property '${path.navigation}' reaches an unknown table '${target}'.`);
  context.assertReadable(target);
  const column = context.schema.property(targetTable, path.property);
  const typeKey = `${lookup.property}${LOOKUP_TABLE}`;
  const polymorphic = (lookup.definition.targets ?? []).length > 1;
  return {
    column,
    read: (row) => {
      const id = row[lookup.property];
      const type = row[typeKey];
      // A polymorphic lookup reaches this table only where the row says it points there.
      if (typeof id !== "string" || (type === undefined ? polymorphic : type !== target)) return null;
      return context.byId(target, id)?.[column.property] ?? null;
    },
  };
}

const LITERAL_FOR: Record<ColumnType, Literal["type"]> = {
  string: "string",
  integer: "number",
  picklist: "number",
  boolean: "boolean",
  datetime: "datetime",
  uniqueidentifier: "guid",
  lookup: "guid",
};
const EDM: Record<Literal["type"], string> = { string: "Edm.String", number: "Edm.Int32", boolean: "Edm.Boolean", datetime: "Edm.DateTimeOffset", guid: "Edm.Guid", null: "null" };
const OPERATOR_KIND: Record<CompareWord, string> = { eq: "Equal", ne: "NotEqual", gt: "GreaterThan", ge: "GreaterThanOrEqual", lt: "LessThan", le: "LessThanOrEqual" };

/** A quoted GUID, a quoted number, an unquoted date compared with text: all rejected, as the Web API rejects them. */
function literalComparable(column: ColumnRef, literal: Literal, operator: CompareWord): Comparable {
  const expected = LITERAL_FOR[column.definition.type];
  if (literal.type !== "null" && literal.type !== expected) {
    throw badQuery(`A binary operator with incompatible types was detected. Found operand types '${EDM[expected]}' and '${EDM[literal.type]}' for operator kind '${OPERATOR_KIND[operator]}'.`);
  }
  if (literal.type === "datetime") return Date.parse(literal.value);
  return comparable(literal.value, column.definition.type);
}

function compileComparison(expression: Extract<Expression, { kind: "compare" }>, table: TableDefinition, context: QueryContext): (row: Row) => Truth {
  const { column, read } = resolvePath(expression.path, table, context);
  const right = literalComparable(column, expression.literal, expression.operator);
  const type = column.definition.type;
  return (row) => compare(expression.operator, comparable(read(row), type), right);
}

/** startswith/endswith/contains are LIKE 'x%', '%x', '%x%': the argument's own %, _ and [ ] stay wildcards. */
function compileStringFunction(expression: Extract<Expression, { kind: "function" }>, table: TableDefinition, context: QueryContext): (row: Row) => Truth {
  const { column, read } = resolvePath(expression.path, table, context);
  if (column.definition.type !== "string") throw badQuery(`${expression.name} needs a text column; '${column.property}' is ${column.definition.type}.`);
  const pattern = { startswith: `${expression.text}%`, endswith: `%${expression.text}`, contains: `%${expression.text}%` }[expression.name];
  const matches = compileLike(pattern);
  return (row) => {
    const value = read(row);
    return value === null || value === undefined ? null : matches(asText(value));
  };
}

/** Turns the tree into one predicate, validated against the schema before any row is read. */
export function compileFilter(expression: Expression, table: TableDefinition, context: QueryContext): (row: Row) => Truth {
  switch (expression.kind) {
    case "and": {
      const [left, right] = [compileFilter(expression.left, table, context), compileFilter(expression.right, table, context)];
      return (row) => {
        const first = left(row);
        return first === false ? false : and(first, right(row));
      };
    }
    case "or": {
      const [left, right] = [compileFilter(expression.left, table, context), compileFilter(expression.right, table, context)];
      return (row) => {
        const first = left(row);
        return first === true ? true : or(first, right(row));
      };
    }
    case "not": {
      const operand = compileFilter(expression.operand, table, context);
      return (row) => not(operand(row));
    }
    case "compare":
      return compileComparison(expression, table, context);
    case "function":
      return compileStringFunction(expression, table, context);
  }
}

export interface SortKey {
  column: ColumnRef;
  descending: boolean;
}

function parseOrderBy(text: string, table: TableDefinition, context: QueryContext): SortKey[] {
  return text.split(",").map((part) => {
    const [property, direction, extra] = part.trim().split(/\s+/);
    if (extra !== undefined || (direction !== undefined && direction !== "asc" && direction !== "desc")) throw badQuery(`Unsupported $orderby item '${part.trim()}'.`);
    if (property.includes("/")) throw badQuery(`Ordering through a navigation property ('${property}') is not supported.`);
    return { column: context.schema.property(table, property), descending: direction === "desc" };
  });
}

/** A stable sort on precomputed keys, so 100,000 rows sort without re-parsing dates in every comparison. */
export function sortRows<T>(items: readonly T[], keys: readonly { value: (item: T) => Comparable; descending: boolean }[]): T[] {
  const columns = keys.map((key) => items.map(key.value));
  const indices = items.map((_, index) => index);
  indices.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const sign = sortOrder(columns[k][a], columns[k][b]);
      if (sign !== 0) return keys[k].descending ? -sign : sign;
    }
    return a - b;
  });
  return indices.map((index) => items[index]);
}

/** The selected properties, the primary key, and the annotations of each selected column. */
export function project(row: Row, table: TableDefinition, selected: readonly string[] | undefined): Row {
  if (selected === undefined) return { ...row };
  const result: Row = { [table.primaryKey]: row[table.primaryKey] };
  for (const property of selected) {
    result[property] = row[property] ?? null;
    for (const annotation of ANNOTATIONS) if (row[property + annotation] !== undefined) result[property + annotation] = row[property + annotation];
  }
  return result;
}

function parseTop(text: string): number {
  if (!/^\d+$/.test(text)) throw badQuery(`Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`);
  return Number(text);
}

function pageNumberOf(skiptoken: string | undefined): number {
  if (skiptoken === undefined) return 1;
  const page = /pagenumber="(\d+)"/.exec(skiptoken)?.[1];
  if (page === undefined || Number(page) < 1) throw badQuery("The $skiptoken is not one this service issued.");
  return Number(page);
}

/** A paging cookie in the platform's form: the page just read and its first and last ids, URL-encoded twice. */
export function pagingCookie(table: TableDefinition, page: number, rows: readonly Row[]): string {
  const braced = (row: Row | undefined) => `{${asText(row?.[table.primaryKey] ?? "").toUpperCase()}}`;
  const inner = `<cookie page="${page}"><${table.primaryKey} last="${braced(rows[rows.length - 1])}" first="${braced(rows[0])}" /></cookie>`;
  return `<cookie pagenumber="${page + 1}" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;
}

/** The next page's URL: the same options with a $skiptoken; its query part is what a caller passes back as options. */
function nextLinkFor(table: TableDefinition, options: string | undefined, page: number, rows: readonly Row[]): string {
  const kept = (options ?? "").replace(/^\?/, "").split("&").filter((part) => part !== "" && !part.startsWith("$skiptoken="));
  kept.push(`$skiptoken=${encodeURIComponent(pagingCookie(table, page, rows))}`);
  return `${BASE_URL}/${table.entitySetName}?${kept.join("&")}`;
}

/** $select, $filter, $orderby, $top and paging over one table; every option is checked before any row is read. */
export function runODataQuery(context: QueryContext, table: TableDefinition, options: string | undefined, parsed: Map<string, string>, maxPageSize: number | undefined): Response {
  const size = pageSizeOf(maxPageSize);
  const select = parsed.get("$select")?.split(",").map((property) => context.schema.property(table, property.trim()).property);
  const filterText = parsed.get("$filter");
  const predicate = filterText === undefined ? undefined : compileFilter(parseFilter(filterText), table, context);
  const orderText = parsed.get("$orderby");
  const sortKeys = orderText === undefined ? [] : parseOrderBy(orderText, table, context);
  const topText = parsed.get("$top");
  const top = topText === undefined ? undefined : parseTop(topText);
  const page = pageNumberOf(parsed.get("$skiptoken"));

  let matched: Row[] = [];
  for (const row of context.rows(table.logicalName)) if (predicate === undefined || predicate(row) === true) matched.push(row);
  if (sortKeys.length > 0) matched = sortRows(matched, sortKeys.map(({ column, descending }) => ({ value: (row: Row) => comparable(row[column.property], column.definition.type), descending })));
  if (top !== undefined) matched = matched.slice(0, top);
  const start = (page - 1) * size;
  const rows = matched.slice(start, start + size);
  const entities = rows.map((row) => project(row, table, select));
  // Xrm.WebApi leaves nextLink out when there is no further page.
  return (start + size < matched.length ? { entities, nextLink: nextLinkFor(table, options, page, rows) } : { entities }) as Response;
}
