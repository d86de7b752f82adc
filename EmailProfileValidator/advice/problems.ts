import type { FailureFamilyId, UserNameFailureCode } from "../failures";
import type { Problem as ValidationProblem, ProblemSeverity } from "../validation";

/**
 * Everything the admin can be told about the field, one member per code with its own details: the validator's
 * problems (SPEC §1), the directory's verdicts (§2), the control's own (§3) and the last Test Connection's (§5).
 */
export type DirectoryProblem =
  | { code: "mailbox-not-found"; severity: ProblemSeverity; address: string }
  | { code: "mailbox-found"; severity: ProblemSeverity; address: string; name?: string }
  | { code: "upn-mailbox-mismatch"; severity: ProblemSeverity; address: string; primaryAddress: string; name?: string };

export interface ControlProblem {
  code: "not-used";
  severity: ProblemSeverity;
  reason: "credentials" | "same-settings";
}

export type LastTestProblem =
  | { code: UserNameFailureCode; severity: ProblemSeverity; family: FailureFamilyId; address: string; faultCode?: string; httpStatus?: number }
  | { code: "last-test-other-cause"; severity: ProblemSeverity; family: FailureFamilyId }
  | { code: "last-test-failed"; severity: ProblemSeverity; faultCode?: string; message?: string }
  | { code: "last-test-stale"; severity: ProblemSeverity; address: string }
  | { code: "last-test-other-server"; severity: ProblemSeverity };

export type AdviceProblem = ValidationProblem | DirectoryProblem | ControlProblem | LastTestProblem;
export type AdviceCode = AdviceProblem["code"];
/** The member a code belongs to; a member may carry several codes that share their details. */
export type ProblemOf<C extends AdviceCode> = AdviceProblem extends infer P ? (P extends { code: infer K } ? (C extends K ? P : never) : never) : never;
