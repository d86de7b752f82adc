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
  /** The `Email Server Error Code:` line, lower-cased: its words say more than the sentence before it. */
  codeLine?: string;
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
  /** Wording that means this only when no code says more (a numbered error that "will try again later" is that error). */
  weakPhrases?: readonly string[];
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
  /** What the profile's alerts section calls the family, in a few words. */
  title: string;
  /** What it means and the published fix, in a sentence or two. */
  fix: string;
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
    codes: ["ErrorNonExistentMailbox", "ErrorInvalidOperation"],
    phrases: ["has no mailbox associated with it", "doesn't have a valid email address"],
    learnMore: KB_3214326_URL,
    learnMoreLabel: "Action_LearnMoreLabel",
    userName: { code: "last-test-no-mailbox", sentence: "Problem_last-test-no-mailbox", uncoded: "Problem_last-test-no-mailbox_uncoded", severity: "warning" },
    userNameDownLevel: { code: "last-test-downlevel", sentence: "Problem_last-test-downlevel", uncoded: "Problem_last-test-downlevel_uncoded", severity: "error" },
    title: "Family_no-mailbox",
    fix: "Fix_no-mailbox",
  },
  // KB 4459027: inner ErrorInvalidLicense under ErrorInternalServerError, "Mailbox '…' doesn't have a valid license."
  {
    family: "licence",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_licence",
    codes: ["ErrorInvalidLicense", "8005E276", "800046"],
    // KB 2993502: an Exchange Online Kiosk licence has no EWS, so the connection is refused "while establishing a secure connection".
    phrases: ["license is invalid for", "doesn't have a valid license", "does not have a valid license", "establishing a secure connection"],
    learnMore: `${TROUBLESHOOT}email-cannot-be-received-because-license-is-invalid-error`,
    title: "Family_licence",
    fix: "Fix_licence",
  },
  // KB 4295275, KB 3189639: "The account does not have permission to impersonate the requested user."
  {
    family: "impersonation-refused",
    cause: "impersonation",
    codes: ["ErrorImpersonateUserDenied", "ErrorImpersonationDenied", "ErrorImpersonationFailed"],
    phrases: ["permission to impersonate", "an impersonation error occurred"],
    learnMore: `${TROUBLESHOOT}the-account-does-not-have-permission-to-impersonate-the-requested-user-error`,
    userName: { code: "last-test-impersonation", sentence: "Problem_last-test-impersonation", severity: "warning" },
    title: "Family_impersonation-refused",
    fix: "Fix_impersonation-refused",
  },
  // "EWS throttling in Exchange": ErrorServerBusy; ErrorMailboxStoreUnavailable; 503 Service Unavailable.
  {
    family: "throttled",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_throttled",
    codes: ["ErrorServerBusy", "ErrorMailboxStoreUnavailable", "ErrorTooManyObjectsOpened", "ErrorInsufficientResources", "ServiceUnavailable"],
    phrases: ["(503) server unavailable", "(503) service unavailable", "http status 503", "the server cannot service this request right now", "mailbox database is temporarily unavailable"],
    statuses: [503],
    learnMore: "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange",
    title: "Family_throttled",
    fix: "Fix_throttled",
  },
  // "Authenticate an EWS application by using OAuth": a refused token says invalid_token; Entra says AADSTS….
  {
    family: "oauth-refused",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_oauth-refused",
    phrases: ["invalid_token", "aadsts", "acs50", "the token has expired", "the token is invalid", "token has invalid signature", "audience claim value is invalid"],
    learnMore: "https://learn.microsoft.com/power-platform/admin/connect-exchange-online",
    title: "Family_oauth-refused",
    fix: "Fix_oauth-refused",
  },
  // "Deprecation of Basic authentication in Exchange Online": EWS stopped taking a user name and password in October 2022.
  {
    family: "basic-auth-off",
    cause: "server-auth",
    lastTest: "Problem_last-test-other-cause_basic-auth-off",
    phrases: ["basic authentication is disabled", "basic authentication is not supported", "basic auth is disabled", "basicauthblocked"],
    when: (facts) => facts.httpStatus === 401 && EXCHANGE_ONLINE_HOSTS.some((host) => facts.text.includes(host)),
    learnMore: "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online",
    title: "Family_basic-auth-off",
    fix: "Fix_basic-auth-off",
  },
  // KB 4513810: "The mailbox location could not be determined…"; the EWS Managed API: "The Autodiscover service couldn't be located."
  {
    family: "autodiscover",
    cause: "autodiscover",
    phrases: ["mailbox location could not be determined", "location of the mailbox", "autodiscover service couldn't be located", "autodiscover service could not be located", "autodiscoverlocalexception", "autodiscoverremoteexception"],
    learnMore: `${TROUBLESHOOT}error-when-testing-enabling-mailbox`,
    userName: { code: "last-test-autodiscover", sentence: "Problem_last-test-autodiscover", severity: "warning" },
    title: "Family_autodiscover",
    fix: "Fix_autodiscover",
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
      "trustfailure",
      "securechannelfailure",
    ],
    learnMore: "https://support.microsoft.com/help/954584",
    title: "Family_tls",
    fix: "Fix_tls",
  },
  // KB 4493267 cause 2 (firewall): "System.Net.WebException: The operation has timed out"; KB 4092736: "Socket returned exception TimedOut".
  {
    family: "timeout",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_timeout",
    phrases: ["the operation has timed out", "exception timedout", "did not properly respond after a period of time", "the request timed out"],
    statuses: [504],
    learnMore: TEST_CONNECTION_FAILS_URL,
    title: "Family_timeout",
    fix: "Fix_timeout",
  },
  // KB 4092736 (wrong port) and .NET's WebExceptionStatus.ConnectFailure: "No connection could be made because the target machine actively refused it."
  {
    family: "connection-refused",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_connection-refused",
    codes: ["ConnectFailure"],
    phrases: ["actively refused", "unable to connect to the remote server", "connectfailure", "connection refused", "exception connectionrefused"],
    learnMore: `${TROUBLESHOOT}general-mailbox-access-error-occurred`,
    title: "Family_connection-refused",
    fix: "Fix_connection-refused",
  },
  // .NET's WebExceptionStatus.NameResolutionFailure: "The remote name could not be resolved: 'mail.contoso.com'".
  {
    family: "host-not-found",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_host-not-found",
    codes: ["InvalidIncomingEmailServerProfileConfiguration", "HostNotFound"],
    phrases: ["the remote name could not be resolved", "nameresolutionfailure", "no such host is known", "exception hostnotfound", "email server location or the incoming email port"],
    learnMore: "https://learn.microsoft.com/power-platform/admin/test-connection-exchange-server-onpremises",
    title: "Family_host-not-found",
    fix: "Fix_host-not-found",
  },
  // KB 4513810 gives the EWS URL's form, https://mail.contoso.com/EWS/Exchange.asmx; a wrong path answers 404.
  {
    family: "wrong-url",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_wrong-url",
    phrases: ["(404) not found", "http status 404"],
    statuses: [404],
    learnMore: `${TROUBLESHOOT}error-when-testing-enabling-mailbox`,
    title: "Family_wrong-url",
    fix: "Fix_wrong-url",
  },
  // KB 4483440: "Http server returned Forbidden exception", "The request failed with HTTP status 403: Forbidden" (EWS disabled or blocked).
  {
    family: "ews-blocked",
    cause: "none",
    lastTest: "Problem_last-test-other-cause_ews-blocked",
    phrases: ["returned forbidden exception", "http status 403: forbidden", "(403) forbidden"],
    statuses: [403],
    learnMore: `${TROUBLESHOOT}http-server-returned-forbidden-exception`,
    title: "Family_ews-blocked",
    fix: "Fix_ews-blocked",
  },
  // KB 4493267: "Remote server error: (401) Unauthorized. Make sure the user name and password you entered are correct…"
  {
    family: "sign-in-refused",
    cause: "credentials",
    codes: ["OutgoingEmailAuthenticationError", "8005E272"],
    phrases: [
      "(401) unauthorized",
      "http status 401",
      "401 unauthorized",
      "anonymous request disallowed",
      "user name and password you entered are correct",
      "username and password not accepted",
      "credentials used to send email are incorrect",
      "credentials specified in the associated email server profile are incorrect",
      "make sure that the credentials specified in the mailbox",
    ],
    statuses: [401],
    learnMore: TEST_CONNECTION_FAILS_URL,
    userName: { code: "last-test-sign-in", sentence: "Problem_last-test-sign-in", severity: "warning" },
    title: "Family_sign-in-refused",
    fix: "Fix_sign-in-refused",
  },
  // Server-side sync's own alerts (Alerts wall, `tracelog`), "Troubleshooting and monitoring server-side synchronization"
  // and the articles each row names. They come after Test Connection's rows, so a code they share is read as above.
  // KB 4052727: "…requires an approval by a Microsoft 365 administrator", the S2S approval tokens.
  {
    family: "approval-needed",
    cause: "none",
    codes: ["OutgoingEmailS2SApprovalNeeded", "IncomingEmailS2SApprovalNeeded", "ExchangeSyncEmailS2SApprovalNeeded"],
    phrases: ["requires an approval by", "is not approved", "haven't been approved", "until the email address of the mailbox is approved"],
    learnMore: `${TROUBLESHOOT}troubleshooting-monitoring-server-side-synchronization#email-address-requires-approval-by-microsoft-365-administrator`,
    title: "Family_approval-needed",
    fix: "Fix_approval-needed",
  },
  // KB 4484702: InvalidIncomingEmailServerProfile, "does not have an email server profile associated with it or the profile is inactive".
  {
    family: "profile-inactive",
    cause: "none",
    codes: ["InvalidIncomingEmailServerProfile"],
    phrases: ["does not have an email server profile associated with it", "email server profile is inactive"],
    learnMore: `${TROUBLESHOOT}mailbox-does-not-have-email-server-profile`,
    title: "Family_profile-inactive",
    fix: "Fix_profile-inactive",
  },
  // KB 4053618: the mailbox is configured for another Dynamics 365 organization (Incoming/Outgoing/ExchangeSync IncorrectCrmOrgError).
  {
    family: "multi-org",
    cause: "none",
    codes: ["IncomingIncorrectCrmOrgError", "OutgoingIncorrectCrmOrgError", "ExchangeSyncIncorrectCrmOrgError"],
    phrases: ["configured for another dynamics 365 organization", "is configured with another", "check and update configuration folder on exchange failed"],
    learnMore: "https://support.microsoft.com/help/4053618",
    title: "Family_multi-org",
    fix: "Fix_multi-org",
  },
  // KB 4092797: the mailbox record's own credentials (InvalidIncoming/OutgoingMailboxCredentials).
  {
    family: "mailbox-credentials",
    cause: "none",
    codes: ["InvalidOutgoingMailboxCredentials", "InvalidIncomingMailboxCredentials"],
    learnMore: "https://support.microsoft.com/help/4092797",
    title: "Family_mailbox-credentials",
    fix: "Fix_mailbox-credentials",
  },
  // KB 4500801: the mailbox record has no valid email address (InvalidIncoming/OutgoingMailboxEmailAddress).
  {
    family: "mailbox-address",
    cause: "none",
    codes: ["InvalidOutgoingMailboxEmailAddress", "InvalidIncomingMailboxEmailAddress"],
    learnMore: "https://support.microsoft.com/help/4500801",
    title: "Family_mailbox-address",
    fix: "Fix_mailbox-address",
  },
  // "Email message cannot be sent": MailboxDisabled, the mailbox is deactivated or disabled for outgoing email.
  {
    family: "mailbox-disabled",
    cause: "none",
    codes: ["MailboxDisabled"],
    phrases: ["is deactivated or disabled for"],
    learnMore: `${TROUBLESHOOT}email-message-cannot-be-sent`,
    title: "Family_mailbox-disabled",
    fix: "Fix_mailbox-disabled",
  },
  // "Test and Enable fails for an unrecognized email address": NoUserFoundWithGivenClaims.
  {
    family: "no-user-in-tenant",
    cause: "none",
    codes: ["NoUserFoundWithGivenClaims"],
    phrases: ["no user was found with the email address", "user does not exist in tenant"],
    learnMore: `${TROUBLESHOOT}test-enable-fails-for-unrecognized-email-address`,
    title: "Family_no-user-in-tenant",
    fix: "Fix_no-user-in-tenant",
  },
  // Error code 8005E273: the user's Microsoft 365 account is disabled.
  {
    family: "account-disabled",
    cause: "none",
    codes: ["8005E273"],
    learnMore: `${TROUBLESHOOT}error-code-8005e273`,
    title: "Family_account-disabled",
    fix: "Fix_account-disabled",
  },
  // Error code 8005E274 and KB 4534628: MailboxNotEnabledForRESTAPI, an on-premises or unlicensed mailbox behind Exchange Online.
  {
    family: "rest-api-not-enabled",
    cause: "none",
    codes: ["MailboxNotEnabledForRESTAPI", "8005E274"],
    learnMore: `${TROUBLESHOOT}error-code-8005e274`,
    title: "Family_rest-api-not-enabled",
    fix: "Fix_rest-api-not-enabled",
  },
  // "ErrorQuotaExceeded: Exchange server returned 403 error": the mailbox is over an Exchange Online limit.
  {
    family: "quota",
    cause: "none",
    codes: ["ErrorQuotaExceeded"],
    learnMore: `${TROUBLESHOOT}errorquotaexceeded-exchange-server-returned-403-error`,
    title: "Family_quota",
    fix: "Fix_quota",
  },
  // "ErrorSubmissionQuotaExceeded exception": more sent than Exchange Online or Gmail allows.
  {
    family: "sending-limit",
    cause: "none",
    codes: ["ErrorSubmissionQuotaExceeded", "GeneralOutgoingEmailServerError"],
    learnMore: `${TROUBLESHOOT}errorsubmissionquotaexceeded-exception`,
    title: "Family_sending-limit",
    fix: "Fix_sending-limit",
  },
  // "An internal Dynamics 365 error", error code 8005E259, -2147209462, -2147220192: the mailbox owner's security roles.
  {
    family: "dataverse-privilege",
    cause: "none",
    codes: ["UserPrivilegeError", "Crm.80048306", "Crm.80040220", "PrivilegeDenied", "-2147209462", "-2147220192", "8005E259", "-2147187962"],
    phrases: ["doesn't have sufficient permissions on this mailbox", "not enough privilege", "accesscheckex failed"],
    learnMore: `${TROUBLESHOOT}an-internal-dynamics-365-error`,
    title: "Family_dataverse-privilege",
    fix: "Fix_dataverse-privilege",
  },
  // "Exception appears in server-side sync", -2147167669: the mailbox's owner has no Dynamics 365 licence.
  {
    family: "dynamics-licence",
    cause: "none",
    codes: ["-2147167669"],
    learnMore: `${TROUBLESHOOT}exception-appears-server-side-sync`,
    title: "Family_dynamics-licence",
    fix: "Fix_dynamics-licence",
  },
  // "UnknownIncomingEmailIntegrationError -2147220891": a synchronous plug-in or real-time workflow failed (IsvAborted).
  {
    family: "plugin-workflow",
    cause: "none",
    codes: ["-2147220891", "-2147220956", "Crm.80040265", "IsvAborted", "IsvUnexpected"],
    phrases: ["isv code aborted the operation", "sync workflow"],
    learnMore: `${TROUBLESHOOT}unknownincomingemailintegrationerror-2147220891`,
    title: "Family_plugin-workflow",
    fix: "Fix_plugin-workflow",
  },
  // "Error while sending the email message" (KB 4092733): a POP3/SMTP profile's Outgoing Port; SmtpException in the details.
  {
    family: "smtp-port",
    cause: "none",
    codes: ["SmtpException"],
    phrases: ["syntax error, command unrecognized", "smtpexception"],
    learnMore: `${TROUBLESHOOT}error-while-sending-the-email-message`,
    title: "Family_smtp-port",
    fix: "Fix_smtp-port",
  },
  // KB 4504933 (EWS 203), the Clutter and Outlook category notices: information, nothing to repair.
  {
    family: "benign-info",
    cause: "none",
    codes: ["203"],
    phrases: ["clutter moved new and different messages", "has been enabled for the mailbox"],
    learnMore: `${TROUBLESHOOT}error-when-creating-an-incoming-email`,
    title: "Family_benign-info",
    fix: "Fix_benign-info",
  },
  // "Error when creating an incoming email": one item's sender or forwarded item, not the mailbox.
  {
    family: "item-data",
    cause: "none",
    codes: ["InvalidSender", "InvalidForwardMailItem", "-2147218677"],
    phrases: ["error occurred while creating the incoming email"],
    learnMore: `${TROUBLESHOOT}error-when-creating-an-incoming-email`,
    title: "Family_item-data",
    fix: "Fix_item-data",
  },
  // "Appointments do not sync to Exchange for some users": EWS error 383, ErrorTimeZone.
  {
    family: "time-zone",
    cause: "none",
    codes: ["383", "ErrorTimeZone"],
    learnMore: `${TROUBLESHOOT}appointments-do-not-sync-to-exchange-for-some-users`,
    title: "Family_time-zone",
    fix: "Fix_time-zone",
  },
  // "Scheduling conflict when saving an appointment": the user decides on the alert.
  {
    family: "scheduling-conflict",
    cause: "none",
    codes: ["ExchangeSyncSchedulingConflictsError"],
    phrases: ["a scheduling conflict was found"],
    learnMore: `${TROUBLESHOOT}scheduling-conflict-saving-appointment`,
    title: "Family_scheduling-conflict",
    fix: "Fix_scheduling-conflict",
  },
  // "Troubleshooting and monitoring server-side synchronization": "the Organizer field isn't present" on the Appointment form.
  {
    family: "appointment-form",
    cause: "none",
    phrases: ["organizer field isn't present", "organizer field is not present"],
    learnMore: `${TROUBLESHOOT}troubleshooting-monitoring-server-side-synchronization#appointments-cant-be-synchronized`,
    title: "Family_appointment-form",
    fix: "Fix_appointment-form",
  },
  // "An error occurred while synchronizing an item" and its kin: temporary, retried by server-side sync.
  {
    family: "transient",
    cause: "none",
    codes: ["-2147220970", "Crm.80040216", "IncomingMailboxInternalCrmError", "ErrorInternalServerTransientError", "SendFailure", "ErrorIrresolvableConflict"],
    phrases: ["an unexpected error occurred while receiving email"],
    // "The system will try to receive email again later": Dynamics' word that it retries (transient Warnings, SPEC §8).
    weakPhrases: ["again later"],
    learnMore: `${TROUBLESHOOT}an-error-occurred-while-synchronizing-item`,
    title: "Family_transient",
    fix: "Fix_transient",
  },
] as const satisfies readonly IFailureFamily[];

export type FailureFamilyRow = (typeof FAILURE_FAMILIES)[number];
export type FailureFamilyId = FailureFamilyRow["family"];
/** The problem codes the families' user-name advice reports, one per row that has it: derived, never listed twice. */
export type UserNameFailureCode = NonNullable<Extract<FailureFamilyRow, { userName: unknown }>["userName"]>["code"] | "last-test-downlevel";

/** Where any other failure is explained: Microsoft's troubleshooting page for server-side synchronization. */
export const TROUBLESHOOTING_URL = `${TROUBLESHOOT}troubleshooting-monitoring-server-side-synchronization`;

/** The rows as the classifier reads them: every field optional but the family, whose name is typed. */
const ROWS: readonly IFailureFamily<FailureFamilyId>[] = FAILURE_FAMILIES;
const ROW_BY_FAMILY = new Map<FailureFamilyId, FailureFamilyRow>(FAILURE_FAMILIES.map((row) => [row.family, row]));
/** Codes compare without regard to case: a copied alert may have changed it, a code's meaning has not. */
const ROW_BY_CODE = new Map(ROWS.flatMap((row) => (row.codes ?? []).map((code) => [code.toLowerCase(), row] as const)).reverse());

/** The row that knows this code, if any. */
export function rowForCode(code: string): IFailureFamily<FailureFamilyId> | undefined {
  return ROW_BY_CODE.get(code.toLowerCase());
}

const saysAnyOf = (row: IFailureFamily, text: string): boolean => (row.phrases ?? []).some((phrase) => text.includes(phrase));

/**
 * The row for the facts: by code, then by the words of the code line, then by wording anywhere, then by status. A
 * code no row knows is more specific than a status (ErrorQuotaExceeded comes with a 403 that is not EWS switched
 * off), so then only wording can still name the family.
 */
export function recogniseFamily(codes: readonly string[], facts: IFamilyFacts): FailureFamilyId | undefined {
  for (const code of codes) {
    const byCode = rowForCode(code);
    if (byCode) return byCode.family;
  }
  const codeLine = facts.codeLine;
  const byCodeLine = codeLine ? ROWS.find((row) => saysAnyOf(row, codeLine)) : undefined;
  const byWords = byCodeLine ?? ROWS.find((row) => saysAnyOf(row, facts.text) || (row.when?.(facts) ?? false));
  if (byWords || codes.length > 0) return byWords?.family;
  const byWeakWords = ROWS.find((row) => (row.weakPhrases ?? []).some((phrase) => facts.text.includes(phrase)));
  if (byWeakWords) return byWeakWords.family;
  return ROWS.find((row) => facts.httpStatus !== undefined && row.statuses?.includes(facts.httpStatus))?.family;
}

/**
 * The catalogue's row for a family, or none for "other". Typed as the rows are written, so whoever reads a row's
 * sentence keys gets their literal types and the compiler checks them against the strings.
 */
export function familyRow(family: FailureFamilyId | "other"): FailureFamilyRow | undefined {
  return family === "other" ? undefined : ROW_BY_FAMILY.get(family);
}
