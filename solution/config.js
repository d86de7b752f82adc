/** The solution's metadata: read from solution.config.json and checked before anything is built. */
const fs = require("fs");
const path = require("path");

const CONFIG_PATH = path.join(__dirname, "solution.config.json");
const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PREFIX = /^[a-z][a-z0-9]{1,7}$/;
const OPTION_VALUE_PREFIX_RANGE = [10000, 99999];

class PackError extends Error {}

function isLocalizedText(value) {
  return typeof value === "object" && value !== null && typeof value["1033"] === "string" && value["1033"].trim() !== "";
}

/** Every problem with the config, each naming the field and the file to fix. */
function configProblems(config) {
  const where = "solution/solution.config.json";
  const problems = [];
  const publisher = config.publisher ?? {};
  if (!UNIQUE_NAME.test(config.uniqueName ?? "")) problems.push(`${where}: uniqueName must be letters, digits and _ (got ${JSON.stringify(config.uniqueName)}).`);
  if (!isLocalizedText(config.localizedNames)) problems.push(`${where}: localizedNames needs an English ("1033") name.`);
  if (!UNIQUE_NAME.test(publisher.uniqueName ?? "")) problems.push(`${where}: publisher.uniqueName must be letters, digits and _ (got ${JSON.stringify(publisher.uniqueName)}).`);
  if (!isLocalizedText(publisher.localizedNames)) problems.push(`${where}: publisher.localizedNames needs an English ("1033") name.`);
  if (!PREFIX.test(publisher.customizationPrefix ?? "")) {
    problems.push(`${where}: publisher.customizationPrefix must be 2 to 8 lower-case letters or digits, starting with a letter (got ${JSON.stringify(publisher.customizationPrefix)}).`);
  }
  const optionValuePrefix = publisher.customizationOptionValuePrefix;
  if (!Number.isInteger(optionValuePrefix) || optionValuePrefix < OPTION_VALUE_PREFIX_RANGE[0] || optionValuePrefix > OPTION_VALUE_PREFIX_RANGE[1]) {
    problems.push(`${where}: publisher.customizationOptionValuePrefix must be a whole number from 10000 to 99999 (got ${JSON.stringify(optionValuePrefix)}).`);
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
