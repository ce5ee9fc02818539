/** manifest.xml, parsed, with lookups for its resources (needs jest-environment-jsdom). */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Collection } from "./schema";
import { NS, attr, child, childElements, parseXml } from "./xml";

export const ROOT = path.resolve(__dirname, "../..");

export function loadManifest() {
  const doc = parseXml(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  const app = doc.documentElement;
  const overrides = child(app, NS.ov, "VersionOverrides");
  const resources = child(overrides, NS.ov, "Resources");

  function resourceEntries(collection: Collection): Element[] {
    const parent = childElements(resources).find((c) => c.localName === collection);
    return parent ? childElements(parent) : [];
  }

  /** The resource with this id; throws unless the collection defines it exactly once. */
  function resource(collection: Collection, id: string): Element {
    const found = resourceEntries(collection).filter((e) => attr(e, "id") === id);
    if (found.length !== 1) throw new Error(`${collection} defines "${id}" ${found.length} times`);
    return found[0];
  }

  return { doc, app, overrides, resources, resourceEntries, resource };
}

export function enUsOverrides(element: Element): Element[] {
  return childElements(element).filter(
    (c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US",
  );
}
