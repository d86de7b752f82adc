import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { XMLParser } from "fast-xml-parser";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { EmailProfileValidatorControl, type IEmailProfileValidatorProps } from "../../EmailProfileValidator/components/EmailProfileValidatorControl";
import { createTranslator } from "../../EmailProfileValidator/advice/strings";
import type { DirectoryFinding, DomainUse, IDirectory } from "../../EmailProfileValidator/directory";

export const english = createTranslator();

/** Dynamics' languages the control ships, as the manifest lists them. */
export const LANGUAGES = ["1033", "1031", "1036", "3082", "1040", "1043", "1046", "1041", "2052", "1049"];

/** The translator the platform would give a user of this language: that resx, English where a key is missing. */
export function translatorFor(lcid: string): ReturnType<typeof createTranslator> {
  const xml = fs.readFileSync(path.resolve(__dirname, `../../EmailProfileValidator/strings/EmailProfileValidator.${lcid}.resx`), "utf8");
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "data" });
  const data = (parser.parse(xml) as { root: { data: { "@name": string; value: unknown }[] } }).root.data;
  const strings = new Map(data.map((entry) => [entry["@name"], String(entry.value)]));
  return createTranslator((key) => strings.get(key));
}

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
export function controllableDirectory(): IDirectory & {
  calls: string[];
  domainCalls: string[];
  answer: (value: string, finding: DirectoryFinding) => Promise<void>;
  answerDomain: (domain: string, use: DomainUse) => Promise<void>;
} {
  const pending = new Map<string, (finding: DirectoryFinding) => void>();
  const pendingDomains = new Map<string, (use: DomainUse) => void>();
  const calls: string[] = [];
  const domainCalls: string[] = [];
  return {
    calls,
    domainCalls,
    lookUp: (value: string) => {
      calls.push(value);
      return new Promise<DirectoryFinding>((resolve) => pending.set(value, resolve));
    },
    domainInUse: (domain: string) => {
      domainCalls.push(domain);
      return new Promise<DomainUse>((resolve) => pendingDomains.set(domain, resolve));
    },
    answer: async (value, finding) => {
      pending.get(value)?.(finding);
      await Promise.resolve();
    },
    answerDomain: async (domain, use) => {
      pendingDomains.get(domain)?.(use);
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
