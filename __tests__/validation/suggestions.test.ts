import { validateUserName, type Suggestion, type ValidationOptions } from "../../EmailProfileValidator/validation";

const CONFIGURED: ValidationOptions = {
  defaultUpnSuffix: "contoso.com",
  domainSuffixes: { fabrikam: "fabrikam.co.uk", CONTOSO: "contoso.com" },
};

const ROWS: [name: string, input: string, options: ValidationOptions, suggestions: Suggestion[]][] = [
  ["KB 3214326's own example", "contoso\\user", {}, [{ value: "user@contoso.com", source: "guess" }]],
  ["a guessed domain is lower-cased, the account keeps its case", "CONTOSO\\JDoe", {}, [{ value: "JDoe@contoso.com", source: "guess" }]],
  ["a NetBIOS name with a dot is kept as the domain", "contoso.com\\user", {}, [{ value: "user@contoso.com", source: "guess" }]],
  ["domainMap wins, any case", "FABRIKAM\\user", CONFIGURED, [{ value: "user@fabrikam.co.uk", source: "domainMap" }]],
  ["defaultSuffix for an unmapped domain", "NORTHWIND\\user", CONFIGURED, [{ value: "user@contoso.com", source: "defaultSuffix" }]],
  ["slash names are treated as down-level", "fabrikam/user", CONFIGURED, [{ value: "user@fabrikam.co.uk", source: "domainMap" }]],
  ["slash names get a guess too", "contoso/user", {}, [{ value: "user@contoso.com", source: "guess" }]],
  ["bare names take the default suffix", "user", CONFIGURED, [{ value: "user@contoso.com", source: "defaultSuffix" }]],
  ["bare names are never guessed", "user", {}, []],
  ["local machine accounts are never guessed", ".\\admin", {}, []],
  ["local machine accounts take the default suffix", ".\\admin", CONFIGURED, [{ value: "admin@contoso.com", source: "defaultSuffix" }]],
  ["clean-up alone", " user@contoso.com\u200b", {}, [{ value: "user@contoso.com", source: "cleanup" }]],
  ["clean-up of wrapping", "mailto:<user@contoso.com>", {}, [{ value: "user@contoso.com", source: "cleanup" }]],
  ["clean-up of a trailing dot", "user@contoso.com.", {}, [{ value: "user@contoso.com", source: "cleanup" }]],
  ["clean-up is folded into a rewrite", " contoso\\user ", {}, [{ value: "user@contoso.com", source: "guess" }]],
  ["no clean-up when the cleaned value still has errors", " us er@contoso.com ", {}, []],
  ["clean-up keeps a warning", " john+crm@contoso.com", {}, [{ value: "john+crm@contoso.com", source: "cleanup" }]],
  ["non-routable suffix with a default", "user@contoso.local", CONFIGURED, [{ value: "user@contoso.com", source: "defaultSuffix" }]],
  ["non-routable suffix without a default", "user@contoso.local", {}, []],
  ["missing domain with a default", "user@", CONFIGURED, [{ value: "user@contoso.com", source: "defaultSuffix" }]],
  ["a down-level name holding its own UPN", "CONTOSO\\user@contoso.com", {}, [{ value: "user@contoso.com", source: "guess" }]],
  ["an account that cannot be an address is not offered", "contoso\\us er", {}, []],
  ["a bad default suffix is ignored", "user", { defaultUpnSuffix: "not a domain" }, []],
  ["a default suffix given with @ and a trailing dot is tidied", "user", { defaultUpnSuffix: " @contoso.com. " }, [{ value: "user@contoso.com", source: "defaultSuffix" }]],
  ["a bad domain map entry falls through to the guess", "contoso\\user", { domainSuffixes: { CONTOSO: "contoso" } }, [{ value: "user@contoso.com", source: "guess" }]],
  ["a valid value gets nothing", "user@contoso.com", CONFIGURED, []],
];

describe("suggestions: complete replacement values, best first", () => {
  it.each(ROWS)("%s", (_name, input, options, expected) => {
    expect(validateUserName(input, options).suggestions).toEqual(expected);
  });
});
