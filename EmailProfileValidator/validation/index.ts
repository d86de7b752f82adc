import { upnPasses, upnProblems, valueProblems, withOneLengthLimit } from "./address";
import { cleanUp } from "./cleanup";
import { logOnCleanupProblems, logOnProblems } from "./logon";
import { resolveOptions, type ResolvedOptions } from "./options";
import { classifyShape, shapeProblems, type Shape } from "./shape";
import { suggestRewrites } from "./suggestions";
import { sortWorstFirst, worstSeverity, type Problem, type ValidationOptions, type ValidationResult } from "./types";

export * from "./types";
export { normalizeUpnSuffix, normalizeNetBiosName } from "./options";
export { codePointLabel, isUnseen, LONE_SURROGATE } from "./characters";
export { nonRoutableSuffix } from "./address";
export { cleanUp } from "./cleanup";
export { classifyShape, type Shape } from "./shape";

interface Analysis {
  cleaned: string;
  shape: Shape;
  problems: Problem[];
  cleanupNeeded: boolean;
  /** The cleaned value is a UPN with no error of its own. */
  cleanedPasses: boolean;
}

const isError = (problem: Problem): boolean => problem.severity === "error";

/** A POP3/IMAP log-on: clean-up and the column's limit, nothing about addresses (logon.ts). */
function analyseLogOn(input: string, options: ResolvedOptions): Analysis {
  const cleanup = cleanUp(input);
  const shape = classifyShape(cleanup.cleaned);
  const own = logOnProblems(cleanup.cleaned, shape, options.required, options.maxLength);
  const cleanupProblems = logOnCleanupProblems(cleanup.problems);
  const cleanupNeeded = cleanupProblems.length > 0;
  return {
    cleaned: cleanup.cleaned,
    shape,
    problems: [...cleanupProblems, ...own],
    cleanupNeeded,
    // A value clean-up would change again ("a,;" loses one separator a time) is no fix.
    cleanedPasses: cleanupNeeded && shape.kind !== "empty" && !own.some(isError) && cleanUp(cleanup.cleaned).problems.length === 0,
  };
}

function analyse(input: string, options: ResolvedOptions): Analysis {
  if (options.target === "mailserver") return analyseLogOn(input, options);
  const cleanup = cleanUp(input);
  const shape = classifyShape(cleanup.cleaned);
  const found = shapeProblems(shape, options.required);
  if (shape.kind !== "empty") found.push(...valueProblems(cleanup.cleaned, options.maxLength));
  if (shape.kind === "upn") found.push(...upnProblems(shape.local, shape.domain, options.target));
  const own = withOneLengthLimit(found);
  const cleanupNeeded = cleanup.problems.length > 0;
  return {
    cleaned: cleanup.cleaned,
    shape,
    problems: cleanupNeeded ? [...cleanup.problems, ...own] : own,
    cleanupNeeded,
    cleanedPasses: shape.kind === "upn" && !own.some(isError),
  };
}

/** A suggestion must be a UPN that passes with no error and would not itself be cleaned up: `analyse` as a verdict. */
function isAcceptableCandidate(candidate: string, options: ResolvedOptions): boolean {
  if (candidate.length > options.maxLength || cleanUp(candidate).problems.length > 0) return false;
  const shape = classifyShape(candidate);
  return shape.kind === "upn" && !valueProblems(candidate, options.maxLength).some(isError) && upnPasses(shape.local, shape.domain, options.target);
}


/**
 * Checks a server-side sync User Name and says what is wrong with it, worst first, with complete
 * replacement values that would pass. A pure function: it never throws and never looks anything up.
 */
export function validateUserName(value: string | null | undefined, options?: ValidationOptions): ValidationResult {
  const resolved = resolveOptions(options);
  // A host value that is not text was normalised by index.ts; anything else here is no value.
  const input = typeof value === "string" ? value : "";
  const analysis = analyse(input, resolved);
  const problems = sortWorstFirst(analysis.problems);
  if (resolved.target === "mailserver") {
    // No UPN rewrite for a mail server's log-on: only the cleaned value, when it is all the value needed.
    const cleanupFixes = analysis.cleanupNeeded && analysis.cleaned !== input && analysis.cleanedPasses;
    const suggestions = cleanupFixes ? [{ value: analysis.cleaned, source: "cleanup" as const }] : [];
    return { kind: analysis.shape.kind, severity: worstSeverity(problems), problems, suggestions };
  }
  // The cleaned value was judged already: when it fails, there is no need to judge it again.
  const suggestions = suggestRewrites(input, analysis.cleaned, analysis.shape, problems, resolved, (candidate) =>
    candidate === analysis.cleaned ? analysis.cleanedPasses && isAcceptableCandidate(candidate, resolved) : isAcceptableCandidate(candidate, resolved),
  );
  return { kind: analysis.shape.kind, severity: worstSeverity(problems), problems, suggestions };
}

/** A value that passes as it is: a UPN with no error and nothing to rewrite, by these options' rules. */
export function passesAsIs(value: string, options?: ValidationOptions): boolean {
  const verdict = validateUserName(value, options);
  return verdict.kind === "upn" && verdict.severity !== "error" && verdict.suggestions.length === 0;
}

/** Each value once, whatever its case (addresses compare case-insensitively), in the order given. */
export function distinctIgnoringCase<T>(items: readonly T[], valueOf: (item: T) => string, seen = new Set<string>()): T[] {
  return items.filter((item) => {
    const key = valueOf(item).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
