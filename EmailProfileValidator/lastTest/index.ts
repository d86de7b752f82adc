/**
 * Reads what the last Test Connection stored on the profile: `lasttestrequest` ("the EWS Request created during
 * the Last Test"), `lasttestresponse` ("the EWS Response…") and `lastcrmmessage` ("the Dynamics 365 message…"),
 * each at most 2,084 characters. They hold the EWS Managed API's trace blocks (`<Trace Tag="EwsResponse" …>`):
 * SOAP bodies as XML, headers as text, and only an HTTP 500 gets a body. A 401, 403, 404 or 503 leaves only a
 * status line; a time-out, DNS, TLS or connection failure leaves only Dynamics' message. Text may stop anywhere,
 * and published copies are mangled further (KB 3214326 lost its closing tags and gained markdown escapes), so
 * the XML is read loosely, tag by tag, with indexOf and bounded patterns only: linear, and it never throws.
 */
import { errorCodeLine, recogniseFamily, rowForCode, type FailureFamilyId } from "../failures";

/** A family of the one failure catalogue, as the last test can report it. */
export type LastTestFamily = FailureFamilyId;

export interface LastTestFailure {
  /** The published failure it is; "other" when no article names it, and then only what was given is shown. */
  family: LastTestFamily | "other";
  /** The EWS response code, such as ErrorNonExistentMailbox. */
  code?: string;
  /** A code nested in the fault's MessageXml (InnerErrorResponseCode), such as ErrorInvalidLicense. */
  innerCode?: string;
  /** The HTTP status of Exchange's answer, when the trace has its status line. */
  httpStatus?: number;
  /** Exchange's or Dynamics' own words, as given. */
  message?: string;
  /** The SMTP address Exchange was asked for: the profile's User Name at the time of the test. */
  address?: string;
}

/** Far more than the columns hold (2,084 each); anything past it is not a trace. */
const MAX_TRACE_LENGTH = 100_000;
/** A message is shown in a sentence; past this it is cut at a word. */
const MAX_MESSAGE_LENGTH = 300;
/** Codes that mean the test passed. */
const SUCCESS_CODES = new Set(["NoError"]);
/** EWS response codes are one word of letters and digits (ErrorNonExistentMailbox). */
const RESPONSE_CODE = /^[A-Za-z][A-Za-z0-9]{0,99}/;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name] ?? entity;
  });
}

/** Markdown escapes a published copy adds (`\<Trace`, `\<Date>`); a backslash before anything else is kept. */
function withoutMarkdownEscapes(text: string): string {
  return text.includes("\\<") || text.includes("\\>") ? text.replace(/\\([<>])/g, "$1") : text;
}

interface Tag {
  /** The name without its namespace prefix: "SmtpAddress" for <t:SmtpAddress>. */
  localName: string;
  /** Everything between the name and ">": the attributes. */
  attributes: string;
  /** The raw text up to the next tag, entities not yet decoded; undefined when the trace stops first. */
  text?: string;
}

/** Every opening tag in order, with the text that follows it. Closing tags, comments and declarations are skipped. */
function* openingTags(trace: string): Generator<Tag> {
  let at = trace.indexOf("<");
  while (at >= 0) {
    const end = trace.indexOf(">", at + 1);
    if (end < 0) return;
    const next = trace.indexOf("<", end + 1);
    const inside = trace.slice(at + 1, end);
    if (inside !== "" && !"/!?".includes(inside[0])) {
      const nameEnd = inside.search(/[\s/]|$/);
      const name = inside.slice(0, nameEnd);
      yield {
        localName: name.slice(name.indexOf(":") + 1),
        attributes: inside.slice(nameEnd),
        text: next < 0 ? undefined : trace.slice(end + 1, next).trim(),
      };
    }
    at = next;
  }
}

/** The value of an attribute such as Name="SmtpAddress", in either quote. */
function attribute(attributes: string, name: string): string | undefined {
  const at = attributes.indexOf(`${name}=`);
  if (at < 0) return undefined;
  const quote = attributes[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = attributes.indexOf(quote, at + name.length + 2);
  return close < 0 ? undefined : attributes.slice(at + name.length + 2, close);
}

/**
 * The text without a run of `char` at its end, found by walking back from the end. A pattern such as `/>+$/` tries
 * every start in the run and reads to its end each time: a long run followed by anything else costs its length squared.
 */
function withoutTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/** The text without a run of `chars` (or white space) at its start, found by walking forward. */
function withoutLeading(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && (chars.includes(text[start]) || text[start].trim() === "")) start++;
  return text.slice(start);
}

/**
 * "a:ErrorNonExistentMailbox" → "ErrorNonExistentMailbox". The KB's published fault lost its closing tags
 * (`a:ErrorNonExistentMailbox>`), so a `>` left behind is debris; anything else after the word is not a code.
 */
function asCode(text: string): string | undefined {
  const word = text.slice(text.indexOf(":") + 1);
  const code = RESPONSE_CODE.exec(word)?.[0];
  if (code === undefined) return undefined;
  return withoutTrailing(word.slice(code.length), ">") === "" ? code : undefined;
}

/** A code that says the request failed, or undefined for NoError and for text that is no code. */
function failureCode(text: string): string | undefined {
  const code = asCode(text);
  return code === undefined || SUCCESS_CODES.has(code) ? undefined : code;
}

/** A message's text without the debris of a lost closing tag, then decoded: an escaped "&gt;" is the message's own. */
const asMessage = (text: string): string | undefined => showable(decodeEntities(withoutTrailing(text, ">")).trim());
const nonEmpty = (text: string | undefined): string | undefined => (text === "" ? undefined : text);
/** Text worth a sentence: a letter or a digit in any script. Spaces, an invisible character or a lone mark are nothing to show. */
const showable = (text: string | undefined): string | undefined => (text !== undefined && /[\p{L}\p{N}]/u.test(text) ? text : undefined);

interface TraceFacts {
  responseCode?: string;
  faultCode?: string;
  innerCode?: string;
  message?: string;
  faultString?: string;
  smtpAddress?: string;
}

/** ConnectingSID's ways of naming the impersonated mailbox (EWS ExchangeImpersonation). */
const ADDRESS_TAGS = new Set(["SmtpAddress", "PrimarySmtpAddress", "PrincipalName"]);

/** The first of each fact one column holds; a value cut off by the end of the column is not taken. */
function factsOf(trace: string): TraceFacts {
  const facts: TraceFacts = {};
  for (const tag of openingTags(trace)) {
    const raw = nonEmpty(tag.text);
    if (raw === undefined) continue;
    const text = decodeEntities(raw);
    if (ADDRESS_TAGS.has(tag.localName)) facts.smtpAddress ??= text;
    switch (tag.localName) {
      // A batch answers each item: the first code that is not NoError is the failure.
      case "ResponseCode":
        facts.responseCode ??= failureCode(text);
        break;
      case "faultcode":
        facts.faultCode ??= failureCode(text);
        break;
      case "Message":
      case "MessageText":
        facts.message ??= asMessage(raw);
        break;
      case "faultstring":
        facts.faultString ??= asMessage(raw);
        break;
      case "Value": {
        const name = attribute(tag.attributes, "Name");
        if (name === "SmtpAddress") facts.smtpAddress ??= text;
        if (name === "InnerErrorResponseCode") facts.innerCode ??= asCode(text);
        break;
      }
    }
  }
  return facts;
}

/**
 * Each fact from the first column that holds it whole: the request, then the response, then Dynamics' message. The
 * columns are read apart, so a value cut at the end of one (`<t:SmtpAddress>contoso\jd`) is nothing, never a value
 * that the next column's text completes; the response's whole `Value Name="SmtpAddress"` then wins over nothing.
 */
function factsOfColumns(columns: readonly string[]): TraceFacts {
  const each = columns.map(factsOf);
  const first = <K extends keyof TraceFacts>(name: K): TraceFacts[K] => each.find((facts) => facts[name] !== undefined)?.[name];
  return {
    responseCode: first("responseCode"),
    faultCode: first("faultCode"),
    innerCode: first("innerCode"),
    message: first("message"),
    faultString: first("faultString"),
    smtpAddress: first("smtpAddress"),
  };
}

/**
 * The status of Exchange's answer: a header block's status line (`HTTP/1.1 401 Unauthorized`), or .NET's
 * wording in Dynamics' message (`HTTP status 403`, and "The remote server returned an error: (401) Unauthorized."
 * in the server's language: `(401) Несанкционированный`, `(401) 許可されていません`, `(401)未授权`). So a number in
 * parentheses is a status when a word in any script follows it; a lone "(404)" in a sentence is not. A request line has no status.
 */
function httpStatusOf(columns: readonly string[]): number | undefined {
  const patterns = [/HTTP\/\d(?:\.\d)? ([1-5]\d\d)(?!\d)/g, /\(([1-5]\d\d)\)\s?\p{L}/gu, /HTTP status ([1-5]\d\d)(?!\d)/gi];
  for (const pattern of patterns) {
    // Each column on its own: a status is never made of the end of one and the start of the next.
    for (const text of columns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const status = Number(match[1]);
        if (status >= 300) return status;
      }
    }
  }
  return undefined;
}

/** A line that only frames the message: a stack frame, an activity id, a tag, the dialog's headings. */
const FRAME_LINE = /^(?:at |ActivityId:|<|(?:Request to|Response from) Exchange:)/;

/**
 * Test & Enable's result per direction, "Incoming Status: Failure - <reason>" (KB 954584): the mailbox's Incoming Email,
 * Outgoing Email and Appointments, Contacts, and Tasks (ACT) Status columns, each Not Run, Success or Failure.
 */
const DIRECTION_NAMES = "(?:(?:Incoming|Outgoing)(?: Email)?|ACT|Appointments, Contacts,? and Tasks) Status *:";
const DIRECTION_LABEL = new RegExp(`\\b${DIRECTION_NAMES}`, "gi");
const DIRECTION_LINE = new RegExp(`^${DIRECTION_NAMES}`, "i");

/**
 * The first direction that failed: its reason, or its own status line when it gives none. A direction's status runs
 * to the next direction or the end of its line, so two on one line are read apart.
 */
function failingDirectionOf(text: string): string | undefined {
  const labels = [...text.matchAll(DIRECTION_LABEL)];
  // Where the current line ends: moved forward only, so finding it costs one pass over the text in all.
  let lineEnd = -1;
  for (const [i, label] of labels.entries()) {
    const start = label.index + label[0].length;
    if (lineEnd < start) {
      const newline = text.indexOf("\n", start);
      lineEnd = newline === -1 ? text.length : newline;
    }
    const end = Math.min(lineEnd, labels[i + 1]?.index ?? text.length);
    const status = text.slice(start, end).trim();
    if (!/^fail/i.test(status)) continue;
    const word = /^[A-Za-z]+/.exec(status)?.[0] ?? "";
    const reason = showable(withoutLeading(status.slice(word.length), "-\u2013\u2014:.").trimEnd());
    return reason ?? `${label[0]} ${word}`;
  }
  return undefined;
}

/**
 * The text without its trace blocks (`<Trace Tag="EwsRequestHttpHeaders" …>` … `</Trace>`, to the end when one is cut):
 * they are Exchange's request and answer, whose facts are read from the XML; none of their lines is Dynamics' words.
 */
function withoutTraceBlocks(text: string): string {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("<Trace", at);
    if (open === -1) {
      parts.push(text.slice(at));
      break;
    }
    parts.push(text.slice(at, open), "\n");
    const close = text.indexOf("</Trace>", open);
    if (close === -1) break;
    at = close + "</Trace>".length;
  }
  return parts.join("");
}

/** "POST /EWS/Exchange.asmx HTTP/1.1": the request line of the dialog's request. */
const REQUEST_LINE = /^[A-Z]{3,10} \S+ HTTP\/\d/;
/** "HTTP/1.1 401 Unauthorized": the status line of Exchange's answer. */
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? \d{3}(?!\d)/;
/** "Content-Type: text/xml": a header's name, an HTTP token, right before its colon. */
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}(?=:)/;
/** Headers of one word that a request or an answer carries; a hyphenated name (Content-Type, X-FEServer) is always a header. */
const ONE_WORD_HEADERS = new Set(
  // request headers, then response headers
  ["host", "accept", "authorization", "connection", "cookie", "expect", "pragma", "te", "upgrade", "via", "date", "server", "vary", "etag", "expires", "trailer"],
);

/** A header line: a hyphenated or well-known name, or any name inside a header block (after a request or status line, up to a blank line). */
function isHeaderLine(line: string, inHeaderBlock: boolean): boolean {
  const name = HEADER_NAME.exec(line)?.[0];
  return name !== undefined && (inHeaderBlock || name.includes("-") || ONE_WORD_HEADERS.has(name.toLowerCase()));
}

/**
 * The line of Dynamics' message that says what happened, without the quote and list marks of a published copy. When
 * the column holds the whole dialog, its request line, status lines and header lines are HTTP, not anyone's words.
 */
function dynamicsMessageOf(text: string): string | undefined {
  let inHeaderBlock = false;
  for (const line of withoutTraceBlocks(text).split(/\r?\n/)) {
    const trimmed = withoutLeading(line, "->*").trimEnd().replace(/^Error\s*:\s*/, "");
    if (trimmed === "") {
      inHeaderBlock = false;
      continue;
    }
    if (REQUEST_LINE.test(trimmed) || STATUS_LINE.test(trimmed)) {
      inHeaderBlock = true;
      continue;
    }
    if (FRAME_LINE.test(trimmed) || DIRECTION_LINE.test(trimmed) || isHeaderLine(trimmed, inHeaderBlock)) continue;
    if (showable(trimmed) !== undefined) return trimmed;
  }
  return undefined;
}

function shortened(message: string | undefined): string | undefined {
  if (message === undefined || message.length <= MAX_MESSAGE_LENGTH) return message;
  const cut = message.lastIndexOf(" ", MAX_MESSAGE_LENGTH);
  return `${message.slice(0, cut > 0 ? cut : MAX_MESSAGE_LENGTH)}\u2026`;
}

function asTrace(value: unknown): string {
  return typeof value === "string" ? withoutMarkdownEscapes(value.slice(0, MAX_TRACE_LENGTH)) : "";
}

/** Words that say a test failed when there is neither a code nor a status to go by. */
const FAILURE_WORDS = /exception|error|fail|unable|could not|couldn't|denied/i;
/** …unless it says the test passed ("Test Connection succeeded", "completed with no errors"). */
const SUCCESS_WORDS = /succe(?:ss|eded)|no errors?\b/i;

function readTexts(request: string, response: string, message: string): LastTestFailure | undefined {
  const columns = [request, response, message];
  const facts = factsOfColumns(columns);
  // Dynamics' own message may carry an alert's "Email Server Error Code:" line: the same catalogue reads it (SPEC §8).
  const dynamics = errorCodeLine(message);
  // Only a code the catalogue knows: a message cut mid-word ("TimedO") or a stack frame's word is no code.
  const code = facts.responseCode ?? facts.faultCode ?? dynamics.codes.find((candidate) => rowForCode(candidate) !== undefined);
  const codes = [facts.innerCode, code].filter((value): value is string => value !== undefined);
  const httpStatus = httpStatusOf(columns);
  // Any direction that failed is a failure, and its reason is what is shown, not a direction that succeeded.
  const failingDirection = failingDirectionOf(message);
  // The first of Exchange's and Dynamics' messages that has something to show; when none has, no message at all.
  const given = [facts.message, facts.faultString, failingDirection, dynamicsMessageOf(message)].map(shortened).find((text) => showable(text) !== undefined);
  const family = recogniseFamily(codes, { httpStatus, text: columns.join("\n").toLowerCase(), codeLine: dynamics.codeLine?.toLowerCase() });
  const saysFailed = FAILURE_WORDS.test(given ?? "") && !SUCCESS_WORDS.test(given ?? "");
  const failed =
    family !== undefined || codes.length > 0 || httpStatus !== undefined || failingDirection !== undefined || (message.trim() !== "" && saysFailed);
  if (!failed) return undefined;
  return {
    family: family ?? "other",
    ...(code !== undefined ? { code } : {}),
    ...(facts.innerCode !== undefined ? { innerCode: facts.innerCode } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(given !== undefined ? { message: given } : {}),
    ...(facts.smtpAddress !== undefined ? { address: facts.smtpAddress } : {}),
  };
}

/**
 * The last Test Connection's failure, from any of the three texts (any may be empty, cut, or hold the whole
 * dialog "Request to Exchange:: … Response from Exchange: …"); undefined when it passed, never ran, or says nothing.
 */
export function readLastTestFailure(request: unknown, response: unknown, message?: unknown): LastTestFailure | undefined {
  try {
    return readTexts(asTrace(request), asTrace(response), asTrace(message));
  } catch {
    // A trace is evidence, not input to trust: whatever it holds, the field keeps working.
    return undefined;
  }
}
