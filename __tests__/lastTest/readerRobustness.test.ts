import fc from "fast-check";
import { performance } from "perf_hooks";
import { readLastTestFailure } from "../../EmailProfileValidator/lastTest";

type Columns = [request: string, response: string, message: string];

/**
 * SPEC §5: "A pure reader (no I/O, never throws, linear time on any text up to the columns' sizes)". A pattern that
 * back-tracks (`/>+$/` on a long run of `>` followed by anything else) takes time that grows with the square of the
 * length: ten times the text, a hundred times the time. Each input is read at N and at 10N characters; linear reading
 * takes about 10× as long, and anything past 30× is growth no linear reader shows. The best of several runs is
 * compared, each run repeated until it is long enough to time, so a busy machine is unlikely to fail the test, and
 * no wall-clock limit is set. 10N stays under the 100,000 characters the reader takes per column, so no cut hides growth.
 */
describe("the reader takes time in proportion to the text (SPEC §5: linear time on any text)", () => {
  const N = 5_000;
  const RUNS = 5;
  const MAX_RATIO = 30;
  const repeat = (text: string, length: number): string => text.repeat(Math.ceil(length / text.length)).slice(0, length);

  const ADVERSARIAL: [name: string, make: (length: number) => Columns][] = [
    ["a run of > after a message (a lost closing tag's debris, then more text)", (n) => ["", `<e:Message>${">".repeat(n)}x<`, ""]],
    ["a run of > after a faultstring", (n) => ["", `<faultstring>${">".repeat(n)}x</faultstring>`, ""]],
    ["a run of > after a fault code", (n) => ["", `<faultcode>a:ErrorServerBusy${">".repeat(n)}x<`, ""]],
    ["a run of > after a response code", (n) => ["", `<e:ResponseCode>ErrorServerBusy${">".repeat(n)}x<`, ""]],
    ["a run of > after an inner code", (n) => ["", `<t:Value Name="InnerErrorResponseCode">ErrorInvalidLicense${">".repeat(n)}x<`, ""]],
    ["a run of > as Dynamics' message", (n) => ["", "", `${">".repeat(n)}x`]],
    ["> lines with list marks", (n) => ["", "", repeat("- > \n", n)]],
    ["a run of < in every column", (n) => ["<".repeat(n), "<".repeat(n), "<".repeat(n)]],
    ["a tag that never closes", (n) => ["", `<e:Message ${"a".repeat(n)}`, ""]],
    ["a tag with a long name", (n) => ["", `<${"a".repeat(n)}>x<`, ""]],
    ["many empty tags", (n) => ["", repeat("<a:b>", n), ""]],
    ["many (401", (n) => ["", "", repeat("(401", n)]],
    ["many (401) followed by no word", (n) => ["", "", repeat("(401) ", n)]],
    ["many HTTP/1.1", (n) => ["", repeat("HTTP/1.1 ", n), repeat("HTTP status ", n)]],
    ["one long line", (n) => ["", "", "a".repeat(n)]],
    ["a long line of spaces before a word", (n) => ["", "", `Error${" ".repeat(n)}x`]],
    ["many short lines", (n) => ["", "", repeat("a\n", n)]],
    ["many CR LF", (n) => ["", "", "\r\n".repeat(n / 2)]],
    ["spaces inside a message", (n) => ["", `<e:Message>${" ".repeat(n)}x<`, ""]],
    ["half entities", (n) => ["", `<e:Message>${repeat("&#x", n)}<`, ""]],
    ["markdown escapes", (n) => [repeat("\\<", n), repeat("\\>", n), repeat("\\<Trace", n)]],
    ["attributes that never close their quote", (n) => ["", `<t:Value Name="${"a".repeat(n)}>x<`, ""]],
    ["many Name= attributes", (n) => ["", `<t:Value ${repeat('Name="', n)}>x<`, ""]],
    ["many SmtpAddress tags", (n) => [repeat("<t:SmtpAddress>", n), "", ""]],
    ["many direction labels", (n) => ["", "", repeat("Incoming Status: Outgoing Status ", n)]],
    ["a direction label before a long run of spaces", (n) => ["", "", `Outgoing Status${" ".repeat(n)}x`]],
    ["many failing directions", (n) => ["", "", repeat("Outgoing Status: Failure - ", n)]],
    ["many Trace blocks that never close", (n) => ["", "", repeat("<Trace ", n)]],
    ["many closed Trace blocks", (n) => ["", "", repeat('<Trace Tag="EwsResponseHttpHeaders">HTTP/1.1 401 x</Trace>\n', n)]],
    ["a header name that never ends", (n) => ["", "", `${repeat("a-", n)}x`]],
    ["a request line that never ends", (n) => ["", "", `POST ${"a".repeat(n)}`]],
    ["many request and header lines", (n) => ["", "", repeat("POST /EWS/Exchange.asmx HTTP/1.1\nContent-Type: text/xml\nHost: mail.contoso.com\n", n)]],
    ["many dialog headings", (n) => ["", "", repeat("Request to Exchange:: Response from Exchange: ", n)]],
    ["many failure words", (n) => ["", "", repeat("error fail denied ", n)]],
    ["the KB 3214326 fault, repeated", (n) => ["", repeat('<faultcode xmlns:a="t">a:ErrorNonExistentMailbox>\n<e:Message>The SMTP address has no mailbox associated with it.</e:Message>\n', n), ""]],
  ];

  /** The shortest of several timings of `times` reads, in milliseconds. */
  function best(columns: Columns, times: number, runs = RUNS): number {
    let fastest = Infinity;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      for (let i = 0; i < times; i++) readLastTestFailure(...columns);
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  }

  it.each(ADVERSARIAL)("%s", (_name, make) => {
    const small = make(N);
    const large = make(10 * N);
    expect(small.join("").length).toBeGreaterThanOrEqual(N);
    best(small, 1, 2);
    best(large, 1, 1);
    // Enough reads that the short text takes a measurable time (a few milliseconds).
    let times = 1;
    while (times < 512 && best(small, times, 1) < 3) times *= 2;
    const atN = Math.max(best(small, times), 0.05);
    // Ten times the text: any one run within the ratio proves the growth is not quadratic.
    let at10N = Infinity;
    for (let run = 0; run < RUNS && at10N / atN >= MAX_RATIO; run++) at10N = Math.min(at10N, best(large, times, 1));
    expect(at10N / atN).toBeLessThan(MAX_RATIO);
  });
});

/**
 * .NET's WebException says "The remote server returned an error: ({0}) {1}." in the language of the server that ran
 * it, so only the number in parentheses is the same everywhere. KB 4493267 prints the English "(401) Unauthorized";
 * Microsoft's own Japanese and Chinese editions of "Access the Azure Media Services API with Azure AD authentication"
 * (troubleshooting) quote the same exception as "リモート サーバーがエラーを返しました: (401) 未承認" and
 * "远程服务器返回错误: (401)未授权". SPEC §5: sign-in refused is HTTP 401.
 */
describe(".NET's (401) in any language is the HTTP status (SPEC §5, KB 4493267)", () => {
  it.each([
    ["Russian", "Удаленный сервер возвратил ошибку: (401) Несанкционированный."],
    ["Japanese", "リモート サーバーがエラーを返しました: (401) 許可されていません"],
    ["Japanese, as Microsoft's docs quote it", "リモート サーバーがエラーを返しました: (401) 未承認"],
    ["Chinese", "远程服务器返回错误: (401) 未经授权。"],
    ["Chinese with no space, as Microsoft's docs quote it", "远程服务器返回错误: (401)未授权"],
    ["German", "Der Remoteserver hat einen Fehler zurückgegeben: (401) Nicht autorisiert."],
    ["French", "Le serveur distant a retourné une erreur : (401) Non autorisé."],
  ])("%s", (_language, message) => {
    expect(readLastTestFailure("", "", message)).toMatchObject({ family: "sign-in-refused", httpStatus: 401 });
  });

  it.each([
    ["a 503 in Russian", "Удаленный сервер возвратил ошибку: (503) Сервер недоступен.", 503, "throttled"],
    ["a 404 in Japanese", "リモート サーバーがエラーを返しました: (404) 見つかりません", 404, "wrong-url"],
  ])("%s", (_name, message, httpStatus, family) => {
    expect(readLastTestFailure("", "", message)).toMatchObject({ family, httpStatus });
  });

  it.each([
    ["a number in parentheses at the end of a sentence", "The request failed, see note (404)."],
    ["a telephone number", "The connection failed; call the help desk on (404) 555-0100."],
    ["a number in parentheses before a digit", "The operation failed after (401) 3 retries."],
    ["a number in parentheses alone", "Error (401)"],
  ])("no status from %s", (_name, message) => {
    expect(readLastTestFailure("", "", message)?.httpStatus).toBeUndefined();
  });
});

/**
 * Microsoft Learn, "Connect to Exchange Online" (Test & Enable mailboxes): "The result of the email configuration test
 * is displayed in the Incoming Email Status, Outgoing Email Status, and Appointments, Contacts, and Tasks Status
 * columns", each Not Run, Success or Failure; KB 954584 prints a failing one as "Incoming Status: Failure - <reason>".
 * Any failing direction is a failure, and what is shown is that direction's reason.
 */
describe("one status line per direction (Test & Enable: Incoming, Outgoing, ACT)", () => {
  it("a failing outgoing direction after a successful incoming one: the reason of the one that failed", () => {
    const message = "Incoming Status: Success\nOutgoing Status: Failure - The remote server returned an error: (401) Unauthorized.";
    expect(readLastTestFailure("", "", message)).toEqual({
      family: "sign-in-refused",
      httpStatus: 401,
      message: "The remote server returned an error: (401) Unauthorized.",
    });
  });

  it("a failure whose reason no article names is still a failure, with its reason as given", () => {
    const message = "Incoming Status: Success\r\nOutgoing Status: Failure - The mailbox is being moved to another database.";
    expect(readLastTestFailure("", "", message)).toEqual({ family: "other", message: "The mailbox is being moved to another database." });
  });

  it("the full column names, in any order, with ACT", () => {
    const message =
      "Appointments, Contacts, and Tasks Status: Success\nIncoming Email Status: Failure - Socket returned exception TimedOut.\nOutgoing Email Status: Success";
    expect(readLastTestFailure("", "", message)).toEqual({ family: "timeout", message: "Socket returned exception TimedOut." });
  });

  it("two directions on one line", () => {
    const message = "Incoming Status: Success. Outgoing Status: Failure - The mailbox is being moved to another database.";
    expect(readLastTestFailure("", "", message)?.message).toBe("The mailbox is being moved to another database.");
  });

  it("a failure with no reason shows its own status line", () => {
    expect(readLastTestFailure("", "", "Incoming Status: Success\nACT Status: Failure")).toEqual({ family: "other", message: "ACT Status: Failure" });
  });

  it("the first failing direction when two fail", () => {
    const message = "Incoming Status: Failure - The operation has timed out\nOutgoing Status: Failure - Unable to connect to the remote server";
    expect(readLastTestFailure("", "", message)?.message).toBe("The operation has timed out");
  });

  it.each([
    ["every direction succeeded", "Incoming Status: Success\nOutgoing Status: Success\nACT Status: Success"],
    ["a direction not run", "Incoming Status: Success\nOutgoing Status: Not Run"],
  ])("nothing when %s", (_name, message) => {
    expect(readLastTestFailure("", "", message)).toBeUndefined();
  });
});

/** KB 3214326's dialog for a request that got only a status line back (SPEC §5: a 401 leaves only its status line). */
const DIALOG_401 = [
  "Request to Exchange::  ",
  '<Trace Tag="EwsRequestHttpHeaders" Tid="534" Time="2024-05-02 09:14:07Z">  ',
  "POST /EWS/Exchange.asmx HTTP/1.1  ",
  "Content-Type: text/xml; charset=utf-8  ",
  "Accept: text/xml  ",
  "User-Agent: ExchangeServicesClient/15.00.1076.004  ",
  "Accept-Encoding: gzip,deflate  ",
  "Host: mail.contoso.com  ",
  "",
  "</Trace>",
  '<Trace Tag="EwsRequest" Tid="534" Time="2024-05-02 09:14:07Z" Version="15.00.1076.004">',
  '  <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><t:ExchangeImpersonation><t:ConnectingSID>',
  "  <t:SmtpAddress>jdoe@contoso.com</t:SmtpAddress>",
  "  </t:ConnectingSID></t:ExchangeImpersonation></soap:Header></soap:Envelope>",
  "</Trace>",
  "",
  "Response from Exchange:  ",
  '<Trace Tag="EwsResponseHttpHeaders" Tid="534" Time="2024-05-02 09:14:07Z">',
  "HTTP/1.1 401 Unauthorized  ",
  "WWW-Authenticate: Negotiate",
  "Content-Length: 0",
  "Date: Thu, 02 May 2024 09:14:07 GMT",
  "",
  "</Trace>",
].join("\n");

/** The same dialog as a published copy shows it with its Trace tags lost: only lines. */
const DIALOG_401_UNTAGGED = DIALOG_401.split("\n")
  .filter((line) => !/^\s*<\/?Trace/.test(line) && !line.startsWith("  <"))
  .join("\n");

/**
 * SPEC §5: any column may "hold the whole dialog text 'Request to Exchange:: … Response from Exchange: …'", and what is
 * shown is "Exchange's or Dynamics' message". A request line, a status line or a header line is neither.
 */
describe("the whole dialog in Last CRM Message: HTTP lines are never the message (SPEC §5)", () => {
  it.each([
    ["with its Trace blocks", DIALOG_401, "jdoe@contoso.com"],
    ["with its Trace tags lost", DIALOG_401_UNTAGGED, undefined],
    ["on one line", DIALOG_401.replace(/\s*\n\s*/g, " "), "jdoe@contoso.com"],
    ["on one line, Trace tags lost", DIALOG_401_UNTAGGED.replace(/\s*\n\s*/g, " "), undefined],
    ["with Windows line ends", DIALOG_401.replace(/\n/g, "\r\n"), "jdoe@contoso.com"],
  ])("%s: the 401 and the address, and no message", (_name, message, address) => {
    const failure = readLastTestFailure("", "", message);
    expect(failure).toEqual({ family: "sign-in-refused", httpStatus: 401, ...(address ? { address } : {}) });
  });

  it("Dynamics' own words after the dialog are the message", () => {
    const message = `${DIALOG_401_UNTAGGED}\nThe remote server returned an error: (401) Unauthorized.`;
    expect(readLastTestFailure("", "", message)?.message).toBe("The remote server returned an error: (401) Unauthorized.");
  });

  it.each([
    ["a request line", "POST https://outlook.office365.com/EWS/Exchange.asmx HTTP/1.1"],
    ["a status line", "HTTP/1.1 503 Service Unavailable"],
    ["Content-Type", "Content-Type: text/xml; charset=utf-8"],
    ["Host", "Host: mail.contoso.com"],
    ["an X- header", "X-FEServer: EX01"],
    ["a header in a block after its status line", "HTTP/1.1 503 Service Unavailable\nRetry-After: 30\nPersistent: yes"],
  ])("%s on its own is not the message", (_name, lines) => {
    const failure = readLastTestFailure("", "", `${lines}\nThe server cannot service this request right now. Try again later.`);
    expect(failure?.message).toBe("The server cannot service this request right now. Try again later.");
  });

  it("a line that only looks like a header is Dynamics' words", () => {
    expect(readLastTestFailure("", "", "Details: The remote server returned an error: (401) Unauthorized.")?.message).toBe(
      "Details: The remote server returned an error: (401) Unauthorized.",
    );
  });

  it("Exchange's message from the dialog's SOAP fault still comes first", () => {
    const kb = DIALOG_401.replace("HTTP/1.1 401 Unauthorized", "HTTP/1.1 500 Internal Server Error").concat(
      '\n<Trace Tag="EwsResponse"><s:Fault><faultcode>a:ErrorNonExistentMailbox</faultcode><faultstring>The SMTP address has no mailbox associated with it.</faultstring></s:Fault></Trace>',
    );
    expect(readLastTestFailure("", "", kb)).toMatchObject({ family: "no-mailbox", message: "The SMTP address has no mailbox associated with it." });
  });
});

const REQUEST_FOR = (address: string): string =>
  '<Trace Tag="EwsRequest" Tid="534" Time="2024-05-02 09:14:07Z" Version="15.00.1076.004">\n' +
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header>' +
  `<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${address}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>` +
  "</soap:Header><soap:Body><m:FindFolder Traversal=\"Shallow\"/></soap:Body></soap:Envelope>\n</Trace>";
const FAULT_FOR = (address: string): string =>
  '<Trace Tag="EwsResponse" Tid="534" Time="2024-05-02 09:14:07Z"><s:Envelope><s:Body><s:Fault><faultcode>a:ErrorNonExistentMailbox</faultcode>' +
  "<faultstring>The SMTP address has no mailbox associated with it.</faultstring><detail><e:ResponseCode>ErrorNonExistentMailbox</e:ResponseCode>" +
  `<e:Message>The SMTP address has no mailbox associated with it.</e:Message><t:MessageXml><t:Value Name="SmtpAddress">${address}</t:Value>` +
  "</t:MessageXml></detail></s:Fault></s:Body></s:Envelope></Trace>";

/**
 * SPEC §5: each column is "at most 2,084 characters" and "the text is cut at 2,084 characters anywhere"; the address is
 * "from SmtpAddress in the request or the fault's Value Name="SmtpAddress"". A value that runs to the end of its column
 * may be cut, so it is never taken, and the next column's text is not its continuation: each column is read on its own.
 */
describe("each column is read on its own: a value cut by the end of its column is never taken (SPEC §5)", () => {
  const request = REQUEST_FOR("contoso\\jdoe");
  const stumpAt = request.indexOf("contoso\\jdoe") + "contoso\\jd".length;

  it("a request cut inside the address, with the fault's full address after it: the fault's address", () => {
    const cut = request.slice(0, stumpAt);
    expect(cut.endsWith("<t:SmtpAddress>contoso\\jd")).toBe(true);
    expect(readLastTestFailure(cut, FAULT_FOR("contoso\\jdoe"), "")).toEqual({
      family: "no-mailbox",
      code: "ErrorNonExistentMailbox",
      message: "The SMTP address has no mailbox associated with it.",
      address: "contoso\\jdoe",
    });
  });

  it("a request cut inside the address, padded to the column's 2,084 characters", () => {
    const padded = `${" ".repeat(2_084 - stumpAt)}${request.slice(0, stumpAt)}`;
    expect(padded).toHaveLength(2_084);
    expect(readLastTestFailure(padded, FAULT_FOR("contoso\\jdoe"), "")?.address).toBe("contoso\\jdoe");
  });

  it("a request cut inside the address and a fault that names none: no address", () => {
    const failure = readLastTestFailure(request.slice(0, stumpAt), headersOnly401(), "The remote server returned an error: (401) Unauthorized.");
    expect(failure).toMatchObject({ family: "sign-in-refused", httpStatus: 401 });
    expect(failure?.address).toBeUndefined();
  });

  it("the request cut at every position: the address is the whole one or none", () => {
    for (let cut = 0; cut <= request.length; cut++) {
      expect(readLastTestFailure(request.slice(0, cut), FAULT_FOR("contoso\\jdoe"), "<x>")?.address).toBe("contoso\\jdoe");
      expect([undefined, "contoso\\jdoe"]).toContain(readLastTestFailure(request.slice(0, cut), headersOnly401(), "<x>")?.address);
    }
  });

  it("a response cut inside its code, with a tag in Dynamics' message: no partial code", () => {
    const fault = FAULT_FOR("contoso\\jdoe");
    const cut = fault.slice(0, fault.indexOf("ErrorNonExistentMailbox</e:ResponseCode>") + "ErrorNonExistent".length);
    const failure = readLastTestFailure("", cut, "<b>Test Connection failed.</b>");
    expect([undefined, "ErrorNonExistentMailbox"]).toContain(failure?.code);
  });

  it("a response cut inside its message, with a tag in Dynamics' message: not a partial message", () => {
    const answer = '<m:ResponseCode>ErrorMailboxMoveInProgress</m:ResponseCode><m:MessageText>Mailbox move in progress. Try again later.</m:MessageText>';
    const cut = answer.slice(0, answer.indexOf("Try again"));
    const failure = readLastTestFailure("", cut, "<b>Test Connection failed.</b>");
    expect(failure?.code).toBe("ErrorMailboxMoveInProgress");
    expect(failure?.message).not.toBe("Mailbox move in progress.");
  });
});

function headersOnly401(): string {
  return '<Trace Tag="EwsResponseHttpHeaders" Tid="17" Time="2024-05-02 09:14:07Z">\nHTTP/1.1 401 Unauthorized\nContent-Length: 0\n\n</Trace>';
}

/** A message worth a sentence: a letter or a digit in any script, and no space at either end. */
const SHOWABLE = /^\S(?:.*\S)?$/su;
const hasWords = (message: string): boolean => SHOWABLE.test(message) && /[\p{L}\p{N}]/u.test(message);

/**
 * SPEC §5: what the reader finds is "Exchange's or Dynamics' message" and, for anything else, "the code and message as
 * given, nothing invented". A message of spaces, an invisible character or a lone mark is nothing given: the field is
 * absent, so the advice never reads "failed with ." with an empty slot.
 */
describe("never an empty message slot: nothing to show means no message field (SPEC §5)", () => {
  it.each([
    ["an invisible character as Exchange's message", "<m:ResponseCode>ErrorAccessDenied</m:ResponseCode><m:MessageText>&#x200B;</m:MessageText>", ""],
    ["a lone > as Exchange's message", "<m:ResponseCode>ErrorAccessDenied</m:ResponseCode><m:MessageText>&gt;</m:MessageText>", ""],
    ["an escaped space as the fault's string", "<faultcode>a:ErrorAccessDenied</faultcode><faultstring>&#160;&#x3000;</faultstring>", ""],
    ["dots before a status in Dynamics' message", "", "...\n\u200b\nHTTP/1.1 401 Unauthorized"],
    ["only list marks and an invisible space before a status line", "", "- > \u2060\nHTTP/1.1 503 Service Unavailable"],
  ])("%s", (_name, response, message) => {
    const failure = readLastTestFailure("", response, message);
    expect(failure).toBeDefined();
    expect(failure).not.toHaveProperty("message");
  });

  it("a message with nothing to show does not hide the next one that has words", () => {
    const answer =
      "<m:MessageText>&#x200B;</m:MessageText><m:ResponseCode>ErrorAccessDenied</m:ResponseCode>" +
      "<m:MessageText>Access is denied. Check credentials and try again.</m:MessageText>";
    expect(readLastTestFailure("", answer, "")?.message).toBe("Access is denied. Check credentials and try again.");
  });

  it("a failing direction whose reason is an invisible character shows its status line", () => {
    expect(readLastTestFailure("", "", "Incoming Status: Success\nOutgoing Status: Failure - \u200b")?.message).toBe("Outgoing Status: Failure");
  });

  it("Dynamics' line with words after lines without any", () => {
    expect(readLastTestFailure("", "", "- > \u2060\n...\nThe request failed with HTTP status 503")?.message).toBe("The request failed with HTTP status 503");
  });

  it("Dynamics' words after an empty Exchange message", () => {
    const failure = readLastTestFailure("", "<faultcode>a:ErrorAccessDenied</faultcode><faultstring>&#x200B;</faultstring>", "Access is denied.");
    expect(failure?.message).toBe("Access is denied.");
  });

  it("on any text, a message is either absent or has words (property-based)", () => {
    const piece = fc.constantFrom(
      "<m:MessageText>", "</m:MessageText>", "<faultstring>", "<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>", "&#x200B;", "&#160;", "&gt;",
      "\u200b", "\u2060", "\u00a0", " ", "\n", "\r\n", ">", "-", "*", ".", "…", "Error :", "HTTP/1.1 401 Unauthorized", "(401) ", "Outgoing Status: Failure - ",
      "Incoming Status: Success", "Content-Type: text/xml", "<Trace>", "</Trace>", "failed", "x",
    );
    const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, text, text, (request, response, message) => {
        const failure = readLastTestFailure(request, response, message);
        if (failure !== undefined && "message" in failure) expect(hasWords(failure.message ?? "")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
