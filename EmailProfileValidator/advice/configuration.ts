import { nonRoutableSuffix, normalizeNetBiosName, normalizeUpnSuffix, type ValidationOptions, type ValidationTarget } from "../validation";

/** The control's settings as the form gives them, before any parsing. */
export interface IControlSettings {
  defaultUpnSuffix?: string | null;
  /** "CONTOSO=contoso.com;FABRIKAM=fabrikam.co.uk" */
  domainSuffixes?: string | null;
  /** The profile's `servertype` column. */
  serverType?: number | null;
  /** The profile's credential retrieval column for this user name. */
  credentialRetrieval?: number | null;
  /** The field's RequiredLevel: -1 unknown, 0 none, 1 system required, 2 application required, 3 recommended. */
  requiredLevel?: number | null;
  /** The bound column: `incomingusername` or `outgoingusername`. */
  logicalName?: string | null;
  /** Use Same Settings for Outgoing Connections (`usesamesettingsforoutgoingconnections`), where the form binds it. */
  sameSettingsForOutgoing?: boolean | null;
}

/** A setting the admin should fix; the rest of the configuration still applies. */
export interface IConfigurationNote {
  key: "Config_BadDefaultSuffix" | "Config_BadDomainEntry" | "Config_NonRoutableSuffix" | "Config_ExchangeOnlineBasicAuth" | "Config_MailServerLogOn";
  entry: string;
}

export interface IResolvedConfiguration {
  options: ValidationOptions;
  notes: IConfigurationNote[];
  /** False when the profile authenticates some other way, so this user name is never sent. */
  userNameInUse: boolean;
  /** Why the name is not used, when it is not. */
  notUsedBecause?: "credentials" | "same-settings";
  /** The form recommends a value but does not require one: an empty field is a warning. */
  emptyIsWarning: boolean;
}

/**
 * `servertype` (EmailServerProfile table reference): 0 Exchange Server, 1 Other (POP3/SMTP), 2 Exchange Server
 * (Hybrid), 3 Exchange Online (Hybrid), 4 IMAP/SMTP. Exchange Online checks UPNs through Microsoft Entra ID; POP3
 * and IMAP take the mail server's own log-on; anything else, or no binding, is Exchange with impersonation.
 */
const TARGET_BY_SERVER_TYPE: Readonly<Record<number, ValidationTarget>> = { 1: "mailserver", 3: "entra", 4: "mailserver" };
/** Credential retrieval 1: "Credentials specified in email server profile", the only mode that sends this name. */
export const CREDENTIALS_SPECIFIED_IN_PROFILE = 1;

export function parseDomainSuffixes(text: string | null | undefined): { map: Record<string, string>; badEntries: string[] } {
  const map: Record<string, string> = {};
  const badEntries: string[] = [];
  for (const rawEntry of (text ?? "").split(";")) {
    const entry = rawEntry.trim();
    if (entry === "") continue;
    const equals = entry.indexOf("=");
    const name = equals > 0 ? normalizeNetBiosName(entry.slice(0, equals)) : "";
    const suffix = equals > 0 ? normalizeUpnSuffix(entry.slice(equals + 1)) : undefined;
    if (name === "" || suffix === undefined) badEntries.push(entry);
    else map[name] = suffix;
  }
  return { map, badEntries };
}

/** RequiredLevel (Xrm attribute metadata): 0 None; 3 Recommended. Unknown (-1) or absent counts as required. */
const REQUIRED_LEVEL_NONE = 0;
const REQUIRED_LEVEL_RECOMMENDED = 3;
const OUTGOING_USER_NAME = "outgoingusername";

/** Whether the profile sends this user name at all, and why not when it does not. */
function usage(settings: IControlSettings): Pick<IResolvedConfiguration, "userNameInUse" | "notUsedBecause"> {
  const credentialRetrieval = settings.credentialRetrieval;
  if (credentialRetrieval !== null && credentialRetrieval !== undefined && credentialRetrieval !== CREDENTIALS_SPECIFIED_IN_PROFILE) {
    return { userNameInUse: false, notUsedBecause: "credentials" };
  }
  // With Use Same Settings for Outgoing Connections on, the outgoing connection uses the incoming credentials.
  if (settings.sameSettingsForOutgoing === true && settings.logicalName?.toLowerCase() === OUTGOING_USER_NAME) {
    return { userNameInUse: false, notUsedBecause: "same-settings" };
  }
  return { userNameInUse: true };
}

/** Under Entra a private suffix can never be offered, so a setting that names one is said to be unused. */
function nonRoutableNotes(target: ValidationTarget, suffixes: readonly (string | undefined)[]): IConfigurationNote[] {
  if (target !== "entra") return [];
  return suffixes
    .filter((suffix): suffix is string => suffix !== undefined && nonRoutableSuffix(suffix) !== undefined)
    .map((entry) => ({ key: "Config_NonRoutableSuffix", entry }));
}

/** Each configuration problem once, however often the settings repeat it. */
function withoutRepeatedNotes(notes: readonly IConfigurationNote[]): IConfigurationNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = `${note.key}\n${note.entry.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function resolveConfiguration(settings: IControlSettings): IResolvedConfiguration {
  const notes: IConfigurationNote[] = [];
  const suffixText = (settings.defaultUpnSuffix ?? "").trim();
  const defaultUpnSuffix = normalizeUpnSuffix(suffixText);
  if (suffixText !== "" && defaultUpnSuffix === undefined) notes.push({ key: "Config_BadDefaultSuffix", entry: suffixText });
  const domains = parseDomainSuffixes(settings.domainSuffixes);
  notes.push(...domains.badEntries.map((entry) => ({ key: "Config_BadDomainEntry" as const, entry })));
  const target: ValidationTarget = TARGET_BY_SERVER_TYPE[settings.serverType ?? -1] ?? "exchange";
  notes.push(...nonRoutableNotes(target, [defaultUpnSuffix, ...Object.values(domains.map)]));
  // "Deprecation of Basic authentication in Exchange Online": EWS takes no user name and password since October 2022.
  if (target === "entra" && settings.credentialRetrieval === CREDENTIALS_SPECIFIED_IN_PROFILE) notes.push({ key: "Config_ExchangeOnlineBasicAuth", entry: "" });
  const required = settings.requiredLevel !== REQUIRED_LEVEL_NONE;
  const options: ValidationOptions = { defaultUpnSuffix, domainSuffixes: domains.map, target, required };
  return { options, notes: withoutRepeatedNotes(notes), ...usage(settings), emptyIsWarning: settings.requiredLevel === REQUIRED_LEVEL_RECOMMENDED };
}
