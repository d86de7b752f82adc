import { badFetchXml, ERROR_CODES } from "./errors";
import { parseFetchXml, type AttributeNode, type EntityNode, type FetchQuery, type LinkNode } from "./fetchXml";
import { aggregateRows } from "./fetchXmlAggregate";
import { columnOf, compileFetchFilter, copyValue, readsOtherNodes, type Bound, type FilterScope, type Joined, type SortKey } from "./fetchXmlFilter";
import { MAX_PAGE_SIZE, pageSizeOf, pagingCookie, sortRows, type Response } from "./odata";
import { LOOKUP_TABLE, type ColumnRef, type QueryContext, type Row } from "./schema";
import { asText, comparable, normalizeGuid } from "./values";

/** The annotation that says more rows match than this page holds (fetchxml/page-results.md, Web API tab). */
export const MORE_RECORDS = "@Microsoft.Dynamics.CRM.morerecords";

/** The root and every link-entity, depth first, each bound to its table; a link to a denied table is a 403 too. */
function bindNodes(query: FetchQuery, context: QueryContext): Bound[] {
  const nodes: Bound[] = [];
  const visit = (entity: EntityNode, parent?: Bound) => {
    const table = context.schema.find(entity.name);
    if (table === undefined) throw badFetchXml(ERROR_CODES.QueryBuilderNoEntity, `The specified entity was not found: '${entity.name}'.`);
    if (parent !== undefined) context.assertReadable(entity.name);
    if (nodes.some((node) => node.alias === entity.alias)) throw badFetchXml(ERROR_CODES.QueryBuilderDuplicateAlias, `FetchXML should have unique aliases: '${entity.alias}'.`);
    const node: Bound = { index: nodes.length, alias: entity.alias, table, entity, parent };
    nodes.push(node);
    for (const link of entity.links) visit(link, node);
  };
  visit(query.entity);
  return nodes;
}

/**
 * The key a row joins on. A lookup joins only to the table it points at: `to="regardingobjectid"` with
 * `name="mailbox"` matches only trace rows whose regarding record is a mailbox.
 */
function joinKey(row: Row, column: ColumnRef, otherTable: string): string | undefined {
  const value = row[column.property];
  if (value === null || value === undefined) return undefined;
  if (column.definition.type === "lookup") {
    const type = row[`${column.property}${LOOKUP_TABLE}`];
    if (type === undefined ? !(column.definition.targets ?? []).includes(otherTable) : type !== otherTable) return undefined;
  }
  const text = asText(value);
  return normalizeGuid(text) ?? text.toLowerCase();
}

/** One link-entity: an index of its matching rows by `from`, probed with each record's `to`. */
function joinLink(records: Joined[], node: Bound, scope: (node: Bound) => FilterScope, context: QueryContext, width: number): Joined[] {
  const link = node.entity as LinkNode;
  const parent = node.parent!;
  const from = columnOf(context, node, link.from);
  const to = columnOf(context, parent, link.to);
  // A link's filter belongs to the join itself, so an outer join keeps parents whose links it filters out.
  const filter = link.filter === undefined ? undefined : compileFetchFilter(link.filter, scope(node));
  const scratch: Joined = new Array<Row | null>(width).fill(null);
  const index = new Map<string, Row[]>();
  for (const row of context.rows(node.table.logicalName)) {
    scratch[node.index] = row;
    if (filter !== undefined && filter(scratch) !== true) continue;
    const key = joinKey(row, from, parent.table.logicalName);
    if (key === undefined) continue;
    const bucket = index.get(key);
    if (bucket === undefined) index.set(key, [row]);
    else bucket.push(row);
  }
  const joined: Joined[] = [];
  for (const record of records) {
    const parentRow = record[parent.index];
    const key = parentRow === null ? undefined : joinKey(parentRow, to, node.table.logicalName);
    const matches = key === undefined ? undefined : index.get(key);
    if (matches === undefined) {
      if (link.linkType === "outer") joined.push(record);
      continue;
    }
    for (const match of matches) {
      const copy = record.slice();
      copy[node.index] = match;
      joined.push(copy);
    }
  }
  return joined;
}

/** The records the query selects: root rows through the root filter, joined to every link-entity. */
function selectRecords(nodes: Bound[], context: QueryContext): Joined[] {
  const root = nodes[0];
  const byAlias = new Map(nodes.map((node) => [node.alias, node]));
  const scope = (node: Bound): FilterScope => ({ node, byAlias: node === root ? byAlias : undefined, column: (target, name) => columnOf(context, target, name), now: context.now });
  const rootFilter = root.entity.filter === undefined ? undefined : compileFetchFilter(root.entity.filter, scope(root));
  // A root condition on a link's column (entityname) can only be tested after the joins.
  const filterLate = readsOtherNodes(root.entity.filter);
  let records: Joined[] = [];
  const scratch: Joined = new Array<Row | null>(nodes.length).fill(null);
  for (const row of context.rows(root.table.logicalName)) {
    scratch[0] = row;
    if (rootFilter !== undefined && !filterLate && rootFilter(scratch) !== true) continue;
    const record = scratch.slice();
    records.push(record);
  }
  for (const node of nodes.slice(1)) records = joinLink(records, node, scope, context, nodes.length);
  if (rootFilter !== undefined && filterLate) records = records.filter((record) => rootFilter(record) === true);
  return records;
}

interface Output {
  key: string;
  node: Bound;
  column: ColumnRef;
}

/** Root columns by property name (`_x_value`), linked ones as `alias.attribute`, an attribute alias wins. */
function plainOutputs(nodes: Bound[], context: QueryContext): Output[] {
  return nodes.flatMap((node) => {
    const everyColumn = node.entity.allAttributes || (node.index === 0 && node.entity.attributes.length === 0);
    const attributes: AttributeNode[] = everyColumn ? Object.keys(node.table.columns).map((name) => ({ name, distinct: false, groupby: false })) : node.entity.attributes;
    return attributes.map((attribute) => {
      if (attribute.aggregate !== undefined || attribute.groupby) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidAggregateAttribute, "aggregate and groupby need <fetch aggregate='true'>.");
      const column = columnOf(context, node, attribute.name);
      const key = attribute.alias ?? (node.index === 0 ? column.property : `${node.alias}.${column.logicalName}`);
      return { key, node, column };
    });
  });
}

/**
 * "Order rows using FetchXml": choice columns sort by their localized label unless the fetch says useraworderby,
 * so "Warning" comes after "Error" in English whatever their numbers.
 */
function plainSortKeys(nodes: Bound[], context: QueryContext, rawOrder: boolean): SortKey[] {
  return nodes.flatMap((node) =>
    node.entity.orders.map((order) => {
      if (order.attribute === undefined || order.alias !== undefined) {
        throw badFetchXml(ERROR_CODES.QueryBuilderAliasNotAllowedForNonAggregateOrderBy, "An alias cannot be specified for an order clause for a non-aggregate Query. Use an attribute.");
      }
      const column = columnOf(context, node, order.attribute);
      const labels = column.definition.type === "picklist" && !rawOrder ? column.definition.labels : undefined;
      const value = labels
        ? (record: Joined) => comparable(labels[String(record[node.index]?.[column.property])] ?? null, "string")
        : (record: Joined) => comparable(record[node.index]?.[column.property], column.definition.type);
      return { value, descending: order.descending };
    }),
  );
}

function plainRows(query: FetchQuery, nodes: Bound[], context: QueryContext): Row[] {
  const outputs = plainOutputs(nodes, context);
  const sortKeys = plainSortKeys(nodes, context, query.useRawOrderBy);
  const primaryKey = nodes[0].table.primaryKey;
  let records = selectRecords(nodes, context);
  if (sortKeys.length > 0) records = sortRows(records, sortKeys);
  const rows = records.map((record) => {
    const row: Row = query.distinct ? {} : { [primaryKey]: record[0]![primaryKey] };
    for (const output of outputs) copyValue(row, output.key, record[output.node.index], output.column.property);
    return row;
  });
  if (!query.distinct) return rows;
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify(row);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * top, or count and page. Pages hold at most 5,000 rows (fetchxml/page-results.md); the answer carries the Web API's
 * `@Microsoft.Dynamics.CRM.morerecords` (same page) and, when more records follow, Xrm.WebApi's `fetchXmlPagingCookie`
 * (model-driven-apps/clientapi/reference/Xrm-WebApi/retrieveMultipleRecords.md). count above 5,000 is capped like maxPageSize.
 */
function pageOf(query: FetchQuery, rows: Row[], nodes: Bound[], maxPageSize: number | undefined): Response {
  if (query.top !== undefined) return { entities: rows.slice(0, query.top) } as Response;
  const size = query.count === undefined ? pageSizeOf(maxPageSize) : Math.min(query.count, MAX_PAGE_SIZE);
  const page = query.page ?? 1;
  const start = (page - 1) * size;
  const entities = rows.slice(start, start + size);
  const more = start + size < rows.length;
  const response: Record<string, unknown> = { entities, [MORE_RECORDS]: more };
  if (more && !query.aggregate) response.fetchXmlPagingCookie = pagingCookie(nodes[0].table, page, entities);
  return response as unknown as Response;
}

function checkPaging(query: FetchQuery, maxPageSize: number | undefined): void {
  pageSizeOf(maxPageSize);
  if (query.top === undefined) return;
  // fetch.md: top "cannot exceed 5,000"; page-results.md: don't combine top with paging.
  if (query.top > MAX_PAGE_SIZE) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidValue, `The top attribute can't exceed ${MAX_PAGE_SIZE}; got ${query.top}.`);
  if (query.count !== undefined || query.page !== undefined) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidValue, "The top attribute can't be used with the count or page attributes.");
}

/** Runs decoded FetchXML against the fake's tables and answers as Xrm.WebApi does. */
export function runFetchXml(context: QueryContext, entityName: string, xml: string, maxPageSize: number | undefined): Response {
  const query = parseFetchXml(xml);
  if (query.entity.name !== entityName) {
    throw badFetchXml(ERROR_CODES.QueryBuilderEntitiesDontMatch, "The entity name specified in fetchxml does not match the entity name specified in the Entity or Query Expression.");
  }
  checkPaging(query, maxPageSize);
  const nodes = bindNodes(query, context);
  const rows = query.aggregate ? aggregateRows(query, nodes, context, () => selectRecords(nodes, context)) : plainRows(query, nodes, context);
  return pageOf(query, rows, nodes, maxPageSize);
}
