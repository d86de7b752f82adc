import type { IInputs } from "../EmailProfileValidator/generated/ManifestTypes";

export interface IFakeContextOptions {
  userName?: string | null;
  displayName?: string;
  maxLength?: number;
  disabled?: boolean;
  visible?: boolean;
  editable?: boolean;
  readable?: boolean;
  defaultUpnSuffix?: string | null;
  domainSuffixes?: string | null;
  serverType?: number | null;
  credentialRetrieval?: number | null;
  checkMailbox?: "on" | "off";
  webAPI?: Partial<ComponentFramework.WebApi>;
  strings?: Record<string, string>;
  /** The record on the form, as model-driven forms give it in mode.contextInfo. */
  recordId?: string;
  /** attributes.RequiredLevel as a form script's setRequiredLevel leaves it: 0 none, 1/2 required, 3 recommended. */
  requiredLevel?: number;
  /** attributes.LogicalName: incomingusername or outgoingusername. */
  logicalName?: string;
  sameSettingsForOutgoing?: boolean | null;
  lastTestRequest?: string | null;
  lastTestResponse?: string | null;
  lastTestMessage?: string | null;
  /** What the platform hands over as the bound value, when it is not text (a form script's setValue(12345)). */
  rawUserName?: unknown;
  profileHealth?: "on" | "off";
  /** context.navigation.openForm, recorded. */
  openForm?: (options: ComponentFramework.NavigationApi.EntityFormOptions) => Promise<ComponentFramework.NavigationApi.OpenFormSuccessResponse>;
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : NonNullable<T[K]> extends object ? DeepPartial<NonNullable<T[K]>> : T[K];
};

/**
 * The members the control reads, each checked against the PCF typings (`satisfies`): a member that the interface
 * does not have, or of the wrong type, fails to compile. Members the control never reads are left out.
 */
type FakeContextShape = DeepPartial<ComponentFramework.Context<IInputs>> & {
  mode: DeepPartial<ComponentFramework.Mode> & { contextInfo?: { entityId: string; entityTypeName: string } };
};

/** The few members of ComponentFramework.Context that the control reads, and nothing else. */
export function fakeContext(options: IFakeContextOptions = {}): ComponentFramework.Context<IInputs> {
  const security = options.editable === undefined && options.readable === undefined ? undefined : { editable: options.editable ?? true, readable: options.readable ?? true, secured: true };
  const context = {
    parameters: {
      userName: {
        // A host may hand over anything where text was promised: the raw value is what it is.
        raw: ("rawUserName" in options ? options.rawUserName : options.userName === undefined ? "" : options.userName) as string | null,
        attributes: {
          DisplayName: options.displayName ?? "User Name",
          MaxLength: options.maxLength ?? 250,
          ...(options.requiredLevel === undefined ? {} : { RequiredLevel: options.requiredLevel as ComponentFramework.PropertyHelper.Types.RequiredLevel }),
          ...(options.logicalName === undefined ? {} : { LogicalName: options.logicalName }),
        },
        security,
      },
      defaultUpnSuffix: { raw: options.defaultUpnSuffix ?? null },
      domainSuffixes: { raw: options.domainSuffixes ?? null },
      serverType: { raw: options.serverType ?? null },
      credentialRetrieval: { raw: options.credentialRetrieval ?? null },
      checkMailbox: { raw: options.checkMailbox ?? "on" },
      profileHealth: { raw: options.profileHealth ?? "on" },
      // An unbound TwoOptions property has no value at all.
      sameSettingsForOutgoing: { raw: options.sameSettingsForOutgoing ?? undefined },
      lastTestRequest: { raw: options.lastTestRequest ?? null },
      lastTestResponse: { raw: options.lastTestResponse ?? null },
      lastTestMessage: { raw: options.lastTestMessage ?? null },
    },
    mode: {
      isControlDisabled: options.disabled ?? false,
      isVisible: options.visible ?? true,
      contextInfo: options.recordId === undefined ? undefined : { entityId: options.recordId, entityTypeName: "emailserverprofile" },
    },
    resources: { getString: (key: string) => options.strings?.[key] ?? key },
    // Like the test harness, no Web API unless a test gives one.
    webAPI: options.webAPI ?? undefined,
    navigation: options.openForm ? { openForm: options.openForm } : undefined,
  } satisfies FakeContextShape;
  // Checked member by member above; what the control never reads is simply absent.
  const checked: FakeContextShape = context;
  return checked as ComponentFramework.Context<IInputs>;
}
