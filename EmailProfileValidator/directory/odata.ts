import { LONE_SURROGATE } from "../validation";

/**
 * An OData string literal for a $filter, ready to go in a URL: quotes doubled so the value can never
 * close the literal, then URI-encoded so "+", "&", "#" and "%" reach Dataverse as themselves.
 */
export function odataStringLiteral(value: string): string {
  return `'${encodeURIComponent(wellFormed(value).split("'").join("''"))}'`;
}

/** encodeURIComponent throws on half a surrogate pair; U+FFFD in its place matches nothing, as the value would not. */
function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * Dataverse's startswith is a pattern match: "%", "_" and "[" are wildcards unless bracketed
 * (Microsoft Learn, "Use wildcard characters in conditions for string values"), so "j_doe" would match "jxdoe".
 */
function escapeLikePattern(value: string): string {
  return value.replace(/[%_[]/g, (wildcard) => `[${wildcard}]`);
}

const SYSTEMUSER_COLUMNS = "fullname,domainname,internalemailaddress";
const MAILBOX_COLUMNS = "name,emailaddress";
/** A handful is plenty to suggest from, and keeps each answer small. */
export const MAX_ROWS = 5;

export type Row = Record<string, unknown>;

export interface DirectoryQuery {
  entity: "mailbox" | "systemuser";
  options: string;
  /** The addresses a returned row offers, only if the row really matches what was asked. */
  addressesOf: (row: Row) => string[];
}

/** A row's non-empty text column, or undefined. */
export function field(row: Row, name: string): string | undefined {
  const value = row[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

const sameText = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();
const endsWith = (text: string, suffix: string): boolean => text.length > suffix.length && text.slice(-suffix.length).toLowerCase() === suffix.toLowerCase();
const beginsWith = (text: string | undefined, prefix: string): boolean => text?.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
const present = (values: (string | undefined)[]): string[] => values.filter((value): value is string => value !== undefined);

export function mailboxByAddress(address: string): DirectoryQuery {
  return {
    entity: "mailbox",
    options: `?$select=${MAILBOX_COLUMNS}&$filter=emailaddress eq ${odataStringLiteral(address)}&$top=${MAX_ROWS}`,
    addressesOf: (row) => (sameText(field(row, "emailaddress"), address) ? present([field(row, "emailaddress")]) : []),
  };
}

export function mailboxesByAccount(account: string): DirectoryQuery {
  const prefix = `${account}@`;
  return {
    entity: "mailbox",
    options: `?$select=${MAILBOX_COLUMNS}&$filter=startswith(emailaddress,${odataStringLiteral(escapeLikePattern(prefix))})&$top=${MAX_ROWS}`,
    addressesOf: (row) => (beginsWith(field(row, "emailaddress"), prefix) ? present([field(row, "emailaddress")]) : []),
  };
}

/** On-premises Dataverse stores the Windows log-on name itself: CONTOSO\user; that user's address is offered. */
export function usersByLogOnName(domain: string, account: string): DirectoryQuery {
  const logOnName = `${domain}\\${account}`;
  return {
    entity: "systemuser",
    options: `?$select=${SYSTEMUSER_COLUMNS}&$filter=domainname eq ${odataStringLiteral(logOnName)}&$top=${MAX_ROWS}`,
    addressesOf: (row) => (sameText(field(row, "domainname"), logOnName) ? present([field(row, "internalemailaddress")]) : []),
  };
}

/**
 * The user who signs in with exactly this UPN (Dataverse online keeps it in domainname), to compare with their
 * primary address (internalemailaddress): KB 3214326's second check, the UPN must match the mailbox's address.
 */
export function userBySignInName(address: string): DirectoryQuery {
  return {
    entity: "systemuser",
    options: `?$select=${SYSTEMUSER_COLUMNS}&$filter=domainname eq ${odataStringLiteral(address)}&$top=${MAX_ROWS}`,
    addressesOf: (row) => (sameText(field(row, "domainname"), address) ? present([field(row, "internalemailaddress")]) : []),
  };
}

/** Dataverse online stores the UPN in domainname: user@contoso.com. */
export function usersByAccount(account: string): DirectoryQuery {
  const prefix = `${account}@`;
  return {
    entity: "systemuser",
    options: `?$select=${SYSTEMUSER_COLUMNS}&$filter=startswith(domainname,${odataStringLiteral(escapeLikePattern(prefix))})&$top=${MAX_ROWS}`,
    addressesOf: (row) => (beginsWith(field(row, "domainname"), prefix) ? present([field(row, "domainname")]) : []),
  };
}

/**
 * Anyone who signs in (domainname) or receives mail (internalemailaddress) at the domain: evidence that a guessed
 * suffix is this organization's. `endswith` is a pattern match like `startswith`, so the suffix is bracketed too;
 * one row is enough to say yes.
 */
export function usersAtDomain(domain: string): DirectoryQuery {
  const suffix = `@${domain}`;
  const literal = odataStringLiteral(escapeLikePattern(suffix));
  return {
    entity: "systemuser",
    options: `?$select=domainname,internalemailaddress&$filter=endswith(domainname,${literal}) or endswith(internalemailaddress,${literal})&$top=1`,
    addressesOf: (row) => present([field(row, "domainname"), field(row, "internalemailaddress")]).filter((address) => endsWith(address, suffix)),
  };
}
