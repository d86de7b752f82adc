import { badQuery } from "./errors";
import { own } from "./values";

/** A row as the Web API returns it: lookups as `_x_value` plus annotations, dates as ISO text, choices as numbers. */
export type Row = Record<string, unknown>;

export type ColumnType = "uniqueidentifier" | "string" | "integer" | "boolean" | "datetime" | "picklist" | "lookup";

export interface ColumnDefinition {
  type: ColumnType;
  /** Lookups: the tables it may point at; more than one makes it polymorphic (navigation `x_<table>`). */
  targets?: readonly string[];
  /** Choices and yes/no columns: value → label, as the FormattedValue annotation shows it. */
  labels?: Readonly<Record<string, string>>;
}

export interface TableDefinition {
  logicalName: string;
  entitySetName: string;
  primaryKey: string;
  /** The column a lookup's FormattedValue shows. */
  primaryName: string;
  /** The privilege a read needs; named in the 403 that `deny` produces. */
  readPrivilege: string;
  columns: Readonly<Record<string, ColumnDefinition>>;
}

export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
export const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";
export const ANNOTATIONS = [FORMATTED, LOOKUP_TABLE] as const;

const text: ColumnDefinition = { type: "string" };
const when: ColumnDefinition = { type: "datetime" };
const id: ColumnDefinition = { type: "uniqueidentifier" };
const active: ColumnDefinition = { type: "picklist", labels: { 0: "Active", 1: "Inactive" } };
const yesNo: ColumnDefinition = { type: "boolean", labels: { true: "Yes", false: "No" } };
const testStatus: ColumnDefinition = { type: "picklist", labels: { 0: "Not Run", 1: "Success", 2: "Failure" } };
const credentials: ColumnDefinition = {
  type: "picklist",
  labels: { 0: "Credentials Specified by a User or Queue", 1: "Credentials Specified in Email Server Profile", 2: "Server to Server Authentication", 3: "Windows Integrated Authentication" },
};

/** The tables the fake knows, as data: a test can pass more to `new FakeDataverse({ tables })` or `defineTable`. */
export const DEFAULT_TABLES: readonly TableDefinition[] = [
  {
    logicalName: "mailbox",
    entitySetName: "mailboxes",
    primaryKey: "mailboxid",
    primaryName: "name",
    readPrivilege: "prvReadMailbox",
    columns: {
      mailboxid: id,
      name: text,
      emailaddress: text,
      statecode: active,
      emailserverprofile: { type: "lookup", targets: ["emailserverprofile"] },
      incomingemailstatus: testStatus,
      outgoingemailstatus: testStatus,
      actstatus: testStatus,
      enabledforincomingemail: yesNo,
      enabledforoutgoingemail: yesNo,
      enabledforact: yesNo,
      emailrouteraccessapproval: { type: "picklist", labels: { 0: "Empty", 1: "Approved", 2: "Pending Approval", 3: "Rejected" } },
      createdon: when,
      modifiedon: when,
    },
  },
  {
    logicalName: "tracelog",
    entitySetName: "tracelogs",
    primaryKey: "tracelogid",
    primaryName: "text",
    readPrivilege: "prvReadTraceLog",
    columns: {
      tracelogid: id,
      text,
      level: { type: "picklist", labels: { 1: "Information", 2: "Warning", 3: "Error" } },
      tracecode: { type: "integer" },
      regardingobjectid: { type: "lookup", targets: ["mailbox", "emailserverprofile"] },
      createdon: when,
      modifiedon: when,
    },
  },
  {
    logicalName: "emailserverprofile",
    entitySetName: "emailserverprofiles",
    primaryKey: "emailserverprofileid",
    primaryName: "name",
    readPrivilege: "prvReadEmailServerProfile",
    columns: {
      emailserverprofileid: id,
      name: text,
      statecode: active,
      modifiedon: when,
      incomingcredentialretrieval: credentials,
      outgoingcredentialretrieval: credentials,
      usesamesettingsforoutgoingconnections: yesNo,
      // Text 250, readable (the passwords are write-only): the EmailServerProfile table reference.
      incomingusername: text,
      outgoingusername: text,
      servertype: {
        type: "picklist",
        labels: { 0: "Exchange Server", 1: "Other (POP3/SMTP)", 2: "Exchange Server (Hybrid)", 3: "Exchange Online (Hybrid)", 4: "IMAP/SMTP" },
      },
    },
  },
  {
    logicalName: "systemuser",
    entitySetName: "systemusers",
    primaryKey: "systemuserid",
    primaryName: "fullname",
    readPrivilege: "prvReadUser",
    columns: { systemuserid: id, fullname: text, domainname: text, internalemailaddress: text },
  },
];

/** The Web API property of a column: a lookup `x` is read as `_x_value`. */
export function propertyName(logicalName: string, column: ColumnDefinition): string {
  return column.type === "lookup" ? `_${logicalName}_value` : logicalName;
}

/** A resolved column: where its value sits on a row, and what type it has. */
export interface ColumnRef {
  table: TableDefinition;
  logicalName: string;
  property: string;
  definition: ColumnDefinition;
}

/** A single-valued navigation property: the lookup it follows and the one table it reaches. */
export interface Navigation {
  lookup: ColumnRef;
  target: string;
}

/** The tables of one fake, with the name lookups each query needs, built once per table. */
export class Schema {
  private readonly tables = new Map<string, TableDefinition>();
  private readonly byProperty = new Map<string, Map<string, ColumnRef>>();

  constructor(tables: readonly TableDefinition[]) {
    for (const table of tables) this.define(table);
  }

  define(table: TableDefinition): void {
    this.tables.set(table.logicalName, table);
    const properties = new Map<string, ColumnRef>();
    for (const [logicalName, definition] of Object.entries(table.columns)) {
      const property = propertyName(logicalName, definition);
      properties.set(property, { table, logicalName, property, definition });
    }
    this.byProperty.set(table.logicalName, properties);
  }

  find(logicalName: string): TableDefinition | undefined {
    return this.tables.get(logicalName);
  }

  /** A column by its Web API property name (`name`, `_emailserverprofile_value`), or a 400 naming it. */
  property(table: TableDefinition, property: string): ColumnRef {
    const column = this.byProperty.get(table.logicalName)?.get(property);
    if (column === undefined) throw badQuery(`Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`);
    return column;
  }

  /** A column by its logical name (`emailserverprofile`), as FetchXML names it. */
  column(table: TableDefinition, logicalName: string): ColumnRef | undefined {
    const definition = own(table.columns, logicalName);
    return definition === undefined ? undefined : { table, logicalName, property: propertyName(logicalName, definition), definition };
  }

  /** `emailserverprofile` for a lookup with one target; `regardingobjectid_mailbox` for each target of a polymorphic one. */
  navigation(table: TableDefinition, name: string): Navigation {
    for (const [logicalName, definition] of Object.entries(table.columns)) {
      const targets = definition.targets ?? [];
      if (definition.type !== "lookup") continue;
      const lookup = { table, logicalName, property: propertyName(logicalName, definition), definition };
      if (targets.length === 1 && name === logicalName) return { lookup, target: targets[0] };
      const target = targets.find((candidate) => targets.length > 1 && name === `${logicalName}_${candidate}`);
      if (target !== undefined) return { lookup, target };
    }
    throw badQuery(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`);
  }
}

/** What a query reads from the fake: the schema, the rows of a table, one row by id, and the fake's clock. */
export interface QueryContext {
  schema: Schema;
  rows(entity: string): readonly Row[];
  byId(entity: string, id: string): Row | undefined;
  /** Throws the 403 for a table the caller may not read; joins and navigation reach other tables too. */
  assertReadable(entity: string): void;
  now: Date;
}
