import { aggregateLimitExceeded, badFetchXml, ERROR_CODES } from "./errors";
import type { AttributeNode, FetchQuery } from "./fetchXml";
import { columnOf, copyValue, type Bound, type Joined } from "./fetchXmlFilter";
import { sortRows } from "./odata";
import type { ColumnRef, QueryContext, Row } from "./schema";
import { comparable, order, type Comparable } from "./values";

/** aggregate-data.md, "Limitations": "Queries that return aggregate values are limited to 50,000 records." */
export const AGGREGATE_RECORD_LIMIT = 50_000;

interface AggregateColumn {
  alias: string;
  node: Bound;
  column: ColumnRef;
  attribute: AttributeNode;
}

/** Which column types each function takes here; anything else is rejected rather than guessed at. */
function checkFunction(attribute: AttributeNode, column: ColumnRef): void {
  const fn = attribute.aggregate!;
  const type = column.definition.type;
  const accepted = fn === "count" || fn === "countcolumn" || type === "integer" || ((fn === "max" || fn === "min") && type === "datetime");
  if (!accepted) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidAggregateAttribute, `Aggregate ${fn} is not supported for attribute of type ${type}.`);
  if (attribute.distinct && fn !== "countcolumn") throw badFetchXml(ERROR_CODES.QueryBuilderInvalidAggregateAttribute, `distinct='true' applies to countcolumn only, not ${fn}.`);
}

/** Every attribute of an aggregate query needs an alias and exactly one of aggregate or groupby (aggregate-data.md). */
function planColumns(nodes: Bound[], context: QueryContext): AggregateColumn[] {
  const columns: AggregateColumn[] = [];
  for (const node of nodes) {
    if (node.entity.allAttributes) throw badFetchXml(ERROR_CODES.QueryBuilderAttributeWithAggregate, "Attributes can not be returned when aggregate operation is specified.");
    for (const attribute of node.entity.attributes) {
      if (attribute.alias === undefined || attribute.alias === "") throw badFetchXml(ERROR_CODES.QueryBuilderInvalidAlias, "Invalid alias for aggregate operation.");
      if (attribute.groupby && attribute.aggregate !== undefined) {
        throw badFetchXml(ERROR_CODES.QueryBuilderAttributeCannotBeGroupByAndAggregate, "An attribute can either be an aggregate or a Group By but not both");
      }
      if (!attribute.groupby && attribute.aggregate === undefined) throw badFetchXml(ERROR_CODES.QueryBuilderAttributeWithAggregate, "Attributes can not be returned when aggregate operation is specified.");
      const column = columnOf(context, node, attribute.name);
      if (attribute.aggregate !== undefined) checkFunction(attribute, column);
      columns.push({ alias: attribute.alias, node, column, attribute });
    }
  }
  return columns;
}

/** Aggregate results sort by alias only (QueryBuilderAttributeNotAllowedForAggregateOrderBy otherwise). */
function orderKeys(nodes: Bound[], columns: AggregateColumn[]): { value: (row: Row) => Comparable; descending: boolean }[] {
  return nodes.flatMap((node) =>
    node.entity.orders.map((item) => {
      if (item.attribute !== undefined || item.alias === undefined) {
        throw badFetchXml(ERROR_CODES.QueryBuilderAttributeNotAllowedForAggregateOrderBy, "An attribute cannot be specified for an order clause for an aggregate Query. Use an alias.");
      }
      const alias = item.alias;
      if (!columns.some((column) => column.alias === alias)) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidAlias, `The order alias '${alias}' names no attribute of the query.`);
      const value = (row: Row): Comparable => {
        const cell = row[alias];
        if (cell === null || cell === undefined) return null;
        return typeof cell === "string" ? cell.toLowerCase() : (cell as number | boolean);
      };
      return { value, descending: item.descending };
    }),
  );
}

/** count counts rows; the others skip NULLs ("Null values aren't considered when calculating aggregate values"). */
function aggregateValue(column: AggregateColumn, members: readonly Joined[]): unknown {
  const fn = column.attribute.aggregate!;
  if (fn === "count") return members.length;
  const type = column.column.definition.type;
  const values: unknown[] = [];
  for (const member of members) {
    const value = member[column.node.index]?.[column.column.property];
    if (value !== null && value !== undefined) values.push(value);
  }
  if (fn === "countcolumn") return column.attribute.distinct ? new Set(values.map((value) => comparable(value, type))).size : values.length;
  if (values.length === 0) return null;
  if (fn === "max" || fn === "min") {
    const want = fn === "max" ? 1 : -1;
    // The original value is returned, so a date comes back as the ISO text the row holds.
    return values.reduce((best, value) => (order(comparable(value, type)!, comparable(best, type)!) === want ? value : best));
  }
  const sum = values.reduce<number>((total, value) => total + Number(value), 0);
  // An integer column's average is an integer, as in the documented example (35,200 / 9 → 3,911).
  return fn === "sum" ? sum : Math.trunc(sum / values.length);
}

/** Groups the selected records, after refusing more than the aggregate limit, and computes each alias. */
export function aggregateRows(query: FetchQuery, nodes: Bound[], context: QueryContext, select: () => Joined[]): Row[] {
  const columns = planColumns(nodes, context);
  const keys = orderKeys(nodes, columns);
  const records = select();
  // aggregatelimit may lower the limit, never raise it.
  const limit = Math.min(query.aggregateLimit ?? AGGREGATE_RECORD_LIMIT, AGGREGATE_RECORD_LIMIT);
  if (records.length > limit) throw aggregateLimitExceeded();
  const groupBy = columns.filter((column) => column.attribute.groupby);
  const groups = new Map<string, Joined[]>();
  if (groupBy.length === 0) groups.set("", []);
  for (const record of records) {
    const key = JSON.stringify(groupBy.map((column) => comparable(record[column.node.index]?.[column.column.property], column.column.definition.type)));
    const members = groups.get(groupBy.length === 0 ? "" : key);
    if (members === undefined) groups.set(key, [record]);
    else members.push(record);
  }
  const rows = [...groups.values()].map((members) => {
    const row: Row = {};
    for (const column of columns) {
      if (column.attribute.groupby) copyValue(row, column.alias, members[0][column.node.index], column.column.property);
      else {
        const value = aggregateValue(column, members);
        if (value !== null) row[column.alias] = value;
      }
    }
    return row;
  });
  return keys.length === 0 ? rows : sortRows(rows, keys);
}
