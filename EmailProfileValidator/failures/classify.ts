import { recogniseFamily, rowForCode, type FailureFamilyId } from "./catalogue";

/**
 * Reads one alert as server-side synchronization writes it to `tracelog.text`: Dynamics' sentence, often followed by
 * "Email Server Error Code: <token>" (an EWS code, a Dynamics code such as Crm.80048306 or 8005E259, a numbered
 * UnknownIncomingEmailIntegrationError, or ".NET server returned <status> …"). Codes first, since they do not depend
 * on the organization's language; then the code line's words; then the sentence; then a status. Linear, never throws.
 */

/** The three things a mailbox synchronizes; each has its own status and, in the profile, its own credentials. */
export type Direction = "incoming" | "outgoing" | "act";

export interface IAlertReading {
  family: FailureFamilyId | "other";
  /** The code the alert gives, as given: the family's key, or the one fact shown for an alert no row knows. */
  code?: string;
  httpStatus?: number;
  /** What the alert is about, from its words and code; empty when it says neither. */
  directions: Direction[];
}

const SERVER_AUTH_WORDS = ["anonymous request disallowed", "basic authentication", "basicauthblocked"];

/** An alert is at most `text` (String 2,000); anything past that is not Dynamics' words. */
const MAX_ALERT_LENGTH = 4000;

/** "Email Server Error Code:" (also bold, as published copies show it) or "Exchange Error Code:", and what follows on its line. */
const CODE_LINE = /(?:email server|exchange) error code\W{0,4}:?\W{0,4}([^\n]{0,300})/i;

/** Words, numbers and Crm.80048306-style codes, in order: what a code line is made of. */
const WORD = /Crm\.[0-9A-Fa-f]{8}|\b[0-9A-F]{8}\b|-?\d+|[A-Za-z][A-Za-z0-9]*/g;
/**
 * What reads as a code by its shape: CamelCase identifiers with two capitals (ErrorQuotaExceeded, ConnectFailure),
 * Crm.80048306, eight-digit hex codes (8005E259), negative HRESULTs (-2147220891) and long numbers (800046). Plain
 * words (Unauthorized, Forbidden) are wording. Anchored, single-pass patterns: nothing to back-track.
 */
const CODE_SHAPES = [/^Crm\./, /^-\d{7,10}$/, /^[0-9A-F]{8}$/, /^\d{6,10}$/, /^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$/, /^[A-Z]{2,}[a-z][A-Za-z0-9]*$/];
/** "Exchange server returned 383 error": an EWS error number (383 ErrorTimeZone, 203 in KB 4504933), not an HTTP status. */
const EWS_ERROR_NUMBER = /exchange\.? ?server returned (\d{3}) error/i;
const HTTP_STATUS = [/http server returned ([1-5]\d\d)\b/i, /\(([1-5]\d\d)\)/, /http status ([1-5]\d\d)\b/i, /\b([45]\d\d) (?:unauthorized|forbidden|not found|service unavailable)\b/i];

/** A short number is a code only where "Exchange server returned 383 error" says so: "Room 203" in a name is not. */
const SHORT_NUMBER = /^-?\d{1,5}$/;
const looksLikeCode = (word: string): boolean => CODE_SHAPES.some((shape) => shape.test(word)) || (!SHORT_NUMBER.test(word) && rowForCode(word) !== undefined);

/** Every code of a text, in order, each once: words shaped like codes or known to the catalogue, and EWS error numbers. */
function codeTokens(text: string): string[] {
  const codes = (text.match(WORD) ?? []).filter(looksLikeCode);
  const ewsNumber = EWS_ERROR_NUMBER.exec(text)?.[1];
  return [...new Set([...codes, ...(ewsNumber ? [ewsNumber] : [])])];
}

function httpStatusIn(text: string): number | undefined {
  for (const pattern of HTTP_STATUS) {
    const status = pattern.exec(text)?.[1];
    if (status !== undefined) return Number(status);
  }
  return undefined;
}

/** Directions an alert's words name: "cannot be received", "cannot be sent", "Appointments, contacts, and tasks". */
function directionsOf(lower: string, codes: readonly string[]): Direction[] {
  const named = (prefix: string): boolean => codes.some((code) => code.toLowerCase().startsWith(prefix));
  const directions: Direction[] = [];
  if (/receiv|incoming/.test(lower) || named("incoming")) directions.push("incoming");
  if (/\b(?:send|sent|sending)\b|outgoing/.test(lower) || named("outgoing")) directions.push("outgoing");
  if (/appointments, contacts,? and tasks/.test(lower) || named("exchangesync")) directions.push("act");
  return directions;
}

/**
 * The codes that decide an alert: every code of its code line, and in the rest of the text only codes a row knows
 * (a stack trace's SocketException is no code of Dynamics').
 */
function decidingCodes(text: string, codeLine: string | undefined): string[] {
  const fromLine = codeLine ? codeTokens(codeLine) : [];
  const known = codeTokens(text).filter((code) => rowForCode(code) !== undefined);
  return [...new Set([...known.filter((code) => fromLine.includes(code)), ...fromLine, ...known])];
}

/** Dynamics' "Email Server Error Code:" line, without its bold marks, and the codes that decide the text. */
export function errorCodeLine(text: string): { codeLine?: string; codes: string[] } {
  const codeLine = CODE_LINE.exec(text.slice(0, MAX_ALERT_LENGTH))?.[1]?.replace(/\*+/g, "").trim();
  return { ...(codeLine !== undefined ? { codeLine } : {}), codes: decidingCodes(text.slice(0, MAX_ALERT_LENGTH), codeLine) };
}

export function classifyAlert(raw: unknown): IAlertReading {
  const text = typeof raw === "string" ? raw.slice(0, MAX_ALERT_LENGTH) : "";
  const { codeLine, codes } = errorCodeLine(text);
  const lower = text.toLowerCase();
  const httpStatus = httpStatusIn(text);
  const recognised = recogniseFamily(codes, { httpStatus, text: lower, codeLine: codeLine?.toLowerCase() }) ?? "other";
  // Refused credentials whose words name the server's authentication method (KB 3189622's "Anonymous Request
  // Disallowed", Basic authentication turned off) are that method, never the user name: read alert by alert.
  const family = recognised === "sign-in-refused" && SERVER_AUTH_WORDS.some((words) => lower.includes(words)) ? "basic-auth-off" : recognised;
  const code = codes.find((candidate) => rowForCode(candidate)?.family === family) ?? codes[0];
  return {
    family,
    ...(code !== undefined ? { code } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    directions: directionsOf(lower, codes),
  };
}
