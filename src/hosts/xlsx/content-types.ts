import { InputError } from "../../core/model/errors";
import { LocalText, say } from "../../core/model/i18n";
import { corrupt, notXlsx, wrongFormat } from "./errors";
import { Package } from "./package";
import { WorkbookInfo } from "./workbook-parts";
import { attributes, children, parsePart, rootElement } from "./xml";

/**
 * [Content_Types].xml, which Excel reads before anything else: a package without it, or whose
 * workbook or sheets it does not declare as such, is one Excel will not open. Such a package is
 * refused with the part named, rather than checked and written out as a copy Excel refuses too:
 * guessing every part's type from its relationships could write a copy Excel "repairs" by
 * dropping what it does not recognise, and LibreOffice or WPS, which open it, save a whole one.
 */
export const CONTENT_TYPES = "[Content_Types].xml";

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
const MS = "application/vnd.ms-excel.";

/** The extension each kind of workbook must have: Excel refuses the same content under another. */
export type WorkbookExtension = ".xlsx" | ".xlsm" | ".xltx" | ".xltm" | ".xlam";

const MAIN_TYPES: ReadonlyMap<string, WorkbookExtension> = new Map([
  [`${SML}sheet.main+xml`, ".xlsx"],
  [`${MS}sheet.macroEnabled.main+xml`, ".xlsm"],
  [`${SML}template.main+xml`, ".xltx"],
  [`${MS}template.macroEnabled.main+xml`, ".xltm"],
  [`${MS}addin.macroEnabled.main+xml`, ".xlam"],
]);

/** Excel's binary workbook (.xlsb) names its main part with this type (no "+xml"). */
const BINARY_MAIN = `${MS}sheet.binary.macroEnabled.main`;

const SHEET_TYPES: Readonly<Record<string, string>> = {
  worksheet: `${SML}worksheet+xml`,
  chartsheet: `${SML}chartsheet+xml`,
};

/** A part name as [Content_Types].xml keys it: "/xl/workbook.xml", compared without case. */
const keyOf = (part: string): string => `/${part.replace(/^\//, "")}`.toLowerCase();

/** The declared types: an Override for the part, else the Default for its extension. */
export class ContentTypes {
  constructor(
    private readonly defaults: ReadonlyMap<string, string>,
    private readonly overrides: ReadonlyMap<string, string>,
  ) {}

  of(part: string): string | undefined {
    const key = keyOf(part);
    const override = this.overrides.get(key);
    if (override !== undefined) return override;
    const name = key.slice(key.lastIndexOf("/") + 1);
    const dot = name.lastIndexOf(".");
    return dot < 0 ? undefined : this.defaults.get(name.slice(dot + 1));
  }
}

const refuse = (vi: string, en: string): InputError =>
  corrupt(
    CONTENT_TYPES,
    `${vi} Excel không mở được tệp như vậy; hãy mở tệp bằng LibreOffice hoặc WPS rồi lưu lại dưới dạng .xlsx, hoặc dùng tệp gốc.`,
    `${en} Excel does not open such a file; open it in LibreOffice or WPS and save it again as .xlsx, or use the original file.`,
  );

/** Reads [Content_Types].xml; refuses a package without one. */
export function readContentTypes(pkg: Package): ContentTypes {
  if (!pkg.entry(CONTENT_TYPES))
    throw refuse(
      "gói thiếu phần [Content_Types].xml, nơi khai báo kiểu của từng thành phần.",
      "the package has no [Content_Types].xml, which declares the type of every part.",
    );
  const xml = pkg.text(CONTENT_TYPES);
  return parsePart(CONTENT_TYPES, () => {
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const el of children(xml, rootElement(xml))) {
      const a = attributes(xml, el);
      const type = a.get("ContentType");
      if (type === undefined) continue;
      const extension = a.get("Extension");
      const part = a.get("PartName");
      // The first declaration wins; a second one for the same name is the writer's slip.
      if (el.local === "Default" && extension !== undefined) {
        const ext = extension.toLowerCase();
        if (!defaults.has(ext)) defaults.set(ext, type);
      } else if (el.local === "Override" && part !== undefined) {
        const key = keyOf(part);
        if (!overrides.has(key)) overrides.set(key, type);
      }
    }
    return new ContentTypes(defaults, overrides);
  });
}

/** What the package's content is: its declared types and the extension they call for. */
export interface PackageTypes {
  readonly types: ContentTypes;
  readonly extension: WorkbookExtension;
}

/**
 * The package's main part, found as readWorkbook finds it, told by its declared type before it is
 * read: an .xlsb's binary workbook under any name is named as such, never parsed as damaged XML.
 */
export function packageTypes(pkg: Package): PackageTypes {
  const office = pkg.rels("").find((r) => r.type.endsWith("/officeDocument") && !r.external);
  const part = office && pkg.entry(office.target) ? office.target : "xl/workbook.xml";
  if (/\.bin$/i.test(part)) throw wrongFormat({ kind: "xlsb" });
  if (!pkg.entry(part)) throw notXlsx("không có xl/workbook.xml.", "it has no xl/workbook.xml.");
  const types = readContentTypes(pkg);
  const type = types.of(part);
  if (type?.toLowerCase() === BINARY_MAIN.toLowerCase()) throw wrongFormat({ kind: "xlsb" });
  const extension = type === undefined ? undefined : MAIN_TYPES.get(type);
  if (extension) return { types, extension };
  const xlsx = [...MAIN_TYPES.keys()][0]!;
  throw refuse(
    type === undefined
      ? `không khai báo kiểu cho sổ làm việc "/${part}".`
      : `sổ làm việc "/${part}" được khai báo kiểu "${type}", không phải kiểu sổ làm việc Excel (${xlsx}).`,
    type === undefined
      ? `it declares no type for the workbook "/${part}".`
      : `the workbook "/${part}" is declared as "${type}", not as an Excel workbook (${xlsx}).`,
  );
}

/** Refuses a worksheet or chartsheet whose part is not declared as one (any type for others). */
export function checkSheetTypes(types: ContentTypes, wb: WorkbookInfo): void {
  for (const sheet of wb.sheets) {
    const type = types.of(sheet.part);
    const wanted = SHEET_TYPES[sheet.type];
    if (type !== undefined && (wanted === undefined || type === wanted)) continue;
    throw refuse(
      type === undefined
        ? `không khai báo kiểu cho trang tính "${sheet.name}" ("/${sheet.part}").`
        : `trang tính "${sheet.name}" ("/${sheet.part}") được khai báo kiểu "${type}", không phải "${wanted}".`,
      type === undefined
        ? `it declares no type for sheet "${sheet.name}" ("/${sheet.part}").`
        : `sheet "${sheet.name}" ("/${sheet.part}") is declared as "${type}", not "${wanted}".`,
    );
  }
}

/** What each kind of workbook is called, for the messages on a wrong extension. */
export const WORKBOOK_KIND: Readonly<Record<WorkbookExtension, LocalText>> = {
  ".xlsx": say("sổ làm việc Excel (.xlsx)", "an Excel workbook (.xlsx)"),
  ".xlsm": say("sổ làm việc có macro (.xlsm)", "a macro-enabled workbook (.xlsm)"),
  ".xltx": say("mẫu sổ làm việc Excel (.xltx)", "an Excel template (.xltx)"),
  ".xltm": say("mẫu sổ làm việc có macro (.xltm)", "a macro-enabled template (.xltm)"),
  ".xlam": say("phần bổ trợ Excel (.xlam)", "an Excel add-in (.xlam)"),
};
