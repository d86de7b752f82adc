import fc from "fast-check";
import { nonRoutableSuffix, validateUserName, type ValidationOptions } from "../../EmailProfileValidator/validation";

/** Every invariant is checked on at least this many generated inputs. */
const RUNS = 10_000;

/** The characters that matter to the rules, mixed with anything at all. */
const interestingChar = fc.constantFrom(
  "a", "Z", "0", ".", "-", "_", "@", "\\", "/", ";", ",", " ", "\t", "\n", "\"", "'", "<", ">", "(", ")", "[", "]", ":",
  "+", "$", "%", "&", "*", "=", "?", "{", "}", "|", "`", "!", "#", "^", "~",
  "\u00a0", "\u200b", "\u200f", "\u2060", "\ufeff", "\u00ad", "\u00e9", "\u201c", "\u201d", "\u0001",
  "\u3000", "\u202e", "\u2066", "\u061c", "\u202f", "\u2028", "\ufe0f", "\u{e0041}", "\u300c", "\u300d", "?",
);
const label = fc.string({ unit: fc.constantFrom("a", "b", "x", "0", "-", "_"), minLength: 0, maxLength: 8 });
const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));
const account = fc.string({ unit: fc.constantFrom("j", "D", "o", ".", "+", " ", "'", "\u00e9"), minLength: 0, maxLength: 10 });
const wrap = fc.constantFrom("", " ", "\u200b", "\"", "<", "mailto:", "\t");

/** Realistic shapes (with their typical mistakes) as well as noise. */
const userName = fc.oneof(
  fc.string({ unit: interestingChar, maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.tuple(account, domain).map(([a, d]) => `${a}@${d}`),
  fc.tuple(label, account).map(([d, a]) => `${d}\\${a}`),
  fc.tuple(label, account).map(([d, a]) => `${d}/${a}`),
  fc.tuple(wrap, account, domain, wrap).map(([w1, a, d, w2]) => `${w1}${a}@${d}${w2}`),
  fc.tuple(wrap, label, account, wrap).map(([w1, d, a, w2]) => `${w1}${d}\\${a}${w2}`),
);

const suffix = fc.oneof(
  domain,
  fc.constantFrom("contoso.com", "fabrikam.co.uk", "contoso.local", "corp.test", "home.arpa", "x.example", "contoso.123", "not a domain", "@contoso.com.", ""),
);
const options: fc.Arbitrary<ValidationOptions> = fc.record(
  {
    defaultUpnSuffix: suffix,
    domainSuffixes: fc.dictionary(label, suffix, { maxKeys: 3 }),
    target: fc.constantFrom("exchange" as const, "entra" as const, "mailserver" as const),
    required: fc.boolean(),
  },
  { requiredKeys: [] },
);

const settings = { numRuns: RUNS };

describe("validateUserName invariants (property-based)", () => {
  it("never throws, on any string and any options", () => {
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        validateUserName(value, opts);
      }),
      settings,
    );
  });

  it("offers only UPNs that pass with no error under the same options, and differ from the input", () => {
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        for (const suggestion of validateUserName(value, opts).suggestions) {
          const verdict = validateUserName(suggestion.value, opts);
          // SPEC §1: under mailserver the one cleanup suggestion is of whatever kind the cleaned log-on is.
          if (opts.target !== "mailserver") expect(verdict.kind).toBe("upn");
          expect(verdict.problems.filter((p) => p.severity === "error")).toEqual([]);
          expect(suggestion.value).not.toBe(value);
        }
      }),
      settings,
    );
  });

  it("a suggestion never needs cleaning up itself", () => {
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        for (const suggestion of validateUserName(value, opts).suggestions) {
          expect(validateUserName(suggestion.value, opts).suggestions.filter((s) => s.source === "cleanup")).toEqual([]);
        }
      }),
      settings,
    );
  });

  it("never offers the same address twice", () => {
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        const values = validateUserName(value, opts).suggestions.map((s) => s.value.toLowerCase());
        expect(new Set(values).size).toBe(values.length);
      }),
      settings,
    );
  });

  it("is a pure function of its input, and leaves its options untouched", () => {
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        const before = JSON.stringify(opts);
        expect(validateUserName(value, opts)).toEqual(validateUserName(value, opts));
        expect(JSON.stringify(opts)).toBe(before);
      }),
      settings,
    );
  });

  it("reports its severity as the worst problem's, with problems worst first", () => {
    const rank = { info: 1, warning: 2, error: 3 };
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        const result = validateUserName(value, opts);
        const ranks = result.problems.map((p) => rank[p.severity]);
        expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
        expect(result.severity).toBe(result.problems[0]?.severity ?? "ok");
      }),
      settings,
    );
  });

  it("never treats upper case as a problem", () => {
    fc.assert(
      fc.property(userName, (value) => {
        // Case mapping can change length or make non-ASCII letters (ß → SS): compare only plain ASCII input.
        fc.pre([...value].every((c) => c.charCodeAt(0) < 0x80));
        const lower = validateUserName(value.toLowerCase()).problems.map((p) => p.code);
        const upper = validateUserName(value.toUpperCase()).problems.map((p) => p.code);
        expect(upper).toEqual(lower);
      }),
      settings,
    );
  });
});

/** Every code point with the property, read from the engine's own Unicode tables. */
function codePointsWith(property: RegExp): string[] {
  const found: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (property.test(char)) found.push(char);
  }
  return found;
}

describe("paste debris and Entra (property-based)", () => {
  // Unicode PropList.txt / DerivedCoreProperties.txt, as the JavaScript engine ships them.
  const debrisChar = fc.constantFrom(...codePointsWith(/[\p{White_Space}\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u));
  const quote = fc.constantFrom(...codePointsWith(/\p{Quotation_Mark}/u));
  const debris = fc.string({ unit: debrisChar, minLength: 1, maxLength: 4 });
  const lettersAndDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("");
  const atom = fc.string({ unit: fc.constantFrom(...lettersAndDigits, "-", "_", "'", "!", "#", "^", "~"), minLength: 1, maxLength: 8 });
  const cleanLocal = fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join("."));
  const hostLabel = fc.string({ unit: fc.constantFrom(...lettersAndDigits), minLength: 1, maxLength: 10 });
  const topLevel = fc.constantFrom("com", "co.uk", "org", "de", "jp", "cn", "onmicrosoft.com");
  const cleanAddress = fc.tuple(cleanLocal, fc.array(hostLabel, { minLength: 1, maxLength: 2 }), topLevel)
    .map(([local, hosts, tld]) => `${local}@${hosts.join(".")}.${tld}`)
    .filter((address) => validateUserName(address).problems.length === 0);
  const displayName = fc.string({ unit: fc.constantFrom("J", "o", "h", "n", " ", ",", "D", "e"), minLength: 1, maxLength: 12 });

  /** The paste forms of SPEC §1's wrapped-address row, each around the address. */
  const pasteForm = fc.oneof(
    fc.constant((a: string) => a),
    fc.constant((a: string) => `mailto:${a}`),
    fc.constant((a: string) => `mailto:${a}?subject=Hello%20there&cc=x@contoso.com`),
    fc.constant((a: string) => `SMTP:${a}`),
    fc.constant((a: string) => `smtp:${a}`),
    fc.constant((a: string) => `<${a}>`),
    displayName.map((name) => (a: string) => `${name} <${a}>`),
    displayName.map((name) => (a: string) => `${name} [mailto:${a}]`),
    fc.tuple(quote, quote).map(([open, close]) => (a: string) => `${open}${a}${close}`),
    fc.constantFrom(";", ",", "\\").map((tail) => (a: string) => `${a}${tail}`),
  );

  it("any clean address wrapped in debris characters or a paste form yields it as the first suggestion", () => {
    fc.assert(
      fc.property(cleanAddress, pasteForm, debris, debris, fc.boolean(), (address, form, before, after, around) => {
        const pasted = around ? `${before}${form(address)}${after}` : form(`${before}${address}${after}`);
        fc.pre(pasted !== address);
        expect(validateUserName(pasted).suggestions[0]).toEqual({ value: address, source: "cleanup" });
      }),
      settings,
    );
  });

  it("under Entra, no suggestion ever has a non-routable suffix, whatever the settings", () => {
    fc.assert(
      fc.property(userName, options, (value, opts) => {
        for (const suggestion of validateUserName(value, { ...opts, target: "entra" }).suggestions) {
          expect([suggestion.value, nonRoutableSuffix(suggestion.value.slice(suggestion.value.indexOf("@") + 1))]).toEqual([suggestion.value, undefined]);
        }
      }),
      settings,
    );
  });
});
