import { columnProblems, hasMisplacedDot } from "./address";
import type { Shape } from "./shape";
import type { Problem } from "./types";

/**
 * POP3/IMAP log-ons (server types 1 and 4). Microsoft Learn's "Connect to IMAP, POP, or SMTP servers" calls the
 * User Name "the username used to connect to the email server": the server decides its form, and many take
 * DOMAIN\user or a bare name. No EWS and no impersonation, so KB 3214326 does not apply. Only what no server can
 * use is a problem; an address that is visibly broken is a warning, since the server may still be asked for it.
 */

/** An address cut short, doubled or with a stray dot: the address faults worth a word to a mail server's admin. */
function brokenAddressProblems(shape: Shape): Problem[] {
  if (shape.kind === "unrecognized") return [{ code: shape.reason, severity: "warning", count: shape.count }];
  if (shape.kind !== "upn") return [];
  const problems: Problem[] = [];
  if (shape.local === "") problems.push({ code: "missing-local-part", severity: "warning" });
  else if (hasMisplacedDot(shape.local)) problems.push({ code: "dot-placement", severity: "warning" });
  if (shape.domain === "") problems.push({ code: "missing-domain", severity: "warning" });
  return problems;
}

/** The problems of a cleaned mail-server log-on of this shape, clean-up's own excepted: the column's limit holds whatever the server would take. */
export function logOnProblems(cleaned: string, shape: Shape, required: boolean, maxLength: number): Problem[] {
  if (shape.kind === "empty") return required ? [{ code: "required", severity: "error" }] : [];
  return [...columnProblems(cleaned, maxLength), ...brokenAddressProblems(shape)];
}

/** Clean-up under a mail server: the trailing dot of an address is the server's business, so at most a warning. */
export function logOnCleanupProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => (problem.code === "trailing-dot" ? { ...problem, severity: "warning" } : problem));
}
