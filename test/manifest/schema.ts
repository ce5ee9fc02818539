/**
 * Facts from the manifest schemas that Office validates against: OfficeAppManifestv1.1.xsd
 * (OfficeApp, then its TaskPaneApp extension) and TaskPaneAppVersionOverridesV1_0.xsd.
 * A child out of order fails validation and sideloading.
 */

export const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];

export const OFFICE_APP_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

/** Child order inside VersionOverrides, by element name. */
export const NESTED_ORDERS: Readonly<Record<string, readonly string[]>> = {
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
  ],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};

/** Resource collections, and the longest text Office accepts in each (null: not text). */
export const COLLECTIONS = {
  Images: null,
  Urls: null,
  ShortStrings: 125,
  LongStrings: 250,
} as const;
export type Collection = keyof typeof COLLECTIONS;

/** Which collection an element's resid must point into. */
export function collectionFor(element: Element): Collection {
  const name = element.localName;
  if (name === "Image") return "Images";
  if (name === "FunctionFile" || name === "SourceLocation" || name === "LearnMoreUrl") {
    return "Urls";
  }
  if (name === "Label" || name === "Title") return "ShortStrings";
  if (name === "Description") return "LongStrings";
  throw new Error(`no known resource collection for <${name} resid>`);
}

/** Longest display name Office accepts. */
export const DISPLAY_NAME_MAX = 125;
/** Longest resid Office accepts. */
export const RESID_MAX = 32;
/** Longest group or control id Office accepts. */
export const CONTROL_ID_MAX = 125;
