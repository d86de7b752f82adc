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
}

/** A setting the admin should fix; the rest of the configuration still applies. */
export interface IConfigurationNote {
  key: "Config_BadDefaultSuffix" | "Config_BadDomainEntry" | "Config_NonRoutableSuffix";
  entry: string;
}

export interface IResolvedConfiguration {
  options: ValidationOptions;
  notes: IConfigurationNote[];
  /** False when the profile authenticates some other way, so this user name is never sent. */
  userNameInUse: boolean;
}

/** `servertype` 3: Exchange Online (Hybrid), where the UPN must satisfy Microsoft Entra ID. */
export const SERVER_TYPE_EXCHANGE_ONLINE_HYBRID = 3;
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
  const target: ValidationTarget = settings.serverType === SERVER_TYPE_EXCHANGE_ONLINE_HYBRID ? "entra" : "exchange";
  notes.push(...nonRoutableNotes(target, [defaultUpnSuffix, ...Object.values(domains.map)]));
  const options: ValidationOptions = { defaultUpnSuffix, domainSuffixes: domains.map, target };
  const credentialRetrieval = settings.credentialRetrieval;
  const userNameInUse = credentialRetrieval === null || credentialRetrieval === undefined || credentialRetrieval === CREDENTIALS_SPECIFIED_IN_PROFILE;
  return { options, notes: withoutRepeatedNotes(notes), userNameInUse };
}
