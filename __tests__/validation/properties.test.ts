import fc from "fast-check";
import { validateUserName, type ValidationOptions } from "../../EmailProfileValidator/validation";

/** Every invariant is checked on at least this many generated inputs. */
const RUNS = 10_000;

/** The characters that matter to the rules, mixed with anything at all. */
const interestingChar = fc.constantFrom(
  "a", "Z", "0", ".", "-", "_", "@", "\\", "/", ";", ",", " ", "\t", "\n", "\"", "'", "<", ">", "(", ")", "[", "]", ":",
  "+", "$", "%", "&", "*", "=", "?", "{", "}", "|", "`", "!", "#", "^", "~",
  "\u00a0", "\u200b", "\u200f", "\u2060", "\ufeff", "\u00ad", "\u00e9", "\u201c", "\u201d", "\u0001",
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

const suffix = fc.oneof(domain, fc.constantFrom("contoso.com", "fabrikam.co.uk", "contoso.local", "not a domain", "@contoso.com.", ""));
const options: fc.Arbitrary<ValidationOptions> = fc.record(
  {
    defaultUpnSuffix: suffix,
    domainSuffixes: fc.dictionary(label, suffix, { maxKeys: 3 }),
    target: fc.constantFrom("exchange" as const, "entra" as const),
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
          expect(verdict.kind).toBe("upn");
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
