import type { IHealthQuery } from "./queries";
import type { Row } from "./rows";

export type HealthWebApi = Pick<ComponentFramework.WebApi, "retrieveMultipleRecords">;


/** What a failed request was: the platform's own codes decide, whatever the wrapper around them. */
export type FailureKind = "denied" | "throttled" | "aggregate-limit" | "failed";

class RequestFailure extends Error {
  public constructor(
    public readonly kind: FailureKind,
    public readonly retryAfterMs?: number,
  ) {
    super(kind);
  }
}

/**
 * Dataverse's codes, signed as the error tables list them ("Web service error codes"; the client API reports the
 * same number unsigned): 0x80040220 PrivilegeDenied (HTTP 403); 0x80072322, 0x80072321, 0x80072326 the service
 * protection limits (HTTP 429, "Service protection API limits"); 0x8004E023 AggregateQueryRecordLimit exceeded
 * ("Aggregate data using FetchXml": more than 50,000 records).
 */
const PRIVILEGE_DENIED = -2147220960;
const SERVICE_PROTECTION = [-2147015902, -2147015903, -2147015898];
const AGGREGATE_LIMIT = -2147164125;

const signed = (value: unknown): number | undefined => {
  if (typeof value === "number" && Number.isFinite(value)) return value | 0;
  if (typeof value === "string" && /^0x[0-9a-f]{8}$/i.test(value)) return Number.parseInt(value.slice(2), 16) | 0;
  return undefined;
};

function fieldOf(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** Seconds from `retryAfter` or a Retry-After header, as the API limits page says a 429 carries. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = fieldOf(error, "headers");
  const header = typeof headers === "object" && headers !== null ? (headers as Record<string, unknown>)["Retry-After"] : undefined;
  const seconds = Number(fieldOf(error, "retryAfter") ?? header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export function failureOf(error: unknown): RequestFailure {
  if (error instanceof RequestFailure) return error;
  const codes = [signed(fieldOf(error, "errorCode")), signed(fieldOf(error, "code"))];
  const status = fieldOf(error, "status") ?? fieldOf(error, "httpStatusCode");
  const text = fieldOf(error, "message");
  const message = typeof text === "string" ? text : "";
  if (status === 403 || codes.includes(PRIVILEGE_DENIED)) return new RequestFailure("denied");
  if (status === 429 || codes.some((code) => code !== undefined && SERVICE_PROTECTION.includes(code))) return new RequestFailure("throttled", retryAfterMs(error));
  if (codes.includes(AGGREGATE_LIMIT) || message.includes("AggregateQueryRecordLimit")) return new RequestFailure("aggregate-limit");
  return new RequestFailure("failed");
}

export interface IRequestOptions {
  timeoutMs: number;
  /** The longest a Retry-After is waited for; a longer one fails the part as "could not check now". */
  maxRetryWaitMs: number;
  wait: (ms: number) => Promise<void>;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestFailure("failed")), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function once(webApi: HealthWebApi, query: IHealthQuery, options: IRequestOptions): Promise<Row[]> {
  // A synchronous throw is a failure like any other.
  const answer = await withTimeout(Promise.resolve().then(() => webApi.retrieveMultipleRecords(query.entity, query.options)), options.timeoutMs);
  const entities: unknown = (answer as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(entities)) throw new RequestFailure("failed");
  return entities.filter((row): row is Row => typeof row === "object" && row !== null);
}

/** One query, retried once after a 429's Retry-After (Microsoft: "interactive applications should retry"), read-only. */
export async function ask(webApi: HealthWebApi, query: IHealthQuery, options: IRequestOptions): Promise<Row[]> {
  try {
    return await once(webApi, query, options);
  } catch (error) {
    const failure = failureOf(error);
    if (failure.kind !== "throttled") throw failure;
    const waitMs = failure.retryAfterMs ?? 1000;
    if (waitMs > options.maxRetryWaitMs) throw new RequestFailure("failed");
    await options.wait(waitMs);
    try {
      return await once(webApi, query, options);
    } catch (second) {
      const again = failureOf(second);
      throw again.kind === "throttled" ? new RequestFailure("failed") : again;
    }
  }
}
