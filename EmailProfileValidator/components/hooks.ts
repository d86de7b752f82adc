import * as React from "react";
import type { DirectoryFinding, IDirectory } from "../directory";

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
 * The directory's answer for `value`, once it arrives. An answer for a value that is no longer
 * current is dropped, and nothing is set after unmount.
 */
export function useDirectoryFinding(directory: IDirectory | undefined, value: string): DirectoryFinding | undefined {
  const [answer, setAnswer] = React.useState<{ value: string; finding: DirectoryFinding }>();
  React.useEffect(() => {
    if (!directory || value.trim() === "") return undefined;
    let current = true;
    directory.lookUp(value).then(
      (finding) => {
        if (current) setAnswer({ value, finding });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [directory, value]);
  return answer?.value === value ? answer.finding : undefined;
}
