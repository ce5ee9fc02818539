import { parseA1, sheetRef } from "../../core/model/address";
import { A1 } from "../../core/model/brand";
import { ColumnChart, GeneratedSheet, PlanCell } from "../../core/model/write-plan";
import { absolute } from "./print-setup";
import { escapeAttr, escapeText } from "./xml";

/** A native clustered column chart (DrawingML) and the drawing anchor that places it on the sheet. */
export const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The cells of a one-column range, top to bottom, as the plan fills them. */
function cellsOf(sheet: GeneratedSheet, range: A1): (PlanCell | undefined)[] {
  const [a, b = a] = range.split(":");
  const from = parseA1(a ?? "");
  const to = parseA1(b ?? "");
  if (!from || !to) throw new Error(`Chart range "${range}" is not a range of cells.`);
  const out: (PlanCell | undefined)[] = [];
  for (let r = Math.min(from.row0, to.row0); r <= Math.max(from.row0, to.row0); r++)
    out.push(sheet.rows[r]?.[Math.min(from.col0, to.col0)]);
  return out;
}

/**
 * The cached values: Excel recalculates a chart from its cells, but viewers that do not (previews,
 * LibreOffice on open, mail clients) draw the cache, so it holds the plan's values.
 */
function cache(tag: "strCache" | "numCache", cells: (PlanCell | undefined)[]): string {
  const pts = cells.flatMap((cell, i) => {
    const v = cell?.v;
    if (v === null || v === undefined || (tag === "numCache" && typeof v !== "number")) return [];
    if (typeof v === "number" && !Number.isFinite(v)) return [];
    return [`<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`];
  });
  const format = tag === "numCache" ? "<c:formatCode>General</c:formatCode>" : "";
  return `<c:${tag}>${format}<c:ptCount val="${cells.length}"/>${pts.join("")}</c:${tag}>`;
}

const ref = (sheet: GeneratedSheet, range: A1): string =>
  `<c:f>${escapeText(sheetRef(sheet.name, absolute(range)))}</c:f>`;

const rich = (text: string): string =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** xl/charts/chartN.xml: elements in the schema's order (CT_ChartSpace, CT_BarSer, CT_CatAx...). */
export function chartSpaceXml(sheet: GeneratedSheet, chart: ColumnChart): string {
  const categories = cellsOf(sheet, chart.categories);
  const series = chart.series.map(
    (s, i) =>
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef>${ref(sheet, chart.categories)}${cache("strCache", categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef>${ref(sheet, s.values)}${cache("numCache", cellsOf(sheet, s.values))}</c:numRef></c:val></c:ser>`,
  );
  const axis = `<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`;
  const ticks = `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${rich(chart.title)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/>${axis}<c:axPos val="b"/>${ticks}<c:crossAx val="${VAL_AX}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/>${axis}<c:axPos val="l"/><c:majorGridlines/>${ticks}<c:crossAx val="${CAT_AX}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

function marker(tag: "from" | "to", cell: A1, past: number): string {
  const at = parseA1(cell);
  if (!at) throw new Error(`Chart corner "${cell}" is not a cell.`);
  return `<xdr:${tag}><xdr:col>${at.col0 + past}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row0 + past}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/**
 * A twoCellAnchor covering `from` to `to` inclusive (its end is the top-left corner of the cell
 * past `to`), so the chart moves and resizes with its cells. `ns` declares the prefixes when the
 * anchor goes into a drawing that does not bind them itself.
 */
export function anchorXml(chart: ColumnChart, id: number, relId: string, ns = ""): string {
  return (
    `<xdr:twoCellAnchor${ns}>${marker("from", chart.from, 0)}${marker("to", chart.to, 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeAttr(chart.name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}">` +
    `<c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${escapeAttr(relId)}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export const ANCHOR_NS = ` xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}"`;

/** A new drawing part holding only our anchors. */
export const drawingXml = (anchors: string): string =>
  `${XML_DECL}<xdr:wsDr${ANCHOR_NS}>${anchors}</xdr:wsDr>`;
