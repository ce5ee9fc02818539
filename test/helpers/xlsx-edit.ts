import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { toA1 } from "../../src/core/model/address";
import { RawValue } from "../../src/core/model/cells";

/**
 * Edits a sheet of an .xlsx package the way a user's save would leave it, at the XML level: the
 * sheet's cells are replaced by `grid` (strings inline, numbers, booleans), everything else of the
 * package (the tool's tags, styles, validations, the other sheets) stays as it was.
 */
export function rewriteSheet(
  bytes: Uint8Array,
  sheet: string,
  grid: ReadonlyArray<ReadonlyArray<RawValue | undefined> | undefined>,
): Uint8Array {
  const parts = unzipSync(bytes);
  const part = sheetPart(parts, sheet);
  const xml = strFromU8(parts[part]!);
  const data = grid
    .map((row, r) => {
      // By the row's present keys: a sparse row with one cell in column XFD is one step, not 16,384.
      const cells = Object.keys(row ?? [])
        .map((key) => cellXml(toA1(r, Number(key)), row![Number(key)]))
        .filter((x) => x !== "")
        .join("");
      return cells === "" ? "" : `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const edited = xml
    .replace(/<dimension [^>]*\/>/, "")
    .replace(/<sheetData\s*\/>|<sheetData>[\s\S]*?<\/sheetData>/, `<sheetData>${data}</sheetData>`);
  if (edited === xml) throw new Error(`No sheetData in ${part}`);
  parts[part] = strToU8(edited);
  return zipSync(parts);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cellXml(ref: string, v: RawValue | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

function sheetPart(parts: Record<string, Uint8Array>, sheet: string): string {
  const workbook = strFromU8(parts["xl/workbook.xml"]!);
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => new RegExp(`\\bname="${escapeXml(sheet)}"`).test(t));
  const rid = tag && /\br:id="([^"]+)"/.exec(tag)?.[1];
  if (!rid) throw new Error(`No sheet "${sheet}" in the package`);
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`No part for sheet "${sheet}"`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}
