import { badQuery, DataverseError, ERROR_CODES, privilegeDenied, recordNotFound, tooManyRequests, type DataverseErrorInit } from "./errors";
import { runFetchXml } from "./fetchXmlRun";
import { parseOptions, project, runODataQuery, type Response } from "./odata";
import { fakeGuid, setColumn, type Reference } from "./rows";
import { DEFAULT_TABLES, Schema, type QueryContext, type Row, type TableDefinition } from "./schema";
import { asText, normalizeGuid } from "./values";

export { DataverseError, ERROR_CODES, signedErrorCode, unsignedErrorCode, type DataverseErrorInit } from "./errors";
export { AGGREGATE_RECORD_LIMIT } from "./fetchXmlAggregate";
export { MORE_RECORDS } from "./fetchXmlRun";
export { BASE_URL, MAX_PAGE_SIZE } from "./odata";
export { alertRow, buildRow, fakeGuid, many, mailboxRow, profileRow, referenceTo, userRow, type Reference, type RowValues } from "./rows";
export { DEFAULT_TABLES, FORMATTED, LOOKUP_TABLE, type ColumnDefinition, type ColumnType, type Row, type TableDefinition } from "./schema";

/** One read, as the caller made it, with what the service decoded from it for assertions. */
export interface RecordedRequest {
  operation: "retrieveMultipleRecords" | "retrieveRecord";
  entity: string;
  options: string | undefined;
  maxPageSize?: number;
  id?: string;
  /** Every query option, decoded; absent when the options could not be decoded (that request was rejected). */
  query?: Readonly<Record<string, string>>;
  /** The decoded FetchXML, for `?fetchXml=` requests. */
  fetchXml?: string;
  /** The decoded $filter, for OData requests. */
  filter?: string;
}

export interface RecordedWrite {
  operation: "createRecord" | "updateRecord" | "deleteRecord";
  entity: string;
  id?: string;
  data?: ComponentFramework.WebApi.Entity;
}

export interface FakeDataverseOptions {
  /** The clock last-x-days reads and writes stamp; a test may also set `fake.now`. */
  now?: Date | string;
  /** The tables the fake knows; DEFAULT_TABLES unless given. */
  tables?: readonly TableDefinition[];
  /** The signed-in user, named in 403 messages. */
  callerId?: string;
}

const BIND = "@odata.bind";

/**
 * A Dataverse Web API for tests that evaluates every query against in-memory rows: OData options through a real
 * parser, FetchXML through fast-xml-parser, with the platform's paging and its real errors. It never matches query
 * text, so a query that would fail or match nothing on Dataverse fails or matches nothing here.
 *
 * OData: $select, $filter (eq ne gt ge lt le, and or not, parentheses, '' in literals, numbers, true/false/null,
 * GUIDs and ISO dates unquoted, startswith/endswith/contains as LIKE, one hop through a single-valued navigation
 * property such as regardingobjectid_mailbox/…), $orderby, $top, nextLink paging. FetchXML: fetch top/count/page/
 * aggregate/aggregatelimit/distinct, attribute (alias, aggregate, distinct, groupby), all-attributes, order, nested
 * filters, the condition operators in fetchXmlFilter.ts, inner and outer link-entity. Everything else is a 400 that
 * names what was not supported. Text compares case-insensitively and NULL never equals anything, as in SQL Server.
 */
export class FakeDataverse implements ComponentFramework.WebApi {
  readonly requests: RecordedRequest[] = [];
  readonly writes: RecordedWrite[] = [];
  now: Date;
  callerId: string;
  private readonly schema: Schema;
  private readonly data = new Map<string, Row[]>();
  private readonly indexes = new Map<string, Map<string, Row>>();
  private readonly denied = new Set<string>();
  private readonly hanging = new Set<string>();
  private readonly failures = new Map<string, DataverseError>();
  private throttledRequests = 0;
  private throttleSeconds = 0;

  constructor(options: FakeDataverseOptions = {}) {
    this.now = new Date(options.now ?? "2026-11-30T10:00:00Z");
    this.callerId = options.callerId ?? "5f6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
    this.schema = new Schema(options.tables ?? DEFAULT_TABLES);
  }

  /** Adds a table (or replaces one of the same name). */
  defineTable(definition: TableDefinition): this {
    this.schema.define(definition);
    return this;
  }

  /** Seeds rows; an array of any length is fine (120,000 rows take one loop, no spread). */
  add(entity: string, rows: Row | readonly Row[]): this {
    const table = this.table(entity);
    const stored = this.rowsOf(table.logicalName);
    for (const row of Array.isArray(rows) ? (rows as readonly Row[]) : [rows as Row]) {
      if (typeof row[table.primaryKey] !== "string") throw new Error(`A ${entity} row needs its ${table.primaryKey}`);
      stored.push(row);
    }
    this.indexes.delete(table.logicalName);
    return this;
  }

  /** The stored rows of a table, live: writes show here. */
  rows(entity: string): readonly Row[] {
    return this.rowsOf(this.table(entity).logicalName);
  }

  /** Reads of this table (directly, by join or by navigation) fail with the platform's 403 PrivilegeDenied. */
  deny(entity: string): this {
    this.denied.add(entity);
    return this;
  }

  /** The next `count` requests, of any kind, fail with 429 and the service-protection error. */
  throttle(count: number, retryAfterSeconds: number): this {
    this.throttledRequests = count;
    this.throttleSeconds = retryAfterSeconds;
    return this;
  }

  /** Requests to this table never settle, as a call stuck on the network. */
  hang(entity: string): this {
    this.hanging.add(entity);
    return this;
  }

  /** Requests to this table fail with this error (a DataverseError, or the fields to make one). */
  failWith(entity: string, error: DataverseError | DataverseErrorInit): this {
    this.failures.set(entity, error instanceof DataverseError ? error : new DataverseError(error));
    return this;
  }

  /** Clears deny, throttle, hang and failWith. */
  heal(): this {
    this.denied.clear();
    this.hanging.clear();
    this.failures.clear();
    this.throttledRequests = 0;
    return this;
  }

  retrieveMultipleRecords(entityLogicalName: string, options?: string, maxPageSize?: number): Promise<Response> {
    this.recordRead({ operation: "retrieveMultipleRecords", entity: entityLogicalName, options, maxPageSize });
    return this.respond(entityLogicalName, () => {
      const table = this.readable(entityLogicalName);
      const parsed = parseOptions(options);
      const fetchXml = parsed.get("fetchXml");
      if (fetchXml !== undefined) return runFetchXml(this.context(), table.logicalName, fetchXml, maxPageSize);
      return runODataQuery(this.context(), table, options, parsed, maxPageSize);
    });
  }

  retrieveRecord(entityType: string, id: string, options?: string): Promise<ComponentFramework.WebApi.Entity> {
    this.recordRead({ operation: "retrieveRecord", entity: entityType, options, id });
    return this.respond(entityType, () => {
      const table = this.readable(entityType);
      const parsed = parseOptions(options);
      for (const name of parsed.keys()) if (name !== "$select") throw badQuery(`retrieveRecord here takes $select only; got ${name}.`);
      const row = this.context().byId(table.logicalName, id);
      if (row === undefined) throw recordNotFound(table.logicalName, id);
      const select = parsed.get("$select")?.split(",").map((property) => this.schema.property(table, property.trim()).property);
      return project(row, table, select);
    });
  }

  createRecord(entityType: string, data: ComponentFramework.WebApi.Entity): Promise<ComponentFramework.LookupValue> {
    this.writes.push({ operation: "createRecord", entity: entityType, data: { ...data } });
    return this.respond(entityType, () => {
      const table = this.table(entityType);
      const row: Row = {};
      const id = typeof data[table.primaryKey] === "string" ? (data[table.primaryKey] as string) : fakeGuid(0x6e657700, this.rowsOf(table.logicalName).length + 1);
      for (const logicalName of Object.keys(table.columns)) setColumn(row, table, logicalName, null);
      this.applyData(table, row, { ...data, [table.primaryKey]: id.toLowerCase() });
      for (const stamp of ["createdon", "modifiedon"]) if (stamp in table.columns && row[stamp] === null) row[stamp] = this.now.toISOString();
      this.add(table.logicalName, row);
      return { id: String(row[table.primaryKey]), entityType: table.logicalName };
    });
  }

  updateRecord(entityType: string, id: string, data: ComponentFramework.WebApi.Entity): Promise<ComponentFramework.LookupValue> {
    this.writes.push({ operation: "updateRecord", entity: entityType, id, data: { ...data } });
    return this.respond(entityType, () => {
      const table = this.table(entityType);
      const row = this.context().byId(table.logicalName, id);
      if (row === undefined) throw recordNotFound(table.logicalName, id);
      this.applyData(table, row, data);
      if ("modifiedon" in table.columns) row.modifiedon = this.now.toISOString();
      return { id: String(row[table.primaryKey]), entityType: table.logicalName };
    });
  }

  deleteRecord(entityType: string, id: string): Promise<ComponentFramework.LookupValue> {
    this.writes.push({ operation: "deleteRecord", entity: entityType, id });
    return this.respond(entityType, () => {
      const table = this.table(entityType);
      const row = this.context().byId(table.logicalName, id);
      if (row === undefined) throw recordNotFound(table.logicalName, id);
      const stored = this.rowsOf(table.logicalName);
      stored.splice(stored.indexOf(row), 1);
      this.indexes.delete(table.logicalName);
      return { id: String(row[table.primaryKey]), entityType: table.logicalName };
    });
  }

  /** Records the read with its options decoded, so a test can assert on the FetchXML or $filter actually sent. */
  private recordRead(request: RecordedRequest): void {
    try {
      const parsed = parseOptions(request.options);
      request.query = Object.fromEntries(parsed);
      request.fetchXml = parsed.get("fetchXml");
      request.filter = parsed.get("$filter");
    } catch {
      // Undecodable options are rejected when the request runs; the record keeps the raw text.
    }
    this.requests.push(request);
  }

  /** Service protection first (it refuses before anything else), then the table's injected fault, then the work. */
  private respond<T>(entity: string, work: () => T): Promise<T> {
    if (this.throttledRequests > 0) {
      this.throttledRequests--;
      return Promise.reject(tooManyRequests(this.throttleSeconds));
    }
    if (this.hanging.has(entity)) return new Promise<T>(() => undefined);
    const failure = this.failures.get(entity);
    if (failure !== undefined) return Promise.reject(failure);
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private table(entity: string): TableDefinition {
    const table = this.schema.find(entity);
    if (table === undefined) throw new DataverseError({ code: ERROR_CODES.ODataQuery, message: `Resource not found for the segment '${entity}'.`, status: 404 });
    return table;
  }

  private readable(entity: string): TableDefinition {
    const table = this.table(entity);
    this.context().assertReadable(entity);
    return table;
  }

  private rowsOf(entity: string): Row[] {
    let rows = this.data.get(entity);
    if (rows === undefined) this.data.set(entity, (rows = []));
    return rows;
  }

  private index(entity: string): Map<string, Row> {
    let index = this.indexes.get(entity);
    if (index !== undefined) return index;
    const primaryKey = this.table(entity).primaryKey;
    index = new Map(this.rowsOf(entity).map((row) => [String(row[primaryKey]).toLowerCase(), row]));
    this.indexes.set(entity, index);
    return index;
  }

  private context(): QueryContext {
    return {
      schema: this.schema,
      rows: (entity) => this.rowsOf(entity),
      byId: (entity, id) => {
        const index = this.index(entity);
        // Stored ids are lower case already; only other spellings ({…}, upper case) need normalizing.
        return index.get(id) ?? index.get(normalizeGuid(id) ?? id.toLowerCase());
      },
      assertReadable: (entity) => {
        if (this.denied.has(entity)) throw privilegeDenied(entity, this.table(entity).readPrivilege, this.callerId);
      },
      now: this.now,
    };
  }

  /** Applies a Web API body: plain columns by property name, lookups only through `nav@odata.bind`. */
  private applyData(table: TableDefinition, row: Row, data: ComponentFramework.WebApi.Entity): void {
    for (const [key, value] of Object.entries(data)) {
      if (key.endsWith(BIND)) {
        const { lookup, target } = this.schema.navigation(table, key.slice(0, -BIND.length));
        setColumn(row, table, lookup.logicalName, value === null ? null : this.bindReference(target, asText(value)));
        continue;
      }
      const column = this.schema.property(table, key);
      if (column.definition.type === "lookup") throw badQuery(`Set the lookup ${column.logicalName} with ${column.logicalName}@odata.bind, not ${key}.`);
      setColumn(row, table, column.logicalName, value);
    }
  }

  /** "/mailboxes(<id>)" → a Reference to that record, named as its lookup will show it. */
  private bindReference(target: string, value: string): Reference {
    const table = this.table(target);
    const match = /^\/?([A-Za-z_]\w*)\(\{?([0-9a-fA-F-]{36})\}?\)$/.exec(value);
    if (match?.[1] !== table.entitySetName) throw badQuery(`'${value}' is not a reference to a ${target} (expected /${table.entitySetName}(<id>)).`);
    const related = this.context().byId(target, match[2]);
    const name = related?.[table.primaryName];
    return { id: match[2], entityType: target, name: typeof name === "string" ? name : undefined };
  }
}

/** Options for a FetchXML query, encoded as a caller sends them. */
export function fetchXmlOptions(xml: string): string {
  return `?fetchXml=${encodeURIComponent(xml)}`;
}
