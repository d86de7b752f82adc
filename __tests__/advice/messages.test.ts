import { resolveConfiguration } from "../../EmailProfileValidator/advice/configuration";
import { describeProblem } from "../../EmailProfileValidator/advice/messages";
import { createTranslator } from "../../EmailProfileValidator/advice/strings";
import { validateUserName } from "../../EmailProfileValidator/validation";

const english = createTranslator();
const sentencesFor = (value: string): string[] => validateUserName(value).problems.map((problem) => describeProblem(problem, english));

describe("sentences name what cannot be seen", () => {
  it("names an ideographic space by code point and Unicode name, never quoting it raw", () => {
    const [sentence] = sentencesFor("jdoe\u3000@contoso.com");
    expect(sentence).toContain("U+3000 IDEOGRAPHIC SPACE");
    expect(sentence).not.toContain("\u3000");
  });

  it("names bidirectional marks and numbered variation selectors", () => {
    const [sentence] = sentencesFor("\u200fjdoe@contoso.com\ufe0f\u{e0101}");
    expect(sentence).toContain("U+200F RIGHT-TO-LEFT MARK");
    expect(sentence).toContain("U+FE0F VARIATION SELECTOR-16");
    expect(sentence).toContain("U+E0101 VARIATION SELECTOR-18");
  });

  it("falls back to the code point alone for a character it has no name for", () => {
    expect(sentencesFor("jdoe@contoso.com\u{e0041}")[0]).toContain("(U+E0041)");
  });

  it("names a combining mark in a non-ASCII sentence instead of quoting it alone", () => {
    const sentence = sentencesFor("jos\u0301e@contoso.com").find((text) => text.includes("ASCII"));
    expect(sentence).toContain("U+0301");
    expect(sentence).not.toContain("\u201c\u0301\u201d");
  });

  it("says why an all-numeric ending is not a domain", () => {
    expect(sentencesFor("user@contoso.123")).toEqual([
      "The domain ends in \u201c123\u201d, which is all digits; a mail domain ends in a name such as .com, not a number.",
    ]);
  });
});

describe("configuration notes", () => {
  it("under Exchange Online, says once that a private default or mapped suffix is not used", () => {
    const { notes } = resolveConfiguration({
      serverType: 3,
      defaultUpnSuffix: "contoso.local",
      domainSuffixes: "CONTOSO=contoso.local;FABRIKAM=fabrikam.test;NORTHWIND=northwind.com",
    });
    expect(notes).toEqual([
      { key: "Config_NonRoutableSuffix", entry: "contoso.local" },
      { key: "Config_NonRoutableSuffix", entry: "fabrikam.test" },
    ]);
  });

  it("on Exchange on-premises a private suffix is still used, so nothing is said", () => {
    expect(resolveConfiguration({ serverType: 0, defaultUpnSuffix: "contoso.local" }).notes).toEqual([]);
  });

  it("says a repeated bad entry once", () => {
    expect(resolveConfiguration({ domainSuffixes: "CONTOSO;CONTOSO" }).notes).toEqual([{ key: "Config_BadDomainEntry", entry: "CONTOSO" }]);
  });
});
