import * as React from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { EmailProfileValidator } from "../EmailProfileValidator";
import type { IEmailProfileValidatorProps } from "../EmailProfileValidator/components/EmailProfileValidatorControl";
import { fakeContext, type IFakeContextOptions } from "./fakeContext";

function start(options: IFakeContextOptions = {}) {
  const control = new EmailProfileValidator();
  // Like the platform, read the output as soon as the control says it changed.
  const notify = jest.fn(() => {
    control.getOutputs();
  });
  control.init(fakeContext(options), notify);
  const element = control.updateView(fakeContext(options));
  const view = render(element);
  const updateView = (next: IFakeContextOptions) => {
    const updated = control.updateView(fakeContext({ ...options, ...next }));
    view.rerender(updated);
    return updated;
  };
  return { control, notify, view, updateView, element };
}

const propsOf = (element: React.ReactElement) => element.props as IEmailProfileValidatorProps;
const input = () => screen.getByRole<HTMLInputElement>("textbox");

describe("EmailProfileValidator lifecycle", () => {
  it("renders the bound value and reports nothing until the admin acts", () => {
    const { notify, control } = start({ userName: "contoso\\user" });
    expect(input()).toHaveValue("contoso\\user");
    expect(notify).not.toHaveBeenCalled();
    expect(control.getOutputs()).toEqual({ userName: "contoso\\user" });
  });

  it("reports an edit through notifyOutputChanged and getOutputs", () => {
    const { notify, control } = start({ userName: "" });
    fireEvent.change(input(), { target: { value: "user@contoso.com" } });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ userName: "user@contoso.com" });
  });

  it("reports the rewritten value after a click", () => {
    const { notify, control } = start({ userName: "contoso\\user" });
    fireEvent.click(screen.getByRole("button", { name: /^Use user@contoso\.com/ }));
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ userName: "user@contoso.com" });
  });

  it("ignores the platform's stale repeat and late echoes while the admin types", () => {
    const { updateView, control } = start({ userName: "" });
    fireEvent.change(input(), { target: { value: "a" } });
    fireEvent.change(input(), { target: { value: "ab" } });
    fireEvent.change(input(), { target: { value: "abc" } });
    updateView({ userName: "" });
    updateView({ userName: "a" });
    expect(input()).toHaveValue("abc");
    updateView({ userName: "abc" });
    expect(input()).toHaveValue("abc");
    expect(control.getOutputs()).toEqual({ userName: "abc" });
  });

  it("takes a value pushed by the platform (record refresh, form script)", () => {
    const { updateView, control, notify } = start({ userName: "contoso\\user" });
    const element = updateView({ userName: "jdoe@fabrikam.com" });
    expect(input()).toHaveValue("jdoe@fabrikam.com");
    expect(propsOf(element).valueRevision).toBe(1);
    expect(control.getOutputs()).toEqual({ userName: "jdoe@fabrikam.com" });
    expect(notify).not.toHaveBeenCalled();
  });

  it("reports nothing after destroy", () => {
    const { control, notify } = start({ userName: "" });
    control.destroy();
    fireEvent.change(input(), { target: { value: "late" } });
    expect(notify).not.toHaveBeenCalled();
  });

  it("renders nothing when hidden", () => {
    const { view } = start({ visible: false });
    expect(view.container).toBeEmptyDOMElement();
  });

  it("maps the form's state and settings to props", () => {
    const { element } = start({
      userName: "x",
      displayName: "Incoming User Name",
      maxLength: 100,
      disabled: true,
      defaultUpnSuffix: "contoso.com",
      domainSuffixes: "CONTOSO=contoso.com",
      serverType: 3,
      credentialRetrieval: 1,
    });
    expect(propsOf(element)).toMatchObject({
      label: "Incoming User Name",
      maxLength: 100,
      readOnly: true,
      masked: false,
      settings: { defaultUpnSuffix: "contoso.com", domainSuffixes: "CONTOSO=contoso.com", serverType: 3, credentialRetrieval: 1 },
    });
  });

  it("is read-only when field security forbids editing", () => {
    const { element } = start({ userName: "x", editable: false });
    expect(propsOf(element).readOnly).toBe(true);
  });

  it("masks a field the user may not read, with no look-ups", () => {
    const webAPI = { retrieveMultipleRecords: jest.fn() };
    const { element } = start({ userName: "secret", readable: false, webAPI });
    expect(propsOf(element)).toMatchObject({ masked: true, directory: undefined });
    expect(input()).toHaveValue("********");
  });

  it("looks up only with a Web API and checkMailbox on", () => {
    const webAPI = { retrieveMultipleRecords: jest.fn(() => new Promise<never>(() => undefined)) };
    expect(propsOf(start({}).element).directory).toBeUndefined();
    expect(propsOf(start({ webAPI, checkMailbox: "off" }).element).directory).toBeUndefined();
    expect(propsOf(start({ webAPI }).element).directory).toBeDefined();
  });

  it("reads strings from the user's language, and English where a key is missing", () => {
    start({ userName: "", strings: { Field_Placeholder: "benutzer@contoso.com" } });
    expect(input()).toHaveAttribute("placeholder", "benutzer@contoso.com");
    expect(input()).toHaveAccessibleName("User Name");
  });

  it("falls back to English, never a raw key, when the platform has no strings", () => {
    start({ userName: "", strings: {} });
    fireEvent.change(input(), { target: { value: "contoso\\user" } });
    expect(screen.getByRole("button", { name: /^Use user@contoso\.com/ })).toBeInTheDocument();
    expect(document.body.textContent).toContain("is a Windows log-on name");
    expect(document.body.textContent).not.toMatch(/Problem_|Action_/);
  });

  // Xrm's formContext.getAttribute(...).setRequiredLevel("none" | "required" | "recommended") reaches the control as attributes.RequiredLevel.
  it("follows a form script's setRequiredLevel through updateView", () => {
    const { updateView } = start({ userName: "", requiredLevel: 2, recordId: "5f2a6c1e-0000-4000-8000-00000000abcd" });
    expect(document.body.textContent).toContain("Enter the address");
    expect(input()).toHaveAttribute("aria-invalid", "true");
    updateView({ requiredLevel: 0 });
    expect(document.body.textContent).not.toContain("Enter the address");
    updateView({ requiredLevel: 3 });
    expect(document.body.textContent).toContain("Enter the address");
    expect(input()).toHaveAttribute("aria-invalid", "false");
    updateView({ requiredLevel: -1 });
    expect(input()).toHaveAttribute("aria-invalid", "true");
  });

  it("follows a change of server type at run time: IMAP takes the down-level log-on, Exchange does not", () => {
    const { updateView } = start({ userName: "CONTOSO\\jdoe", serverType: 0, credentialRetrieval: 1 });
    expect(screen.getByRole("button", { name: /^Use jdoe@contoso\.com/ })).toBeInTheDocument();
    updateView({ serverType: 4 });
    expect(screen.queryByRole("button")).toBeNull();
    expect(document.body.textContent).toContain("the mail server decides");
    updateView({ serverType: 3 });
    expect(document.body.textContent).toContain("Exchange Online no longer accepts a user name and password");
  });

  it("goes quiet on the outgoing user name when Use Same Settings for Outgoing Connections turns Yes", () => {
    const { updateView } = start({ userName: "CONTOSO\\jdoe", logicalName: "outgoingusername", sameSettingsForOutgoing: false });
    expect(input()).toHaveAttribute("aria-invalid", "true");
    updateView({ sameSettingsForOutgoing: true });
    expect(input()).toHaveAttribute("aria-invalid", "false");
    expect(document.body.textContent).toContain("Use Same Settings for Outgoing Connections is Yes");
  });

  it("passes the Last CRM Message on to the view", () => {
    const { element } = start({ userName: "jdoe@contoso.com", lastTestMessage: "System.Net.WebException: The operation has timed out" });
    expect(propsOf(element).lastTestMessage).toBe("System.Net.WebException: The operation has timed out");
    expect(document.body.textContent).toContain("the connection timed out");
  });

  // Issue 25: a new record (no id yet) opens with its empty required User Name not in red; a saved one says so at once.
  it("a new record's empty required field waits for the admin; a saved record's does not", () => {
    start({ userName: "", requiredLevel: 2 });
    expect(input()).toHaveAttribute("aria-invalid", "false");
    expect(document.body.textContent).not.toContain("Enter the address");
    fireEvent.blur(input());
    expect(input()).toHaveAttribute("aria-invalid", "true");
    cleanup();
    start({ userName: "", requiredLevel: 2, recordId: "5f2a6c1e-0000-4000-8000-00000000abcd" });
    expect(input()).toHaveAttribute("aria-invalid", "true");
  });

  it("a new record gaining its id on first save keeps what the admin typed meanwhile", () => {
    const { updateView, control } = start({ userName: "", recordId: "" });
    fireEvent.change(input(), { target: { value: "jdoe@contoso.com" } });
    control.getOutputs();
    fireEvent.change(input(), { target: { value: "jdoe@contoso.co" } });
    // The save completes: the record now has an id, and the platform shows the value it saved.
    updateView({ userName: "jdoe@contoso.com", recordId: "5f2a6c1e-0000-4000-8000-00000000abcd" });
    expect(input()).toHaveValue("jdoe@contoso.co");
    expect(control.getOutputs()).toEqual({ userName: "jdoe@contoso.co" });
  });

  it("another record still brings its own value", () => {
    const { updateView } = start({ userName: "a@contoso.com", recordId: "5f2a6c1e-0000-4000-8000-00000000abcd" });
    fireEvent.change(input(), { target: { value: "typed@contoso.com" } });
    updateView({ userName: "b@contoso.com", recordId: "7b1d0000-0000-4000-8000-00000000ffff" });
    expect(input()).toHaveValue("b@contoso.com");
  });

  it("init after destroy on the same instance reports edits again", () => {
    const control = new EmailProfileValidator();
    const notify = jest.fn(() => void control.getOutputs());
    control.init(fakeContext({ userName: "" }), notify);
    control.destroy();
    control.init(fakeContext({ userName: "" }), notify);
    render(control.updateView(fakeContext({ userName: "" })));
    fireEvent.change(input(), { target: { value: "jdoe@contoso.com" } });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ userName: "jdoe@contoso.com" });
  });

  it.each([
    ["a number (a form script's setValue(12345))", 12345, "12345"],
    ["an object", { value: "x" }, ""],
    ["an array", ["a@contoso.com"], ""],
    ["a boolean", true, ""],
    ["NaN", Number.NaN, ""],
  ])("a bound value that is not text, %s, never makes the field disappear", (_name, raw, shown) => {
    const { updateView } = start({ userName: "jdoe@contoso.com" });
    updateView({ rawUserName: raw });
    expect(input()).toHaveValue(shown);
  });

  it("settings and metadata that are not what the typings promise are normalised, never thrown on", () => {
    const context = fakeContext({ userName: "CONTOSO\\jdoe" });
    const parameters = context.parameters as unknown as Record<string, { raw: unknown; attributes?: Record<string, unknown> }>;
    parameters.serverType.raw = "4";
    parameters.defaultUpnSuffix.raw = 42;
    parameters.userName.attributes = { DisplayName: 7, MaxLength: "x", RequiredLevel: "none", LogicalName: {} };
    const control = new EmailProfileValidator();
    control.init(context, jest.fn());
    render(control.updateView(context));
    expect(input()).toHaveValue("CONTOSO\\jdoe");
    expect(input()).toHaveAttribute("maxlength", "250");
  });
});
