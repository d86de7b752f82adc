import { distinctIgnoringCase, nonRoutableSuffix, normalizeNetBiosName, normalizeUpnSuffix, type ValidationOptions, type ValidationTarget } from "../validation";

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
  /** The field's MaxLength as the form states it: the one length limit a value is held to. */
  maxLength?: number | null;
}

/** A setting someone should fix, or a fact about the profile; the rest of the configuration still applies. */
export interface IConfigurationNote {
  key: NoteKey;
  entry: string;
}

type NoteKey = "Config_BadDefaultSuffix" | "Config_BadDomainEntry" | "Config_NonRoutableSuffix" | "Config_ExchangeOnlineBasicAuth" | "Config_MailServerLogOn";

/**
 * Where a note is said, and so who it is for: "lead", before the field's problems, when the profile cannot connect
 * this way whatever the value; "after" them, a quiet fact about the value; "form", apart and as information, for
 * whoever customizes the form, since the admin on the record cannot change the control's own settings.
 */
export type NotePlace = "lead" | "after" | "form";

const NOTE_PLACES: Readonly<Record<NoteKey, NotePlace>> = {
  Config_ExchangeOnlineBasicAuth: "lead",
  Config_MailServerLogOn: "after",
  Config_BadDefaultSuffix: "form",
  Config_BadDomainEntry: "form",
  Config_NonRoutableSuffix: "form",
};

export const notePlace = (note: IConfigurationNote): NotePlace => NOTE_PLACES[note.key];

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
const SERVER_TYPES: Readonly<Record<number, ValidationTarget>> = { 0: "exchange", 1: "mailserver", 2: "exchange", 3: "entra", 4: "mailserver" };

interface ICredentialMode {
  /** The profile's own User Name and password are sent (SPEC: only "Credentials specified in email server profile"). */
  sendsUserName: boolean;
  /** Notes this mode calls for on a server type's target. */
  notes?: Partial<Record<ValidationTarget, IConfigurationNote["key"]>>;
}

/**
 * `incomingcredentialretrieval` / `outgoingcredentialretrieval`: 0 user or queue (the Mailbox record's own), 1 the
 * profile's, 2 server-to-server, 3 Windows integrated, 4 anonymous, 5 Gmail OAuth, 6 Exchange Hybrid Modern Auth,
 * 7 Entra ID OAuth. Exchange Online stopped taking a user name and password for EWS in October 2022
 * ("Deprecation of Basic authentication in Exchange Online"), so mode 1 there cannot connect.
 */
const CREDENTIAL_MODES: Readonly<Record<number, ICredentialMode>> = {
  0: { sendsUserName: false },
  1: { sendsUserName: true, notes: { entra: "Config_ExchangeOnlineBasicAuth" } },
  2: { sendsUserName: false },
  3: { sendsUserName: false },
  4: { sendsUserName: false },
  5: { sendsUserName: false },
  6: { sendsUserName: false },
  7: { sendsUserName: false },
};

/** A profile whose credential mode is not bound sends the name, as the KB 3214326 set-up does. */
const UNBOUND_MODE: ICredentialMode = { sendsUserName: true };
/** A mode this control does not know yet: it says nothing it cannot stand behind. */
const UNKNOWN_MODE: ICredentialMode = { sendsUserName: false };

function credentialMode(mode: number | null | undefined): ICredentialMode {
  if (mode === null || mode === undefined) return UNBOUND_MODE;
  return CREDENTIAL_MODES[mode] ?? UNKNOWN_MODE;
}

/** Whether a direction with this credential mode sends the profile's own User Name and password. */
export const usesProfileCredentials = (mode: number | null | undefined): boolean => credentialMode(mode).sendsUserName;

const targetOf = (serverType: number | null | undefined): ValidationTarget => SERVER_TYPES[serverType ?? -1] ?? "exchange";

function parseDomainSuffixes(text: string | null | undefined): { map: Record<string, string>; badEntries: string[] } {
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
  if (!usesProfileCredentials(settings.credentialRetrieval)) return { userNameInUse: false, notUsedBecause: "credentials" };
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
  return distinctIgnoringCase(notes, (note) => `${note.key}\n${note.entry}`);
}

export function resolveConfiguration(settings: IControlSettings): IResolvedConfiguration {
  const notes: IConfigurationNote[] = [];
  const suffixText = (settings.defaultUpnSuffix ?? "").trim();
  const defaultUpnSuffix = normalizeUpnSuffix(suffixText);
  if (suffixText !== "" && defaultUpnSuffix === undefined) notes.push({ key: "Config_BadDefaultSuffix", entry: suffixText });
  const domains = parseDomainSuffixes(settings.domainSuffixes);
  notes.push(...domains.badEntries.map((entry) => ({ key: "Config_BadDomainEntry" as const, entry })));
  const target = targetOf(settings.serverType);
  notes.push(...nonRoutableNotes(target, [defaultUpnSuffix, ...Object.values(domains.map)]));
  const modeNote = settings.credentialRetrieval === null || settings.credentialRetrieval === undefined ? undefined : credentialMode(settings.credentialRetrieval).notes?.[target];
  if (modeNote) notes.push({ key: modeNote, entry: "" });
  const required = settings.requiredLevel !== REQUIRED_LEVEL_NONE;
  const options: ValidationOptions = { defaultUpnSuffix, domainSuffixes: domains.map, target, required, ...(settings.maxLength ? { maxLength: settings.maxLength } : {}) };
  return { options, notes: withoutRepeatedNotes(notes), ...usage(settings), emptyIsWarning: settings.requiredLevel === REQUIRED_LEVEL_RECOMMENDED };
}
