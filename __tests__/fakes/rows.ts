import { asText, own } from "./values";
import { DEFAULT_TABLES, FORMATTED, LOOKUP_TABLE, propertyName, type Row, type TableDefinition } from "./schema";

/** A lookup's value as a test writes it: the record it points at, which table, and the name it shows. */
export interface Reference {
  id: string;
  entityType: string;
  name?: string;
}

/** Column values by logical name; a lookup takes a Reference (or null). */
export type RowValues = Record<string, unknown>;

const DEFAULT_SCHEMA = new Map(DEFAULT_TABLES.map((table) => [table.logicalName, table]));

/** A deterministic GUID: the seed names the table or scenario, the index the row. Cheap enough for 100,000 rows. */
export function fakeGuid(seed: number, index: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, "0");
  return `${hex(seed >>> 0, 8)}-0000-4000-8000-${hex(index, 12)}`;
}

function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && "id" in value && "entityType" in value;
}

/** What writing one column needs, worked out once per table rather than once per row. */
interface ColumnPlan {
  logicalName: string;
  property: string;
  isLookup: boolean;
  labels?: Readonly<Record<string, string>>;
  formattedKey: string;
  lookupTableKey: string;
}

const plans = new WeakMap<TableDefinition, Map<string, ColumnPlan>>();

function planOf(table: TableDefinition): Map<string, ColumnPlan> {
  let plan = plans.get(table);
  if (plan !== undefined) return plan;
  plan = new Map();
  for (const [logicalName, column] of Object.entries(table.columns)) {
    const property = propertyName(logicalName, column);
    plan.set(logicalName, { logicalName, property, isLookup: column.type === "lookup", labels: column.labels, formattedKey: property + FORMATTED, lookupTableKey: property + LOOKUP_TABLE });
  }
  plans.set(table, plan);
  return plan;
}

/** Writes a column and its annotations; on a fresh row there is nothing stale to remove. */
function writeColumn(row: Row, column: ColumnPlan, value: unknown, fresh: boolean): void {
  if (!fresh) {
    delete row[column.formattedKey];
    delete row[column.lookupTableKey];
  }
  if (column.isLookup) {
    const reference = isReference(value) ? value : undefined;
    if (value !== null && value !== undefined && reference === undefined) throw new Error(`${column.logicalName} takes a Reference`);
    row[column.property] = reference?.id.toLowerCase() ?? null;
    if (reference === undefined) return;
    row[column.lookupTableKey] = reference.entityType;
    if (reference.name !== undefined) row[column.formattedKey] = reference.name;
    return;
  }
  row[column.property] = value ?? null;
  const label = value === null || value === undefined ? undefined : own(column.labels, asText(value));
  if (label !== undefined) row[column.formattedKey] = label;
}

/** Puts one column on an existing row the way the Web API returns it, annotations included. */
export function setColumn(row: Row, table: TableDefinition, logicalName: string, value: unknown): void {
  const column = planOf(table).get(logicalName);
  if (column === undefined) throw new Error(`${table.logicalName} has no column ${logicalName}`);
  writeColumn(row, column, value, false);
}

/** A full row of any known table: every column present (null when not given), so `$select`-less reads look real. */
export function buildRow(table: TableDefinition, values: RowValues): Row {
  const plan = planOf(table);
  for (const logicalName of Object.keys(values)) if (!plan.has(logicalName)) throw new Error(`${table.logicalName} has no column ${logicalName}`);
  const row: Row = {};
  for (const column of plan.values()) writeColumn(row, column, values[column.logicalName], true);
  return row;
}

function known(logicalName: string): TableDefinition {
  const table = DEFAULT_SCHEMA.get(logicalName);
  if (table === undefined) throw new Error(`Unknown table ${logicalName}`);
  return table;
}

let sequence = 0;
/** A fresh id for a builder call that gave none. */
function nextId(seed: number): string {
  sequence += 1;
  return fakeGuid(seed, sequence);
}

const CREATED = "2026-11-01T08:00:00Z";

/** "Pat Doe" → pat.doe@contoso.com. */
function addressFor(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@contoso.com`;
}

/** A mailbox that was approved and passed its last test, unless told otherwise. */
export function mailboxRow(values: RowValues = {}): Row {
  const name = typeof values.name === "string" ? values.name : "Mailbox";
  return buildRow(known("mailbox"), {
    mailboxid: "mailboxid" in values ? undefined : nextId(0x6d61696c),
    name,
    emailaddress: "emailaddress" in values ? undefined : addressFor(name),
    statecode: 0,
    incomingemailstatus: 1,
    outgoingemailstatus: 1,
    actstatus: 0,
    enabledforincomingemail: true,
    enabledforoutgoingemail: true,
    enabledforact: false,
    emailrouteraccessapproval: 1,
    createdon: CREATED,
    modifiedon: CREATED,
    ...values,
  });
}

/** An alert (a tracelog row): an Error about a mailbox unless told otherwise; `regardingobjectid` takes a Reference. */
export function alertRow(values: RowValues = {}): Row {
  return buildRow(known("tracelog"), {
    tracelogid: "tracelogid" in values ? undefined : nextId(0x74726163),
    text: "Email cannot be received because the credentials are not valid.",
    level: 3,
    tracecode: 13,
    createdon: CREATED,
    modifiedon: CREATED,
    ...values,
  });
}

export function profileRow(values: RowValues = {}): Row {
  return buildRow(known("emailserverprofile"), {
    emailserverprofileid: nextId(0x70726f66),
    name: "Microsoft Exchange Online",
    statecode: 0,
    modifiedon: CREATED,
    incomingcredentialretrieval: 2,
    outgoingcredentialretrieval: 2,
    usesamesettingsforoutgoingconnections: true,
    servertype: 0,
    ...values,
  });
}

export function userRow(values: RowValues = {}): Row {
  const fullname = typeof values.fullname === "string" ? values.fullname : "Pat Doe";
  const address = addressFor(fullname);
  return buildRow(known("systemuser"), { systemuserid: nextId(0x75736572), fullname, domainname: address, internalemailaddress: address, ...values });
}

/** A Reference to a row, for another row's lookup. */
export function referenceTo(table: TableDefinition | string, row: Row): Reference {
  const definition = typeof table === "string" ? known(table) : table;
  const name = row[definition.primaryName];
  return { id: String(row[definition.primaryKey]), entityType: definition.logicalName, name: typeof name === "string" ? name : undefined };
}

/** Many rows from one builder: `many(120_000, (i) => mailboxRow({ mailboxid: fakeGuid(1, i), name: `Box ${i}` }))`. */
export function many(count: number, build: (index: number) => Row): Row[] {
  const rows = new Array<Row>(count);
  for (let index = 0; index < count; index++) rows[index] = build(index);
  return rows;
}
