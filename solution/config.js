/** The solution's metadata: read from solution.config.json and checked before anything is built. */
const fs = require("fs");
const path = require("path");

const CONFIG_PATH = path.join(__dirname, "solution.config.json");
const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PREFIX = /^[a-z][a-z0-9]{1,7}$/;
/** Dataverse keeps this prefix for itself. */
const RESERVED_PREFIXES = new Set(["mscrm"]);
const OPTION_VALUE_PREFIX_RANGE = [10000, 99999];
/** Dataverse's column lengths: solution.uniquename, publisher.uniquename, friendlyname, description. */
const LIMITS = { solutionUniqueName: 65, publisherUniqueName: 256, name: 256, description: 2000 };
/** XML 1.0 allows tab, line feed and carriage return among the controls; nothing else below U+0020, and no U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const NOT_XML_SAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LCID = /^[1-9][0-9]{3,4}$/;

class PackError extends Error {}

const where = "solution/solution.config.json";
const show = (value) => JSON.stringify(value) ?? String(value);

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
    return [`${where}: ${field} must be an object of language codes to text, such as { "1033": "…" } (got ${show(value)}).`];
  }
  const problems = [];
  if (requireEnglish && !("1033" in value)) problems.push(`${where}: ${field} needs an English ("1033") entry.`);
  for (const [lcid, text] of Object.entries(value)) {
    if (!LCID.test(lcid)) problems.push(`${where}: ${field} has "${lcid}", which is not a language code (LCID) such as 1033.`);
    problems.push(...textProblems(`${field}["${lcid}"]`, text, limit, lcid === "1033" && requireEnglish));
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
    return [`${where}: publisher.customizationPrefix must be 2 to 8 lower-case letters or digits, starting with a letter (got ${show(prefix)}).`];
  }
  return RESERVED_PREFIXES.has(prefix) ? [`${where}: publisher.customizationPrefix "${prefix}" is reserved by Dataverse; choose your own.`] : [];
}

/** Every problem with the config, each naming the field and the file to fix. */
function configProblems(config) {
  if (typeof config !== "object" || config === null || Array.isArray(config)) return [`${where}: must hold one JSON object.`];
  const problems = [];
  const publisher = config.publisher;
  problems.push(...uniqueNameProblems("uniqueName", config.uniqueName, LIMITS.solutionUniqueName));
  problems.push(...localizedProblems("localizedNames", config.localizedNames, LIMITS.name, true));
  problems.push(...localizedProblems("descriptions", config.descriptions, LIMITS.description, false));
  if (typeof publisher !== "object" || publisher === null) return [...problems, `${where}: publisher must be an object.`];
  problems.push(...uniqueNameProblems("publisher.uniqueName", publisher.uniqueName, LIMITS.publisherUniqueName));
  problems.push(...localizedProblems("publisher.localizedNames", publisher.localizedNames, LIMITS.name, true));
  problems.push(...localizedProblems("publisher.descriptions", publisher.descriptions, LIMITS.description, false));
  problems.push(...prefixProblems(publisher.customizationPrefix));
  const optionValuePrefix = publisher.customizationOptionValuePrefix;
  if (!Number.isInteger(optionValuePrefix) || optionValuePrefix < OPTION_VALUE_PREFIX_RANGE[0] || optionValuePrefix > OPTION_VALUE_PREFIX_RANGE[1]) {
    problems.push(`${where}: publisher.customizationOptionValuePrefix must be a whole number from 10000 to 99999 (got ${show(optionValuePrefix)}).`);
  }
  return problems;
}

function readConfig(configPath = CONFIG_PATH) {
  let config;
  try {
    config = JSON.parse(fs.readFileSync(configPath, "utf8"));
  } catch (error) {
    throw new PackError(`Cannot read ${path.relative(process.cwd(), configPath)}: ${error.message}`);
  }
  const problems = configProblems(config);
  if (problems.length > 0) throw new PackError(problems.join("\n"));
  return config;
}

module.exports = { CONFIG_PATH, PackError, configProblems, readConfig };
