/**
 * What each write of the Office host adds to the request that office.js sends, in UTF-8 bytes of
 * its JSON body: the sizes the write queue (batch.ts) budgets against Excel on the web's 5 MB.
 *
 * How they were derived: every operation was queued on the real office.js client (the Excel host
 * script, loaded in tests by test/office-js/request-bytes.ts) and the body it would send was
 * measured, job by job (test/office-js/request-costs.test.ts checks each function below against
 * it: never under, at most about twice over). The body is a list of object paths and actions:
 *
 * - an object path reached through a property (`range.format`, `format.font`) and the action that
 *   instantiates it: PROPERTY_PATH bytes and the property's name;
 * - one reached through a method (`getRange(address)`, `conditionalFormats.add("Custom")`):
 *   METHOD_PATH bytes, the method's name and its arguments' JSON;
 * - setting a property: SET_ACTION bytes, the property's name and the value's JSON;
 * - calling a method that returns nothing (`merge()`, `freezeRows(n)`): CALL_ACTION bytes, the
 *   name and the arguments' JSON.
 *
 * Those constants hold for 7-digit ids: office.js numbers paths and actions with one counter per
 * Excel.run, so a job late in a long run spells longer ids; 7 digits last for ten million ids,
 * gigabytes of requests, more than any run of this add-in sends. A worksheet's own path (the
 * workbook, its worksheets, the sheet by id or by name) is in a request once, whatever the number
 * of jobs on it: the queue adds SHEET_PATH once per sheet and request (WriteQueue.add's `sheet`).
 * Strings are counted exactly as JSON.stringify escapes and UTF-8 encodes them.
 */
import { TAG_NAME } from "./inventory";

/** A property's object path with its instantiate action and its id in a "last used" list. */
const PROPERTY_PATH = 154;
/** A method's object path (without its arguments) with its instantiate action. */
const METHOD_PATH = 190;
/** A SetProperty action, without the property's name and value, with its own "L":[…] list of paths last used. */
const SET_ACTION = 101;
/** A method call returning nothing, without the method's name and its arguments' array. */
const CALL_ACTION = 99;
/**
 * Arguments that are objects of the request (a range given to setValues or charts.add): their
 * "ReferencedObjectPathIds":[0,1234567,0] list.
 */
const OBJECT_ARGUMENT = 52;

/**
 * A worksheet's path in a request: the workbook, its worksheets and the sheet, by its id (a GUID
 * of 38 characters) or by its name (31 characters at most, 3 bytes each), with room to spare.
 */
export const SHEET_PATH = 600;

/** The exact UTF-8 length of JSON.stringify(s) for a string. */
export function stringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/**
 * The exact UTF-8 length of JSON.stringify(v) for the values office.js sends: strings, numbers,
 * booleans, null, and arrays and plain objects of them (undefined members left out, as JSON does).
 */
export function jsonBytes(v: unknown): number {
  if (typeof v === "string") return stringBytes(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (Array.isArray(v)) {
    let n = 1 + Math.max(1, v.length);
    for (const x of v) n += x === undefined ? 4 : jsonBytes(x);
    return n;
  }
  if (typeof v === "object" && v !== null) {
    let n = 1;
    let members = 0;
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      n += stringBytes(k) + 1 + jsonBytes(x);
      members++;
    }
    return n + Math.max(1, members);
  }
  return 4;
}

const property = (name: string): number => PROPERTY_PATH + name.length;
const method = (name: string, args: readonly unknown[]): number =>
  METHOD_PATH + name.length + jsonBytes(args);
const set = (name: string, value: unknown): number => SET_ACTION + name.length + jsonBytes(value);
const call = (name: string, args: readonly unknown[]): number =>
  CALL_ACTION + name.length + jsonBytes(args);

/** A method that returns nothing (`ws.activate()`), on an object already in the request. */
export const methodCallCost = (name: string, args: readonly unknown[]): number => call(name, args);

/**
 * Inside Excel.run office.js keeps a reference to each range it creates (so that the range could
 * be used after a sync) and releases them when the run ends: a `_KeepReference` call and one
 * more instantiate action per range or range areas.
 */
const TRACKED = call("_KeepReference", []) + 62;

/** `ws.getRange(address)`, or `ws.getRanges(address)` for several areas. */
export const rangeCost = (address: string, areas = false): number =>
  method(areas ? "GetRanges" : "GetRange", [address]) + TRACKED;

/**
 * One row of a values block, for summing a block row by row: its JSON (as in `values` or
 * `numberFormat`) and the comma after it.
 */
export const gridRowBytes = (row: readonly unknown[]): number => jsonBytes(row) + 1;

/**
 * office.js writes values, number formats and formulas of more than 1,500 cells in chunks of
 * rows (its setRangePropertiesInBulk), each chunk a range of its own, kept and released,
 * `getRow(i).getBoundingRect(getRow(j))`: about 935 bytes more per chunk and property.
 */
const BULK_CELLS = 1500;
const BULK_CHUNK = 1000;

/** What office.js adds for writing one property of `rows` × `width` cells in chunks. */
export function bulkOverhead(rows: number, width: number): number {
  if (rows * width <= BULK_CELLS) return 0;
  const perChunk = Math.max(1, Math.round(BULK_CELLS / width));
  return Math.ceil(rows / perChunk) * BULK_CHUNK;
}

/**
 * `range.numberFormat = formats; range.values = values` on `ws.getRange(address)`, a block of
 * `rows` × `width` cells, given the sums of gridRowBytes over the rows of both grids.
 */
export const valuesBlockCost = (
  address: string,
  rowBytes: number,
  rows: number,
  width: number,
): number =>
  rangeCost(address) +
  set("NumberFormat", []) +
  set("Values", []) +
  rowBytes +
  2 * bulkOverhead(rows, width);

/** `range.values = values` (or formulas) on `ws.getRange(address)`. */
export const valuesCost = (address: string, values: readonly (readonly unknown[])[]): number =>
  rangeCost(address) + set("Values", values) + bulkOverhead(values.length, values[0]?.length ?? 0);

/** What a look sets on a range's format (styles.ts `applyLook`). */
export interface LookParts {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly underline?: boolean;
  readonly fill?: string;
  readonly header?: boolean;
}

/** `applyLook(ws.getRanges(address).format, look)` (or getRange without RangeAreas). */
export function lookCost(address: string, look: LookParts, areas = true): number {
  let n = rangeCost(address, areas) + property("Format");
  const font = look.bold || look.size || look.color || look.underline;
  if (font) n += property("Font");
  if (look.bold) n += set("Bold", true);
  if (look.size) n += set("Size", look.size);
  if (look.color) n += set("Color", look.color);
  if (look.underline) n += set("Underline", "Single");
  if (look.fill) n += property("Fill") + set("Color", look.fill);
  if (look.header)
    n +=
      set("HorizontalAlignment", "Center") +
      set("VerticalAlignment", "Center") +
      set("WrapText", true);
  return n;
}

/** `ws.getRange("r:r").format.rowHeight = points`. */
export const rowHeightCost = (address: string, points: number): number =>
  rangeCost(address) + property("Format") + set("RowHeight", points);

/** `ws.getRange("C:C").format.columnWidth = points`. */
export const columnWidthCost = (address: string, points: number): number =>
  rangeCost(address) + property("Format") + set("ColumnWidth", points);

/** `ws.getRange(address).merge()` (office.js sends its optional argument as null). */
export const mergeCost = (address: string): number => rangeCost(address) + call("Merge", [null]);

/** `ws.freezePanes.freezeRows(rows)` or `ws.freezePanes.unfreeze()`. */
export const freezeCost = (rows: number): number =>
  property("FreezePanes") + (rows > 0 ? call("FreezeRows", [rows]) : call("Unfreeze", []));

/** `ws.getRange(cell).hyperlink = { documentReference: reference, textToDisplay: text }`. */
export const hyperlinkCost = (cell: string, reference: string, text?: string): number =>
  rangeCost(cell) + set("Hyperlink", { documentReference: reference, textToDisplay: text });

/**
 * `ws.getRanges(address).conditionalFormats.add("Custom")` (getRange without RangeAreas), its
 * rule's formula and its fill colour.
 */
export const conditionalFormatCost = (
  address: string,
  formula: string,
  fill: string,
  areas = true,
): number =>
  rangeCost(address, areas) +
  property("ConditionalFormats") +
  method("Add", ["Custom"]) +
  property("Custom") +
  property("Rule") +
  set("Formula", formula) +
  property("Format") +
  property("Fill") +
  set("Color", fill);

/** What a list dropdown sets on `ws.getRange(range).dataValidation`. */
export interface ValidationParts {
  readonly rule: object;
  readonly ignoreBlanks: boolean;
  readonly errorAlert: object;
  readonly prompt?: object;
}

export const validationCost = (range: string, v: ValidationParts): number =>
  rangeCost(range) +
  property("DataValidation") +
  set("Rule", v.rule) +
  set("IgnoreBlanks", v.ignoreBlanks) +
  set("ErrorAlert", v.errorAlert) +
  (v.prompt ? set("Prompt", v.prompt) : 0);

/** What page setup sets on `ws.pageLayout` and `ws.horizontalPageBreaks` (extras.ts). */
export interface PrintParts {
  readonly orientation: string;
  readonly paperSize: string;
  readonly zoom: object;
  readonly centerHorizontally?: boolean;
  readonly titleRows?: string;
  readonly area?: string;
  readonly footer?: string;
  /** The cells before which a page breaks: "A31". */
  readonly breaks: readonly string[];
}

export function printCost(p: PrintParts): number {
  let n = property("PageLayout") + set("Orientation", p.orientation);
  n += set("PaperSize", p.paperSize) + set("Zoom", p.zoom);
  if (p.centerHorizontally !== undefined) n += set("CenterHorizontally", p.centerHorizontally);
  if (p.titleRows !== undefined) n += call("SetPrintTitleRows", [p.titleRows]);
  if (p.area !== undefined) n += call("SetPrintArea", [p.area]);
  if (p.footer !== undefined)
    n +=
      property("HeadersFooters") + property("DefaultForAllPages") + set("CenterFooter", p.footer);
  if (p.breaks.length > 0) n += property("HorizontalPageBreaks");
  for (const cell of p.breaks) n += method("Add", [cell]);
  return n;
}

/** A column chart as charts.ts builds it: its source, name, title, series and position. */
export interface ChartParts {
  readonly name: string;
  readonly title: string;
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  readonly from: string;
  readonly to: string;
}

export function chartCost(c: ChartParts): number {
  const first = c.series[0]?.values ?? "";
  let n = rangeCost(c.categories) + rangeCost(first) + property("Charts");
  n += method("Add", ["ColumnClustered", null, "Columns"]) + OBJECT_ARGUMENT;
  n += set("Name", c.name) + property("Title") + set("Text", c.title) + set("Visible", true);
  n += property("Series");
  c.series.forEach((s, i) => {
    n += i === 0 ? method("GetItemAt", [0]) : method("Add", [s.name]);
    n += set("Name", s.name) + rangeCost(s.values);
    n += call("SetValues", [null]) + OBJECT_ARGUMENT + call("SetXAxisValues", [null]);
    n += OBJECT_ARGUMENT;
  });
  return n + call("SetPosition", [c.from, c.to]);
}

/*
 * The requests office-workbook.ts queues around the generated sheets. Each includes its worksheet's
 * path (SHEET_PATH), since the sheet may not be in the request yet, and room for an object id that
 * Excel spells longer than a GUID.
 */

/** Room for one id Excel gave an object (a conditional format's, a chart's): up to 64 chars. */
const OBJECT_ID = 66;

/** Deleting one of our conditional formats, loaded from `ws.getRange().conditionalFormats`. */
export const formatDeleteCost = (): number =>
  SHEET_PATH +
  rangeCost("") +
  property("ConditionalFormats") +
  PROPERTY_PATH +
  OBJECT_ID +
  call("Delete", []);

/** Deleting one of our charts, loaded from `ws.charts`. */
export const chartDeleteCost = (): number =>
  SHEET_PATH + property("Charts") + PROPERTY_PATH + OBJECT_ID + call("Delete", []);

/** `context.workbook.worksheets.add(name)`. */
export const sheetAddCost = (name: string): number => SHEET_PATH + method("Add", [name]);

/** Room for the tag's formula (`="ishc:findings"`) and for the comment of a new tag. */
const TAG_FORMULA = stringBytes("x".repeat(40));
const TAG_COMMENT = stringBytes("x".repeat(120));

/**
 * Preparing a sheet of ours (office-workbook.ts `prepare`), the larger of its two branches: an
 * existing sheet cleared (`getRange().clear("All")`, its dropdowns and page breaks) and its tag's
 * formula set (the tag got by `names.getItemOrNullObject`), or a new sheet's hidden name tag
 * added (`names.add(name, formula, comment)`, `visible = false`).
 */
export const sheetPrepareCost = (): number =>
  SHEET_PATH +
  Math.max(
    rangeCost("") +
      call("Clear", ["All"]) +
      rangeCost("") +
      property("DataValidation") +
      call("Clear", []) +
      property("HorizontalPageBreaks") +
      call("RemovePageBreaks", []) +
      property("Names") +
      method("GetItemOrNullObject", [TAG_NAME]) +
      SET_ACTION +
      "Formula".length +
      TAG_FORMULA,
    property("Names") +
      METHOD_PATH +
      "Add".length +
      jsonBytes([TAG_NAME]) +
      TAG_FORMULA +
      TAG_COMMENT +
      set("Visible", false),
  );

/** `ws.name = name`. */
export const sheetRenameCost = (name: string): number => SHEET_PATH + set("Name", name);

/** `ws.visibility = "Hidden"` (or "Visible", "VeryHidden"). */
export const sheetVisibilityCost = (): number => SHEET_PATH + set("Visibility", "VeryHidden");

/** `ws.delete()`. */
export const sheetDeleteCost = (): number => SHEET_PATH + call("Delete", []);

/*
 * Responses: reading `range.values` comes back as {"Results":[{"ActionId":…,"Value":{"Values":
 * [[…]]}}]}; a cell costs its JSON and a comma (batch.ts cellBytes bounds that from above).
 */
