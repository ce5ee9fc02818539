import { encodingOfFont } from "../../core/text/legacy";
import { Package } from "./package";
import { WorkbookInfo } from "./workbook-parts";
import { XmlSyntaxError, attributes, children, rootElement } from "./xml";

/**
 * The legacy font (".VnTime", ".VnTimeH", "VNI-Times") of each cell style of a workbook, by
 * cellXfs index (a cell's `s` attribute; a cell without one has style 0), null for a style in any
 * other font. Null as a whole when no style uses a legacy font, which is every Unicode workbook:
 * the sheet reader then does not even read the cells' style indexes, so that reading such a
 * workbook costs nothing more. A cell's font is then one array lookup.
 */
export type XfFonts = readonly (string | null)[] | null;

/** Reads styles.xml's fonts and cellXfs; fonts are only evidence, so an unreadable part gives null. */
export function readXfFonts(pkg: Package, wb: WorkbookInfo): XfFonts {
  const rel = wb.rels.find((r) => r.type.endsWith("/styles") && !r.external);
  if (!rel || !pkg.entry(rel.target)) return null;
  try {
    return xfFonts(pkg.text(rel.target));
  } catch (e) {
    if (e instanceof XmlSyntaxError) return null;
    throw e;
  }
}

export function xfFonts(xml: string): XfFonts {
  const root = rootElement(xml);
  const kids = children(xml, root);
  const fontsEl = kids.find((k) => k.local === "fonts");
  const xfsEl = kids.find((k) => k.local === "cellXfs");
  if (!fontsEl || !xfsEl) return null;
  const legacy = children(xml, fontsEl).map((font) => {
    const nameEl = children(xml, font).find((k) => k.local === "name");
    const name = nameEl ? attributes(xml, nameEl).get("val") : undefined;
    return name !== undefined && encodingOfFont(name) !== null ? name.trim() : null;
  });
  if (legacy.every((f) => f === null)) return null;
  // Excel draws a cell in its xf's font whatever applyFont says (that flag is about inheritance).
  return children(xml, xfsEl).map(
    (xf) => legacy[Number(attributes(xml, xf).get("fontId") ?? 0)] ?? null,
  );
}
