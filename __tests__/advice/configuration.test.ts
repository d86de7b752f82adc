import { resolveConfiguration } from "../../EmailProfileValidator/advice/configuration";

/**
 * The profile's configuration as one table, without rendering: server type × credential mode → whose rules, whether
 * the name is sent, notes. Option values from the EmailServerProfile table reference; what each mode sends from
 * SPEC §1 ("Connect to Exchange Server (on-premises)", "Connect to IMAP, POP, or SMTP servers", the EWS
 * Basic-authentication deprecation notice).
 */
type Row = [serverType: number | null, credentialRetrieval: number | null, target: string, inUse: boolean, notes: string[]];

const ROWS: Row[] = [
  [0, 1, "exchange", true, []],
  [2, 1, "exchange", true, []],
  [null, null, "exchange", true, []],
  [3, 1, "entra", true, ["Config_ExchangeOnlineBasicAuth"]],
  [3, 2, "entra", false, []],
  [3, 7, "entra", false, []],
  [1, 1, "mailserver", true, []],
  [4, 1, "mailserver", true, []],
  [4, 0, "mailserver", false, []],
  [0, 0, "exchange", false, []],
  [0, 3, "exchange", false, []],
  [0, 4, "exchange", false, []],
  [0, 5, "exchange", false, []],
  [0, 6, "exchange", false, []],
  // A mode this control does not know says nothing it cannot stand behind; an unknown server type is Exchange.
  [0, 99, "exchange", false, []],
  [42, 1, "exchange", true, []],
];

describe("server type × credential mode, as one table", () => {
  it.each(ROWS)("server type %p, credential retrieval %p → %s rules, name in use %p, notes %j", (serverType, credentialRetrieval, target, inUse, notes) => {
    const configuration = resolveConfiguration({ serverType, credentialRetrieval });
    expect(configuration.options.target).toBe(target);
    expect(configuration.userNameInUse).toBe(inUse);
    expect(configuration.notes.map((note) => note.key)).toEqual(notes);
  });

  it("the outgoing name under Use Same Settings for Outgoing Connections is not used", () => {
    expect(resolveConfiguration({ credentialRetrieval: 1, sameSettingsForOutgoing: true, logicalName: "outgoingusername" })).toMatchObject({ userNameInUse: false, notUsedBecause: "same-settings" });
    expect(resolveConfiguration({ credentialRetrieval: 1, sameSettingsForOutgoing: true, logicalName: "incomingusername" }).userNameInUse).toBe(true);
  });
});
