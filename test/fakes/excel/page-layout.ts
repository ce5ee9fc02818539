/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Worksheet.pageLayout and Worksheet.horizontalPageBreaks (ExcelApi 1.9): orientation, paper,
 * zoom (a scale, or fit to pages where 0 means "as many as needed"), centring, print area, print
 * title rows (whole rows only, as Excel requires), the default footer and header, and manual row
 * breaks. Page setup lives outside the cells, so clearing ranges keeps it, as in Excel. A second
 * break at the same row is refused: what Excel does then is not modelled.
 */
import { ClientObject } from "./client-object";
import { FakeContext, jsonBytes } from "./context";
import { FakeExcelError, invalid } from "./errors";
import { Bounds, MAX_COLS, SheetModel, a1, accessDenied, parseArea } from "./model";
import type { FakeRange } from "./range";
import type { FakeRangeAreas } from "./range-areas";

export interface ZoomModel {
  readonly scale?: number;
  readonly horizontalFitToPages?: number;
  readonly verticalFitToPages?: number;
}

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: ZoomModel;
  centerHorizontally: boolean;
  centerVertically: boolean;
  /** "A1:N30" (areas joined by commas), or undefined for the used range. */
  printArea: string | undefined;
  /** "3:5", or undefined. */
  printTitleRows: string | undefined;
  /** Sections of the default header and footer ("centerFooter" -> "Trang &P/&N"). */
  readonly headerFooter: Record<string, string>;
  /** 1-based rows that start a new page, in the order added. */
  readonly rowBreaks: number[];
}

const LAYOUTS = new WeakMap<SheetModel, PageLayoutModel>();

export function layoutOf(sheet: SheetModel): PageLayoutModel {
  let m = LAYOUTS.get(sheet);
  if (!m)
    LAYOUTS.set(
      sheet,
      (m = {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: { scale: 100 },
        centerHorizontally: false,
        centerVertically: false,
        printArea: undefined,
        printTitleRows: undefined,
        headerFooter: {},
        rowBreaks: [],
      }),
    );
  return m;
}

const PAPERS = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"];
const SECTIONS = ["left", "center", "right"].flatMap((s) => [`${s}Header`, `${s}Footer`]);
/** Excel's limit for one header or footer section. */
const SECTION_CHARS = 255;

const unsupported = (what: string) =>
  new FakeExcelError("InvalidOperation", `${what} (not modelled by the fake)`);

function count(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw invalid(`${what} must be a whole number from ${min} to ${max}`);
  return v;
}

function parseZoom(v: unknown): ZoomModel {
  if (typeof v !== "object" || v === null) throw invalid("zoom must be an object");
  const z = v as Record<string, unknown>;
  const extra = Object.keys(z).filter(
    (k) => !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k),
  );
  if (extra.length > 0) throw invalid(`zoom has no property ${extra.join(", ")}`);
  const fit = z.horizontalFitToPages != null || z.verticalFitToPages != null;
  if (z.scale != null && fit) throw unsupported("a zoom with both a scale and fit-to pages");
  if (z.scale != null) return { scale: count(z.scale, "zoom.scale", 10, 400) };
  if (!fit) throw invalid("zoom needs a scale or fit-to pages");
  // 0 is Excel's "automatic": as many pages as the content needs in that direction.
  return {
    horizontalFitToPages: count(z.horizontalFitToPages ?? 1, "horizontalFitToPages", 0, 32767),
    verticalFitToPages: count(z.verticalFitToPages ?? 1, "verticalFitToPages", 0, 32767),
  };
}

type Place = FakeRange | FakeRangeAreas | string;

export class FakePageLayout extends ClientObject {
  protected readonly scalars = [
    "orientation",
    "paperSize",
    "zoom",
    "centerHorizontally",
    "centerVertically",
  ];
  readonly headersFooters: { readonly defaultForAllPages: FakeHeaderFooter };

  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context);
    this.headersFooters = { defaultForAllPages: new FakeHeaderFooter(context, () => this.model()) };
  }

  private model(): PageLayoutModel {
    this.context.requireApi(9, "Worksheet.pageLayout");
    const sheet = this.sheet();
    if (sheet.protected) throw accessDenied(sheet.name);
    return layoutOf(sheet);
  }

  protected current(prop: string): unknown {
    const m = this.model();
    return prop === "zoom" ? { ...m.zoom } : m[prop as "orientation"];
  }

  private set1(prop: string, v: unknown, apply: (m: PageLayoutModel) => void): void {
    this.put(prop, v, () => apply(this.model()));
  }

  set orientation(v: string) {
    this.set1("orientation", v, (m) => {
      if (v !== "Portrait" && v !== "Landscape") throw invalid(`orientation "${v}"`);
      m.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.set1("paperSize", v, (m) => {
      if (!PAPERS.includes(v)) throw unsupported(`paper size "${v}"`);
      m.paperSize = v;
    });
  }
  set zoom(v: ZoomModel) {
    this.set1("zoom", v, (m) => (m.zoom = parseZoom(v)));
  }
  set centerHorizontally(v: boolean) {
    this.set1("centerHorizontally", v, (m) => (m.centerHorizontally = v === true));
  }
  set centerVertically(v: boolean) {
    this.set1("centerVertically", v, (m) => (m.centerVertically = v === true));
  }

  private areasOf(place: Place): readonly Bounds[] {
    if (typeof place === "string") return place.split(",").map(parseArea);
    const t = place.target();
    if (t.sheet !== this.sheet()) throw invalid("a print range of another sheet");
    return "bounds" in t ? [t.bounds] : t.areas;
  }

  setPrintArea(place: Place): void {
    this.context.enqueue(jsonBytes(typeof place === "string" ? place : ""), () => {
      const m = this.model();
      m.printArea = this.areasOf(place).map(a1).join(",");
    });
  }

  /** The rows must span the whole sheet's width ("$3:$5"). */
  setPrintTitleRows(place: FakeRange | string): void {
    this.context.enqueue(jsonBytes(typeof place === "string" ? place : ""), () => {
      const m = this.model();
      const areas = this.areasOf(place);
      const b = areas[0]!;
      if (areas.length !== 1 || b.c0 !== 0 || b.c1 !== MAX_COLS - 1)
        throw invalid("print title rows must be whole rows");
      m.printTitleRows = `${b.r0 + 1}:${b.r1 + 1}`;
    });
  }
}

export class FakeHeaderFooter {
  constructor(
    private readonly context: FakeContext,
    private readonly layout: () => PageLayoutModel,
  ) {
    for (const section of SECTIONS)
      Object.defineProperty(this, section, {
        set: (v: unknown) =>
          this.context.enqueue(jsonBytes(v), () => {
            const m = this.layout();
            if (typeof v !== "string" || v.length > SECTION_CHARS)
              throw invalid(`${section}: text of at most ${SECTION_CHARS} characters`);
            m.headerFooter[section] = v;
          }),
      });
  }
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9). */
export class FakePageBreakCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}

  private model(): PageLayoutModel {
    this.context.requireApi(9, "Worksheet.horizontalPageBreaks");
    const sheet = this.sheet();
    if (sheet.protected) throw accessDenied(sheet.name);
    return layoutOf(sheet);
  }

  /** A break before the top row of the range: that row starts a page. Excel returns the break. */
  add(place: FakeRange | string): FakePageBreak {
    this.context.enqueue(jsonBytes(typeof place === "string" ? place : ""), () => {
      const m = this.model();
      const b = typeof place === "string" ? parseArea(place) : place.target().bounds;
      if (typeof place !== "string" && place.target().sheet !== this.sheet())
        throw invalid("a page break on another sheet");
      if (b.r0 === 0) throw invalid("a page break before row 1");
      if (m.rowBreaks.includes(b.r0 + 1)) throw unsupported(`a second break at row ${b.r0 + 1}`);
      m.rowBreaks.push(b.r0 + 1);
    });
    return new FakePageBreak();
  }

  /** Removes every manual break of the collection. */
  removePageBreaks(): void {
    this.context.enqueue(8, () => {
      this.model().rowBreaks.splice(0);
    });
  }
}

/** Excel.PageBreak: the host never reads one; it exists so that add() returns what Excel returns. */
export class FakePageBreak {}
