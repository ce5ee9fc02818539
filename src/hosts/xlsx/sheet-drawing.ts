import { ColumnChart, GeneratedSheet } from "../../core/model/write-plan";
import { ANCHOR_NS, A_NS, XDR_NS, anchorXml, chartSpaceXml, drawingXml } from "./chart-parts";
import { Changes, REL, editList, relativeTo } from "./package-changes";
import { Relationship, relsPathOf } from "./package";
import { DefinedName } from "./workbook-parts";
import {
  XmlElement,
  appendTo,
  attributes,
  children,
  descendants,
  escapeAttr,
  parsePart,
  rootElement,
  splice,
} from "./xml";

const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/**
 * Our record of the charts placed on a sheet, a hidden name like the sheet's tag: a chart that a
 * later plan no longer has is still known as ours and removed, while a chart the user added to
 * the sheet (any other name) is left alone. Excel caps a string constant at 255 characters.
 */
export const CHARTS_NAME = "ISHC_Charts";
const MAX_CONSTANT = 255;

export function chartRecord(charts: readonly ColumnChart[] | undefined): DefinedName[] {
  const names = (charts ?? []).map((c) => c.name);
  const quoted = (n: readonly string[]): string => JSON.stringify(n).replace(/"/g, '""');
  while (names.length && quoted(names).length > MAX_CONSTANT) names.pop();
  return names.length ? [{ name: CHARTS_NAME, value: `"${quoted(names)}"`, hidden: true }] : [];
}

export function recordedCharts(value: string | undefined): string[] {
  const m = /^\s*"([\s\S]*)"\s*$/.exec(value ?? "");
  try {
    const names: unknown = m ? JSON.parse(m[1]!.replace(/""/g, '"')) : [];
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
  } catch {
    return [];
  }
}

interface Anchor {
  readonly el: XmlElement;
  /** The graphic frame's name (cNvPr), for a chart. */
  readonly name?: string;
  /** The drawing's relationship to the chart part. */
  readonly chartRel?: string;
}

/** The anchors of a drawing part, with the name and chart of those that hold a chart. */
function anchorsOf(xml: string, root: XmlElement): Anchor[] {
  return children(xml, root)
    .filter((el) => el.local.endsWith("Anchor") || el.local === "AlternateContent")
    .map((el) => {
      const inside = descendants(xml, el.openEnd, el.closeStart);
      const name = inside
        .filter((d) => d.local === "cNvPr")
        .map((d) => attributes(xml, d).get("name"))
        .find((v) => v !== undefined);
      const rel = inside
        .filter((d) => d.local === "chart")
        .map((d) => [...attributes(xml, d)].find(([k]) => /^[\w.-]+:id$/.test(k))?.[1])
        .find((v) => v !== undefined);
      return name !== undefined &&
        rel !== undefined &&
        inside.some((d) => d.local === "graphicFrame")
        ? { el, name, chartRel: rel }
        : { el };
    });
}

const nextId = (used: Set<string>): string => {
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  used.add(`rId${n}`);
  return `rId${n}`;
};

/**
 * Drops what hangs off one of our old charts: its .rels and the style and colour parts Excel adds
 * beside a chart when it saves (one per chart, never shared). With `part` too unless it is reused.
 */
function dropChart(changes: Changes, part: string, reused: boolean): void {
  for (const r of changes.pkg.rels(part))
    if (!r.external && /^xl\/(charts|drawings)\//i.test(r.target)) {
      changes.remove(r.target);
      changes.remove(relsPathOf(r.target));
    }
  changes.remove(relsPathOf(part));
  if (!reused) changes.remove(part);
}

/**
 * Places the plan's charts on a generated sheet and returns the sheet's relationship id for its
 * drawing (undefined: no drawing). A chart is ours when its frame bears one of the plan's chart
 * names or one `recorded` by an earlier run: those are replaced (their part names reused, so a
 * re-run writes the same package); any other anchor in the drawing (a user's picture or chart)
 * stays with its relationships.
 */
export function placeCharts(
  changes: Changes,
  sheetPart: string,
  sheet: GeneratedSheet,
  recorded: readonly string[],
): string | undefined {
  const { pkg } = changes;
  const charts = sheet.charts ?? [];
  const sheetRels: Relationship[] = pkg.entry(sheetPart) ? pkg.rels(sheetPart) : [];
  const rel = sheetRels.find(
    (r) => r.type.endsWith("/drawing") && !r.external && pkg.entry(r.target),
  );
  if (!rel && charts.length === 0) return undefined;
  const part = rel?.target ?? changes.freshName("xl/drawings/", "drawing");
  const drawingRels = relsPathOf(part);
  const old = rel ? pkg.text(part) : undefined;
  const oldRels = rel ? pkg.rels(part) : [];

  const names = new Set([...charts.map((c) => c.name), ...recorded]);
  const anchors = old ? parsePart(part, () => anchorsOf(old, rootElement(old))) : [];
  const mine = anchors.filter((a) => a.name !== undefined && names.has(a.name));
  const freedIds = new Set(mine.map((a) => a.chartRel!));
  const freed = [
    ...new Set(
      oldRels
        .filter((r) => freedIds.has(r.id) && !r.external && r.type.endsWith("/chart"))
        .map((r) => r.target),
    ),
  ];
  freed.forEach((c, i) => dropChart(changes, c, i < charts.length));

  if (rel && anchors.length === mine.length && charts.length === 0) {
    // The drawing held only our charts: it goes, with the sheet's relationship to it.
    changes.remove(part);
    changes.remove(drawingRels);
    editSheetRels(changes, sheetPart, sheetRels, (a) => a.get("Id") === rel.id, "");
    return undefined;
  }

  const without = old
    ? splice(
        old,
        mine.map((a) => ({ start: a.el.start, end: a.el.end, text: "" })),
      )
    : "";
  const ids = old
    ? parsePart(part, () =>
        descendants(without, 0, without.length)
          .filter((el) => el.local === "cNvPr")
          .map((el) => attributes(without, el).get("id") ?? "")
          .filter((id) => /^\d+$/.test(id)),
      )
    : [];
  let shapeId = Math.max(1, ...ids.map(Number));
  const usedIds = new Set(oldRels.map((r) => r.id).filter((id) => !freedIds.has(id)));
  const root = old ? parsePart(part, () => rootElement(without)) : undefined;
  const a = root && attributes(without, root);
  const ns = !a || (a.get("xmlns:xdr") === XDR_NS && a.get("xmlns:a") === A_NS) ? "" : ANCHOR_NS;
  const newRels: string[] = [];
  const newAnchors = charts.map((chart, i) => {
    const chartPart = freed[i] ?? changes.freshName("xl/charts/", "chart");
    changes.setXml(chartPart, chartSpaceXml(sheet, chart));
    changes.contentType(chartPart, CHART_CT);
    const id = nextId(usedIds);
    newRels.push(
      `<Relationship Id="${id}" Type="${REL}chart" Target="${escapeAttr(relativeTo(part, chartPart))}"/>`,
    );
    return anchorXml(chart, ++shapeId, id, ns);
  });
  const anchorsXml = newAnchors.join("");
  changes.setXml(
    part,
    root ? splice(without, [appendTo(without, root, anchorsXml)]) : drawingXml(anchorsXml),
  );
  changes.contentType(part, DRAWING_CT);
  const relsXml = pkg.entry(drawingRels) ? pkg.text(drawingRels) : undefined;
  changes.setXml(
    drawingRels,
    parsePart(drawingRels, () =>
      editList(relsXml, (x) => freedIds.has(x.get("Id") ?? ""), newRels.join("")),
    ),
  );
  if (rel) return rel.id;

  // A sheet without a drawing yet gets a relationship to the new one.
  const id = nextId(new Set(sheetRels.map((r) => r.id)));
  const link = `<Relationship Id="${id}" Type="${REL}drawing" Target="${escapeAttr(relativeTo(sheetPart, part))}"/>`;
  editSheetRels(changes, sheetPart, sheetRels, () => false, link);
  return id;
}

/** Edits the sheet's .rels part (created when missing, removed when left empty). */
function editSheetRels(
  changes: Changes,
  sheetPart: string,
  rels: readonly Relationship[],
  drop: (a: Map<string, string>) => boolean,
  add: string,
): void {
  const part = relsPathOf(sheetPart);
  if (!add && rels.length === 1) return changes.remove(part);
  const xml = rels.length ? changes.pkg.text(part) : undefined;
  changes.setXml(
    part,
    parsePart(part, () => editList(xml, drop, add)),
  );
}
