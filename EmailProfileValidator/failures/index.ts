export {
  FAILURE_FAMILIES,
  KB_3214326_URL,
  TROUBLESHOOTING_URL,
  familyRow,
  recogniseFamily,
  rowForCode,
  type FailureCause,
  type FailureFamilyId,
  type FailureFamilyRow,
  type IFailureFamily,
  type IUserNameAdvice,
  type UserNameFailureCode,
} from "./catalogue";
export { classifyAlert, errorCodeLine, type Direction, type IAlertReading } from "./classify";
