import * as React from "react";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { EmailProfileValidatorControl, type IEmailProfileValidatorProps } from "../../EmailProfileValidator/components/EmailProfileValidatorControl";
import { createTranslator } from "../../EmailProfileValidator/advice/strings";
import type { DirectoryFinding, IDirectory } from "../../EmailProfileValidator/directory";

export const english = createTranslator();

export function controlProps(overrides: Partial<IEmailProfileValidatorProps> = {}): IEmailProfileValidatorProps {
  return {
    value: "",
    valueRevision: 0,
    label: "User Name",
    maxLength: 250,
    readOnly: false,
    masked: false,
    settings: {},
    translate: english,
    onValueChange: jest.fn(),
    ...overrides,
  };
}

export interface IRendered extends RenderResult {
  props: IEmailProfileValidatorProps;
  user: ReturnType<typeof userEvent.setup>;
  input: () => HTMLInputElement;
  /** Re-renders as the platform would after updateView, with some props changed. */
  update: (changes: Partial<IEmailProfileValidatorProps>) => void;
}

/** Renders the control with fake timers driving user-event, as the advice timing needs. */
export function renderControl(overrides: Partial<IEmailProfileValidatorProps> = {}): IRendered {
  let props = controlProps(overrides);
  const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
  const result = render(<EmailProfileValidatorControl {...props} />);
  return {
    ...result,
    get props() {
      return props;
    },
    user,
    input: () => result.getByRole("textbox") as HTMLInputElement,
    update: (changes) => {
      props = { ...props, ...changes };
      result.rerender(<EmailProfileValidatorControl {...props} />);
    },
  };
}

/** A directory whose answers the test hands out when it wants to. */
export function controllableDirectory(): IDirectory & { calls: string[]; answer: (value: string, finding: DirectoryFinding) => Promise<void> } {
  const pending = new Map<string, (finding: DirectoryFinding) => void>();
  const calls: string[] = [];
  return {
    calls,
    lookUp: (value: string) => {
      calls.push(value);
      return new Promise<DirectoryFinding>((resolve) => pending.set(value, resolve));
    },
    answer: async (value, finding) => {
      pending.get(value)?.(finding);
      await Promise.resolve();
    },
  };
}

/**
 * axe-core in jsdom; colour contrast needs real layout, and the label-in-name check measures icon fonts on a canvas
 * jsdom does not have: the browser suite checks both.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const rules = { "color-contrast": { enabled: false }, "label-content-name-mismatch": { enabled: false } };
  const result = await axe.run(container, { rules, resultTypes: ["violations"] });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
}
