/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml. `office-addin-manifest validate` sends the manifest to an online
 * service; these tests cover what that service and Office would reject, without a network.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, enUsOverrides, loadManifest } from "./addin-manifest";
import { readPng } from "./png";
import {
  COLLECTIONS,
  CONTROL_ID_MAX,
  DISPLAY_NAME_MAX,
  NESTED_ORDERS,
  OFFICE_APP_ORDER,
  OFFICE_APP_REQUIRED,
  RESID_MAX,
  collectionFor,
  type Collection,
} from "./schema";
import { NS, attr, child, childElements, descendants, inSchemaOrder, xsiType } from "./xml";

const { doc, app, overrides, resourceEntries, resource } = loadManifest();
const residUsers = Array.from(doc.querySelectorAll("[resid]"));

/** Every URL the manifest gives Office, with where it came from. */
function manifestUrls(): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  const urlElements = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"];
  const holders = [
    ...urlElements.flatMap((name) => descendants(app, NS.app, name)),
    ...resourceEntries("Images"),
    ...resourceEntries("Urls"),
  ];
  for (const holder of holders) {
    const where = holder.getAttribute("id") ?? holder.localName;
    urls.push({ where, url: attr(holder, "DefaultValue") });
    for (const o of childElements(holder).filter((c) => c.localName === "Override")) {
      urls.push({ where: `${where} (${o.getAttribute("Locale")})`, url: attr(o, "Value") });
    }
  }
  for (const domain of descendants(app, NS.app, "AppDomain")) {
    urls.push({ where: "AppDomain", url: domain.textContent ?? "" });
  }
  return urls;
}

/** Width and height of the PNG an https://…/assets/… URL names, read from the repository. */
function pngSizeAt(url: string): { width: number; height: number } {
  const { pathname } = new URL(url);
  expect(pathname).toMatch(/^\/assets\/[\w.-]+\.png$/);
  const file = path.join(ROOT, pathname);
  expect(existsSync(file)).toBe(true);
  const { width, height } = readPng(readFileSync(file), pathname);
  return { width, height };
}

describe("manifest.xml structure", () => {
  test("is an add-in only task pane manifest for Excel", () => {
    expect(app.namespaceURI).toBe(NS.app);
    expect(app.localName).toBe("OfficeApp");
    expect(xsiType(app)).toBe("TaskPaneApp");
    expect(attr(child(child(app, NS.app, "Hosts"), NS.app, "Host"), "Name")).toBe("Workbook");
    expect(xsiType(overrides)).toBe("VersionOverridesV1_0");
    const hosts = descendants(overrides, NS.ov, "Host");
    expect(hosts.map(xsiType)).toEqual(["Workbook"]);
  });

  test("OfficeApp's children stand in schema order, once each, with the required ones", () => {
    const names = childElements(app).map((c) => c.localName);
    expect(names).toEqual(inSchemaOrder(names, OFFICE_APP_ORDER));
    expect(new Set(names).size).toBe(names.length);
    for (const name of OFFICE_APP_REQUIRED) expect(names).toContain(name);
  });

  test.each(Object.entries(NESTED_ORDERS))("<%s> children stand in schema order", (name, order) => {
    const elements = descendants(doc, "*", name).filter((e) => e.namespaceURI !== NS.app);
    expect(elements.length).toBeGreaterThan(0);
    for (const element of elements) {
      const names = childElements(element).map((c) => c.localName);
      expect(names).toEqual(inSchemaOrder(names, order));
    }
  });

  test("identity, version and permissions", () => {
    const text = (name: string) => child(app, NS.app, name).textContent?.trim();
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    // Office wants four parts; the first three follow package.json.
    expect(text("Version")).toBe(`${pkg.version}.0`);
    expect(text("ProviderName")).toBeTruthy();
    expect(text("DefaultLocale")).toBe("vi-VN");
    expect(text("Permissions")).toBe("ReadWriteDocument");
  });

  test("requires ExcelApi 1.7, the level of Office 2019, and nothing newer", () => {
    const sets = child(child(app, NS.app, "Requirements"), NS.app, "Sets");
    expect(sets.getAttribute("DefaultMinVersion")).toBe("1.1");
    const declared = childElements(sets).map((s) => [attr(s, "Name"), attr(s, "MinVersion")]);
    // Raising this drops Office 2019 users; newer APIs are feature-detected instead.
    expect(declared).toEqual([["ExcelApi", "1.7"]]);
  });

  test("control, group and task pane ids are unique", () => {
    const ids = [
      ...[
        ...descendants(overrides, NS.ov, "Group"),
        ...descendants(overrides, NS.ov, "Control"),
      ].map((e) => attr(e, "id")),
      ...descendants(overrides, NS.ov, "TaskpaneId").map((e) => e.textContent ?? ""),
    ];
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(CONTROL_ID_MAX);
  });
});

describe("manifest.xml resources", () => {
  test("every resid names a resource of the right kind, defined exactly once", () => {
    expect(residUsers.length).toBeGreaterThan(0);
    for (const user of residUsers) {
      const id = attr(user, "resid");
      expect(id.length).toBeLessThanOrEqual(RESID_MAX);
      expect(() => resource(collectionFor(user), id)).not.toThrow();
    }
  });

  test("every resource is used and its id is unique", () => {
    const used = new Set(residUsers.map((u) => attr(u, "resid")));
    const defined = (Object.keys(COLLECTIONS) as Collection[]).flatMap((c) =>
      resourceEntries(c).map((e) => attr(e, "id")),
    );
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  test("every display name, description, label and tooltip has one English override", () => {
    const strings = [
      child(app, NS.app, "DisplayName"),
      child(app, NS.app, "Description"),
      ...resourceEntries("ShortStrings"),
      ...resourceEntries("LongStrings"),
    ];
    expect(strings.length).toBeGreaterThan(2);
    for (const element of strings) {
      const where = element.getAttribute("id") ?? element.localName;
      expect([where, attr(element, "DefaultValue").trim().length > 0]).toEqual([where, true]);
      const english = enUsOverrides(element);
      expect([where, english.length]).toEqual([where, 1]);
      expect([where, attr(english[0], "Value").trim().length > 0]).toEqual([where, true]);
    }
  });

  test("strings fit Office's length limits", () => {
    const limit = (element: Element, max: number) => {
      const texts = [
        attr(element, "DefaultValue"),
        ...enUsOverrides(element).map((o) => attr(o, "Value")),
      ];
      for (const text of texts) expect([text, text.length <= max]).toEqual([text, true]);
    };
    limit(child(app, NS.app, "DisplayName"), DISPLAY_NAME_MAX);
    for (const e of resourceEntries("ShortStrings")) limit(e, COLLECTIONS.ShortStrings);
    for (const e of resourceEntries("LongStrings")) limit(e, COLLECTIONS.LongStrings);
  });

  test("every URL is https", () => {
    const urls = manifestUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const { where, url } of urls) {
      expect([where, new URL(url).protocol]).toEqual([where, "https:"]);
    }
  });
});

describe("manifest.xml icons", () => {
  test("IconUrl is a 32 px PNG and HighResolutionIconUrl a 64 px PNG", () => {
    for (const [name, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const) {
      const url = attr(child(app, NS.app, name), "DefaultValue");
      expect(pngSizeAt(url)).toEqual({ width: size, height: size });
    }
  });

  test("ribbon icons come in 16, 32 and 80 px, each a PNG of its stated size", () => {
    const icons = descendants(overrides, NS.ov, "Icon");
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const images = childElements(icon);
      expect(images.map((i) => attr(i, "size"))).toEqual(["16", "32", "80"]);
      for (const image of images) {
        const size = Number(attr(image, "size"));
        const url = attr(resource("Images", attr(image, "resid")), "DefaultValue");
        const png = pngSizeAt(url);
        expect([url, png.width, png.height]).toEqual([url, size, size]);
      }
    }
  });
});
