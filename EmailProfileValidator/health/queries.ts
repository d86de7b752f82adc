/**
 * The queries of one check, as the Web API takes them (PCF `retrieveMultipleRecords`: OData options, or FetchXML as
 * `?fetchXml=`). Counts are Dataverse's own aggregates ("Aggregate data using FetchXml"), so a profile with 100,000
 * mailboxes costs as many requests as one with ten. The record id is a validated GUID before it reaches any query.
 */

/** Every query selects from this window: alerts last updated ("Last Update On", `modifiedon`) within 7 days. */
export const ALERT_WINDOW_DAYS = 7;
/** The most recent alerts read in full: their words name the families and their regarding records the mailboxes. */
export const ALERT_SAMPLE_SIZE = 250;

export interface IHealthQuery {
  entity: "emailserverprofile" | "mailbox" | "tracelog";
  options: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "{2A…}" → "2a…"; undefined for anything that is not a GUID, which then never reaches a query. */
export function asGuid(id: unknown): string | undefined {
  const bare = typeof id === "string" ? id.trim().replace(/^\{|\}$/g, "") : "";
  return GUID.test(bare) ? bare.toLowerCase() : undefined;
}

const fetchXml = (entity: IHealthQuery["entity"], xml: string): IHealthQuery => ({ entity, options: `?fetchXml=${encodeURIComponent(xml)}` });

/** `statecode`, `modifiedon`, both credential modes and both user names (readable; the passwords are not) as saved. */
export function savedProfileQuery(profileId: string): IHealthQuery {
  const columns = "statecode,modifiedon,incomingcredentialretrieval,outgoingcredentialretrieval,usesamesettingsforoutgoingconnections,incomingusername,outgoingusername";
  return { entity: "emailserverprofile", options: `?$select=${columns}&$filter=emailserverprofileid eq ${profileId}` };
}

/** Failure in any direction, or an approval outstanding or refused: the mailboxes worth a word. */
const TROUBLED =
  '<filter type="or"><condition attribute="incomingemailstatus" operator="eq" value="2"/><condition attribute="outgoingemailstatus" operator="eq" value="2"/>' +
  '<condition attribute="actstatus" operator="eq" value="2"/><condition attribute="emailrouteraccessapproval" operator="in"><value>2</value><value>3</value></condition></filter>';

/**
 * Active mailboxes of the profile (`_emailserverprofile_value`, `statecode` 0), counted per combination of the three
 * direction statuses (0 Not Run, 1 Success, 2 Failure) and the approval (0 Empty, 1 Approved, 2 Pending, 3 Rejected):
 * at most 108 groups. `troubledOnly` keeps under the 50,000-row aggregate limit where the whole count cannot.
 */
export function mailboxCountsQuery(profileId: string, troubledOnly = false): IHealthQuery {
  return fetchXml(
    "mailbox",
    '<fetch aggregate="true"><entity name="mailbox">' +
      '<attribute name="mailboxid" alias="mailboxes" aggregate="count"/>' +
      '<attribute name="incomingemailstatus" alias="incoming" groupby="true"/>' +
      '<attribute name="outgoingemailstatus" alias="outgoing" groupby="true"/>' +
      '<attribute name="actstatus" alias="act" groupby="true"/>' +
      '<attribute name="emailrouteraccessapproval" alias="approval" groupby="true"/>' +
      `<filter type="and"><condition attribute="emailserverprofile" operator="eq" value="${profileId}"/>` +
      `<condition attribute="statecode" operator="eq" value="0"/>${troubledOnly ? TROUBLED : ""}</filter>` +
      "</entity></fetch>",
  );
}

/** Warnings and Errors (`level` 2, 3) regarding the profile or one of its mailboxes, updated within the window. */
function alertScope(profileId: string, since: string): string {
  return (
    '<filter type="and"><condition attribute="level" operator="in"><value>2</value><value>3</value></condition>' +
    `<condition attribute="modifiedon" operator="ge" value="${since}"/>` +
    `<filter type="or"><condition attribute="regardingobjectid" operator="eq" value="${profileId}"/>` +
    `<condition entityname="mb" attribute="emailserverprofile" operator="eq" value="${profileId}"/></filter></filter>`
  );
}

const MAILBOX_LINK = (attributes: string): string =>
  `<link-entity name="mailbox" from="mailboxid" to="regardingobjectid" link-type="outer" alias="mb">${attributes}</link-entity>`;

/** The window's alerts counted per error code and level: how many, on how many records, last seen when. */
export function alertCountsQuery(profileId: string, since: string): IHealthQuery {
  return fetchXml(
    "tracelog",
    '<fetch aggregate="true"><entity name="tracelog">' +
      '<attribute name="tracelogid" alias="alerts" aggregate="count"/>' +
      '<attribute name="regardingobjectid" alias="records" aggregate="countcolumn" distinct="true"/>' +
      '<attribute name="modifiedon" alias="lastseen" aggregate="max"/>' +
      '<attribute name="tracecode" alias="tracecode" groupby="true"/>' +
      '<attribute name="level" alias="level" groupby="true"/>' +
      alertScope(profileId, since) +
      MAILBOX_LINK("") +
      "</entity></fetch>",
  );
}

/** One group of the alert counts: an error code (null where Dataverse has none) at a level, last seen then. */
export interface IAlertGroupKey {
  tracecode?: number;
  level: number;
  lastSeen: string;
}

const ALERT_COLUMNS =
  '<attribute name="tracelogid"/><attribute name="text"/><attribute name="level"/><attribute name="tracecode"/>' +
  '<attribute name="modifiedon"/><attribute name="regardingobjectid"/>';

function alertRowsQuery(profileId: string, since: string, narrower: string): IHealthQuery {
  return fetchXml(
    "tracelog",
    // useraworderby: a choice column sorts by its label otherwise ("Order rows using FetchXml"), Warning before Error.
    `<fetch top="${ALERT_SAMPLE_SIZE}" useraworderby="true"><entity name="tracelog">${ALERT_COLUMNS}` +
      '<order attribute="level" descending="true"/><order attribute="modifiedon" descending="true"/>' +
      `<filter type="and">${alertScope(profileId, since)}${narrower}</filter>` +
      MAILBOX_LINK('<attribute name="name"/>') +
      "</entity></fetch>",
  );
}

/** The most recent alerts in full, Errors first: their words, level, code and the record each is regarding. */
export function recentAlertsQuery(profileId: string, since: string): IHealthQuery {
  return alertRowsQuery(profileId, since, "");
}

/** At most this many groups in a second look: each adds a filter to the URL, which has a maximum length. */
const SECOND_LOOK_GROUPS = 50;

/** A second look at the groups the most recent alerts left out: each group's newest alert (its last second). */
export function groupAlertsQuery(profileId: string, since: string, groups: readonly IAlertGroupKey[]): IHealthQuery {
  const dated = groups.filter((group) => !Number.isNaN(Date.parse(group.lastSeen))).slice(0, SECOND_LOOK_GROUPS);
  const newest = dated.map((group) => {
    const code = group.tracecode === undefined ? '<condition attribute="tracecode" operator="null"/>' : `<condition attribute="tracecode" operator="eq" value="${Math.trunc(group.tracecode)}"/>`;
    const from = new Date(Date.parse(group.lastSeen) - 1000).toISOString();
    return `<filter type="and">${code}<condition attribute="level" operator="eq" value="${Math.trunc(group.level)}"/><condition attribute="modifiedon" operator="ge" value="${from}"/></filter>`;
  });
  return alertRowsQuery(profileId, since, `<filter type="or">${newest.join("")}</filter>`);
}

/** Above the aggregate limit there are no groups: the newest Warnings, when the Errors filled the first look. */
export function recentWarningsQuery(profileId: string, since: string): IHealthQuery {
  return alertRowsQuery(profileId, since, '<condition attribute="level" operator="eq" value="2"/>');
}
