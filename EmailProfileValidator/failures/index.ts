export {
  FAILURE_FAMILIES,
  KB_3214326_URL,
  TROUBLESHOOTING_URL,
  familyRow,
  recogniseFamily,
  type FailureCause,
  type FailureFamilyId,
  type FailureFamilyRow,
  type IFailureFamily,
  type IUserNameAdvice,
  type UserNameFailureCode,
} from "./catalogue";
export { classifyAlert, codeTokens, type Direction, type IAlertReading } from "./classify";
