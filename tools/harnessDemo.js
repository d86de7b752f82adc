/**
 * What `npm start` shows a newcomer: Microsoft's test harness on a copy of the built control whose
 * manifest gives the harness a first view worth judging — a down-level name with its one-click fix,
 * English strings, credentials in use, no placeholder settings. The built control and the solution
 * are untouched: the copy lives in out/harness and only the harness reads it.
 *
 * The harness's own page loads React and ReactDOM from unpkg.com. The copy carries that page with the two
 * scripts served from node_modules instead, so `npm start` works with no internet at all: pcf-start serves
 * the code folder before its own files, so this index.html is the one the browser gets.
 */
const fs = require("fs");
const path = require("path");
const { XMLBuilder, XMLParser } = require("fast-xml-parser");

const ROOT = path.join(__dirname, "..");
const HARNESS_PAGE = path.join(ROOT, "node_modules", "pcf-start", "index.html");
/** The harness page's scripts from unpkg.com, each served from the package the project installs. */
const UNPKG_SCRIPT = /https:\/\/unpkg\.com\/(react|react-dom)@[^/"]+\/umd\/([\w.-]+\.js)/g;
const VENDOR = "vendor";
const BUILT_DIR = path.join(ROOT, "out", "controls", "EmailProfileValidator");
const DEMO_DIR = path.join(ROOT, "out", "harness", "EmailProfileValidator");
/** The harness starts each Data Inputs box at the manifest's default-value, else at `val` or `0`. */
const DEMO_INPUTS = {
  userName: "contoso\\jdoe",
  // 1: credentials specified in the email server profile, the only mode that sends this name.
  credentialRetrieval: "1",
  serverType: "0",
  defaultUpnSuffix: "",
  // A configured suffix: the first view's one-click fix is backed by a setting, never a guess.
  domainSuffixes: "CONTOSO=contoso.com",
  lastTestRequest: "",
  lastTestResponse: "",
  lastTestMessage: "",
  // The harness's own retrieveMultipleRecords only raises an alert ("not yet supported"): no look-ups in the demo,
  // and no section to read (the browser suite shows the section with a Web API behind the page).
  checkMailbox: "off",
  profileHealth: "off",
};
/** The harness merges every resx into one table and the last to load wins; the platform picks the user's language. */
const DEMO_STRINGS = "strings/EmailProfileValidator.1033.resx";

const options = { ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["property", "resx", "code", "value", "type"].includes(name) };
const parser = new XMLParser(options);
const builder = new XMLBuilder({ ...options, format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });

/** The built manifest with the demo's starting values and English strings only. */
function demoManifest(builtXml) {
  const document = parser.parse(builtXml);
  const control = document.manifest.control;
  for (const property of control.property) {
    if (property["@name"] in DEMO_INPUTS) property["@default-value"] = DEMO_INPUTS[property["@name"]];
  }
  control.resources.resx = control.resources.resx.filter((resx) => resx["@path"] === DEMO_STRINGS);
  return builder.build(document);
}

/**
 * The harness page with every unpkg.com script replaced by a copy under vendor/, and the copies to make. A page
 * whose scripts cannot all be served locally is refused, so `npm start` never depends on the internet unnoticed.
 * @param {string} html
 * @returns {{ page: string, copies: Map<string, string> }} the page, and each vendor/ file name with the file it copies
 */
function offlinePage(html) {
  /** @type {Map<string, string>} */
  const copies = new Map();
  const page = html.replace(UNPKG_SCRIPT, (_url, name, file) => {
    copies.set(file, path.join(ROOT, "node_modules", name, "umd", file));
    return `${VENDOR}/${file}`;
  });
  const remote = /<script[^>]+src="(https?:[^"]+)"/.exec(page);
  if (remote) throw new Error(`pcf-start's index.html loads ${remote[1]}, which tools/harnessDemo.js cannot serve offline.`);
  return { page, copies };
}

/** Copies the built control into the demo folder with the demo manifest and the offline page; run after every build. */
function prepareDemo(builtDir = BUILT_DIR, demoDir = DEMO_DIR) {
  fs.mkdirSync(path.join(demoDir, "strings"), { recursive: true });
  fs.mkdirSync(path.join(demoDir, VENDOR), { recursive: true });
  const { page, copies } = offlinePage(fs.readFileSync(HARNESS_PAGE, "utf8"));
  for (const [file, source] of copies) fs.copyFileSync(source, path.join(demoDir, VENDOR, file));
  fs.writeFileSync(path.join(demoDir, "index.html"), page);
  fs.copyFileSync(path.join(builtDir, "bundle.js"), path.join(demoDir, "bundle.js"));
  fs.copyFileSync(path.join(builtDir, DEMO_STRINGS), path.join(demoDir, DEMO_STRINGS));
  fs.writeFileSync(path.join(demoDir, "ControlManifest.xml"), demoManifest(fs.readFileSync(path.join(builtDir, "ControlManifest.xml"), "utf8")));
  return demoDir;
}

module.exports = { DEMO_DIR, DEMO_INPUTS, demoManifest, offlinePage, prepareDemo };
