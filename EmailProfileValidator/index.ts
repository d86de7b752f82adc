import * as React from "react";
import { EmailProfileValidatorControl, type IEmailProfileValidatorProps } from "./components/EmailProfileValidatorControl";
import { createTranslator, type Translate } from "./components/strings";
import { BoundValue } from "./boundValue";
import { createDirectory, type IDirectory } from "./directory";
import { IInputs, IOutputs } from "./generated/ManifestTypes";

/** The column's limit when the form does not say: `incomingusername` / `outgoingusername` hold 250. */
const DEFAULT_MAX_LENGTH = 250;

/**
 * Lifecycle adapter: maps the platform's context to the component's props, and the admin's edits
 * back to the bound `userName`. Everything else lives in components/, validation/ and directory/.
 */
export class EmailProfileValidator implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private notifyOutputChanged: () => void;
  private translate: Translate;
  private directory?: IDirectory;
  /** What is shown and reported: the admin's edits and the platform's own changes, reconciled. */
  private boundValue: BoundValue;
  private destroyed = false;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    this.translate = createTranslator((key) => context.resources.getString(key));
    this.boundValue = new BoundValue(context.parameters.userName.raw ?? "", EmailProfileValidator.recordOf(context));
    this.directory = EmailProfileValidator.directoryFor(context);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.boundValue.show(context.parameters.userName.raw ?? "", EmailProfileValidator.recordOf(context));
    if (context.mode.isVisible === false) return React.createElement(React.Fragment);
    const userName = context.parameters.userName;
    const security = userName.security;
    const masked = security?.readable === false;
    const props: IEmailProfileValidatorProps = {
      value: this.boundValue.value,
      valueRevision: this.boundValue.revision,
      label: userName.attributes?.DisplayName ?? this.translate("Property_userName_DisplayName"),
      maxLength: userName.attributes?.MaxLength ?? DEFAULT_MAX_LENGTH,
      readOnly: context.mode.isControlDisabled || security?.editable === false,
      masked,
      settings: this.settingsFrom(context),
      lastTestRequest: context.parameters.lastTestRequest?.raw,
      lastTestResponse: context.parameters.lastTestResponse?.raw,
      design: EmailProfileValidator.designOf(context),
      directory: masked || context.parameters.checkMailbox?.raw === "off" ? undefined : this.directory,
      translate: this.translate,
      onValueChange: this.onValueChange,
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

  private settingsFrom(context: ComponentFramework.Context<IInputs>): IEmailProfileValidatorProps["settings"] {
    const p = context.parameters;
    return {
      defaultUpnSuffix: p.defaultUpnSuffix?.raw,
      domainSuffixes: p.domainSuffixes?.raw,
      serverType: p.serverType?.raw,
      credentialRetrieval: p.credentialRetrieval?.raw,
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
    return typeof info?.entityId === "string" ? info.entityId : undefined;
  }

  /** Look-ups need the Web API, which the test harness does not have. */
  private static directoryFor(context: ComponentFramework.Context<IInputs>): IDirectory | undefined {
    const webApi = context.webAPI as ComponentFramework.WebApi | undefined;
    if (typeof webApi?.retrieveMultipleRecords !== "function") return undefined;
    return createDirectory(webApi);
  }
}
