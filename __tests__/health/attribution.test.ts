import { buildHealthView, type IHealthFamilyView } from "../../EmailProfileValidator/advice/health";
import { classifyAlert } from "../../EmailProfileValidator/failures";
import type { IAlertFamily, IHealthReport, IMailboxCounts, ISavedProfile } from "../../EmailProfileValidator/health";
import { PUBLISHED_ALERTS } from "../fixtures/publishedAlerts";

/**
 * SPEC §8, "whether this profile's credentials are the cause": only a direction whose saved credentials are this
 * profile's (credential retrieval 1) can blame this field; outgoing uses the incoming credentials while Use Same
 * Settings for Outgoing Connections is Yes. Every row's alert text is Microsoft's own (fixtures/publishedAlerts.ts).
 */

const published = (name: string): string => {
  const alert = PUBLISHED_ALERTS.find((candidate) => candidate.name === name);
  if (!alert) throw new Error(`No published alert ${name}`);
  return alert.text;
};

/** The troubleshooting page's profile alert: "…the credentials specified in the associated email server profile are incorrect…". */
const PROFILE_CREDENTIALS = published("credentials in the email server profile incorrect or insufficient (template)");
/** KB 3212785: "Email cannot be received for the mailbox <Mailbox Name>. Make sure that the credentials specified in the mailbox…" with its 401 code line. */
const MAILBOX_401 = `${published("KB 3212785: email cannot be received, 401")}\n\n${published("KB 3212785: the error code line of the 401 alerts")}`;
/** KB 3189639 / KB 4295275: "An impersonation error occurred in accessing the mailbox while receiving email." */
const IMPERSONATION = published("KB 3189639: impersonation error receiving");
/** KB 3214684: "Email can't be received for the mailbox [Mailbox Name] because the mailbox record doesn't have a valid email address." */
const NO_MAILBOX = published("KB 3214684: receiving, no valid email address (ErrorNonExistentMailbox)");

function family(text: string, overrides: Partial<IAlertFamily> = {}): IAlertFamily {
  const reading = classifyAlert(text);
  const allDirections = ["incoming", "outgoing", "act"] as const;
  return {
    profileDirections: overrides.onProfile ? (reading.directions.length > 0 ? reading.directions : [...allDirections]) : [],
    family: reading.family,
    level: 3,
    mailboxes: 4,
    atLeast: false,
    onProfile: false,
    lastSeen: "2026-11-30T09:00:00Z",
    example: text,
    directions: reading.directions,
    examples: [{ id: "1a2b3c4d-0000-4000-8000-000000000001", name: "Pat Doe" }],
    ...overrides,
  };
}

const counts = (overrides: Partial<IMailboxCounts> = {}): IMailboxCounts => ({
  total: 10,
  failing: 4,
  pending: 0,
  rejected: 0,
  fine: 6,
  failingBy: { incoming: 4, outgoing: 0, act: 0 },
  succeedingBy: { incoming: 6, outgoing: 10, act: 0 },
  ...overrides,
});

function report(profile: Partial<ISavedProfile>, families: IAlertFamily[], mailboxes: IMailboxCounts = counts()): IHealthReport {
  return {
    profile: {
      status: "ok",
      value: { active: true, modifiedOn: "2026-11-20T00:00:00Z", incomingCredentials: 1, outgoingCredentials: 1, sameSettingsForOutgoing: true, incomingUserName: "svc@contoso.com", outgoingUserName: "out@contoso.com", ...profile },
    },
    mailboxes: { status: "ok", value: mailboxes },
    alerts: { status: "ok", value: { families, total: families.length, overLimit: false, unread: 0 } },
    checkedAt: "2026-11-30T10:00:00Z",
  };
}

const only = (view: ReturnType<typeof buildHealthView>): IHealthFamilyView => {
  expect(view.families).toHaveLength(1);
  return view.families[0];
};

const noneSucceedIncoming = counts({ failing: 10, fine: 0, failingBy: { incoming: 10, outgoing: 0, act: 0 }, succeedingBy: { incoming: 0, outgoing: 10, act: 0 } });

describe("refused credentials", () => {
  it.each([
    ["on the profile itself, mode 1: the incoming User Name or password", { incomingCredentials: 1 }, { onProfile: true, mailboxes: 0 }, counts(), "warning", "Health_Cause_credentials"],
    ["on mailboxes, none succeeds incoming, mode 1: the profile's", { incomingCredentials: 1 }, {}, noneSucceedIncoming, "warning", "Health_Cause_credentials"],
    // KB 3212785: a 401 on some mailboxes while others succeed is theirs (address mismatch, licence, wrong profile type).
    ["on mailboxes, others succeed incoming, mode 1: the mailboxes'", { incomingCredentials: 1 }, {}, counts(), "info", "Health_Cause_mailboxes"],
    // Credential retrieval 0: each mailbox's own credentials; 2: server-to-server. Never this field.
    ["mode 0 (the mailboxes' own credentials): never the field", { incomingCredentials: 0 }, {}, noneSucceedIncoming, "info", undefined],
    ["mode 2 (server-to-server): never the field", { incomingCredentials: 2 }, { onProfile: true, mailboxes: 0 }, noneSucceedIncoming, "info", undefined],
  ] as const)("%s", (_name, profile, overrides, mailboxes, severity, cause) => {
    const text = "onProfile" in overrides ? PROFILE_CREDENTIALS : MAILBOX_401;
    const view = only(buildHealthView(report(profile, [family(text, overrides)], mailboxes)));
    expect(view.family).toBe("sign-in-refused");
    expect(view.severity).toBe(severity);
    expect(view.cause?.key).toBe(cause);
  });

  it("names the outgoing field when outgoing has its own credentials, and the incoming one while Same Settings is Yes", () => {
    const sent = 'The email message "Test Message" cannot be sent. Make sure that the credentials specified in the mailbox Pat are correct.\nEmail Server Error Code: Http server returned 401 Unauthorized exception.';
    const noneSend = counts({ failingBy: { incoming: 0, outgoing: 10, act: 0 }, succeedingBy: { incoming: 10, outgoing: 0, act: 0 } });
    const own = only(buildHealthView(report({ sameSettingsForOutgoing: false, outgoingCredentials: 1 }, [family(sent)], noneSend)));
    expect(own.cause).toEqual({ key: "Health_Cause_credentials", args: [{ words: "Health_Field_outgoing" }] });
    const same = only(buildHealthView(report({ sameSettingsForOutgoing: true, incomingCredentials: 1, outgoingCredentials: 0 }, [family(sent)], noneSend)));
    expect(same.cause).toEqual({ key: "Health_Cause_credentials", args: [{ words: "Health_Field_incoming" }] });
    // Outgoing with the mailboxes' own credentials: the profile's incoming name is not what Exchange refused.
    const mailboxes = only(buildHealthView(report({ sameSettingsForOutgoing: false, incomingCredentials: 1, outgoingCredentials: 0 }, [family(sent)], noneSend)));
    expect(mailboxes.severity).toBe("info");
  });

  // KB 3189622: a 401 "Anonymous Request Disallowed" is the EWS virtual directory's authentication, never the name.
  it("a 401 that names the server's authentication method is never the user name, read alert by alert", () => {
    const text = `${PROFILE_CREDENTIALS}\n401: Anonymous Request Disallowed`;
    const view = only(buildHealthView(report({}, [family(text, { onProfile: true, mailboxes: 0 })], noneSucceedIncoming)));
    expect(view).toMatchObject({ family: "basic-auth-off", severity: "info", cause: { key: "Health_Cause_server-auth" } });
  });

  // SPEC §8: "when other mailboxes of the profile succeed … the credentials work" — only counted successes say so.
  it.each([
    ["the mailboxes could not be read", { status: "denied" as const }],
    ["the mailboxes could not be checked", { status: "failed" as const }],
    ["more than 50,000, successes not counted", { status: "ok" as const, value: counts({ total: undefined, fine: undefined, succeedingBy: undefined }) }],
  ])("claims nothing about the credentials when %s", (_name, mailboxes) => {
    const base = report({}, [family(MAILBOX_401)]);
    const view = only(buildHealthView({ ...base, mailboxes }));
    expect(view.cause).toBeUndefined();
    expect(view.severity).toBe("info");
  });

  it("a profile alert about receiving blames the incoming field only, not the outgoing one", () => {
    const received = "Email cannot be received because the credentials specified in the associated email server profile are incorrect or have insufficient permissions for receiving email.";
    const sameCounts = counts({ succeedingBy: { incoming: 6, outgoing: 10, act: 0 } });
    const view = only(buildHealthView(report({ sameSettingsForOutgoing: false, outgoingCredentials: 1 }, [family(received, { onProfile: true, mailboxes: 0 })], sameCounts)));
    expect(view.cause).toEqual({ key: "Health_Cause_credentials", args: [{ words: "Health_Field_incoming" }] });
  });
});

describe("impersonation refused, no mailbox, and everything else", () => {
  it("impersonation names the account saved for that direction and the role, where the profile's credentials are used", () => {
    const view = only(buildHealthView(report({}, [family(IMPERSONATION)])));
    expect(view).toMatchObject({ family: "impersonation-refused", severity: "warning", cause: { key: "Health_Cause_impersonation", args: ["svc@contoso.com"] } });
    const sending = published("KB 3189639: impersonation error sending the test message");
    const outgoing = only(buildHealthView(report({ sameSettingsForOutgoing: false }, [family(sending)])));
    expect(outgoing.cause).toEqual({ key: "Health_Cause_impersonation", args: ["out@contoso.com"] });
    const s2s = only(buildHealthView(report({ incomingCredentials: 2, outgoingCredentials: 2 }, [family(IMPERSONATION)])));
    expect(s2s.severity).toBe("info");
  });

  // Server-side sync impersonates each mailbox's own address: "no mailbox" on a mailbox's alert is that address.
  it("no mailbox on a mailbox's alert is that mailbox's address, never the user name", () => {
    const view = only(buildHealthView(report({}, [family(NO_MAILBOX)])));
    expect(view).toMatchObject({ family: "no-mailbox", severity: "info", cause: { key: "Health_Cause_address" } });
  });

  it("every published alert that is not about credentials or impersonation is info and blames nothing", () => {
    for (const alert of PUBLISHED_ALERTS) {
      const reading = classifyAlert(alert.text);
      if (["sign-in-refused", "impersonation-refused"].includes(reading.family)) continue;
      const view = only(buildHealthView(report({}, [family(alert.text)], noneSucceedIncoming)));
      expect([alert.name, view.severity]).toEqual([alert.name, "info"]);
    }
  });
});

describe("what the section says", () => {
  it("orders families Error before Warning, then by mailboxes", () => {
    const families = [
      family("Email Server Error Code: ErrorQuotaExceeded", { level: 2, mailboxes: 50 }),
      family("Email Server Error Code: MailboxDisabled", { level: 3, mailboxes: 2 }),
      family("Email Server Error Code: OutgoingEmailS2SApprovalNeeded", { level: 3, mailboxes: 9 }),
    ];
    expect(buildHealthView(report({}, families)).families.map((view) => view.family)).toEqual(["approval-needed", "mailbox-disabled", "quota"]);
  });

  it("says an alert last seen before the profile was last saved may already be fixed", () => {
    const view = only(buildHealthView(report({ modifiedOn: "2026-11-30T09:30:00Z" }, [family(MAILBOX_401)])));
    expect(view.beforeSave).toBe(true);
  });

  it("an inactive profile fails every mailbox: a warning line first", () => {
    const view = buildHealthView(report({ active: false }, []));
    expect(view.severity).toBe("warning");
    expect(view.lines[0].key).toBe("Health_ProfileInactive");
  });

  it.each([
    ["no mailboxes", counts({ total: 0, failing: 0, fine: 0 }), "Health_NoMailboxes"],
    ["more than 50,000", counts({ total: undefined, fine: undefined, succeedingBy: undefined }), "Health_Summary_overLimit"],
    ["212 counted", counts({ total: 212, failing: 37, pending: 2, rejected: 1, fine: 172 }), "Health_Summary"],
  ])("the mailbox line for %s", (_name, mailboxes, key) => {
    expect(buildHealthView(report({}, [], mailboxes)).lines[0].key).toBe(key);
  });

  it("a part the user may not read says so quietly, a failed part says could not check", () => {
    const base = report({}, []);
    const denied = buildHealthView({ ...base, mailboxes: { status: "denied" }, alerts: { status: "denied" } });
    expect(denied.lines.map((line) => line.key)).toEqual(["Health_Alerts_denied"]);
    expect(denied.severity).toBe("ok");
    const failed = buildHealthView({ ...base, mailboxes: { status: "failed" }, alerts: { status: "failed" } });
    expect(failed.lines.map((line) => line.key)).toEqual(["Health_CouldNotCheck_mailboxes", "Health_CouldNotCheck_alerts"]);
  });

  it("an alert no family knows is 'other', in its own words, with no fix invented", () => {
    const text = "Something new happened.\nEmail Server Error Code: BrandNewCode";
    const view = only(buildHealthView(report({}, [family(text)])));
    expect(view).toMatchObject({ family: "other", title: "Family_other", example: text });
    expect(view.fix).toBeUndefined();
  });
});
