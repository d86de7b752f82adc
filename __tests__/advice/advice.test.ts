import fc from "fast-check";
import { buildAdvice } from "../../EmailProfileValidator/advice/advice";
import { resolveConfiguration } from "../../EmailProfileValidator/advice/configuration";
import { nonRoutableSuffix, validateUserName } from "../../EmailProfileValidator/validation";

const account = fc.string({ unit: fc.constantFrom("j", "d", "o", "e", ".", "+", "_", "%", "'"), minLength: 1, maxLength: 8 });
const domain = fc.constantFrom("contoso.com", "contoso.local", "corp.test", "home.arpa", "fabrikam.co.uk", "contoso", "x.example", "contoso.onmicrosoft.com", "a_b.com");
const address = fc.tuple(account, domain).map(([a, d]) => `${a}@${d}`);
const value = fc.oneof(address, fc.tuple(fc.constantFrom("CONTOSO", "FABRIKAM"), account).map(([d, a]) => `${d}\\${a}`), account);

describe("suggestions under the control's own options (property-based)", () => {
  // SPEC §1–§2: Exchange Online needs a verified, routable UPN suffix, so under entra no suggestion, directory
  // ones included, may have a non-routable suffix or an error; under mailserver only cleanup is ever offered.
  it("under Exchange Online (server type 3), no suggestion has a non-routable suffix or an error", () => {
    fc.assert(
      fc.property(value, fc.array(address, { maxLength: 6 }), fc.array(address, { maxLength: 6 }), fc.constantFrom("", "contoso.local", "contoso.com"), (typed, found, forAccount, suffix) => {
        const configuration = resolveConfiguration({ serverType: 3, credentialRetrieval: 1, defaultUpnSuffix: suffix, domainSuffixes: "CONTOSO=contoso.local;FABRIKAM=fabrikam.co.uk" });
        const result = validateUserName(typed, configuration.options);
        const advice = buildAdvice({
          result,
          options: configuration.options,
          finding: { status: "found", mailboxes: [], suggestions: found },
          accountFinding: { status: "found", mailboxes: [], suggestions: forAccount },
          value: typed,
          settled: true,
          userNameInUse: true,
        });
        for (const suggestion of advice.suggestions) {
          expect(nonRoutableSuffix(suggestion.value.slice(suggestion.value.indexOf("@") + 1))).toBeUndefined();
          expect(validateUserName(suggestion.value, configuration.options).problems.filter((problem) => problem.severity === "error")).toEqual([]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("under POP3/IMAP (server types 1 and 4), the only suggestion ever made is cleanup, directory answers or not", () => {
    fc.assert(
      fc.property(fc.oneof(value, fc.string({ maxLength: 30 })), fc.array(address, { maxLength: 4 }), fc.constantFrom(1, 4), (typed, found, serverType) => {
        const configuration = resolveConfiguration({ serverType, credentialRetrieval: 1, defaultUpnSuffix: "contoso.com", domainSuffixes: "CONTOSO=contoso.com" });
        const advice = buildAdvice({
          result: validateUserName(typed, configuration.options),
          options: configuration.options,
          finding: { status: "found", mailboxes: [], suggestions: found },
          value: typed,
          settled: true,
          userNameInUse: true,
        });
        expect(advice.suggestions.every((suggestion) => suggestion.source === "cleanup")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
