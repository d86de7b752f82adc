import * as React from "react";
import type { DirectoryFinding, DomainUse, IDirectory } from "../directory";

/**
 * The value once it has stayed the same for `delayMs`, and a way to settle a value at once (blur, a click).
 * Starts settled, so a value loaded with the record is judged in full straight away.
 */
export function useSettledValue(value: string, delayMs: number): [settled: string, settle: (value: string) => void] {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    if (settled === value) return undefined;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return [settled, setSettled];
}

/**
 * Whether the field has been touched: focused and left, or edited, or given a value by the platform since it was
 * first shown (a save or refresh pushing a value). Until then an empty new record is not told off.
 */
export function useTouched(valueRevision: number): [touched: boolean, touch: () => void] {
  const [touched, setTouched] = React.useState(false);
  const firstRevision = React.useRef(valueRevision);
  const touch = React.useCallback(() => setTouched(true), []);
  return [touched || valueRevision !== firstRevision.current, touch];
}

/**
 * The directory's answer to a question, once it arrives. An answer for a question that is no longer current is
 * dropped, nothing is set after unmount, and an empty question is never asked.
 */
function useDirectoryAnswer<T>(directory: IDirectory | undefined, question: string, ask: (directory: IDirectory, question: string) => Promise<T>): T | undefined {
  const [answer, setAnswer] = React.useState<{ question: string; answer: T }>();
  React.useEffect(() => {
    if (!directory || question.trim() === "") return undefined;
    let current = true;
    ask(directory, question).then(
      (given) => {
        if (current) setAnswer({ question, answer: given });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [directory, question, ask]);
  return answer?.question === question ? answer.answer : undefined;
}

const lookUp = (directory: IDirectory, value: string): Promise<DirectoryFinding> => directory.lookUp(value);
const domainInUse = (directory: IDirectory, domain: string): Promise<DomainUse> => directory.domainInUse?.(domain) ?? Promise.resolve("unknown");

/** The directory's finding for `value`, once it arrives. */
export function useDirectoryFinding(directory: IDirectory | undefined, value: string): DirectoryFinding | undefined {
  return useDirectoryAnswer(directory, value, lookUp);
}

/** Whether users of this environment have `domain`, once the directory says. */
export function useDomainInUse(directory: IDirectory | undefined, domain: string): DomainUse | undefined {
  return useDirectoryAnswer(directory, domain, domainInUse);
}
