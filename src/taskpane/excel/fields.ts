/** The fields a sheet of each role can have, as the pane names them. */
import { SHEET_SPECS, FieldSpec, SheetRole } from "../../core/sheets/specs";

/** A role's canonical fields, then the fields of the other layouts it recognises. */
export function fieldsOf(role: SheetRole): readonly FieldSpec[] {
  const spec = SHEET_SPECS.find((s) => s.role === role);
  if (!spec) return [];
  return [...spec.fields, ...(spec.layouts ?? []).flatMap((l) => l.fields)];
}

/** The header the template writes for a field: what officials know it by. */
export function fieldLabel(role: SheetRole, key: string): string {
  return fieldsOf(role).find((f) => f.key === key)?.header ?? key;
}
