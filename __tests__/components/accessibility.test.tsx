import { act, screen } from "@testing-library/react";
import { axeViolations, renderControl } from "./renderControl";
import type { IEmailProfileValidatorProps } from "../../EmailProfileValidator/components/EmailProfileValidatorControl";

// axe probes icon-font ligatures through a canvas, which jsdom lacks; with no context it skips the probe.
beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null));

const STATES: [name: string, props: Partial<IEmailProfileValidatorProps>][] = [
  ["empty", {}],
  ["a correct UPN", { value: "user@contoso.com" }],
  ["a down-level name with a suggestion and Learn more", { value: "contoso\\user" }],
  ["clean-up needed", { value: " user@contoso.com\u200b" }],
  ["a warning", { value: "user@contoso.local" }],
  ["several suggestions in a menu", { value: "jdoe", settings: { defaultUpnSuffix: "contoso.com", domainSuffixes: "JD=fabrikam.com" } }],
  ["a configuration note", { value: "user@contoso.com", settings: { domainSuffixes: "BROKEN" } }],
  ["not used by this profile", { value: "contoso\\user", settings: { credentialRetrieval: 0 } }],
  ["read-only", { value: "contoso\\user", readOnly: true }],
  ["masked", { value: "secret", masked: true }],
];

describe("no axe-core violations in any visual state", () => {
  it.each(STATES)("%s", async (_name, props) => {
    const { container } = renderControl(props);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("after a rewrite, with Undo showing", async () => {
    jest.useFakeTimers();
    const { container, user } = renderControl({ value: "contoso\\user" });
    await user.click(screen.getByRole("button", { name: /^Use user@contoso\.com/ }));
    act(() => void jest.advanceTimersByTime(1000));
    jest.useRealTimers();
    expect(screen.getByRole("button", { name: /^Undo/ })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe("the accessibility check itself", () => {
  it("does find a violation when there is one", async () => {
    const container = document.createElement("div");
    container.innerHTML = '<input type="text"><button></button>';
    document.body.appendChild(container);
    expect(await axeViolations(container)).toEqual([expect.stringMatching(/^button-name/), expect.stringMatching(/^label/)]);
    container.remove();
  });
});
