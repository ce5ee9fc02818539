import { Field, Select } from "@fluentui/react-components";
import type { Strings } from "./strings";

/** The age lines in use: 60 by the law on the elderly, 55 in many clubs' own rules. */
export const AGE_LINES = [60, 55] as const;

export interface AgeLineFieldProps {
  readonly text: Strings;
  /** What the age line changes (the settings form shows the schema's help). */
  readonly hint?: string;
  readonly value: number;
  readonly disabled: boolean;
  readonly onChange: (age: number) => void;
}

/** "Older people from age": the same choice in the file mode and in the Excel pane's settings. */
export function AgeLineField({ text, hint, value, disabled, onChange }: AgeLineFieldProps) {
  // A stored line other than these (set in the document by hand) stays shown and selected.
  const ages: readonly number[] = (AGE_LINES as readonly number[]).includes(value)
    ? AGE_LINES
    : [...AGE_LINES, value];
  return (
    <Field label={text.ageLine} hint={hint}>
      <Select
        value={String(value)}
        disabled={disabled}
        onChange={(_, data) => onChange(Number(data.value))}
      >
        {ages.map((age) => (
          <option key={age} value={age}>
            {text.ageLineOption(age)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
