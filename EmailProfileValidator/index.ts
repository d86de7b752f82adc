import * as React from "react";
import { EmailProfileValidatorControl, type IEmailProfileValidatorProps } from "./components/EmailProfileValidatorControl";
import { createTranslator, type Translate } from "./advice/strings";
import { BoundValue } from "./boundValue";
import { createDirectory, type IDirectory } from "./directory";
import { asGuid, createProfileHealth, type IProfileHealth } from "./health";
// Every value the platform hands over is normalised here, once: nothing below meets a value that is not a string.
import { asText, optionalNumber, positiveNumber } from "./hostValues";
import { COLUMN_MAX_LENGTH } from "./validation";
import { IInputs, IOutputs } from "./generated/ManifestTypes";


/**
 * Lifecycle adapter: maps the platform's context to the component's props, and the admin's edits
 * back to the bound `userName`. Everything else lives in components/, validation/ and directory/.
 */
/** The outgoing user name's column: the incoming field's control already shows the profile's section. */
const OUTGOING_USER_NAME = "outgoingusername";

export class EmailProfileValidator implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private notifyOutputChanged: () => void;
  private translate: Translate;
  private directory?: IDirectory;
  private health?: IProfileHealth;
  private context?: ComponentFramework.Context<IInputs>;
  /** What is shown and reported: the admin's edits and the platform's own changes, reconciled. */
  private boundValue: BoundValue;
  private destroyed = false;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    // The platform may init an instance again after destroy: it is alive from here on.
    this.destroyed = false;
    this.notifyOutputChanged = notifyOutputChanged;
    this.translate = createTranslator((key) => context.resources.getString(key));
    this.boundValue = new BoundValue(asText(context.parameters.userName.raw), EmailProfileValidator.recordOf(context));
    this.directory = EmailProfileValidator.directoryFor(context);
    this.health = EmailProfileValidator.healthFor(context);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.context = context;
    this.boundValue.show(asText(context.parameters.userName.raw), EmailProfileValidator.recordOf(context));
    if (context.mode.isVisible === false) return React.createElement(React.Fragment);
    const userName = context.parameters.userName;
    const security = userName.security;
    const masked = security?.readable === false;
    const props: IEmailProfileValidatorProps = {
      value: this.boundValue.value,
      valueRevision: this.boundValue.revision,
      label: asText(userName.attributes?.DisplayName) || this.translate("Property_userName_DisplayName"),
      maxLength: positiveNumber(userName.attributes?.MaxLength) ?? COLUMN_MAX_LENGTH,
      readOnly: context.mode.isControlDisabled || security?.editable === false,
      isNewRecord: EmailProfileValidator.recordOf(context) === undefined,
      masked,
      settings: this.settingsFrom(context),
      lastTestRequest: asText(context.parameters.lastTestRequest?.raw),
      lastTestResponse: asText(context.parameters.lastTestResponse?.raw),
      lastTestMessage: asText(context.parameters.lastTestMessage?.raw),
      design: EmailProfileValidator.designOf(context),
      directory: masked || asText(context.parameters.checkMailbox?.raw) === "off" ? undefined : this.directory,
      translate: this.translate,
      onValueChange: this.onValueChange,
      health: masked ? undefined : this.healthProps(context),
    };
    return React.createElement(EmailProfileValidatorControl, props);
  }

  public getOutputs(): IOutputs {
    return { userName: this.boundValue.read() };
  }

  public destroy(): void {
    this.destroyed = true;
  }

  private onValueChange = (value: string): void => {
    if (!this.destroyed && this.boundValue.edit(value)) this.notifyOutputChanged();
  };

  /**
   * SPEC §8: the section is read when it is on, the record is saved (a GUID), the host has a Web API and the control
   * sits on the incoming user name, or a column it cannot tell: one section per form, never on the outgoing field.
   */
  private healthProps(context: ComponentFramework.Context<IInputs>): IEmailProfileValidatorProps["health"] {
    const recordId = asGuid(EmailProfileValidator.recordOf(context));
    const column = asText((context.parameters.userName.attributes as { LogicalName?: unknown } | undefined)?.LogicalName).toLowerCase();
    const on = asText(context.parameters.profileHealth?.raw) !== "off";
    if (!this.health || !recordId || !on || column === OUTGOING_USER_NAME) return undefined;
    return { reader: this.health, recordId, openMailbox: this.openMailbox };
  }

  /** A mailbox named in the section opens its own form. */
  private openMailbox = (id: string): void => {
    const navigation = this.context?.navigation;
    if (typeof navigation?.openForm !== "function") return;
    navigation.openForm({ entityName: "mailbox", entityId: id }).then(
      () => undefined,
      () => undefined,
    );
  };

  private settingsFrom(context: ComponentFramework.Context<IInputs>): IEmailProfileValidatorProps["settings"] {
    const p = context.parameters;
    // Read as unknown: a host may hand over anything, and asText/optionalNumber normalise it.
    const attributes: { RequiredLevel?: unknown; LogicalName?: unknown } | undefined = p.userName.attributes;
    const sameSettings = p.sameSettingsForOutgoing?.raw;
    return {
      defaultUpnSuffix: asText(p.defaultUpnSuffix?.raw),
      domainSuffixes: asText(p.domainSuffixes?.raw),
      serverType: optionalNumber(p.serverType?.raw),
      credentialRetrieval: optionalNumber(p.credentialRetrieval?.raw),
      requiredLevel: optionalNumber(attributes?.RequiredLevel),
      logicalName: asText(attributes?.LogicalName),
      sameSettingsForOutgoing: typeof sameSettings === "boolean" ? sameSettings : undefined,
    };
  }

  /** The new look's tokens, when the app is in the new look; the classic look otherwise. */
  private static designOf(context: ComponentFramework.Context<IInputs>): IEmailProfileValidatorProps["design"] {
    const design = context.fluentDesignLanguage;
    // Not in the typings this project pins, but documented: says whether the app is in the new look.
    const appSettings = (context as { appSettings?: { getIsFluentThemingEnabled?: () => boolean } }).appSettings;
    const enabled = appSettings?.getIsFluentThemingEnabled?.() ?? true;
    if (!enabled || !design?.tokenTheme) return undefined;
    return { tokenTheme: design.tokenTheme as unknown as Record<string, string | undefined>, isDarkTheme: design.isDarkTheme };
  }

  /** The record on the form, where the host says: moving to another record always brings its own value. */
  private static recordOf(context: ComponentFramework.Context<IInputs>): string | undefined {
    const info = (context.mode as Partial<ComponentFramework.Mode> & { contextInfo?: { entityId?: string } }).contextInfo;
    // A new record has no id yet (empty, or the empty GUID on some hosts): no record to tell apart.
    const id = typeof info?.entityId === "string" ? info.entityId.replace(/[{}]/g, "") : "";
    return id === "" || /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(id) ? undefined : id;
  }

  /** The section reads the same Web API, read-only. */
  private static healthFor(context: ComponentFramework.Context<IInputs>): IProfileHealth | undefined {
    const webApi = context.webAPI as ComponentFramework.WebApi | undefined;
    return typeof webApi?.retrieveMultipleRecords === "function" ? createProfileHealth(webApi) : undefined;
  }

  /** Look-ups need the Web API, which the test harness does not have. */
  private static directoryFor(context: ComponentFramework.Context<IInputs>): IDirectory | undefined {
    const webApi = context.webAPI as ComponentFramework.WebApi | undefined;
    if (typeof webApi?.retrieveMultipleRecords !== "function") return undefined;
    return createDirectory(webApi);
  }
}
