import { classifyShape, cleanUp, validateUserName } from "../validation";
import { MAX_ROWS, mailboxByAddress, mailboxesByAccount, usersByAccount, usersByLogOnName, type DirectoryQuery } from "./odata";

export { odataStringLiteral } from "./odata";

export interface DirectoryMailbox {
  name?: string;
  emailaddress: string;
}

export interface DirectoryFinding {
  /** "unknown": the directory could not be asked, or did not answer; never a reason to alarm anyone. */
  status: "found" | "notFound" | "unknown";
  mailboxes: DirectoryMailbox[];
  /** Addresses found for a down-level or bare name, each one a valid UPN. */
  suggestions: string[];
}

export interface IDirectory {
  lookUp(value: string): Promise<DirectoryFinding>;
}

export type DirectoryWebApi = Pick<ComponentFramework.WebApi, "retrieveMultipleRecords">;

export const DEFAULT_TIMEOUT_MS = 5000;
export const UNKNOWN: DirectoryFinding = { status: "unknown", mailboxes: [], suggestions: [] };

type Row = Record<string, unknown>;

function stringField(row: Row, field: string): string | undefined {
  const value = row[field];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Rejects a call that hangs, so the control never waits on a directory that does not answer. */
function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function run(webApi: DirectoryWebApi, query: DirectoryQuery, timeoutMs: number): Promise<Row[]> {
  // A synchronous throw (no WebAPI in this host) is a failure like any other.
  const response = await withTimeout(Promise.resolve().then(() => webApi.retrieveMultipleRecords(query.entity, query.options)), timeoutMs);
  const entities: unknown = (response as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(entities)) throw new Error("Unexpected response");
  return entities.filter((row): row is Row => typeof row === "object" && row !== null);
}

function toMailboxes(rows: readonly Row[]): DirectoryMailbox[] {
  const mailboxes: DirectoryMailbox[] = [];
  for (const row of rows) {
    const emailaddress = stringField(row, "emailaddress");
    if (emailaddress) mailboxes.push({ name: stringField(row, "name"), emailaddress });
  }
  return mailboxes;
}

/** Every address a row offers: a user's primary email, a UPN-shaped log-on name, a mailbox's address. */
function addressesOf(row: Row): string[] {
  return ["internalemailaddress", "domainname", "emailaddress"]
    .map((field) => stringField(row, field))
    .filter((address): address is string => address !== undefined);
}

/** Valid UPNs only, each once whatever its case, at most a handful. */
export function toSuggestions(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  const suggestions: string[] = [];
  for (const address of rows.flatMap(addressesOf)) {
    const key = address.toLowerCase();
    if (seen.has(key) || suggestions.length >= MAX_ROWS) continue;
    const verdict = validateUserName(address);
    if (verdict.kind !== "upn" || verdict.severity === "error" || verdict.suggestions.length > 0) continue;
    seen.add(key);
    suggestions.push(address);
  }
  return suggestions;
}

/** The queries a value calls for; none for a value the directory cannot help with. */
export function queriesFor(value: string): { kind: "address" | "account"; queries: DirectoryQuery[] } {
  const shape = classifyShape(cleanUp(value).cleaned);
  if (shape.kind === "upn") {
    const address = `${shape.local}@${shape.domain}`;
    const clean = validateUserName(address).severity !== "error";
    return { kind: "address", queries: clean ? [mailboxByAddress(address)] : [] };
  }
  if (shape.kind === "bare") return { kind: "account", queries: [usersByAccount(shape.account), mailboxesByAccount(shape.account)] };
  if (shape.kind !== "downlevel" || shape.account === "" || shape.domain === ".") return { kind: "account", queries: [] };
  return {
    kind: "account",
    queries: [usersByLogOnName(shape.domain, shape.account), usersByAccount(shape.account), mailboxesByAccount(shape.account)],
  };
}

async function lookUpUncached(webApi: DirectoryWebApi, value: string, timeoutMs: number): Promise<DirectoryFinding> {
  const plan = queriesFor(value);
  if (plan.queries.length === 0) return UNKNOWN;
  const answers = await Promise.allSettled(plan.queries.map((query) => run(webApi, query, timeoutMs)));
  const rows = answers.flatMap((answer) => (answer.status === "fulfilled" ? answer.value : []));
  const anyFailed = answers.some((answer) => answer.status === "rejected");
  const mailboxRows = plan.queries.flatMap((query, index) => {
    const answer = answers[index];
    return query.entity === "mailbox" && answer.status === "fulfilled" ? answer.value : [];
  });
  const mailboxes = toMailboxes(mailboxRows);
  const suggestions = plan.kind === "account" ? toSuggestions(rows) : [];
  const found = plan.kind === "address" ? mailboxes.length > 0 : suggestions.length > 0;
  if (!found && anyFailed) return UNKNOWN;
  return { status: found ? "found" : "notFound", mailboxes, suggestions };
}

/**
 * Looks a user name up in this environment's mailboxes and users through the Web API. Each distinct
 * value (any case) is asked about once; every failure becomes "unknown", and nothing ever rejects.
 */
export function createDirectory(webApi: DirectoryWebApi, options?: { timeoutMs?: number }): IDirectory {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cache = new Map<string, Promise<DirectoryFinding>>();
  return {
    lookUp(value: string): Promise<DirectoryFinding> {
      const key = String(value ?? "").trim().toLowerCase();
      const cached = cache.get(key);
      if (cached) return cached;
      const finding = lookUpUncached(webApi, String(value ?? ""), timeoutMs).catch(() => UNKNOWN);
      cache.set(key, finding);
      return finding;
    },
  };
}
