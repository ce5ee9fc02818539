import { Field, Input } from "@fluentui/react-components";
import type { Strings } from "./strings";

export interface AsOfFieldProps {
  readonly text: Strings;
  /** "YYYY-MM-DD"; empty while the user clears the field. */
  readonly value: string;
  readonly disabled: boolean;
  readonly onChange: (day: string) => void;
}

/** The reference date of a check or a merge run in the pane (file mode and the merge panel). */
export function AsOfField({ text, value, disabled, onChange }: AsOfFieldProps) {
  return (
    <Field label={text.asOf}>
      <Input
        type="date"
        value={value}
        required
        onChange={(_, data) => onChange(data.value)}
        disabled={disabled}
      />
    </Field>
  );
}
