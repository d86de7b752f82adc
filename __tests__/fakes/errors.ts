/**
 * The one error shape the fake rejects with, modelled on what `context.webAPI` (Xrm.WebApi underneath) hands an
 * error callback, plus the HTTP facts a caller may branch on:
 *
 * - `errorCode`: number. Microsoft documents the callback's errorCode as "the error code as a positive decimal
 *   number. For example, the error code documented as 0x80040333 will be returned as 2147746611"
 *   (powerapps-docs, developer/model-driven-apps/clientapi/reference/Xrm-WebApi/includes/errorcallback-description.md).
 *   The error-code tables list the same code signed (-2147164125 is 0x8004E023); `signedErrorCode` converts.
 * - `message`: string, the platform's message (same page).
 * - `code`: string, the hexadecimal code the Web API puts in its JSON `error.code`, e.g. "0x80040220"
 *   (developer/data-platform/webapi/compose-http-requests-handle-errors.md, "Parse errors from the response").
 * - `status`: the HTTP status of the Web API response (same page, "Identify status codes").
 * - `retryAfter` and `headers["Retry-After"]`: seconds to wait, on 429 only: "the response will include a
 *   Retry-After with number of seconds" (developer/data-platform/api-limits.md, "Retry operations").
 *
 * The platform rejects with a plain object; this is an Error subclass so failures carry a stack. Read its fields,
 * never `instanceof`.
 */
export class DataverseError extends Error {
  readonly errorCode: number;
  readonly code: string;
  readonly status: number;
  readonly retryAfter?: number;
  readonly headers?: Readonly<Record<string, string>>;

  constructor(init: DataverseErrorInit) {
    super(init.message);
    this.name = "DataverseError";
    this.code = init.code;
    this.errorCode = unsignedErrorCode(init.code);
    this.status = init.status;
    if (init.retryAfter !== undefined) {
      this.retryAfter = init.retryAfter;
      this.headers = { "Retry-After": String(init.retryAfter) };
    }
  }
}

export interface DataverseErrorInit {
  /** Hexadecimal, as the Web API writes it: "0x8004E023". */
  code: string;
  message: string;
  status: number;
  retryAfter?: number;
}

/** "0x8004E023" → 2147803171, the positive decimal the client API reports. */
export function unsignedErrorCode(hexCode: string): number {
  const value = Number.parseInt(hexCode.replace(/^0x/i, ""), 16);
  if (!Number.isFinite(value)) throw new Error(`Not a hexadecimal error code: ${hexCode}`);
  return value >>> 0;
}

/** 2147803171 → -2147164125, the form the web service error-code tables and the SDK for .NET use. */
export function signedErrorCode(error: { errorCode: number }): number {
  return error.errorCode | 0;
}

/** The platform's codes this fake raises; names and hex values from powerapps-docs data-service-error-codes.md. */
export const ERROR_CODES = {
  AggregateQueryRecordLimitExceeded: "0x8004E023",
  PrivilegeDenied: "0x80040220",
  /** api-limits.md, "Number of requests". */
  ServiceProtectionRequestLimit: "0x80072322",
  ObjectDoesNotExist: "0x80040217",
  /** What the Web API answers a bad OData query option with (parse errors, unknown properties, unsupported options). */
  ODataQuery: "0x80060888",
  QueryBuilderNoAttribute: "0x80041103",
  QueryBuilderNoEntity: "0x80041102",
  QueryBuilderEntitiesDontMatch: "0x80041128",
  QueryBuilderInvalidConditionOperator: "0x80041120",
  QueryBuilderInvalidFilterType: "0x80041122",
  QueryBuilderDeserializeInvalidNode: "0x8004111c",
  QueryBuilderDeserializeInvalidLinkType: "0x80041117",
  QueryBuilderInvalidValue: "0x80041108",
  QueryBuilderInvalidAlias: "0x80041109",
  QueryBuilderDuplicateAlias: "0x80041130",
  QueryBuilderNoAlias: "0x8004110b",
  QueryBuilderAttributeCannotBeGroupByAndAggregate: "0x80041137",
  QueryBuilderAttributeWithAggregate: "0x80041107",
  QueryBuilderInvalidAggregateAttribute: "0x8004112F",
  QueryBuilderAttributeNotAllowedForAggregateOrderBy: "0x80041131",
  QueryBuilderAliasNotAllowedForNonAggregateOrderBy: "0x80041132",
  NotAWellFormedXml: "0x80048426",
} as const;

/** A 400 for an OData query the fake (or Dataverse) will not run; the message says what was wrong. */
export function badQuery(message: string): DataverseError {
  return new DataverseError({ code: ERROR_CODES.ODataQuery, message, status: 400 });
}

/** A 400 for FetchXML, with the QueryBuilder code that names the problem. */
export function badFetchXml(code: string, message: string): DataverseError {
  return new DataverseError({ code, message, status: 400 });
}

/**
 * aggregate-data.md, "Limitations": over 50,000 rows (or over the query's aggregatelimit) the platform refuses with
 * -2147164125 / 8004E023 "AggregateQueryRecordLimit exceeded. Cannot perform this operation." The page gives no
 * HTTP status; the Web API answers it as a bad request.
 */
export function aggregateLimitExceeded(): DataverseError {
  return new DataverseError({
    code: ERROR_CODES.AggregateQueryRecordLimitExceeded,
    message: "AggregateQueryRecordLimit exceeded. Cannot perform this operation.",
    status: 400,
  });
}

/**
 * compose-http-requests-handle-errors.md lists PrivilegeDenied under 403 Forbidden; the message follows the form the
 * platform writes (Dynamics 365 Customer Service, faq-case-mgmt.md: "Principal user (Id=…, type=8, …), is missing
 * prvReadincident privilege (Id=…) … for entity 'incident'. context.Caller=…").
 */
export function privilegeDenied(entity: string, privilege: string, callerId: string): DataverseError {
  return new DataverseError({
    code: ERROR_CODES.PrivilegeDenied,
    message: `Principal user (Id=${callerId}, type=8, roleCount=1, privilegeCount=412, accessMode=0), is missing ${privilege} privilege (Id=6a4e6b7c-0f7c-4b1e-9d3a-2f7c5e1d9b00) for entity '${entity}'. context.Caller=${callerId}`,
    status: 403,
  });
}

/** api-limits.md: 429 Too Many Requests, -2147015902 / 0x80072322, with Retry-After in seconds. */
export function tooManyRequests(retryAfterSeconds: number): DataverseError {
  return new DataverseError({
    code: ERROR_CODES.ServiceProtectionRequestLimit,
    message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
    status: 429,
    retryAfter: retryAfterSeconds,
  });
}

/** ObjectDoesNotExist under 404 Not Found, worded as the platform words a missing record. */
export function recordNotFound(entity: string, id: string): DataverseError {
  return new DataverseError({ code: ERROR_CODES.ObjectDoesNotExist, message: `${entity} With Id = ${id} Does Not Exist`, status: 404 });
}
