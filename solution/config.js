/**
 * The solution's metadata, kept once in SolutionPackager's unpacked layout (src/Other/Solution.xml and
 * Customizations.xml, as `pac solution init` makes them), read and checked before anything is built.
 */
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const SOURCE_DIR = path.join(__dirname, "src", "Other");
const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PREFIX = /^[a-z][a-z0-9]{1,7}$/;
/**
 * Dataverse keeps every prefix that starts with this for itself. Microsoft Learn, "Create, export, or import an
 * unmanaged solution", Create a solution publisher: "The prefix must be between two and eight characters long, and can
 * contain only alphanumeric characters. It cannot start with 'mscrm'."
 */
const RESERVED_PREFIX_START = "mscrm";
const OPTION_VALUE_PREFIX_RANGE = [10000, 99999];
/** Dataverse's column lengths: solution.uniquename, publisher.uniquename, friendlyname, description. */
const LIMITS = { solutionUniqueName: 65, publisherUniqueName: 256, name: 256, description: 2000 };
/**
 * XML 1.0 allows tab, line feed and carriage return among the C0 controls; nothing else below U+0020, no
 * U+FFFE/U+FFFF, no half surrogate pair. DEL and the C1 controls (U+007F–U+009F) are "discouraged" by XML 1.0
 * §2.2 and are never text a name or description means to hold (U+0085 is a line break, U+009B a terminal escape).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const NOT_XML_SAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LCID = /^[1-9][0-9]{3,4}$/;

class PackError extends Error {}

const where = "solution/src/Other/Solution.xml";
const show = (value) => JSON.stringify(value) ?? String(value);

/** Text is kept as written (no numbers, no booleans), so what is checked is what is packed. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["LocalizedName", "Description", "Address", "Language"].includes(name),
});

/** A text that Dataverse will take: a string, XML-safe, within its column's length. */
function textProblems(field, value, limit, required) {
  if (value === undefined && !required) return [];
  if (typeof value !== "string") return [`${where}: ${field} must be text (got ${show(value)}).`];
  if (required && value.trim() === "") return [`${where}: ${field} must not be empty.`];
  if (NOT_XML_SAFE.test(value)) return [`${where}: ${field} holds a control character that XML cannot carry; remove it.`];
  if (value.length > limit) return [`${where}: ${field} has ${value.length} characters; Dataverse allows ${limit}.`];
  return [];
}

/** { "1033": "text", ... }: LCIDs as numbers, English present when required. */
function localizedProblems(field, value, limit, requireEnglish) {
  if (value === undefined && !requireEnglish) return [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [`${where}: ${field} must list texts by language code, such as languagecode="1033" (got ${show(value)}).`];
  }
  const problems = [];
  if (requireEnglish && !("1033" in value)) problems.push(`${where}: ${field} needs an English (languagecode="1033") entry.`);
  for (const [lcid, text] of Object.entries(value)) {
    if (!LCID.test(lcid)) problems.push(`${where}: ${field} has languagecode "${lcid}", which is not a language code (LCID) such as 1033.`);
    problems.push(...textProblems(`${field}[${lcid}]`, text, limit, lcid === "1033" && requireEnglish));
  }
  return problems;
}

function uniqueNameProblems(field, value, limit) {
  const text = textProblems(field, value, limit, true);
  if (text.length > 0) return text;
  return UNIQUE_NAME.test(value) ? [] : [`${where}: ${field} must be letters, digits and _ (got ${show(value)}).`];
}

function prefixProblems(prefix) {
  if (typeof prefix !== "string" || !PREFIX.test(prefix)) {
    return [`${where}: Publisher/CustomizationPrefix must be 2 to 8 lower-case letters or digits, starting with a letter (got ${show(prefix)}).`];
  }
  return prefix.startsWith(RESERVED_PREFIX_START)
    ? [`${where}: Publisher/CustomizationPrefix "${prefix}" is reserved by Dataverse: a prefix cannot start with "${RESERVED_PREFIX_START}"; choose your own.`]
    : [];
}

/** Every problem with the metadata, each naming the element and the file to fix. */
function configProblems(config) {
  if (typeof config !== "object" || config === null || Array.isArray(config)) return [`${where}: must hold an ImportExportXml/SolutionManifest.`];
  const problems = [];
  const publisher = config.publisher;
  problems.push(...uniqueNameProblems("UniqueName", config.uniqueName, LIMITS.solutionUniqueName));
  problems.push(...localizedProblems("LocalizedNames", config.localizedNames, LIMITS.name, true));
  problems.push(...localizedProblems("Descriptions", config.descriptions, LIMITS.description, false));
  if (typeof publisher !== "object" || publisher === null) return [...problems, `${where}: Publisher is missing.`];
  problems.push(...uniqueNameProblems("Publisher/UniqueName", publisher.uniqueName, LIMITS.publisherUniqueName));
  problems.push(...localizedProblems("Publisher/LocalizedNames", publisher.localizedNames, LIMITS.name, true));
  problems.push(...localizedProblems("Publisher/Descriptions", publisher.descriptions, LIMITS.description, false));
  problems.push(...prefixProblems(publisher.customizationPrefix));
  const optionValuePrefix = publisher.customizationOptionValuePrefix;
  if (!Number.isInteger(optionValuePrefix) || optionValuePrefix < OPTION_VALUE_PREFIX_RANGE[0] || optionValuePrefix > OPTION_VALUE_PREFIX_RANGE[1]) {
    problems.push(`${where}: Publisher/CustomizationOptionValuePrefix must be a whole number from 10000 to 99999 (got ${show(optionValuePrefix)}).`);
  }
  return problems;
}

/** <LocalizedName description="…" languagecode="1033"/> elements as { "1033": "…" }; undefined when the element is absent. */
function textsByLanguage(element, child) {
  if (element === undefined) return undefined;
  if (element === "") return {};
  const entries = Array.isArray(element?.[child]) ? element[child] : [];
  return Object.fromEntries(entries.map((entry) => [String(entry["@languagecode"]), entry["@description"]]));
}

/** "40571" as a number, anything else as written, so the check can say what it got. */
const wholeNumber = (text) => (typeof text === "string" && /^\d+$/.test(text) ? Number(text) : text);

/** The metadata the checks and the packer need, from a parsed Solution.xml. */
function configOf(solutionDocument) {
  const manifest = solutionDocument?.ImportExportXml?.SolutionManifest;
  if (typeof manifest !== "object" || manifest === null) return null;
  const publisher = manifest.Publisher;
  return {
    uniqueName: manifest.UniqueName,
    localizedNames: textsByLanguage(manifest.LocalizedNames, "LocalizedName"),
    descriptions: textsByLanguage(manifest.Descriptions, "Description"),
    version: manifest.Version,
    publisher:
      typeof publisher === "object" && publisher !== null
        ? {
            uniqueName: publisher.UniqueName,
            localizedNames: textsByLanguage(publisher.LocalizedNames, "LocalizedName"),
            descriptions: textsByLanguage(publisher.Descriptions, "Description"),
            customizationPrefix: publisher.CustomizationPrefix,
            customizationOptionValuePrefix: wholeNumber(publisher.CustomizationOptionValuePrefix),
          }
        : undefined,
  };
}

/** The first control character in the text, raw or written as a character reference, which the parser would drop unseen. */
function controlCharacterIn(xml) {
  const raw = NOT_XML_SAFE.exec(xml);
  if (raw) return { at: raw.index, shown: `U+${raw[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` };
  for (const reference of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = reference[1][0] === "x" ? parseInt(reference[1].slice(1), 16) : parseInt(reference[1], 10);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : "\uffff";
    if (NOT_XML_SAFE.test(char)) return { at: reference.index, shown: reference[0] };
  }
  return undefined;
}

const RESAVE = "re-save it as UTF-8 (in VS Code: Save with Encoding, UTF-8; in Notepad: Save As, Encoding UTF-8)";

/**
 * The file's text, read as Dataverse reads a solution: UTF-8, with or without a byte order mark. Anything else
 * is refused, not guessed at: a Latin-1 byte would become U+FFFD and "Prüfer" would import as "PrÃ¼fer".
 */
function decodeUtf8(bytes, name) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new PackError(`${name} is saved as UTF-16; ${RESAVE}.`);
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PackError(`${name} is not valid UTF-8 (it looks saved in another encoding, such as Windows-1252); ${RESAVE}.`);
  }
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw new PackError(`${name} declares encoding="${declared}"; a solution's XML is UTF-8: ${RESAVE}, and declare encoding="utf-8".`);
  }
  return text;
}

function parseSourceFile(file) {
  const name = path.relative(process.cwd(), file);
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new PackError(`Cannot read ${name}: ${error.message}`);
  }
  const xml = decodeUtf8(bytes, name);
  const control = controlCharacterIn(xml);
  if (control) {
    const line = xml.slice(0, control.at).split("\n").length;
    throw new PackError(`${name} line ${line} holds a control character (${control.shown}) that XML cannot carry; remove it.`);
  }
  // A solution file never needs a DOCTYPE; its entities would be packed unexpanded, or fetch an outside file.
  if (/<!DOCTYPE/i.test(xml)) throw new PackError(`${name} has a <!DOCTYPE>, which a solution file never needs; remove it, and write any entity out as text.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new PackError(`${name} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`);
  return parser.parse(xml);
}

const customizationsWhere = "solution/src/Other/Customizations.xml";

/** Customizations.xml as the packer fills it in: an ImportExportXml root, and the languages it ships (1033 among them). */
function customizationsProblems(document) {
  // An empty <ImportExportXml/> parses as "": the right root with nothing in it.
  const root = document?.ImportExportXml === "" ? {} : document?.ImportExportXml;
  if (typeof root !== "object" || root === null) return [`${customizationsWhere}: the root element must be <ImportExportXml>, as pac solution init writes it.`];
  const languages = root.Languages?.Language;
  const lcids = Array.isArray(languages) ? languages.map(String) : [];
  if (lcids.length === 0) return [`${customizationsWhere}: <Languages> must list at least <Language>1033</Language>.`];
  const problems = lcids.filter((lcid) => !LCID.test(lcid)).map((lcid) => `${customizationsWhere}: <Language>${lcid}</Language> is not a language code (LCID) such as 1033.`);
  if (!lcids.includes("1033")) problems.push(`${customizationsWhere}: <Languages> needs <Language>1033</Language>.`);
  return problems;
}

/** Both source documents, parsed, and the checked metadata; throws a PackError naming what to fix. */
function readSolutionSource(sourceDir = SOURCE_DIR) {
  const solution = parseSourceFile(path.join(sourceDir, "Solution.xml"));
  const customizations = parseSourceFile(path.join(sourceDir, "Customizations.xml"));
  const config = configOf(solution);
  const problems = [...configProblems(config), ...customizationsProblems(customizations)];
  if (problems.length > 0) throw new PackError(problems.join("\n"));
  return { solution, customizations, config };
}

module.exports = { SOURCE_DIR, PackError, configProblems, customizationsProblems, readSolutionSource };
