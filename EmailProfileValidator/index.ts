import * as React from "react";
import { EmailProfileValidatorControl, type IEmailProfileValidatorProps } from "./components/EmailProfileValidatorControl";
import { createTranslator, type Translate } from "./components/strings";
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
  /** What the admin last entered, reported through getOutputs. */
  private currentValue = "";
  /** Values sent to the platform that it has not yet echoed back through updateView. */
  private unechoed: string[] = [];
  /** The bound value as the platform last gave it, to tell a change there from a repeat. */
  private lastPlatformValue = "";
  private valueRevision = 0;
  private destroyed = false;

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.notifyOutputChanged = notifyOutputChanged;
    this.translate = createTranslator((key) => context.resources.getString(key));
    this.currentValue = context.parameters.userName.raw ?? "";
    this.lastPlatformValue = this.currentValue;
    this.directory = EmailProfileValidator.directoryFor(context);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.takePlatformValue(context.parameters.userName.raw ?? "");
    if (context.mode.isVisible === false) return React.createElement(React.Fragment);
    const userName = context.parameters.userName;
    const security = userName.security;
    const masked = security?.readable === false;
    const props: IEmailProfileValidatorProps = {
      value: this.currentValue,
      valueRevision: this.valueRevision,
      label: userName.attributes?.DisplayName ?? this.translate("Property_userName_DisplayName"),
      maxLength: userName.attributes?.MaxLength ?? DEFAULT_MAX_LENGTH,
      readOnly: context.mode.isControlDisabled || security?.editable === false,
      masked,
      settings: this.settingsFrom(context),
      directory: masked || context.parameters.checkMailbox?.raw === "off" ? undefined : this.directory,
      translate: this.translate,
      onValueChange: this.onValueChange,
    };
    return React.createElement(EmailProfileValidatorControl, props);
  }

  public getOutputs(): IOutputs {
    return { userName: this.currentValue };
  }

  public destroy(): void {
    this.destroyed = true;
  }

  private onValueChange = (value: string): void => {
    if (this.destroyed || value === this.currentValue) return;
    this.currentValue = value;
    this.unechoed.push(value);
    this.notifyOutputChanged();
  };

  /**
   * updateView repeats the platform's value for many reasons (layout, other properties), and echoes
   * each value we report, possibly late while the admin types on. Only a value that is new on the
   * platform's side and is not such an echo was pushed (record refresh, form script) and replaces ours.
   */
  private takePlatformValue(incoming: string): void {
    if (incoming === this.lastPlatformValue) return;
    this.lastPlatformValue = incoming;
    const echoAt = this.unechoed.indexOf(incoming);
    if (echoAt >= 0) {
      this.unechoed.splice(0, echoAt + 1);
      return;
    }
    if (incoming === this.currentValue) return;
    this.currentValue = incoming;
    this.unechoed = [];
    this.valueRevision++;
  }

  private settingsFrom(context: ComponentFramework.Context<IInputs>): IEmailProfileValidatorProps["settings"] {
    const p = context.parameters;
    return {
      defaultUpnSuffix: p.defaultUpnSuffix?.raw,
      domainSuffixes: p.domainSuffixes?.raw,
      serverType: p.serverType?.raw,
      credentialRetrieval: p.credentialRetrieval?.raw,
    };
  }

  /** Look-ups need the Web API, which the test harness does not have. */
  private static directoryFor(context: ComponentFramework.Context<IInputs>): IDirectory | undefined {
    const webApi = context.webAPI as ComponentFramework.WebApi | undefined;
    if (typeof webApi?.retrieveMultipleRecords !== "function") return undefined;
    return createDirectory(webApi);
  }
}
