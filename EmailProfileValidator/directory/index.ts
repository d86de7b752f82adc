import { classifyShape, cleanUp, distinctIgnoringCase, passesAsIs, validateUserName } from "../validation";
import { MAX_ROWS, field, mailboxByAddress, mailboxesByAccount, userBySignInName, usersByAccount, usersByLogOnName, type DirectoryQuery, type Row } from "./odata";

export { odataStringLiteral } from "./odata";

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

export interface IDirectory {
  lookUp(value: string): Promise<DirectoryFinding>;
}

export type DirectoryWebApi = Pick<ComponentFramework.WebApi, "retrieveMultipleRecords">;

export const DEFAULT_TIMEOUT_MS = 5000;
/** Distinct values remembered; a form sees a few dozen, so the oldest go long before memory matters. */
export const CACHE_SIZE = 300;
/** After a failure the same value is asked again no sooner than this, doubling each time up to the cap. */
export const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;
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

async function ask(webApi: DirectoryWebApi, plan: QueryPlan, timeoutMs: number): Promise<{ finding: DirectoryFinding; failed: boolean }> {
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
  if (!found && failed) return { finding: UNKNOWN, failed };
  const user = plan.kind === "address" ? signedInUser(answers) : undefined;
  return { finding: { status: found ? "found" : "notFound", mailboxes, suggestions, ...(user ? { user } : {}) }, failed };
}

/** Least recently used out: a Map keeps insertion order, and a hit moves to the back. */
class RecentAnswers {
  private readonly answers = new Map<string, Promise<DirectoryFinding>>();

  public get(key: string): Promise<DirectoryFinding> | undefined {
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  public set(key: string, answer: Promise<DirectoryFinding>): void {
    this.answers.delete(key);
    this.answers.set(key, answer);
    const oldest = this.answers.keys().next();
    if (this.answers.size > CACHE_SIZE && !oldest.done) this.answers.delete(oldest.value);
  }

  public delete(key: string): void {
    this.answers.delete(key);
  }
}

interface Failure {
  count: number;
  retryAt: number;
  finding: DirectoryFinding;
}

/**
 * Looks a user name up in this environment's mailboxes and users through the Web API. An answer is
 * kept per value as asked; a failure is not kept, and the same value is asked again only after a
 * back-off that doubles. Every failure becomes "unknown", and nothing ever rejects.
 */
export function createDirectory(webApi: DirectoryWebApi, options?: { timeoutMs?: number; now?: () => number }): IDirectory {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options?.now ?? Date.now;
  const answers = new RecentAnswers();
  const failures = new Map<string, Failure>();
  function lookUpOnce(value: unknown): Promise<DirectoryFinding> {
    const plan = queriesFor(typeof value === "string" ? value : "");
    if (plan.queries.length === 0) return Promise.resolve(UNKNOWN);
    const key = cacheKeyOf(plan);
    const cached = answers.get(key);
    if (cached) return cached;
    const failure = failures.get(key);
    if (failure && now() < failure.retryAt) return Promise.resolve(failure.finding);
    const finding = ask(webApi, plan, timeoutMs)
      .catch(() => ({ finding: UNKNOWN, failed: true }))
      .then(({ finding: answer, failed }) => {
        if (!failed) {
          failures.delete(key);
          return answer;
        }
        answers.delete(key);
        const count = (failure?.count ?? 0) + 1;
        const wait = Math.min(FIRST_RETRY_MS * 2 ** (count - 1), MAX_RETRY_MS);
        failures.set(key, { count, retryAt: now() + wait, finding: answer });
        return answer;
      });
    answers.set(key, finding);
    return finding;
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
  };
}
