import * as React from "react";
import type { IHealthReport, IProfileHealth } from "../health";

export interface IHealthState {
  status: "checking" | "done";
  report?: IHealthReport;
  /** Reads again, on the admin's word. */
  checkAgain: () => void;
}

interface IAnswer {
  recordId: string;
  round: number;
  report: IHealthReport;
}

/**
 * The profile's health, read once per record shown and again on Check again: never per keystroke or updateView
 * (the reader and the record id are all it depends on). The first request waits until the field has painted, and
 * an answer for a record no longer shown, or for an earlier round, is dropped.
 */
export function useProfileHealth(reader: IProfileHealth | undefined, recordId: string | undefined): IHealthState | undefined {
  const [round, setRound] = React.useState(0);
  const [answer, setAnswer] = React.useState<IAnswer>();
  React.useEffect(() => {
    if (!reader || !recordId) return undefined;
    let current = true;
    // Effects run after the browser paints; a macrotask more keeps the first request clear of the field's first frame.
    const timer = setTimeout(() => {
      reader.check(recordId).then(
        (report) => {
          if (current) setAnswer({ recordId, round, report });
        },
        () => undefined,
      );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [reader, recordId, round]);
  const checkAgain = React.useCallback(() => setRound((value) => value + 1), []);
  if (!reader || !recordId) return undefined;
  const fresh = answer?.recordId === recordId && answer.round === round;
  return fresh ? { status: "done", report: answer.report, checkAgain } : { status: "checking", checkAgain };
}
