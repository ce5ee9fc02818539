import { Field, Select } from "@fluentui/react-components";
import type { Strings } from "./strings";

/** The age lines in use: 60 by the law on the elderly, 55 in many clubs' own rules. */
export const AGE_LINES = [60, 55] as const;

export interface AgeLineFieldProps {
  readonly text: Strings;
  readonly value: number;
  readonly disabled: boolean;
  readonly onChange: (age: number) => void;
}

/** "Older people from age": the same choice in the file mode and in the Excel pane's settings. */
export function AgeLineField({ text, value, disabled, onChange }: AgeLineFieldProps) {
  return (
    <Field label={text.ageLine}>
      <Select
        value={String(value)}
        disabled={disabled}
        onChange={(_, data) => onChange(Number(data.value))}
      >
        {AGE_LINES.map((age) => (
          <option key={age} value={age}>
            {text.ageLineOption(age)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
