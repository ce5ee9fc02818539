import { FieldSpec, SHEET_SPECS } from "./specs";

/**
 * The headers the reader knows, as docs/workbook-format.md lists them (`npm run docs` writes the
 * table; a test keeps it equal to `headersMarkdown()`). One table for every sheet: the field, its
 * canonical header (what the template writes) and the other headers met in real registers.
 */

const escape = (s: string): string => s.replace(/\|/g, "\\|");

function row(role: string, f: FieldSpec, layout: boolean): string {
  const others = f.synonyms.map((s) => `"${escape(s)}"`).join(", ");
  const key = layout ? `${f.key} (${f.reportsAs ?? ""})` : f.key;
  return `| ${role} | ${key} | "${escape(f.header)}" | ${others} |`;
}

export function headersMarkdown(): string {
  const lines = [
    "| sheet | field | header | also read |",
    "| --- | --- | --- | --- |",
    ...SHEET_SPECS.flatMap((spec) => [
      ...spec.fields.map((f) => row(spec.role, f, false)),
      ...(spec.layouts ?? []).flatMap((l) => l.fields.map((f) => row(spec.role, f, true))),
    ]),
  ];
  return lines.join("\n");
}
