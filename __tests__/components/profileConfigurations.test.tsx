import { screen } from "@testing-library/react";
import type { IControlSettings } from "../../EmailProfileValidator/advice/configuration";
import { renderControl } from "./renderControl";

type Bar = "none" | "info" | "warning" | "error";

interface IRow {
  name: string;
  /** The Microsoft page the expectation rests on. */
  source: string;
  settings: IControlSettings;
  value: string;
  bar: Bar;
  says: string[];
  never?: string[];
  buttons: string[];
  /** Whether the first button is the primary (filled) one-click fix. */
  primary?: boolean;
  /** The first line of the advice, when which line leads matters. */
  leads?: string;
}

/** KB 3214326's own example: with nothing configured, CONTOSO\jdoe's suffix is a guess, and its button says so. */
const GUESS = "Use jdoe@contoso.com (likely — check the domain)";

const CONNECT_ON_PREMISES = "Microsoft Learn, Connect to Exchange Server (on-premises); KB 3214326";
const CONNECT_IMAP_POP = "Microsoft Learn, Connect to IMAP, POP, or SMTP servers: the User Name is the username used to connect to the email server";
const BASIC_AUTH_OFF = "Microsoft Learn, Deprecation of Basic authentication in Exchange Online; Troubleshooting server-side synchronization: Exchange Online supports only server-to-server authentication";
const TABLE_REFERENCE = "EmailServerProfile table reference: credential retrieval 1 is Credentials Specified in Email Server Profile; usesamesettingsforoutgoingconnections";

/** Server type × credential retrieval × value → what the admin sees. Server types: 0 Exchange, 1 POP3/SMTP, 2 Exchange (Hybrid), 3 Exchange Online (Hybrid), 4 IMAP/SMTP. */
const ROWS: IRow[] = [
  { name: "Exchange on-premises, profile credentials, down-level", source: CONNECT_ON_PREMISES, settings: { serverType: 0, credentialRetrieval: 1 }, value: "CONTOSO\\jdoe", bar: "error", says: ["is a Windows log-on name"], buttons: [GUESS], primary: false },
  { name: "Exchange (Hybrid) from online, profile credentials, down-level", source: CONNECT_ON_PREMISES, settings: { serverType: 2, credentialRetrieval: 1 }, value: "CONTOSO\\jdoe", bar: "error", says: ["is a Windows log-on name"], buttons: [GUESS], primary: false },
  { name: "Exchange on-premises, a UPN", source: CONNECT_ON_PREMISES, settings: { serverType: 0, credentialRetrieval: 1 }, value: "jdoe@contoso.com", bar: "none", says: [], buttons: [] },
  { name: "unbound server type: Exchange, as before", source: CONNECT_ON_PREMISES, settings: {}, value: "CONTOSO\\jdoe", bar: "error", says: ["is a Windows log-on name"], buttons: [GUESS], primary: false },
  {
    name: "IMAP/SMTP, a down-level log-on: no KB verdict, no rewrite",
    source: CONNECT_IMAP_POP,
    settings: { serverType: 4, credentialRetrieval: 1, defaultUpnSuffix: "contoso.com" },
    value: "CONTOSO\\jdoe",
    bar: "info",
    says: ["the mail server decides the form of its log-on"],
    never: ["no mailbox associated", "Windows log-on name"],
    buttons: [],
  },
  { name: "POP3/SMTP, a bare log-on", source: CONNECT_IMAP_POP, settings: { serverType: 1, credentialRetrieval: 1 }, value: "jdoe", bar: "info", says: ["the mail server decides"], never: ["has no domain"], buttons: [] },
  { name: "IMAP/SMTP, an address log-on: nothing to say", source: CONNECT_IMAP_POP, settings: { serverType: 4, credentialRetrieval: 1 }, value: "jdoe@contoso.com", bar: "none", says: [], buttons: [] },
  { name: "IMAP/SMTP, paste debris is still cleaned", source: CONNECT_IMAP_POP, settings: { serverType: 4, credentialRetrieval: 1 }, value: "CONTOSO\\jdoe\u200b", bar: "error", says: ["invisible characters"], buttons: ["Clean up"] },
  {
    name: "Exchange Online (Hybrid), profile credentials: Basic authentication is off",
    source: BASIC_AUTH_OFF,
    settings: { serverType: 3, credentialRetrieval: 1 },
    value: "jdoe@contoso.com",
    bar: "info",
    says: ["Exchange Online no longer accepts a user name and password", "server-to-server authentication"],
    buttons: [],
  },
  {
    name: "Exchange (Hybrid), a configured suffix: the primary fix",
    source: CONNECT_ON_PREMISES,
    settings: { serverType: 2, credentialRetrieval: 1, domainSuffixes: "CONTOSO=contoso.com" },
    value: "CONTOSO\\jdoe",
    bar: "error",
    says: ["is a Windows log-on name"],
    buttons: ["Use jdoe@contoso.com"],
    primary: true,
  },
  {
    name: "Exchange Online (Hybrid), profile credentials, down-level: the mode cannot connect, said first; the rewrite is secondary",
    source: BASIC_AUTH_OFF,
    settings: { serverType: 3, credentialRetrieval: 1, domainSuffixes: "CONTOSO=contoso.com" },
    value: "CONTOSO\\jdoe",
    bar: "error",
    says: ["is a Windows log-on name"],
    leads: "Exchange Online no longer accepts a user name and password for Exchange Web Services",
    buttons: ["Use jdoe@contoso.com"],
    primary: false,
  },
  { name: "Exchange Online (Hybrid), a private suffix is an error", source: BASIC_AUTH_OFF, settings: { serverType: 3, credentialRetrieval: 1 }, value: "jdoe@contoso.local", bar: "error", says: ["private or reserved suffix"], buttons: [] },
  { name: "server-to-server: the name is not used", source: TABLE_REFERENCE, settings: { serverType: 3, credentialRetrieval: 2 }, value: "CONTOSO\\jdoe", bar: "info", says: ["does not use this user name"], never: ["Basic"], buttons: [] },
  { name: "credentials of the user or queue: not used", source: TABLE_REFERENCE, settings: { serverType: 0, credentialRetrieval: 0 }, value: "CONTOSO\\jdoe", bar: "info", says: ["does not use this user name"], buttons: [] },
  {
    name: "outgoing field with Use Same Settings = Yes: not used",
    source: TABLE_REFERENCE,
    settings: { serverType: 0, credentialRetrieval: 1, logicalName: "outgoingusername", sameSettingsForOutgoing: true },
    value: "CONTOSO\\jdoe",
    bar: "info",
    says: ["Use Same Settings for Outgoing Connections is Yes"],
    buttons: [],
  },
  {
    name: "outgoing field with Use Same Settings = No: checked",
    source: TABLE_REFERENCE,
    settings: { serverType: 0, credentialRetrieval: 1, logicalName: "outgoingusername", sameSettingsForOutgoing: false },
    value: "CONTOSO\\jdoe",
    bar: "error",
    says: ["is a Windows log-on name"],
    buttons: [GUESS],
    primary: false,
  },
  {
    name: "incoming field with Use Same Settings = Yes: checked",
    source: TABLE_REFERENCE,
    settings: { serverType: 0, credentialRetrieval: 1, logicalName: "incomingusername", sameSettingsForOutgoing: true },
    value: "CONTOSO\\jdoe",
    bar: "error",
    says: ["is a Windows log-on name"],
    buttons: [GUESS],
    primary: false,
  },
  { name: "RequiredLevel None: empty is fine", source: "Xrm attribute RequiredLevel: none", settings: { requiredLevel: 0 }, value: "", bar: "none", says: [], buttons: [] },
  { name: "RequiredLevel Recommended: empty is a warning", source: "Xrm attribute RequiredLevel: recommended", settings: { requiredLevel: 3 }, value: "", bar: "warning", says: ["Enter the address"], buttons: [] },
  { name: "RequiredLevel Required: empty is an error", source: "Xrm attribute RequiredLevel: required", settings: { requiredLevel: 2 }, value: "", bar: "error", says: ["Enter the address"], buttons: [] },
];

function barOf(): Bar {
  const bar = document.querySelector(".ms-MessageBar");
  if (!bar) return "none";
  if (bar.className.includes("ms-MessageBar--error")) return "error";
  if (bar.className.includes("ms-MessageBar--warning")) return "warning";
  return "info";
}

describe("what the admin sees, by profile configuration", () => {
  it.each(ROWS.map((row) => ({ ...row, label: `${row.name} (${row.source})` })))("$label", (row) => {
    renderControl({ value: row.value, settings: row.settings });
    const text = document.body.textContent ?? "";
    expect(barOf()).toBe(row.bar);
    for (const sentence of row.says) expect(text).toContain(sentence);
    for (const sentence of row.never ?? []) expect(text).not.toContain(sentence);
    expect(screen.queryAllByRole("button").map((button) => button.textContent)).toEqual(row.buttons);
    if (row.primary !== undefined) expect(screen.getAllByRole("button")[0].className.includes("ms-Button--primary")).toBe(row.primary);
    if (row.leads !== undefined) expect(document.querySelector(".ms-MessageBar [aria-hidden] > span")?.textContent).toContain(row.leads);
    expect(screen.getByRole("textbox")).toHaveAttribute("aria-invalid", String(row.bar === "error"));
  });
});
