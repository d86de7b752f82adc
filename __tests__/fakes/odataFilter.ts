import { badQuery } from "./errors";

/** The $filter grammar the fake evaluates; anything else is rejected by the parser, never matched loosely. */
export type Expression =
  | { kind: "and" | "or"; left: Expression; right: Expression }
  | { kind: "not"; operand: Expression }
  | { kind: "compare"; operator: CompareWord; path: Path; literal: Literal }
  | { kind: "function"; name: StringFunction; path: Path; text: string };

export type CompareWord = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type StringFunction = "startswith" | "endswith" | "contains";
/** `name`, or one hop through a single-valued navigation property: `regardingobjectid_mailbox/_emailserverprofile_value`. */
export interface Path {
  navigation?: string;
  property: string;
}
export type Literal =
  | { type: "string"; value: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "null"; value: null }
  | { type: "guid"; value: string }
  | { type: "datetime"; value: string };

type TokenKind = "(" | ")" | "," | "/" | "string" | "number" | "guid" | "datetime" | "word" | "end";
interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

const COMPARE_WORDS = new Set<string>(["eq", "ne", "gt", "ge", "lt", "le"]);
const STRING_FUNCTIONS = new Set<string>(["startswith", "endswith", "contains"]);
/** Sticky patterns, compiled once: each tries to read one token exactly where the scanner stands. */
const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y;
const DATETIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?(?![\w:.+-])/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w.])/y;
const WORD = /[A-Za-z_][\w.]*/y;

function readSticky(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** The end of a quoted literal starting at `at`, where `''` stands for one quote. */
function stringEnd(source: string, at: number): number {
  for (let index = at + 1; index < source.length; index++) {
    if (source[index] !== "'") continue;
    if (source[index + 1] === "'") index++;
    else return index;
  }
  throw badQuery(`There is an unterminated string literal at position ${at} in '${source}'.`);
}

/** Reads tokens on demand, so the parser can name an unsupported construct before reaching characters it would not lex. */
class Lexer {
  private readonly tokens: Token[] = [];
  private at = 0;

  constructor(private readonly source: string) {}

  token(index: number): Token {
    while (this.tokens.length <= index && this.tokens[this.tokens.length - 1]?.kind !== "end") this.tokens.push(this.scan());
    return this.tokens[Math.min(index, this.tokens.length - 1)];
  }

  private scan(): Token {
    const source = this.source;
    while (source[this.at] === " ") this.at++;
    const at = this.at;
    if (at >= source.length) return { kind: "end", text: "", at };
    const character = source[at];
    if ("(),/".includes(character)) {
      this.at++;
      return { kind: character as TokenKind, text: character, at };
    }
    if (character === "'") {
      const end = stringEnd(source, at);
      this.at = end + 1;
      return { kind: "string", text: source.slice(at + 1, end).split("''").join("'"), at };
    }
    const [kind, text] = scanValue(source, at);
    this.at += text.length;
    return { kind, text, at };
  }
}

/** A GUID, an ISO date/time, a number or a word; the order matters, since a GUID may start with digits. */
function scanValue(source: string, at: number): [TokenKind, string] {
  for (const [kind, pattern] of [["guid", GUID], ["datetime", DATETIME], ["number", NUMBER], ["word", WORD]] as const) {
    const text = readSticky(pattern, source, at);
    if (text !== undefined) return [kind, text];
  }
  throw badQuery(`Syntax error: character '${source[at]}' is not valid at position ${at} in '${source}'.`);
}

/** Recursive descent over: or := and ('or' and)*; and := unary ('and' unary)*; unary := 'not' unary | primary. */
class Parser {
  private position = 0;

  private readonly lexer: Lexer;

  constructor(private readonly source: string) {
    this.lexer = new Lexer(source);
  }

  parse(): Expression {
    const expression = this.parseOr();
    if (this.peek().kind !== "end") throw this.unexpected();
    return expression;
  }

  private peek(offset = 0): Token {
    return this.lexer.token(this.position + offset);
  }

  private next(): Token {
    const token = this.peek();
    this.position++;
    return token;
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.kind === "word" && token.text === text;
  }

  private expect(kind: TokenKind): Token {
    if (this.peek().kind !== kind) throw this.unexpected();
    return this.next();
  }

  private unexpected(): Error {
    const token = this.peek();
    const found = token.kind === "end" ? "end of input" : `'${token.text}'`;
    return badQuery(`Syntax error at position ${token.at} in '${this.source}': unexpected ${found}.`);
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseUnary();
    while (this.isWord("and")) {
      this.next();
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expression {
    if (!this.isWord("not")) return this.parsePrimary();
    this.next();
    return { kind: "not", operand: this.parseUnary() };
  }

  private parsePrimary(): Expression {
    const token = this.peek();
    if (token.kind === "(") {
      this.next();
      const inner = this.parseOr();
      this.expect(")");
      return inner;
    }
    if (token.kind !== "word") throw badQuery(`Unsupported $filter at position ${token.at} in '${this.source}': a comparison must start with a property name.`);
    if (this.peek(1).kind === "(") return this.parseFunction();
    const path = this.parsePath();
    const operator = this.next();
    if (operator.kind !== "word" || !COMPARE_WORDS.has(operator.text)) {
      throw badQuery(`Unsupported $filter operator '${operator.text}' at position ${operator.at} in '${this.source}'; supported: eq ne gt ge lt le.`);
    }
    return { kind: "compare", operator: operator.text as CompareWord, path, literal: this.parseLiteral() };
  }

  private parseFunction(): Expression {
    const name = this.next();
    if (!STRING_FUNCTIONS.has(name.text)) throw badQuery(`Unsupported query function '${name.text}' in '${this.source}'; supported: startswith, endswith, contains.`);
    this.expect("(");
    const path = this.parsePath();
    this.expect(",");
    const argument = this.next();
    if (argument.kind !== "string") throw badQuery(`The second argument of ${name.text} must be a string literal in '${this.source}'.`);
    this.expect(")");
    if (this.peek().kind === "word" && COMPARE_WORDS.has(this.peek().text)) {
      throw badQuery(`Comparing the result of ${name.text} is not supported in '${this.source}'; use ${name.text}(…) or not ${name.text}(…).`);
    }
    return { kind: "function", name: name.text as StringFunction, path, text: argument.text };
  }

  private parsePath(): Path {
    const first = this.expect("word").text;
    if (this.peek().kind !== "/") return { property: first };
    this.next();
    const second = this.expect("word");
    if (this.peek().kind === "(") throw badQuery(`Lambda and bound functions ('${second.text}') are not supported in '${this.source}'.`);
    if (this.peek().kind === "/") throw badQuery(`Only one navigation step is supported in '${this.source}'.`);
    return { navigation: first, property: second.text };
  }

  private parseLiteral(): Literal {
    const token = this.next();
    switch (token.kind) {
      case "string":
        return { type: "string", value: token.text };
      case "number":
        return { type: "number", value: Number(token.text) };
      case "guid":
        return { type: "guid", value: token.text.toLowerCase() };
      case "datetime":
        return { type: "datetime", value: token.text };
      case "word":
        if (token.text === "true" || token.text === "false") return { type: "boolean", value: token.text === "true" };
        if (token.text === "null") return { type: "null", value: null };
        throw badQuery(`Comparing a property with another property ('${token.text}') is not supported in '${this.source}'.`);
      default:
        throw badQuery(`A literal was expected at position ${token.at} in '${this.source}'.`);
    }
  }
}

/** Parses a decoded $filter value into an expression tree, or rejects with a 400 that says what was wrong. */
export function parseFilter(source: string): Expression {
  if (source.trim() === "") throw badQuery("The $filter query option is empty.");
  return new Parser(source).parse();
}
