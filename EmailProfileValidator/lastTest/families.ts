/**
 * Every failure of Test Connection that Microsoft's server-side synchronization articles name, as data: what
 * recognises it, what the admin is told, and where to read more. The reader tries the rows in order: an EWS code
 * first (inner code, then code), then published wording, then the HTTP status. A new family is one row.
 */

export type LastTestFamily =
  | "no-mailbox"
  | "sign-in-refused"
  | "impersonation-refused"
  | "autodiscover"
  | "tls"
  | "timeout"
  | "connection-refused"
  | "host-not-found"
  | "wrong-url"
  | "ews-blocked"
  | "throttled"
  | "licence"
  | "basic-auth-off"
  | "oauth-refused";

export interface IFamilyFacts {
  httpStatus?: number;
  /** The three texts together, lower-cased: what the phrases are looked for in. */
  text: string;
}

export interface IFamilyRow {
  family: LastTestFamily;
  /** The user name is what is wrong: advice on the field. Otherwise one line about another cause. */
  aboutUserName: boolean;
  /** EWS response codes (or inner codes) that mean this. */
  codes?: readonly string[];
  /** Published wording, lower-case, found anywhere in the texts. */
  phrases?: readonly string[];
  /** HTTP statuses that mean this when nothing more specific was said. */
  statuses?: readonly number[];
  /** A condition on the facts, for what no single phrase says. */
  when?: (facts: IFamilyFacts) => boolean;
  /** The Microsoft article with the published fix. */
  learnMore: string;
}

const TROUBLESHOOT = "https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/";
const NO_MAILBOX_URL = "https://support.microsoft.com/help/3214326";
const TEST_CONNECTION_FAILS_URL = `${TROUBLESHOOT}test-connection-fails-email-server`;

/** Exchange Online's EWS endpoints: a 401 there for a user name and password is Basic authentication refused. */
const EXCHANGE_ONLINE_HOSTS = ["outlook.office365.com", "outlook.office.com"];

export const LAST_TEST_FAMILIES: readonly IFamilyRow[] = [
  // KB 3214326: "The SMTP address has no mailbox associated with it."
  { family: "no-mailbox", aboutUserName: true, codes: ["ErrorNonExistentMailbox"], phrases: ["has no mailbox associated with it"], learnMore: NO_MAILBOX_URL },
  // KB 4459027: inner ErrorInvalidLicense under ErrorInternalServerError, "Mailbox '…' doesn't have a valid license."
  {
    family: "licence",
    aboutUserName: false,
    codes: ["ErrorInvalidLicense"],
    phrases: ["license is invalid for", "doesn't have a valid license", "does not have a valid license"],
    learnMore: `${TROUBLESHOOT}email-cannot-be-received-because-license-is-invalid-error`,
  },
  // KB 4295275, KB 3189639: "The account does not have permission to impersonate the requested user."
  {
    family: "impersonation-refused",
    aboutUserName: true,
    codes: ["ErrorImpersonateUserDenied", "ErrorImpersonationDenied", "ErrorImpersonationFailed"],
    phrases: ["permission to impersonate", "an impersonation error occurred"],
    learnMore: `${TROUBLESHOOT}the-account-does-not-have-permission-to-impersonate-the-requested-user-error`,
  },
  // "EWS throttling in Exchange": ErrorServerBusy; ErrorMailboxStoreUnavailable; 503 Service Unavailable.
  {
    family: "throttled",
    aboutUserName: false,
    codes: ["ErrorServerBusy", "ErrorMailboxStoreUnavailable", "ErrorTooManyObjectsOpened", "ErrorInsufficientResources"],
    phrases: ["(503) server unavailable", "(503) service unavailable", "http status 503", "the server cannot service this request right now", "mailbox database is temporarily unavailable"],
    statuses: [503],
    learnMore: "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange",
  },
  // "Authenticate an EWS application by using OAuth": a refused token says invalid_token; Entra says AADSTS….
  {
    family: "oauth-refused",
    aboutUserName: false,
    phrases: ["invalid_token", "aadsts", "acs50", "the token has expired", "the token is invalid", "token has invalid signature", "audience claim value is invalid"],
    learnMore: "https://learn.microsoft.com/power-platform/admin/connect-exchange-online",
  },
  // "Deprecation of Basic authentication in Exchange Online": EWS stopped taking a user name and password in October 2022.
  {
    family: "basic-auth-off",
    aboutUserName: false,
    phrases: ["basic authentication is disabled", "basic authentication is not supported", "basic auth is disabled", "basicauthblocked"],
    when: (facts) => facts.httpStatus === 401 && EXCHANGE_ONLINE_HOSTS.some((host) => facts.text.includes(host)),
    learnMore: "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online",
  },
  // KB 4513810: "The mailbox location could not be determined…"; the EWS Managed API: "The Autodiscover service couldn't be located."
  {
    family: "autodiscover",
    aboutUserName: true,
    phrases: ["mailbox location could not be determined", "location of the mailbox", "autodiscover service couldn't be located", "autodiscover service could not be located", "autodiscoverlocalexception", "autodiscoverremoteexception"],
    learnMore: `${TROUBLESHOOT}error-when-testing-enabling-mailbox`,
  },
  // KB 954584 and KB 2993502: "Could not establish trust relationship for the SSL/TLS secure channel."; a TLS version
  // Exchange will not speak: "The underlying connection was closed: An unexpected error occurred on a send" (KB 4051700).
  {
    family: "tls",
    aboutUserName: false,
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
    aboutUserName: false,
    phrases: ["the operation has timed out", "exception timedout", "did not properly respond after a period of time", "the request timed out"],
    statuses: [504],
    learnMore: TEST_CONNECTION_FAILS_URL,
  },
  // KB 4092736 (wrong port) and .NET's WebExceptionStatus.ConnectFailure: "No connection could be made because the target machine actively refused it."
  {
    family: "connection-refused",
    aboutUserName: false,
    phrases: ["actively refused", "unable to connect to the remote server", "connectfailure", "connection refused", "exception connectionrefused"],
    learnMore: `${TROUBLESHOOT}general-mailbox-access-error-occurred`,
  },
  // .NET's WebExceptionStatus.NameResolutionFailure: "The remote name could not be resolved: 'mail.contoso.com'".
  {
    family: "host-not-found",
    aboutUserName: false,
    phrases: ["the remote name could not be resolved", "nameresolutionfailure", "no such host is known", "exception hostnotfound"],
    learnMore: "https://learn.microsoft.com/power-platform/admin/test-connection-exchange-server-onpremises",
  },
  // KB 4513810 gives the EWS URL's form, https://mail.contoso.com/EWS/Exchange.asmx; a wrong path answers 404.
  { family: "wrong-url", aboutUserName: false, phrases: ["(404) not found", "http status 404"], statuses: [404], learnMore: `${TROUBLESHOOT}error-when-testing-enabling-mailbox` },
  // KB 4483440: "Http server returned Forbidden exception", "The request failed with HTTP status 403: Forbidden" (EWS disabled or blocked).
  {
    family: "ews-blocked",
    aboutUserName: false,
    phrases: ["returned forbidden exception", "http status 403: forbidden", "(403) forbidden"],
    statuses: [403],
    learnMore: `${TROUBLESHOOT}http-server-returned-forbidden-exception`,
  },
  // KB 4493267: "Remote server error: (401) Unauthorized. Make sure the user name and password you entered are correct…"
  {
    family: "sign-in-refused",
    aboutUserName: true,
    phrases: ["(401) unauthorized", "http status 401", "401 unauthorized", "anonymous request disallowed", "user name and password you entered are correct"],
    statuses: [401],
    learnMore: TEST_CONNECTION_FAILS_URL,
  },
];

/** Where any other failure is explained: Microsoft's troubleshooting page for server-side synchronization. */
export const TROUBLESHOOTING_URL = `${TROUBLESHOOT}troubleshooting-monitoring-server-side-synchronization`;

/**
 * The row for the facts: by code, then by wording, then by status. An EWS code no row knows is more specific
 * than a status (ErrorQuotaExceeded comes with a 403 that is not EWS switched off), so it is left as given.
 */
export function recogniseFamily(codes: readonly string[], facts: IFamilyFacts): LastTestFamily | undefined {
  for (const code of codes) {
    const byCode = LAST_TEST_FAMILIES.find((row) => row.codes?.includes(code));
    if (byCode) return byCode.family;
  }
  const saysSo = (row: IFamilyRow): boolean => (row.phrases ?? []).some((phrase) => facts.text.includes(phrase)) || (row.when?.(facts) ?? false);
  const byWords = LAST_TEST_FAMILIES.find(saysSo);
  if (byWords || codes.length > 0) return byWords?.family;
  return LAST_TEST_FAMILIES.find((row) => facts.httpStatus !== undefined && row.statuses?.includes(facts.httpStatus))?.family;
}
