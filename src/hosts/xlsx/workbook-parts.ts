import { GeneratedKind } from "../../core/model/cells";
import { corrupt, notXlsx, wrongFormat } from "./errors";
import { Package, Relationship } from "./package";
import {
  Edit,
  XmlElement,
  appendTo,
  attributes,
  children,
  escapeAttr,
  escapeText,
  parsePart,
  prefixOf,
  rootElement,
  textOf,
} from "./xml";

export const TAG_NAME = "ISHC_Generated";
/**
 * Our tag as other programs may leave it: LibreOffice (7.4, tested) keeps it but writes
 * hidden="false"; a program that prefixes names it does not know ("_xlnm.", "_") is allowed for.
 */
const TAG_NAMES = /^(?:_xlnm\.|_+)?ISHC_Generated$/i;
const TAG_VALUE = /^\s*"ishc:(results|appendix|findings)"\s*$/;
/** The Office host's very hidden staging and spare sheets (hosts/office/staged-write.ts). */
const INTERNAL_TAG = /^\s*"ishc:(staging|spare):(results|appendix|findings)"\s*$/;
const REL_NS =
  /^http:\/\/(schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships$/;

export type SheetType = "worksheet" | "chartsheet" | "other";

export interface SheetEntry {
  readonly name: string;
  /** Position in <sheets>, which is what a defined name's localSheetId counts. */
  readonly index: number;
  readonly sheetId: number;
  readonly part: string;
  readonly type: SheetType;
  readonly generated?: GeneratedKind;
  /** A staging or spare sheet of the Office host: never input, never listed. */
  readonly internal?: boolean;
  /** The sheet's state is "hidden" or "veryHidden"; absent when visible. */
  readonly hidden?: true;
}

export interface WorkbookInfo {
  readonly part: string;
  readonly xml: string;
  readonly root: XmlElement;
  readonly sheetsEl: XmlElement;
  readonly definedNamesEl: XmlElement | undefined;
  /** Our tag defined names, by sheet index. */
  readonly tags: ReadonlyMap<number, XmlElement>;
  /** Sheet indexes whose tag is not as we write it (made visible or renamed): rewritten. */
  readonly untidyTags: ReadonlySet<number>;
  readonly sheets: readonly SheetEntry[];
  readonly rels: readonly Relationship[];
  /** The prefix bound to the relationships namespace in workbook.xml, if any. */
  readonly relPrefix: string | undefined;
}

const typeOf = (relType: string): SheetType =>
  relType.endsWith("/worksheet")
    ? "worksheet"
    : relType.endsWith("/chartsheet")
      ? "chartsheet"
      : "other";

/** ST_SheetState: "visible" (the default when absent), "hidden" or "veryHidden". */
const isHidden = (state: string | undefined): boolean =>
  state === "hidden" || state === "veryHidden";

/** Finds the workbook part (through the package's root relationships) and reads its sheet list. */
export function readWorkbook(pkg: Package): WorkbookInfo {
  const office = pkg.rels("").find((r) => r.type.endsWith("/officeDocument") && !r.external);
  const part = office && pkg.entry(office.target) ? office.target : "xl/workbook.xml";
  // A binary workbook is told before its .bin part could be taken for damaged XML (readZip tells
  // the usual xl/workbook.bin; this is one the package names otherwise).
  if (/\.bin$/i.test(part)) throw wrongFormat({ kind: "xlsb" });
  if (!pkg.entry(part)) throw notXlsx("không có xl/workbook.xml.", "it has no xl/workbook.xml.");
  const xml = pkg.text(part);
  const rels = pkg.rels(part);
  return parsePart(part, () => {
    const root = rootElement(xml);
    if (root.local !== "workbook")
      throw notXlsx(`"${part}" không phải là sổ làm việc.`, `"${part}" is not a workbook.`);
    const kids = children(xml, root);
    const sheetsEl = kids.find((el) => el.local === "sheets");
    if (!sheetsEl) throw corrupt(part, "thiếu danh sách trang tính.", "it has no sheet list.");
    const definedNamesEl = kids.find((el) => el.local === "definedNames");
    const kinds = new Map<number, GeneratedKind>();
    const tags = new Map<number, XmlElement>();
    const untidyTags = new Set<number>();
    const internal = new Set<number>();
    for (const dn of definedNamesEl ? children(xml, definedNamesEl) : []) {
      const a = attributes(xml, dn);
      const index = Number(a.get("localSheetId"));
      const name = a.get("name") ?? "";
      if (!TAG_NAMES.test(name)) continue;
      if (INTERNAL_TAG.test(textOf(xml, dn))) internal.add(index);
      const kind = TAG_VALUE.exec(textOf(xml, dn))?.[1] as GeneratedKind | undefined;
      if (!kind || !Number.isInteger(index)) continue;
      kinds.set(index, kind);
      tags.set(index, dn);
      const hidden = a.get("hidden");
      if (name !== TAG_NAME || (hidden !== "1" && hidden !== "true")) untidyTags.add(index);
    }
    const sheets = children(xml, sheetsEl)
      .filter((el) => el.local === "sheet")
      .map((el, index): SheetEntry => {
        const a = attributes(xml, el);
        const relId = [...a].find(([k]) => k.endsWith(":id"))?.[1];
        const rel = rels.find((r) => r.id === relId);
        const name = a.get("name");
        if (!rel || rel.external || name === undefined)
          throw corrupt(
            part,
            `trang tính thứ ${index + 1} không trỏ tới nội dung nào.`,
            `sheet ${index + 1} has no name or no part.`,
          );
        const kind = kinds.get(index);
        const sheet = {
          name,
          index,
          sheetId: Number(a.get("sheetId")) || 0,
          part: rel.target,
          type: typeOf(rel.type),
        };
        const tagged = internal.has(index) ? { ...sheet, internal: true } : sheet;
        const shown = isHidden(a.get("state")) ? { ...tagged, hidden: true as const } : tagged;
        return kind ? { ...shown, generated: kind } : shown;
      });
    const rootAttrs = attributes(xml, root);
    const relPrefix = [...rootAttrs]
      .find(([k, v]) => k.startsWith("xmlns:") && REL_NS.test(v))?.[0]
      .slice(6);
    return {
      part,
      xml,
      root,
      sheetsEl,
      definedNamesEl,
      tags,
      untidyTags,
      sheets,
      rels,
      relPrefix,
    };
  });
}

/** A sheet-scoped defined name; `hidden` for our own records, which are no business of the user. */
export interface DefinedName {
  readonly name: string;
  readonly value: string;
  readonly hidden?: boolean;
}

const definedNameXml = (p: string, index: number, n: DefinedName): string =>
  `<${p}definedName name="${escapeAttr(n.name)}" localSheetId="${index}"${n.hidden ? ' hidden="1"' : ""}>${escapeText(n.value)}</${p}definedName>`;

const tagXml = (p: string, index: number, kind: GeneratedKind): string =>
  `<${p}definedName name="${TAG_NAME}" localSheetId="${index}" hidden="1">"ishc:${kind}"</${p}definedName>`;

/** Collects the edits to workbook.xml: appended <sheet> elements and our tag defined names. */
export class WorkbookEditor {
  private sheetsXml = "";
  private namesXml = "";
  /** Sheet names we own come after every tag, so a re-run that replaces them writes the same bytes. */
  private ownedXml = "";
  private readonly edits: Edit[] = [];
  private readonly p: string;

  constructor(private readonly wb: WorkbookInfo) {
    this.p = prefixOf(wb.root);
  }

  addSheet(name: string, sheetId: number, relId: string, index: number, kind: GeneratedKind): void {
    const { relPrefix } = this.wb;
    const id = relPrefix
      ? `${relPrefix}:id="${relId}"`
      : `r:id="${relId}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    this.sheetsXml += `<${this.p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${id}/>`;
    this.namesXml += tagXml(this.p, index, kind);
  }

  /**
   * A sheet of ours whose kind changed, or whose tag another program made visible or renamed,
   * keeps its tag element, as we write it; one known by its content (its tag lost) gets a new one.
   */
  retag(index: number, kind: GeneratedKind): void {
    const el = this.wb.tags.get(index);
    if (el) this.edits.push({ start: el.start, end: el.end, text: tagXml(this.p, index, kind) });
    else this.namesXml += tagXml(this.p, index, kind);
  }

  /** The sheet-scoped defined names of the workbook as it was read. */
  private named(index: number, names: readonly string[]): XmlElement[] {
    const { xml, definedNamesEl } = this.wb;
    const wanted = names.map((n) => n.toLowerCase());
    return (definedNamesEl ? children(xml, definedNamesEl) : []).filter((dn) => {
      const a = attributes(xml, dn);
      return (
        dn.local === "definedName" &&
        wanted.includes(a.get("name")?.toLowerCase() ?? "") &&
        Number(a.get("localSheetId")) === index
      );
    });
  }

  /** The formula text of a sheet-scoped name, e.g. our record of a sheet's charts. */
  sheetName(index: number, name: string): string | undefined {
    const el = this.named(index, [name])[0];
    return el && textOf(this.wb.xml, el);
  }

  /**
   * Gives one of our sheets exactly `names` among the names it `owns` (its print titles and area,
   * our record of its charts): any it had, from an earlier run or set by hand on a sheet we now
   * rewrite, is replaced (Excel allows one of each per sheet); every other defined name stays.
   */
  setSheetNames(index: number, owns: readonly string[], names: readonly DefinedName[]): void {
    for (const dn of this.named(index, owns))
      this.edits.push({ start: dn.start, end: dn.end, text: "" });
    this.ownedXml += names.map((n) => definedNameXml(this.p, index, n)).join("");
  }

  /** The edits, or none when nothing changed. */
  result(): Edit[] {
    const edits = [...this.edits];
    const namesXml = this.namesXml + this.ownedXml;
    const { xml, sheetsEl, definedNamesEl, root } = this.wb;
    if (this.sheetsXml) edits.push(appendTo(xml, sheetsEl, this.sheetsXml));
    if (namesXml && definedNamesEl) edits.push(appendTo(xml, definedNamesEl, namesXml));
    else if (namesXml) {
      // CT_Workbook order: definedNames follows sheets, functionGroups and externalReferences.
      const before = children(xml, root).filter((el) =>
        ["sheets", "functionGroups", "externalReferences"].includes(el.local),
      );
      const at = before[before.length - 1]!.end;
      edits.push({
        start: at,
        end: at,
        text: `<${this.p}definedNames>${namesXml}</${this.p}definedNames>`,
      });
    }
    return edits;
  }
}
