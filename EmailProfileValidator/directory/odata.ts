/**
 * An OData string literal for a $filter, ready to go in a URL: quotes doubled so the value can never
 * close the literal, then URI-encoded so "+", "&", "#" and "%" reach Dataverse as themselves.
 */
export function odataStringLiteral(value: string): string {
  return `'${encodeURIComponent(value.split("'").join("''"))}'`;
}

const SYSTEMUSER_COLUMNS = "fullname,domainname,internalemailaddress";
const MAILBOX_COLUMNS = "name,emailaddress";
/** A handful is plenty to suggest from, and keeps each answer small. */
export const MAX_ROWS = 5;

export interface DirectoryQuery {
  entity: "mailbox" | "systemuser";
  options: string;
}

export function mailboxByAddress(address: string): DirectoryQuery {
  return { entity: "mailbox", options: `?$select=${MAILBOX_COLUMNS}&$filter=emailaddress eq ${odataStringLiteral(address)}&$top=${MAX_ROWS}` };
}

export function mailboxesByAccount(account: string): DirectoryQuery {
  return {
    entity: "mailbox",
    options: `?$select=${MAILBOX_COLUMNS}&$filter=startswith(emailaddress,${odataStringLiteral(account + "@")})&$top=${MAX_ROWS}`,
  };
}

/** On-premises Dataverse stores the Windows log-on name itself: CONTOSO\user. */
export function usersByLogOnName(domain: string, account: string): DirectoryQuery {
  return {
    entity: "systemuser",
    options: `?$select=${SYSTEMUSER_COLUMNS}&$filter=domainname eq ${odataStringLiteral(`${domain}\\${account}`)}&$top=${MAX_ROWS}`,
  };
}

/** Dataverse online stores the UPN in domainname: user@contoso.com. */
export function usersByAccount(account: string): DirectoryQuery {
  return {
    entity: "systemuser",
    options: `?$select=${SYSTEMUSER_COLUMNS}&$filter=startswith(domainname,${odataStringLiteral(account + "@")})&$top=${MAX_ROWS}`,
  };
}
