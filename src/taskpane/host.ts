/**
 * Where the pane runs. Inside Excel, Office.onReady names the host and platform; in a plain
 * browser it resolves with a null host and `Excel` is undefined: that is the file mode, where
 * the user opens a workbook file instead of working on the open one.
 */

export type HostState =
  { readonly kind: "excel"; readonly platform: string } | { readonly kind: "file" };

/** What Office.onReady resolves with; both fields are null outside Office. */
export interface ReadyInfo {
  readonly host: Office.HostType | null;
  readonly platform: Office.PlatformType | null;
}

// office.js's enums hold strings at run time ("Excel", "PC", …), whatever the typings say.
const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  PC: "Windows",
  OfficeOnline: "web",
  Mac: "Mac",
  iOS: "iPad",
  Android: "Android",
  Universal: "Windows",
};

export function hostStateOf(info: ReadyInfo | undefined): HostState {
  if (info == null || String(info.host) !== "Excel") return { kind: "file" };
  const platform = String(info.platform);
  return { kind: "excel", platform: PLATFORM_NAMES[platform] ?? platform };
}

/**
 * Office's display language inside Office (File > Options > Language), the browser's otherwise.
 * Outside a host, office.js leaves Office.context without a display language.
 */
export function displayLanguage(host: HostState): string | undefined {
  if (host.kind === "excel" && typeof Office !== "undefined") {
    return Office.context.displayLanguage;
  }
  return typeof navigator === "undefined" ? undefined : navigator.language;
}
