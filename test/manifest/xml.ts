/** Small DOM helpers for reading manifest.xml (needs a DOMParser: run under jest-environment-jsdom). */

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

export function childElements(parent: Element): Element[] {
  return Array.from(parent.children);
}

/** The only child of `parent` named `localName` in `ns`; throws when absent or repeated. */
export function child(parent: Element, ns: string, localName: string): Element {
  const found = childElements(parent).filter(
    (c) => c.namespaceURI === ns && c.localName === localName,
  );
  if (found.length !== 1) {
    throw new Error(`<${parent.localName}> has ${found.length} <${localName}> children, not 1`);
  }
  return found[0];
}

export function descendants(root: Element | Document, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

export function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, "type");
}

/** Attribute that must be present. */
export function attr(element: Element, name: string): string {
  const value = element.getAttribute(name);
  if (value === null) throw new Error(`<${element.localName}> lacks the ${name} attribute`);
  return value;
}

/**
 * The children's names, re-sorted into schema order. Equal to the actual names exactly when the
 * children already stand in schema order; names the schema does not list sort last, so they show
 * up in the diff too.
 */
export function inSchemaOrder(names: readonly string[], order: readonly string[]): string[] {
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}
