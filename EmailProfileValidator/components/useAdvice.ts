import * as React from "react";
import { accountToLookUp, buildAdvice, guessToConfirm, lastTestProblems, type IAdvice, type IAdviceInput } from "../advice/advice";
import { resolveConfiguration, type IControlSettings, type IResolvedConfiguration } from "../advice/configuration";
import type { IDirectory } from "../directory";
import { readLastTestFailure } from "../lastTest";
import { validateUserName } from "../validation";
import { useDirectoryFinding, useDomainInUse, useSettledValue } from "./hooks";

/** Directory look-ups wait for the value to settle this long, so typing issues one look-up, not one per key. */
export const LOOKUP_DELAY_MS = 400;

export interface ILastTestTexts {
  request?: string | null;
  response?: string | null;
  message?: string | null;
}

export interface IAdviceSources {
  /** What the field shows now. */
  text: string;
  /** The value once typing paused, or as a click or blur left it. */
  settledText: string;
  /** The value the platform holds: the saved one after a save, a pushed one after a refresh. */
  platformValue: string;
  /** Changes whenever the platform pushes a value of its own. */
  valueRevision: number;
  settings: IControlSettings;
  /** The field's MaxLength: the one length limit a value is held to. */
  maxLength?: number;
  lastTest: ILastTestTexts;
  directory?: IDirectory;
  /** A new record's field not yet touched: its empty value is not yet an error. */
  holdRequired?: boolean;
}

/**
 * The platform hands over a fresh settings object on every updateView; only a changed setting counts. The settings
 * are a handful of short texts and numbers, so their JSON is the key: a new setting needs no edit here.
 */
function useConfiguration(settings: IControlSettings, maxLength: number | undefined): IResolvedConfiguration {
  const key = JSON.stringify([settings, maxLength]);
  const latest = React.useRef({ ...settings, maxLength });
  latest.current = { ...settings, maxLength };
  return React.useMemo(() => resolveConfiguration(latest.current), [key]);
}

/**
 * The value saved and tested: what the form opened with, what the platform pushed since (a refresh), and, when new
 * last-test texts arrive (Test Connection runs only on a saved record), the value the platform holds then.
 */
function useTestedValue(platformValue: string, valueRevision: number, lastTestKey: string): string {
  const [tested, setTested] = React.useState(platformValue);
  const latest = React.useRef(platformValue);
  latest.current = platformValue;
  React.useEffect(() => setTested(latest.current), [valueRevision, lastTestKey]);
  return tested;
}

/**
 * Everything the field says, from what it shows, the form's settings, the last Test Connection and the directory:
 * which value is looked up and when, which value was tested, and the advice itself. The view only draws it.
 */
export function useAdvice(sources: IAdviceSources): IAdvice {
  const { text, settledText, directory } = sources;
  const configuration = useConfiguration(sources.settings, sources.maxLength);
  const result = React.useMemo(() => validateUserName(text, configuration.options), [text, configuration]);
  const { request, response, message } = sources.lastTest;
  const lastTest = React.useMemo(() => readLastTestFailure(request, response, message), [request, response, message]);
  const testedValue = useTestedValue(sources.platformValue, sources.valueRevision, `${request ?? ""}\u0000${response ?? ""}\u0000${message ?? ""}`);

  const [lookupText] = useSettledValue(text, LOOKUP_DELAY_MS);
  // A POP3/IMAP log-on is no address to look up, and a name the profile does not send is not checked.
  const looksUp = configuration.userNameInUse && configuration.options.target !== "mailserver";
  const lookUpValue = looksUp ? lookupText : "";
  const finding = useDirectoryFinding(directory, lookUpValue);
  const lastTestAdvice = React.useMemo(
    () => lastTestProblems(lastTest, result, text, testedValue, { target: configuration.options.target, userNameInUse: configuration.userNameInUse }),
    [lastTest, result, text, testedValue, configuration],
  );
  // When the last test found no mailbox for this very value, the directory is asked about its account, once it settles.
  const accountFinding = useDirectoryFinding(directory, looksUp && lookupText === text ? accountToLookUp(lastTestAdvice, lookupText) : "");

  const currentFinding = lookUpValue === text ? finding : undefined;
  const input = React.useMemo<IAdviceInput>(
    () => ({
      result,
      options: configuration.options,
      finding: currentFinding,
      accountFinding,
      lastTest: lastTestAdvice,
      value: text,
      settled: settledText === text,
      userNameInUse: configuration.userNameInUse,
      notUsedBecause: configuration.notUsedBecause,
      emptyIsWarning: configuration.emptyIsWarning,
      notes: configuration.notes,
      holdRequired: sources.holdRequired,
    }),
    [result, currentFinding, accountFinding, lastTestAdvice, text, settledText, configuration, sources.holdRequired],
  );
  // A guessed suffix is asked about only once the directory's own answer is in and has not made the guess moot:
  // typing CONTOSO\jdoe for a Dynamics user costs no extra query. A directory that could not answer is not asked again.
  const guessDomain = React.useMemo(() => (input.finding && input.finding.status !== "unknown" ? guessToConfirm(input) : ""), [input]);
  const guessDomainInUse = useDomainInUse(directory, guessDomain);
  const advice = React.useMemo(
    () => buildAdvice(guessDomain === "" ? input : { ...input, guessDomainInUse }),
    [input, guessDomain, guessDomainInUse],
  );
  return advice;
}
