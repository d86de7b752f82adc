import { upnProblems, valueProblems } from "./address";
import { cleanUp } from "./cleanup";
import { resolveOptions, type ResolvedOptions } from "./options";
import { classifyShape, shapeProblems, type Shape } from "./shape";
import { suggestRewrites } from "./suggestions";
import { COLUMN_MAX_LENGTH, sortWorstFirst, worstSeverity, type Problem, type ValidationOptions, type ValidationResult } from "./types";

export * from "./types";
export { normalizeUpnSuffix, normalizeNetBiosName } from "./options";
export { codePointLabel, isControl, isInvisible } from "./characters";
export { cleanUp } from "./cleanup";
export { classifyShape, type Shape } from "./shape";

interface Analysis {
  cleaned: string;
  shape: Shape;
  problems: Problem[];
  cleanupNeeded: boolean;
}

function analyse(input: string, options: ResolvedOptions): Analysis {
  const cleanup = cleanUp(input);
  const shape = classifyShape(cleanup.cleaned);
  const problems = [...cleanup.problems, ...shapeProblems(shape, options.required)];
  if (shape.kind !== "empty") problems.push(...valueProblems(cleanup.cleaned));
  if (shape.kind === "upn") problems.push(...upnProblems(shape.local, shape.domain, options.target));
  return { cleaned: cleanup.cleaned, shape, problems, cleanupNeeded: cleanup.problems.length > 0 };
}

/** A suggestion must be a UPN that passes with no error and would not itself be cleaned up. */
function isAcceptableCandidate(candidate: string, options: ResolvedOptions): boolean {
  if (candidate.length > COLUMN_MAX_LENGTH) return false;
  const analysis = analyse(candidate, options);
  return analysis.shape.kind === "upn" && !analysis.cleanupNeeded && analysis.problems.every((p) => p.severity !== "error");
}

/** Defends against hosts that hand over a number or nothing where a string was promised. */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/**
 * Checks a server-side sync User Name and says what is wrong with it, worst first, with complete
 * replacement values that would pass. A pure function: it never throws and never looks anything up.
 */
export function validateUserName(value: string | null | undefined, options?: ValidationOptions): ValidationResult {
  const resolved = resolveOptions(options);
  const input = asText(value);
  const analysis = analyse(input, resolved);
  const problems = sortWorstFirst(analysis.problems);
  const suggestions = suggestRewrites(input, analysis.cleaned, analysis.shape, problems, resolved, (candidate) =>
    isAcceptableCandidate(candidate, resolved),
  );
  return { kind: analysis.shape.kind, severity: worstSeverity(problems), problems, suggestions };
}
