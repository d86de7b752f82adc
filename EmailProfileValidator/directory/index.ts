import { classifyShape, cleanUp, distinctIgnoringCase, passesAsIs, validateUserName } from "../validation";
import { rememberAnswers, type IOutcome } from "./answers";
import { MAX_ROWS, field, mailboxByAddress, mailboxesByAccount, userBySignInName, usersAtDomain, usersByAccount, usersByLogOnName, type DirectoryQuery, type Row } from "./odata";

export { odataStringLiteral } from "./odata";
export { CACHE_SIZE, FIRST_RETRY_MS } from "./answers";

export interface DirectoryMailbox {
  name?: string;
  emailaddress: string;
}

export interface DirectoryFinding {
  /** "unknown": the directory could not be asked, or did not answer; never a reason to alarm anyone. */
  status: "found" | "notFound" | "unknown";
  mailboxes: DirectoryMailbox[];
  /** Addresses found for a down-level or bare name, each one a valid UPN that begins with the typed account. */
  suggestions: string[];
  /** For an address: the Dynamics user who signs in with exactly it, and that user's primary address. */
  user?: DirectoryUser;
}

export interface DirectoryUser {
  fullname?: string;
  domainname: string;
  internalemailaddress: string;
}

/** Whether anyone in this environment has an address at a domain: "unknown" when the directory could not be asked. */
export type DomainUse = "yes" | "no" | "unknown";

export interface IDirectory {
  lookUp(value: string): Promise<DirectoryFinding>;
  /** Whether a user of this environment signs in or receives mail at this domain: what backs a guessed suffix. */
  domainInUse?(domain: string): Promise<DomainUse>;
}

export type DirectoryWebApi = Pick<ComponentFramework.WebApi, "retrieveMultipleRecords">;

export const DEFAULT_TIMEOUT_MS = 5000;
const UNKNOWN: DirectoryFinding = { status: "unknown", mailboxes: [], suggestions: [] };

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

/** The mailboxes that really have the address asked about. */
function toMailboxes(query: DirectoryQuery, rows: readonly Row[]): DirectoryMailbox[] {
  return rows.flatMap((row) => query.addressesOf(row).map((emailaddress) => ({ name: field(row, "name"), emailaddress })));
}

/** Valid UPNs from rows that really match what was asked, each once whatever its case, at most a handful. */
function toSuggestions(answers: readonly { query: DirectoryQuery; rows: readonly Row[] }[]): string[] {
  const addresses = answers.flatMap(({ query, rows }) => rows.flatMap(query.addressesOf));
  return distinctIgnoringCase(addresses.filter((address) => passesAsIs(address)), (address) => address).slice(0, MAX_ROWS);
}

/** The user whose sign-in name is exactly the address asked about, from rows that really match it. */
function signedInUser(answers: readonly { query: DirectoryQuery; rows: readonly Row[] }[]): DirectoryUser | undefined {
  for (const { query, rows } of answers) {
    if (query.entity !== "systemuser") continue;
    for (const row of rows) {
      const [internalemailaddress] = query.addressesOf(row);
      const domainname = field(row, "domainname");
      if (internalemailaddress !== undefined && domainname !== undefined) return { fullname: field(row, "fullname"), domainname, internalemailaddress };
    }
  }
  return undefined;
}

interface QueryPlan {
  kind: "address" | "account";
  queries: DirectoryQuery[];
}

/** The queries a value calls for; none for a value the directory cannot help with. */
function queriesFor(value: string): QueryPlan {
  const shape = classifyShape(cleanUp(value).cleaned);
  if (shape.kind === "upn") {
    const address = `${shape.local}@${shape.domain}`;
    const clean = validateUserName(address).severity !== "error";
    return { kind: "address", queries: clean ? [mailboxByAddress(address), userBySignInName(address)] : [] };
  }
  if (shape.kind === "bare") return { kind: "account", queries: [usersByAccount(shape.account), mailboxesByAccount(shape.account)] };
  if (shape.kind !== "downlevel" || shape.account === "" || shape.domain === ".") return { kind: "account", queries: [] };
  return {
    kind: "account",
    queries: [usersByLogOnName(shape.domain, shape.account), usersByAccount(shape.account), mailboxesByAccount(shape.account)],
  };
}

/** The value exactly as it is asked about: two spellings that clean up alike share one answer. */
function cacheKeyOf(plan: QueryPlan): string {
  return plan.queries.map((query) => `${query.entity}${query.options}`).join("\n");
}

async function ask(webApi: DirectoryWebApi, plan: QueryPlan, timeoutMs: number): Promise<IOutcome<DirectoryFinding>> {
  const settled = await Promise.allSettled(plan.queries.map((query) => run(webApi, query, timeoutMs)));
  const answers = plan.queries.map((query, index) => {
    const outcome = settled[index];
    return { query, rows: outcome.status === "fulfilled" ? outcome.value : [] };
  });
  const failed = settled.some((outcome) => outcome.status === "rejected");
  // As many rows are kept as are shown.
  const mailboxes = answers.filter(({ query }) => query.entity === "mailbox").flatMap(({ query, rows }) => toMailboxes(query, rows)).slice(0, MAX_ROWS);
  const suggestions = plan.kind === "account" ? toSuggestions(answers) : [];
  const found = plan.kind === "address" ? mailboxes.length > 0 : suggestions.length > 0;
  if (!found && failed) return { answer: UNKNOWN, failed };
  const user = plan.kind === "address" ? signedInUser(answers) : undefined;
  return { answer: { status: found ? "found" : "notFound", mailboxes, suggestions, ...(user ? { user } : {}) }, failed };
}

/** A domain as a guessed suffix has it: letters, digits, hyphens and dots, nothing a query could read otherwise. */
const PLAIN_DOMAIN = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;

/** Whether any user signs in or receives mail at the domain; rows are checked, not taken on trust. */
async function askDomain(webApi: DirectoryWebApi, domain: string, timeoutMs: number): Promise<IOutcome<DomainUse>> {
  const query = usersAtDomain(domain);
  const rows = await run(webApi, query, timeoutMs);
  return { answer: rows.some((row) => query.addressesOf(row).length > 0) ? "yes" : "no", failed: false };
}

/**
 * Looks a user name up in this environment's mailboxes and users, and a guessed domain up among its users, through
 * the Web API. An answer is kept per question as asked; a failure is not kept, and the same question is asked again
 * only after a back-off that doubles (answers.ts). Every failure becomes "unknown", and nothing ever rejects.
 */
export function createDirectory(webApi: DirectoryWebApi, options?: { timeoutMs?: number; now?: () => number }): IDirectory {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options?.now ?? Date.now;
  const findings = rememberAnswers<DirectoryFinding>(UNKNOWN, now);
  const domains = rememberAnswers<DomainUse>("unknown", now);
  function lookUpOnce(value: unknown): Promise<DirectoryFinding> {
    const plan = queriesFor(typeof value === "string" ? value : "");
    if (plan.queries.length === 0) return Promise.resolve(UNKNOWN);
    return findings(cacheKeyOf(plan), () => ask(webApi, plan, timeoutMs));
  }

  return {
    lookUp(value: string): Promise<DirectoryFinding> {
      try {
        return lookUpOnce(value);
      } catch {
        // Nothing a value holds may break the field: a throw here is "could not check".
        return Promise.resolve(UNKNOWN);
      }
    },
    domainInUse(domain: string): Promise<DomainUse> {
      const plain = typeof domain === "string" ? domain.trim().toLowerCase() : "";
      // One question per domain, whatever its case; anything that is not a plain host name is never sent.
      if (!PLAIN_DOMAIN.test(plain) || !plain.includes(".")) return Promise.resolve("unknown");
      return domains(`domain\n${plain}`, () => askDomain(webApi, plain, timeoutMs));
    },
  };
}
