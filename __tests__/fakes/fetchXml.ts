import { XMLParser, XMLValidator } from "fast-xml-parser";
import { badFetchXml, ERROR_CODES } from "./errors";

export type AggregateFunction = "count" | "countcolumn" | "max" | "min" | "sum" | "avg";

export interface FetchQuery {
  entity: EntityNode;
  top?: number;
  count?: number;
  page?: number;
  aggregate: boolean;
  aggregateLimit?: number;
  distinct: boolean;
  /** Sort choice columns by their number, not their label ("Order rows using FetchXml"). */
  useRawOrderBy: boolean;
}

export interface EntityNode {
  name: string;
  /** The root's alias is its name; a link-entity's is its alias, or `name1`, `name2`… as the platform numbers them. */
  alias: string;
  attributes: AttributeNode[];
  allAttributes: boolean;
  orders: OrderNode[];
  filter?: FilterNode;
  links: LinkNode[];
}

export interface LinkNode extends EntityNode {
  from: string;
  to: string;
  linkType: "inner" | "outer";
}

export interface AttributeNode {
  name: string;
  alias?: string;
  aggregate?: AggregateFunction;
  distinct: boolean;
  groupby: boolean;
}

export interface OrderNode {
  attribute?: string;
  alias?: string;
  descending: boolean;
}

export interface FilterNode {
  type: "and" | "or";
  conditions: ConditionNode[];
  filters: FilterNode[];
}

export interface ConditionNode {
  attribute: string;
  operator: string;
  value?: string;
  values: string[];
  /** A condition in the root filter on a link-entity's column names the link's alias here. */
  entityname?: string;
}

type XmlElement = Record<string, unknown>;

const LIST_ELEMENTS = new Set(["entity", "attribute", "all-attributes", "order", "filter", "condition", "value", "link-entity"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && LIST_ELEMENTS.has(name),
});

/** What each element may carry; anything else is rejected rather than ignored. Hints that change no result are allowed. */
const ALLOWED: Record<string, { attributes: readonly string[]; children: readonly string[] }> = {
  fetch: { attributes: ["version", "mapping", "top", "count", "page", "aggregate", "aggregatelimit", "distinct", "no-lock", "paging-cookie", "output-format", "latematerialize", "options", "useraworderby"], children: ["entity"] },
  entity: { attributes: ["name"], children: ["attribute", "all-attributes", "order", "filter", "link-entity"] },
  "link-entity": { attributes: ["name", "from", "to", "link-type", "alias", "visible", "intersect"], children: ["attribute", "all-attributes", "order", "filter", "link-entity"] },
  attribute: { attributes: ["name", "alias", "aggregate", "distinct", "groupby"], children: [] },
  "all-attributes": { attributes: [], children: [] },
  order: { attributes: ["attribute", "alias", "descending"], children: [] },
  filter: { attributes: ["type"], children: ["condition", "filter"] },
  condition: { attributes: ["attribute", "operator", "value", "entityname"], children: ["value"] },
};

function invalidNode(message: string): Error {
  return badFetchXml(ERROR_CODES.QueryBuilderDeserializeInvalidNode, message);
}

/** Rejects any attribute or child element the fake does not evaluate, naming it. */
function checkShape(element: XmlElement, tag: string): void {
  const allowed = ALLOWED[tag];
  for (const key of Object.keys(element)) {
    if (key.startsWith("@_")) {
      if (!allowed.attributes.includes(key.slice(2))) throw invalidNode(`The '${key.slice(2)}' attribute of <${tag}> is not supported by this fake Dataverse.`);
    } else if (key === "#text") {
      throw invalidNode(`<${tag}> cannot contain text.`);
    } else if (!allowed.children.includes(key)) {
      throw invalidNode(`The element <${key}> is not supported inside <${tag}>.`);
    }
  }
}

function children(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  if (value === undefined) return [];
  return (value as unknown[]).map((child) => {
    if (typeof child === "object" && child !== null) return child as XmlElement;
    if (typeof child === "string" && child.trim() !== "") throw invalidNode(`<${name}> cannot contain text.`);
    return {};
  });
}

function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

function required(element: XmlElement, tag: string, name: string): string {
  const value = attribute(element, name);
  if (value === undefined || value === "") throw badFetchXml(ERROR_CODES.QueryBuilderDeserializeInvalidNode, `<${tag}> needs a '${name}' attribute.`);
  return value;
}

/** FetchXML booleans: 'true', 'false', '1', '0' and nothing else. */
function flag(element: XmlElement, name: string): boolean {
  const value = attribute(element, name);
  if (value === undefined) return false;
  if (!["true", "false", "1", "0"].includes(value)) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidValue, `The only valid values for ${name} attribute are 'true', 'false', '1', and '0'.`);
  return value === "true" || value === "1";
}

function positiveInteger(element: XmlElement, name: string): number | undefined {
  const value = attribute(element, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidValue, `The ${name} attribute must be a positive integer; got '${value}'.`);
  return Number(value);
}

function parseFilterNode(element: XmlElement): FilterNode {
  checkShape(element, "filter");
  const type = attribute(element, "type") ?? "and";
  if (type !== "and" && type !== "or") throw badFetchXml(ERROR_CODES.QueryBuilderInvalidFilterType, "Unsupported filter type. Valid values are 'and', or 'or'.");
  return { type, conditions: children(element, "condition").map(parseCondition), filters: children(element, "filter").map(parseFilterNode) };
}

function parseCondition(element: XmlElement): ConditionNode {
  checkShape(element, "condition");
  const values = ((element.value as unknown[] | undefined) ?? []).map((value) => (typeof value === "string" ? value : ""));
  return { attribute: required(element, "condition", "attribute"), operator: required(element, "condition", "operator"), value: attribute(element, "value"), values, entityname: attribute(element, "entityname") };
}

const AGGREGATES = new Set<string>(["count", "countcolumn", "max", "min", "sum", "avg"]);

function parseAttribute(element: XmlElement): AttributeNode {
  checkShape(element, "attribute");
  const aggregate = attribute(element, "aggregate");
  if (aggregate !== undefined && !AGGREGATES.has(aggregate)) throw badFetchXml(ERROR_CODES.QueryBuilderInvalidAggregateAttribute, `Aggregate '${aggregate}' is not supported.`);
  return { name: required(element, "attribute", "name"), alias: attribute(element, "alias"), aggregate: aggregate as AggregateFunction | undefined, distinct: flag(element, "distinct"), groupby: flag(element, "groupby") };
}

function parseOrder(element: XmlElement): OrderNode {
  checkShape(element, "order");
  return { attribute: attribute(element, "attribute"), alias: attribute(element, "alias"), descending: flag(element, "descending") };
}

/** One filter at most per entity, as the schema allows. */
function singleFilter(element: XmlElement, tag: string): FilterNode | undefined {
  const filters = children(element, "filter");
  if (filters.length > 1) throw invalidNode(`<${tag}> may hold one <filter>; nest more inside it.`);
  return filters.length === 1 ? parseFilterNode(filters[0]) : undefined;
}

function parseEntityBody(element: XmlElement, tag: string, name: string, alias: string, aliases: Map<string, number>): EntityNode {
  checkShape(element, tag);
  return {
    name,
    alias,
    attributes: children(element, "attribute").map(parseAttribute),
    allAttributes: children(element, "all-attributes").length > 0,
    orders: children(element, "order").map(parseOrder),
    filter: singleFilter(element, tag),
    links: children(element, "link-entity").map((link) => parseLink(link, aliases)),
  };
}

function parseLink(element: XmlElement, aliases: Map<string, number>): LinkNode {
  const name = required(element, "link-entity", "name");
  const linkType = attribute(element, "link-type") ?? "inner";
  if (linkType !== "inner" && linkType !== "outer") throw badFetchXml(ERROR_CODES.QueryBuilderDeserializeInvalidLinkType, `link-type '${linkType}' is not supported by this fake Dataverse; use 'inner' or 'outer'.`);
  const numbered = (aliases.get(name) ?? 0) + 1;
  aliases.set(name, numbered);
  const alias = attribute(element, "alias") ?? `${name}${numbered}`;
  const body = parseEntityBody(element, "link-entity", name, alias, aliases);
  return { ...body, from: required(element, "link-entity", "from"), to: required(element, "link-entity", "to"), linkType };
}

/** Parses FetchXML with fast-xml-parser into the query model, rejecting malformed XML and any unsupported construct. */
export function parseFetchXml(xml: string): FetchQuery {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) throw badFetchXml(ERROR_CODES.NotAWellFormedXml, `The input XML is not well-formed XML: ${validation.err.msg}`);
  const document = parser.parse(xml) as XmlElement;
  const roots = Object.keys(document).filter((key) => key !== "?xml");
  if (roots.length !== 1 || roots[0] !== "fetch") throw invalidNode(`The root element must be <fetch>; found ${roots.map((root) => `<${root}>`).join(", ") || "none"}.`);
  const fetch = (typeof document.fetch === "object" && document.fetch !== null ? document.fetch : {}) as XmlElement;
  checkShape(fetch, "fetch");
  const entities = children(fetch, "entity");
  if (entities.length !== 1) throw invalidNode("<fetch> must hold exactly one <entity>.");
  const name = required(entities[0], "entity", "name");
  return {
    entity: parseEntityBody(entities[0], "entity", name, name, new Map()),
    top: positiveInteger(fetch, "top"),
    count: positiveInteger(fetch, "count"),
    page: positiveInteger(fetch, "page"),
    aggregate: flag(fetch, "aggregate"),
    aggregateLimit: positiveInteger(fetch, "aggregatelimit"),
    distinct: flag(fetch, "distinct"),
    useRawOrderBy: flag(fetch, "useraworderby"),
  };
}
