/**
 * English text for every key the control reads at run time, as in strings/EmailProfileValidator.1033.resx.
 * The platform's resx is the source; this is what a key missing from the user's language falls back to.
 * The manifest's own names and descriptions are left out: only the maker portal reads them, never the control.
 */
export const ENGLISH = {
  Property_userName_DisplayName: "User Name",
  Field_Placeholder: "---",
  Action_Use: "Use {0}",
  Action_CleanUp: "Clean up",
  Action_CleanUpLabel: "Clean up to {0}",
  Action_MoreSuggestions: "More suggestions",
  Action_Undo: "Undo",
  Action_UndoLabel: "Undo: restore {0}",
  Action_LearnMore: "Learn more",
  Action_LearnMoreLabel: "Learn more about this error in Microsoft KB 3214326 (opens in a new tab)",
  Source_cleanup: "cleaned up",
  Source_domainMap: "configured domain",
  Source_defaultSuffix: "default suffix",
  Source_directory: "this environment's directory",
  Source_guess: "likely — check the domain",
  Status_Applied: "Changed from {0} to {1}.",
  Status_Restored: "Restored {0}.",
  Value_Empty: "an empty value",
  Character_Space: "space",
  Config_BadDefaultSuffix: "The control's Default UPN suffix setting on this form, \u201c{0}\u201d, is not a domain name, so it is not used; ask whoever customizes the form to correct it.",
  Config_BadDomainEntry: "The control's Domain suffixes setting on this form has the entry \u201c{0}\u201d, which is not NETBIOS=domain.com, so it is not used; ask whoever customizes the form to correct it.",
  Config_NonRoutableSuffix: "The control's settings on this form name \u201c{0}\u201d, a private or reserved domain that Exchange Online does not accept, so no suggestion uses it; ask whoever customizes the form to change it.",
  Problem_required: "Enter the address server-side sync should use, such as user@contoso.com.",
  "Problem_surrounding-whitespace": "The value starts or ends with spaces or line breaks, which become part of the user name.",
  "Problem_invisible-character": "The value holds invisible characters ({0}), usually from copy and paste; Exchange finds no mailbox for it.",
  "Problem_wrapped-address": "Only the address belongs here, without \u201cmailto:\u201d, \u201cSMTP:\u201d, a display name, brackets, quotes or a trailing separator.",
  "Problem_multiple-values": "This holds {0} addresses; enter only the one mailbox server-side sync should use.",
  "Problem_downlevel-logon": "\u201c{0}\\{1}\u201d is a Windows log-on name. Server-side sync sends the user name to Exchange as the SMTP address to impersonate, so Test Connection fails with \u201cThe SMTP address has no mailbox associated with it\u201d. Use the mailbox's UPN instead.",
  "Problem_slash-separator": "\u201c{0}/{1}\u201d is not a name Exchange understands; write it as the mailbox's UPN, account@domain.",
  "Problem_local-machine-account": "\u201c.\\{0}\u201d is an account on one computer; Exchange needs the UPN of a mailbox user.",
  "Problem_bare-name": "\u201c{0}\u201d has no domain; enter the mailbox's full address, such as {0}@contoso.com.",
  "Problem_multiple-at": "An address has one @; this one has {0}.",
  "Problem_missing-local-part": "Add the account name before the @.",
  "Problem_missing-domain": "Add the domain after the @, such as contoso.com.",
  "Problem_local-part-too-long": "The part before the @ has {0} characters; the limit is {1}.",
  "Problem_too-long": "The user name has {0} characters; the limit is {1}.",
  "Problem_invalid-character": "The part before the @ holds characters an address cannot have: {0}.",
  "Problem_invalid-character_domain": "A domain holds only letters, digits, hyphens and dots; this one has {0}.",
  "Problem_non-ascii": "Use plain ASCII letters: {0} cannot be used in this address.",
  "Problem_dot-placement": "The part before the @ cannot start or end with a dot or have two dots in a row.",
  "Problem_invalid-domain_empty-label": "The domain has an empty part: two dots in a row, or a dot after the @.",
  "Problem_invalid-domain_label-too-long": "The domain part \u201c{0}\u201d is longer than 63 characters.",
  "Problem_invalid-domain_hyphen": "The domain part \u201c{0}\u201d cannot start or end with a hyphen.",
  "Problem_invalid-domain_underscore": "The domain part \u201c{0}\u201d has an underscore, which a mail domain cannot have.",
  "Problem_invalid-domain_ip-literal": "Use the mailbox's domain name, not an IP address ({0}).",
  "Problem_invalid-domain_numeric-tld": "The domain ends in \u201c{0}\u201d, which is all digits; a mail domain ends in a name such as .com, not a number.",
  "Problem_missing-tld": "\u201c{0}\u201d is not a complete domain; add its ending, such as {0}.com.",
  "Problem_trailing-dot": "The domain ends with a dot; Exchange addresses do not.",
  "Problem_entra-character": "Microsoft Entra ID does not allow {0} before the @ in a user principal name.",
  "Problem_entra-length": "Microsoft Entra ID allows 48 characters after the @ and 113 in all; this has {0} after the @ and {1} in all.",
  "Problem_non-routable-suffix": "\u201c{0}\u201d is a private or reserved suffix that Exchange Online and Microsoft Entra ID do not accept; use the mailbox's public address.",
  "Problem_mailbox-not-found": "No Dynamics 365 mailbox record has the address {0}. That is normal for a service account that is not a Dynamics 365 user; Exchange itself must still have a mailbox with this address.",
  "Problem_mailbox-found": "Matches the mailbox \u201c{0}\u201d in this environment.",
  "Problem_mailbox-found_unnamed": "Matches a mailbox in this environment.",
  "Problem_last-test-downlevel": "This is why the last Test Connection failed: Exchange looked for a mailbox with the address \u201c{0}\u201d and found none ({1}).",
  "Problem_last-test-no-mailbox": "The last Test Connection failed because no mailbox has the address {0} ({1}). Enter the address of an existing mailbox: its UPN, matching its primary SMTP address.",
  "Problem_last-test-failed": "The last Test Connection failed with {0}. {1}",
  "Problem_last-test-stale": "The last Test Connection used \u201c{0}\u201d. Save the record and run Test Connection again to check the new value.",
  "Problem_not-used": "This profile does not use this user name (Authenticate Using is not Credentials Specified in Email Server Profile), so it is not checked.",
  "Problem_last-test-other-cause_tls": "The last Test Connection failed for a reason that is not the user name: the Exchange server's certificate is not trusted. Use a certificate from a public certification authority whose name matches the EWS URL.",
  "Problem_last-test-other-cause_timeout": "The last Test Connection failed for a reason that is not the user name: the connection timed out. Check that your firewall lets Dynamics 365's IP address ranges reach the EWS URL.",
  "Problem_last-test-other-cause_connection-refused": "The last Test Connection failed for a reason that is not the user name: the server refused the connection. Check the server location and the port in the profile's Advanced settings.",
  "Problem_last-test-other-cause_host-not-found": "The last Test Connection failed for a reason that is not the user name: the server's host name could not be found. Check the server location, and that its name resolves from the internet.",
  "Problem_last-test-other-cause_wrong-url": "The last Test Connection failed for a reason that is not the user name: the EWS URL answered 404 Not Found. Enter the full URL, such as https://mail.contoso.com/EWS/Exchange.asmx.",
  "Problem_last-test-other-cause_ews-blocked": "The last Test Connection failed for a reason that is not the user name: Exchange answered 403 Forbidden, so Exchange Web Services is turned off or blocked for Dynamics 365. Check EwsEnabled and the EWS allow and block lists.",
  "Problem_last-test-other-cause_throttled": "The last Test Connection failed for a reason that is not the user name: Exchange was busy or unavailable (throttling, or 503 Service Unavailable). Wait a few minutes, then run Test Connection again.",
  "Problem_last-test-other-cause_licence": "The last Test Connection failed for a reason that is not the user name: the mailbox has no Exchange Online licence. Assign one to the user, or use a shared mailbox, which needs none.",
  "Problem_last-test-other-cause_basic-auth-off": "The last Test Connection failed for a reason that is not the user name: Exchange Online no longer accepts a user name and password for Exchange Web Services. Use server-to-server authentication.",
  "Problem_last-test-other-cause_oauth-refused": "The last Test Connection failed for a reason that is not the user name: Exchange refused the authentication token. Check the app registration and the server-to-server authentication set-up.",
  "Problem_last-test-other-cause": "The last Test Connection failed for a reason that is not the user name.",
  "Problem_upn-mailbox-mismatch": "The Dynamics 365 user who signs in as {0} has the primary email address {1}. Exchange finds the mailbox by the user name, so unless {0} is also one of that mailbox's addresses, correct the UPN or the mailbox's address in Active Directory or Exchange.",
  "Problem_not-used_same-settings": "This outgoing user name is not used: Use Same Settings for Outgoing Connections is Yes, so the incoming credentials are used for both.",
  "Problem_non-ascii_more": "Use plain ASCII letters: {0} and {1} more cannot be used in this address.",
  "Problem_last-test-sign-in": "The last Test Connection was refused sign-in as {0} (401 Unauthorized). Check the password, and that the user name is the account's UPN, such as user@contoso.com, not DOMAIN\\user. On Exchange Server, also check that the EWS virtual directory accepts Basic authentication (KB 3189622).",
  "Problem_last-test-impersonation": "The last Test Connection signed in as {0}, but Exchange refused to let it impersonate the mailbox: give this account the ApplicationImpersonation role for the mailboxes it synchronizes.",
  "Problem_last-test-autodiscover": "The last Test Connection could not find the mailbox through Autodiscover as {0}. Check that the user name is the mailbox's UPN, or set Auto Discover Server Location to No and enter the EWS URL.",
  Config_ExchangeOnlineBasicAuth: "Exchange Online no longer accepts a user name and password for Exchange Web Services (Basic authentication was turned off from October 2022), so Credentials Specified in Email Server Profile cannot connect. Use server-to-server authentication.",
  Config_MailServerLogOn: "This is a POP3 or IMAP profile: the mail server decides the form of its log-on, so a DOMAIN\\user or bare name is fine here.",
  Action_LearnMoreArticleLabel: "Learn more in Microsoft's article on this error (opens in a new tab)",
  "Problem_surrounding-whitespace_named": "The value starts or ends with characters nobody can see ({0}), which become part of the user name.",
  "Problem_last-test-no-mailbox_uncoded": "The last Test Connection failed because no mailbox has the address {0}. Enter the address of an existing mailbox: its UPN, matching its primary SMTP address.",
  "Problem_last-test-downlevel_uncoded": "This is why the last Test Connection failed: Exchange looked for a mailbox with the address \u201c{0}\u201d and found none.",
  "Problem_last-test-failed_code": "The last Test Connection failed with {0}.",
  "Problem_last-test-failed_message": "The last Test Connection failed: {0}",
  "Problem_last-test-failed_unknown": "The last Test Connection failed, and Dynamics 365 gave no reason. Run Test Connection again, and check the profile's alerts.",
  "Problem_last-test-other-server": "The last Test Connection ran against Exchange, before this profile was set to POP3 or IMAP, so it says nothing about this log-on. Save the record and run Test Connection again.",
  "Problem_non-routable-suffix_exchange": "\u201c{0}\u201d is a private suffix, and a user name ending in it is rarely an address of the mailbox. Check that the user name matches the mailbox's email address in Exchange, or use that address.",
  "Problem_last-test-stale_empty": "The last Test Connection ran with an empty user name. Save the record and run Test Connection again to check the new value.",
  Action_UseGuess: "Use {0} (likely \u2014 check the domain)",
  Source_domainInUse: "a domain this environment's users have",
  "Problem_required_readonly": "This profile has no user name.",
  "Problem_missing-domain_readonly": "The user name has no domain after the @.",
  "Problem_missing-local-part_readonly": "The user name has no account name before the @.",
  "Problem_downlevel-logon_readonly": "\u201c{0}\\{1}\u201d is a Windows log-on name. Server-side sync sends the user name to Exchange as the SMTP address to impersonate, so Test Connection fails with \u201cThe SMTP address has no mailbox associated with it\u201d. This profile needs the mailbox's UPN.",
  "Problem_bare-name_readonly": "\u201c{0}\u201d has no domain; this profile needs the mailbox's full address, such as {0}@contoso.com.",
  "Problem_slash-separator_readonly": "\u201c{0}/{1}\u201d is not a name Exchange understands; this profile needs the mailbox's UPN, account@domain.",
  "Problem_multiple-values_readonly": "This holds {0} addresses; server-side sync needs only the one mailbox it should use.",
} as const;

export type StringKey = keyof typeof ENGLISH;

/** Looks a key up in the user's language, falling back to English, and fills in {0}, {1}… */
export type Translate = (key: StringKey, ...args: string[]) => string;

export function formatText(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d)\}/g, (placeholder, index: string) => args[Number(index)] ?? placeholder);
}

/** The platform answers a missing key with the key itself or nothing; either way English is shown. */
export function createTranslator(getString?: (key: string) => string | undefined): Translate {
  return (key, ...args) => {
    let text: string | undefined;
    try {
      text = getString?.(key);
    } catch {
      text = undefined;
    }
    const template = text && text !== key ? text : ENGLISH[key];
    return formatText(template, args);
  };
}
