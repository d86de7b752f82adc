import type { ResolvedOptions } from "./options";
import { isLocalMachine, type Shape } from "./shape";
import type { Problem, Suggestion } from "./types";

/** Says whether a candidate may be offered: a UPN that passes with no error and needs no clean-up. */
type CandidateCheck = (candidate: string) => boolean;

/** "CONTOSO" → "contoso.com", the KB article's own example; a name that already has a dot is kept. */
function guessSuffixFromNetBios(netBios: string): string {
  const lower = netBios.toLowerCase();
  return lower.includes(".") ? lower : lower + ".com";
}

/** Where a down-level name's suffix may come from, best first: the domain map, the default, the KB's guess. */
function downLevelCandidates(shape: Extract<Shape, { kind: "downlevel" }>, options: ResolvedOptions): Suggestion[] {
  const candidates: Suggestion[] = [];
  const mapped = options.domainSuffixes.get(shape.domain.toUpperCase());
  if (mapped) candidates.push({ value: `${shape.account}@${mapped}`, source: "domainMap" });
  if (options.defaultUpnSuffix) candidates.push({ value: `${shape.account}@${options.defaultUpnSuffix}`, source: "defaultSuffix" });
  if (shape.domain !== "" && !isLocalMachine(shape)) candidates.push({ value: `${shape.account}@${guessSuffixFromNetBios(shape.domain)}`, source: "guess" });
  return candidates;
}

/** The rewrites that the shape of the name itself points to, before any check. */
function shapeCandidates(shape: Shape, problems: readonly Problem[], options: ResolvedOptions): Suggestion[] {
  const defaultSuffix = options.defaultUpnSuffix;
  switch (shape.kind) {
    case "downlevel": {
      // "CONTOSO\user@contoso.com": the account already is the UPN.
      if (shape.account.includes("@")) return [{ value: shape.account, source: "guess" }];
      return downLevelCandidates(shape, options);
    }
    case "bare":
      return defaultSuffix ? [{ value: `${shape.account}@${defaultSuffix}`, source: "defaultSuffix" }] : [];
    case "upn": {
      const replaceDomain = problems.some((p) => p.code === "non-routable-suffix" || p.code === "missing-domain" || p.code === "missing-tld");
      return defaultSuffix && replaceDomain ? [{ value: `${shape.local}@${defaultSuffix}`, source: "defaultSuffix" }] : [];
    }
    default:
      return [];
  }
}

/**
 * Complete replacement values, best first: the cleaned value when clean-up alone is enough,
 * otherwise the first value the shape points to that passes `isAcceptable`. The validator offers one;
 * the directory layer adds its own ahead of it.
 */
export function suggestRewrites(
  input: string,
  cleaned: string,
  shape: Shape,
  problems: readonly Problem[],
  options: ResolvedOptions,
  isAcceptable: CandidateCheck,
): Suggestion[] {
  if (cleaned !== input && isAcceptable(cleaned)) return [{ value: cleaned, source: "cleanup" }];
  // The first source that yields a value that would pass: a setting Entra cannot use falls through to the next.
  const first = shapeCandidates(shape, problems, options).find((c) => c.value !== input && isAcceptable(c.value));
  return first ? [first] : [];
}
