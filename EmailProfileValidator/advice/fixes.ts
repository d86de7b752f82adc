import type { DomainUse } from "../directory";
import { distinctIgnoringCase, passesAsIs, type Suggestion, type SuggestionSource, type ValidationOptions } from "../validation";

/** Where a fix comes from: the validator's sources, or a guessed suffix that users of this environment have. */
export type FixSource = SuggestionSource | "domainInUse";

/** A complete replacement value, and where it comes from. */
export interface IFix {
  value: string;
  source: FixSource;
}

/**
 * A directory address is offered only if it passes the control's own rules, as any other suggestion must; a
 * POP3/IMAP log-on is never rewritten to an address, wherever the address comes from.
 */
export function passesUnder(options: ValidationOptions | undefined): (address: string) => boolean {
  if (options?.target === "mailserver") return () => false;
  return (address) => passesAsIs(address, options);
}

/** Directory addresses first, then the validator's own; the same address (any case) once, and never the value itself. */
export function mergeSuggestions(directory: readonly string[], own: readonly Suggestion[], current: string): Suggestion[] {
  const all = [...directory.map((value) => ({ value, source: "directory" as const })), ...own];
  return distinctIgnoringCase(all, (suggestion) => suggestion.value, new Set([current.toLowerCase()]));
}

export const domainOf = (address: string): string => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/** The suffixes the form's settings name: a guess at one of them is no guess. */
export function configuredDomains(options: ValidationOptions | undefined): Set<string> {
  const suffixes = [options?.defaultUpnSuffix, ...Object.values(options?.domainSuffixes ?? {})];
  return new Set(suffixes.filter((suffix): suffix is string => suffix !== undefined).map((suffix) => suffix.toLowerCase()));
}

/**
 * A guessed suffix (the NetBIOS name plus .com, the KB's own example) backed by something this organization has: a
 * configured suffix, a directory address at that domain, or a user of this environment there (SPEC §1, §2).
 */
export function backGuess(fix: Suggestion, configured: ReadonlySet<string>, directory: readonly string[], inUse: DomainUse | undefined): IFix {
  if (fix.source !== "guess") return fix;
  const domain = domainOf(fix.value);
  if (configured.has(domain)) return { value: fix.value, source: "domainMap" };
  if (inUse === "yes" || directory.some((address) => domainOf(address) === domain)) return { value: fix.value, source: "domainInUse" };
  return fix;
}
