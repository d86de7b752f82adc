/**
 * Every failure of server-side synchronization that Microsoft's articles name, as data: what recognises it, what
 * the admin is told, and where to read more. One catalogue serves the last Test Connection (SPEC §5) and the
 * mailboxes' alerts (SPEC §8). The classifier tries codes first (they do not depend on the organization's
 * language), then published wording, then the HTTP status. A new family is one row here, its sentences in the
 * resx files, and a test: the advice layer checks at compile time that every key a row names has a sentence.
 */

export interface IFamilyFacts {
  httpStatus?: number;
  /** The texts together, lower-cased: what the phrases are looked for in. */
  text: string;
}

/**
 * What a failure says about the profile's own User Name, when the evidence points at it (SPEC §8):
 * "credentials" the sign-in was refused; "impersonation" the account may not act for the mailbox;
 * "address" Exchange has no mailbox for the address it was given; "autodiscover" the mailbox could not be found
 * with these credentials; "server-auth" the server's authentication method, never the name; "none" another cause.
 */
export type FailureCause = "credentials" | "impersonation" | "address" | "autodiscover" | "server-auth" | "none";

/** Advice on the field when the profile's last Test Connection failed this way for the value in it. */
export interface IUserNameAdvice<C extends string = string, K extends string = string> {
  code: C;
  sentence: K;
  /** The sentence without the code's slot, for a failure known by its wording alone. */
  uncoded?: K;
  severity: "warning" | "error";
}

export interface IFailureFamily<F extends string = string> {
  family: F;
  cause: FailureCause;
  /** EWS response codes (or inner codes), Dynamics' codes and `Email Server Error Code` tokens that mean this. */
  codes?: readonly string[];
  /** Published wording, lower-case, found anywhere in the texts. */
  phrases?: readonly string[];
  /** HTTP statuses that mean this when nothing more specific was said. */
  statuses?: readonly number[];
  /** A condition on the facts, for what no single phrase says. */
  when?: (facts: IFamilyFacts) => boolean;
  /** The Microsoft article with the published fix. */
  learnMore: string;
  /** The accessible name of its link, when the article is better named than "Microsoft's article on this error". */
  learnMoreLabel?: string;
  /** The last Test Connection failed this way for the value in the field: advice about that value. */
  userName?: IUserNameAdvice;
  /** …and for a down-level value, whose form is itself the cause. */
  userNameDownLevel?: IUserNameAdvice;
  /** The last Test Connection failed this way for a reason that is not the user name: one line with the fix. */
  lastTest?: string;
}

const TROUBLESHOOT = "https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/";
/** Microsoft's article on "The SMTP address has no mailbox associated with it": the reason this control exists. */
export const KB_3214326_URL = "https://support.microsoft.com/help/3214326";
const TEST_CONNECTION_FAILS_URL = `${TROUBLESHOOT}test-connection-fails-email-server`;

/** Exchange Online's EWS endpoints: a 401 there for a user name and password is Basic authentication refused. */
const EXCHANGE_ONLINE_HOSTS = ["outlook.office365.com", "outlook.office.com"];

export const FAILURE_FAMILIES = [
  // KB 3214326: "The SMTP address has no mailbox associated with it."
  {
    family: "no-mailbox",
    cause: "address",
    codes: ["ErrorNonExistentMailbox"],
    phrases: ["has no mailbox associated with it"],
    learnMore: KB_3214326_URL,
    learnMoreLabel: "Action_LearnMoreLabel",
    userName: { code: "last-test-no-mailbox", sentence: "Problem_last-test-no-mailbox", uncoded: "Problem_last-test-no-mailbox_uncoded", severity: "warning" },
    userNameDownLevel: { code: "last-test-downlevel", sentence: "Problem_last-test-downlevel", uncoded: "Problem_last-test-downlevel_uncoded", severity: "error" },
  },
  // KB 4459027: inner ErrorInvalidLicense under ErrorInternalServerError, "Mailbox '…' doesn't have a valid license."
  {
    family: "licence",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_licence",
    codes: ["ErrorInvalidLicense"],
    phrases: ["license is invalid for", "doesn't have a valid license", "does not have a valid license"],
    learnMore: `${TROUBLESHOOT}email-cannot-be-received-because-license-is-invalid-error`,
  },
  // KB 4295275, KB 3189639: "The account does not have permission to impersonate the requested user."
  {
    family: "impersonation-refused",
    cause: "impersonation",
    codes: ["ErrorImpersonateUserDenied", "ErrorImpersonationDenied", "ErrorImpersonationFailed"],
    phrases: ["permission to impersonate", "an impersonation error occurred"],
    learnMore: `${TROUBLESHOOT}the-account-does-not-have-permission-to-impersonate-the-requested-user-error`,
    userName: { code: "last-test-impersonation", sentence: "Problem_last-test-impersonation", severity: "warning" },
  },
  // "EWS throttling in Exchange": ErrorServerBusy; ErrorMailboxStoreUnavailable; 503 Service Unavailable.
  {
    family: "throttled",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_throttled",
    codes: ["ErrorServerBusy", "ErrorMailboxStoreUnavailable", "ErrorTooManyObjectsOpened", "ErrorInsufficientResources"],
    phrases: ["(503) server unavailable", "(503) service unavailable", "http status 503", "the server cannot service this request right now", "mailbox database is temporarily unavailable"],
    statuses: [503],
    learnMore: "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange",
  },
  // "Authenticate an EWS application by using OAuth": a refused token says invalid_token; Entra says AADSTS….
  {
    family: "oauth-refused",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_oauth-refused",
    phrases: ["invalid_token", "aadsts", "acs50", "the token has expired", "the token is invalid", "token has invalid signature", "audience claim value is invalid"],
    learnMore: "https://learn.microsoft.com/power-platform/admin/connect-exchange-online",
  },
  // "Deprecation of Basic authentication in Exchange Online": EWS stopped taking a user name and password in October 2022.
  {
    family: "basic-auth-off",
    cause: "server-auth",
    lastTest: "Problem_last-test-other-cause_basic-auth-off",
    phrases: ["basic authentication is disabled", "basic authentication is not supported", "basic auth is disabled", "basicauthblocked"],
    when: (facts) => facts.httpStatus === 401 && EXCHANGE_ONLINE_HOSTS.some((host) => facts.text.includes(host)),
    learnMore: "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online",
  },
  // KB 4513810: "The mailbox location could not be determined…"; the EWS Managed API: "The Autodiscover service couldn't be located."
  {
    family: "autodiscover",
    cause: "autodiscover",
    phrases: ["mailbox location could not be determined", "location of the mailbox", "autodiscover service couldn't be located", "autodiscover service could not be located", "autodiscoverlocalexception", "autodiscoverremoteexception"],
    learnMore: `${TROUBLESHOOT}error-when-testing-enabling-mailbox`,
    userName: { code: "last-test-autodiscover", sentence: "Problem_last-test-autodiscover", severity: "warning" },
  },
  // KB 954584 and KB 2993502: "Could not establish trust relationship for the SSL/TLS secure channel."; a TLS version
  // Exchange will not speak: "The underlying connection was closed: An unexpected error occurred on a send" (KB 4051700).
  {
    family: "tls",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_tls",
    phrases: [
      "could not establish trust relationship",
      "remote certificate is invalid",
      "could not create ssl/tls secure channel",
      "an unexpected error occurred on a send",
      "establishing a secure connection",
      "trustfailure",
      "securechannelfailure",
    ],
    learnMore: "https://support.microsoft.com/help/2993502",
  },
  // KB 4493267 cause 2 (firewall): "System.Net.WebException: The operation has timed out"; KB 4092736: "Socket returned exception TimedOut".
  {
    family: "timeout",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_timeout",
    phrases: ["the operation has timed out", "exception timedout", "did not properly respond after a period of time", "the request timed out"],
    statuses: [504],
    learnMore: TEST_CONNECTION_FAILS_URL,
  },
  // KB 4092736 (wrong port) and .NET's WebExceptionStatus.ConnectFailure: "No connection could be made because the target machine actively refused it."
  {
    family: "connection-refused",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_connection-refused",
    phrases: ["actively refused", "unable to connect to the remote server", "connectfailure", "connection refused", "exception connectionrefused"],
    learnMore: `${TROUBLESHOOT}general-mailbox-access-error-occurred`,
  },
  // .NET's WebExceptionStatus.NameResolutionFailure: "The remote name could not be resolved: 'mail.contoso.com'".
  {
    family: "host-not-found",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_host-not-found",
    phrases: ["the remote name could not be resolved", "nameresolutionfailure", "no such host is known", "exception hostnotfound"],
    learnMore: "https://learn.microsoft.com/power-platform/admin/test-connection-exchange-server-onpremises",
  },
  // KB 4513810 gives the EWS URL's form, https://mail.contoso.com/EWS/Exchange.asmx; a wrong path answers 404.
  {
    family: "wrong-url",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_wrong-url",
    phrases: ["(404) not found", "http status 404"],
    statuses: [404],
    learnMore: `${TROUBLESHOOT}error-when-testing-enabling-mailbox`,
  },
  // KB 4483440: "Http server returned Forbidden exception", "The request failed with HTTP status 403: Forbidden" (EWS disabled or blocked).
  {
    family: "ews-blocked",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_ews-blocked",
    phrases: ["returned forbidden exception", "http status 403: forbidden", "(403) forbidden"],
    statuses: [403],
    learnMore: `${TROUBLESHOOT}http-server-returned-forbidden-exception`,
  },
  // KB 4493267: "Remote server error: (401) Unauthorized. Make sure the user name and password you entered are correct…"
  {
    family: "sign-in-refused",
    cause: "credentials",
    phrases: ["(401) unauthorized", "http status 401", "401 unauthorized", "anonymous request disallowed", "user name and password you entered are correct"],
    statuses: [401],
    learnMore: TEST_CONNECTION_FAILS_URL,
    userName: { code: "last-test-sign-in", sentence: "Problem_last-test-sign-in", severity: "warning" },
  },
] as const satisfies readonly IFailureFamily[];

export type FailureFamilyRow = (typeof FAILURE_FAMILIES)[number];
export type FailureFamilyId = FailureFamilyRow["family"];
/** The problem codes the families' user-name advice reports, one per row that has it: derived, never listed twice. */
export type UserNameFailureCode = NonNullable<Extract<FailureFamilyRow, { userName: unknown }>["userName"]>["code"] | "last-test-downlevel";

/** Where any other failure is explained: Microsoft's troubleshooting page for server-side synchronization. */
export const TROUBLESHOOTING_URL = `${TROUBLESHOOT}troubleshooting-monitoring-server-side-synchronization`;

/**
 * The row for the facts: by code, then by wording, then by status. An EWS code no row knows is more specific
 * than a status (ErrorQuotaExceeded comes with a 403 that is not EWS switched off), so it is left as given.
 */
/** The rows as the classifier reads them: every field optional but the family, whose name is typed. */
const ROWS: readonly IFailureFamily<FailureFamilyId>[] = FAILURE_FAMILIES;
const ROW_BY_FAMILY = new Map(ROWS.map((row) => [row.family, row]));

export function recogniseFamily(codes: readonly string[], facts: IFamilyFacts): FailureFamilyId | undefined {
  for (const code of codes) {
    const byCode = ROWS.find((row) => row.codes?.includes(code));
    if (byCode) return byCode.family;
  }
  const saysSo = (row: IFailureFamily): boolean => (row.phrases ?? []).some((phrase) => facts.text.includes(phrase)) || (row.when?.(facts) ?? false);
  const byWords = ROWS.find(saysSo);
  if (byWords || codes.length > 0) return byWords?.family;
  return ROWS.find((row) => facts.httpStatus !== undefined && row.statuses?.includes(facts.httpStatus))?.family;
}

/** The catalogue's row for a family; every family has one, by construction. */
export function familyRow(family: FailureFamilyId): IFailureFamily<FailureFamilyId> | undefined {
  return ROW_BY_FAMILY.get(family);
}
