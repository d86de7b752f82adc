import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
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
    fireEvent.click(screen.getByRole("button", { name: "Use user@contoso.com" }));
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
    expect(screen.getByRole("button", { name: "Use user@contoso.com" })).toBeInTheDocument();
    expect(document.body.textContent).toContain("is a Windows log-on name");
    expect(document.body.textContent).not.toMatch(/Problem_|Action_/);
  });
});
