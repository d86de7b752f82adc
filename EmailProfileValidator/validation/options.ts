import { domainProblems, valueProblems } from "./address";
import { trimSurroundingWhitespace } from "./cleanup";
import { remembered } from "./remembered";
import { COLUMN_MAX_LENGTH, type ValidationOptions, type ValidationTarget } from "./types";

/** Options with every unusable value dropped, so suggestions can trust what is left. */
export interface ResolvedOptions {
  defaultUpnSuffix?: string;
  domainSuffixes: ReadonlyMap<string, string>;
  target: ValidationTarget;
  required: boolean;
  /** The one length limit a value is held to: the form's MaxLength, else the column's 250. */
  maxLength: number;
}

/** "@Contoso.com." → "Contoso.com"; undefined when what is left is not a routable-shaped domain. */
export function normalizeUpnSuffix(suffix: unknown): string | undefined {
  return typeof suffix === "string" ? judgeUpnSuffixOnce(suffix) : undefined;
}

const judgeUpnSuffixOnce = remembered(judgeUpnSuffix);

function judgeUpnSuffix(suffix: string): string | undefined {
  let domain = trimSurroundingWhitespace(suffix);
  if (domain.startsWith("@")) domain = domain.slice(1);
  while (domain.endsWith(".")) domain = domain.slice(0, -1);
  const blocking = [...domainProblems(domain, "exchange"), ...valueProblems(domain, COLUMN_MAX_LENGTH)].some((problem) => problem.severity === "error");
  return blocking ? undefined : domain;
}

/** NetBIOS names are compared without regard to case, so the map is keyed by the upper-case name. */
export function normalizeNetBiosName(name: string): string {
  return trimSurroundingWhitespace(name).toUpperCase();
}

const NO_DOMAIN_SUFFIXES: ReadonlyMap<string, string> = new Map();

function resolveDomainSuffixes(map: unknown): ReadonlyMap<string, string> {
  if (typeof map !== "object" || map === null) return NO_DOMAIN_SUFFIXES;
  const resolved = new Map<string, string>();
  for (const [name, suffix] of Object.entries(map as Record<string, unknown>)) {
    const key = normalizeNetBiosName(name);
    const domain = normalizeUpnSuffix(suffix);
    if (key !== "" && domain !== undefined) resolved.set(key, domain);
  }
  return resolved;
}

/** A whole number of characters above zero, as the form's MaxLength states it; anything else is the column's own. */
function resolveMaxLength(maxLength: unknown): number {
  return typeof maxLength === "number" && Number.isInteger(maxLength) && maxLength > 0 ? maxLength : COLUMN_MAX_LENGTH;
}

export function resolveOptions(options: ValidationOptions | null | undefined): ResolvedOptions {
  const given = options ?? {};
  return {
    defaultUpnSuffix: normalizeUpnSuffix(given.defaultUpnSuffix),
    domainSuffixes: resolveDomainSuffixes(given.domainSuffixes),
    target: given.target === "entra" || given.target === "mailserver" ? given.target : "exchange",
    required: given.required !== false,
    maxLength: resolveMaxLength(given.maxLength),
  };
}
