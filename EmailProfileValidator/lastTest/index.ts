/**
 * Reads what the last Test Connection stored on the profile (`lasttestrequest`, `lasttestresponse`):
 * the EWS fault code, Exchange's message, and the SMTP address Exchange was asked for. The columns hold
 * 2,084 characters of a longer trace, so text may stop anywhere; the XML is read loosely, tag by tag,
 * with indexOf only: linear in the text, no back-tracking, and it never throws.
 */

export interface LastTestFailure {
  /** The EWS response code, such as ErrorNonExistentMailbox. */
  code: string;
  /** Exchange's own words, as given. */
  message?: string;
  /** The SMTP address Exchange was asked to impersonate: the profile's User Name at the time of the test. */
  address?: string;
}

/** Far more than the columns hold (2,084 each); anything past it is not a trace. */
const MAX_TRACE_LENGTH = 100_000;
/** Codes that mean the test passed. */
const SUCCESS_CODES = new Set(["NoError"]);
/** EWS response codes are one word of letters and digits (ErrorNonExistentMailbox). */
const RESPONSE_CODE = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

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

interface Tag {
  /** The name without its namespace prefix: "SmtpAddress" for <t:SmtpAddress>. */
  localName: string;
  /** Everything between the name and ">": the attributes. */
  attributes: string;
  /** The text up to the next tag; undefined when the trace stops first. */
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
        text: next < 0 ? undefined : decodeEntities(trace.slice(end + 1, next)).trim(),
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

interface TraceFacts {
  responseCode?: string;
  faultCode?: string;
  message?: string;
  faultString?: string;
  smtpAddress?: string;
}

const nonEmpty = (text: string | undefined): string | undefined => (text === "" ? undefined : text);

/** The first of each fact the trace holds; a value cut off by the end of the text is not taken. */
function factsOf(trace: string): TraceFacts {
  const facts: TraceFacts = {};
  for (const tag of openingTags(trace)) {
    const text = nonEmpty(tag.text);
    if (text === undefined) continue;
    switch (tag.localName) {
      case "ResponseCode":
        facts.responseCode ??= text;
        break;
      case "faultcode":
        facts.faultCode ??= text.slice(text.indexOf(":") + 1);
        break;
      case "Message":
      case "MessageText":
        facts.message ??= text;
        break;
      case "faultstring":
        facts.faultString ??= text;
        break;
      case "SmtpAddress":
        facts.smtpAddress ??= text;
        break;
      case "Value":
        if (attribute(tag.attributes, "Name") === "SmtpAddress") facts.smtpAddress ??= text;
        break;
    }
  }
  return facts;
}

function asTrace(value: unknown): string {
  return typeof value === "string" ? value.slice(0, MAX_TRACE_LENGTH) : "";
}

/** The last Test Connection's failure, or undefined when it passed, never ran, or cannot be read. */
export function readLastTestFailure(request: unknown, response: unknown): LastTestFailure | undefined {
  try {
    const answer = factsOf(asTrace(response));
    const code = answer.responseCode ?? answer.faultCode;
    if (code === undefined || !RESPONSE_CODE.test(code) || SUCCESS_CODES.has(code)) return undefined;
    const asked = factsOf(asTrace(request));
    return { code, message: answer.message ?? answer.faultString, address: answer.smtpAddress ?? asked.smtpAddress };
  } catch {
    // A trace is evidence, not input to trust: whatever it holds, the field keeps working.
    return undefined;
  }
}
