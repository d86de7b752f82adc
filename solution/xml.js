/** The XML files of a solution zip, written with fast-xml-parser's builder so every value is escaped. */
const { XMLBuilder } = require("fast-xml-parser");

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
const DECLARATION = { "?xml": { "@version": "1.0", "@encoding": "utf-8" } };
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const ENGLISH = "1033";
const nil = { "@xsi:nil": "true" };

function build(document) {
  return builder.build({ ...DECLARATION, ...document });
}

function localizedNames(names) {
  return { LocalizedName: Object.entries(names).map(([lcid, description]) => ({ "@description": description, "@languagecode": lcid })) };
}

function descriptions(texts = {}) {
  return { Description: Object.entries(texts).map(([lcid, description]) => ({ "@description": description, "@languagecode": lcid })) };
}

/** A publisher address as the platform exports it: every field present, nearly all of them nil. */
function emptyAddress(number) {
  const fields = ["City", "County", "Country", "Fax", "FreightTermsCode", "ImportSequenceNumber", "Latitude", "Line1", "Line2", "Line3", "Longitude", "Name", "PostalCode", "PostOfficeBox", "PrimaryContactName"];
  const later = ["StateOrProvince", "Telephone1", "Telephone2", "Telephone3", "TimeZoneRuleVersionNumber", "UPSZone", "UTCOffset", "UTCConversionTimeZoneCode"];
  return {
    AddressNumber: number,
    AddressTypeCode: 1,
    ...Object.fromEntries(fields.map((field) => [field, nil])),
    ShippingMethodCode: 1,
    ...Object.fromEntries(later.map((field) => [field, nil])),
  };
}

function solutionXml({ config, version, managed, schemaName }) {
  const publisher = config.publisher;
  return build({
    ImportExportXml: {
      "@version": "9.2.0.0",
      "@SolutionPackageVersion": "9.2",
      "@languagecode": ENGLISH,
      "@generatedBy": "CrmLive",
      "@xmlns:xsi": XSI,
      SolutionManifest: {
        UniqueName: config.uniqueName,
        LocalizedNames: localizedNames(config.localizedNames),
        Descriptions: descriptions(config.descriptions),
        Version: version,
        Managed: managed ? 1 : 0,
        Publisher: {
          UniqueName: publisher.uniqueName,
          LocalizedNames: localizedNames(publisher.localizedNames),
          Descriptions: descriptions(publisher.descriptions),
          EMailAddress: nil,
          SupportingWebsiteUrl: nil,
          CustomizationPrefix: publisher.customizationPrefix,
          CustomizationOptionValuePrefix: publisher.customizationOptionValuePrefix,
          Addresses: { Address: [emptyAddress(1), emptyAddress(2)] },
        },
        RootComponents: { RootComponent: { "@type": "66", "@schemaName": schemaName, "@behavior": "0" } },
        MissingDependencies: "",
      },
    },
  });
}

function customizationsXml({ schemaName }) {
  return build({
    ImportExportXml: {
      "@xmlns:xsi": XSI,
      Entities: "",
      Roles: "",
      Workflows: "",
      FieldSecurityProfiles: "",
      Templates: "",
      EntityMaps: "",
      EntityRelationships: "",
      OrganizationSettings: "",
      optionsets: "",
      CustomControls: { CustomControl: { Name: schemaName, FileName: `/Controls/${schemaName}/ControlManifest.xml` } },
      EntityDataProviders: "",
      Languages: { Language: ENGLISH },
    },
  });
}

/** Declares a content type for every file extension the zip holds. */
function contentTypesXml(extensions) {
  const typeOf = (extension) => (extension === "xml" ? "text/xml" : "application/octet-stream");
  return build({
    Types: {
      "@xmlns": "http://schemas.openxmlformats.org/package/2006/content-types",
      Default: [...new Set(extensions)].sort().map((extension) => ({ "@Extension": extension, "@ContentType": typeOf(extension) })),
    },
  });
}

module.exports = { solutionXml, customizationsXml, contentTypesXml };
