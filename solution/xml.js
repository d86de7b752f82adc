/**
 * The XML files of a solution zip, made the way SolutionPackager packs its unpacked layout: the source
 * Solution.xml and Customizations.xml with the version, the package type and the control filled in.
 * fast-xml-parser's builder writes them, so every value is escaped.
 */
const { XMLBuilder } = require("fast-xml-parser");

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });

/** RootComponent type 66 is a custom control; behavior 0 includes it with all its subcomponents. */
const CUSTOM_CONTROL = "66";

/** Solution.xml for one zip: its version, Managed 0 or 1 (the source says 2, "both"), and the control as its root component. */
function solutionXml({ source, version, managed, schemaName }) {
  const document = structuredClone(source.solution);
  const manifest = document.ImportExportXml.SolutionManifest;
  manifest.Version = version;
  manifest.Managed = managed ? "1" : "0";
  manifest.RootComponents = { RootComponent: { "@type": CUSTOM_CONTROL, "@schemaName": schemaName, "@behavior": "0" } };
  return builder.build(document);
}

/** Customizations.xml for the zips: the source's, naming the control and its built manifest. */
function customizationsXml({ source, schemaName }) {
  const document = structuredClone(source.customizations);
  document.ImportExportXml.CustomControls = { CustomControl: { Name: schemaName, FileName: `/Controls/${schemaName}/ControlManifest.xml` } };
  return builder.build(document);
}

/** Declares a content type for every file extension the zip holds. */
function contentTypesXml(extensions) {
  const typeOf = (extension) => (extension === "xml" ? "text/xml" : "application/octet-stream");
  return builder.build({
    "?xml": { "@version": "1.0", "@encoding": "utf-8" },
    Types: {
      "@xmlns": "http://schemas.openxmlformats.org/package/2006/content-types",
      Default: [...new Set(extensions)].sort().map((extension) => ({ "@Extension": extension, "@ContentType": typeOf(extension) })),
    },
  });
}

module.exports = { solutionXml, customizationsXml, contentTypesXml };
