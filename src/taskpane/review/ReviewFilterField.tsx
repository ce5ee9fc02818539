import { Field, makeStyles, Select } from "@fluentui/react-components";
import type { Language } from "../strings";
import { REVIEW_FILTERS, ReviewFilter } from "./review-filter";
import { reviewStrings } from "../strings";
import { formatCount } from "../../core/text/numbers";

export interface ReviewFilterFieldProps {
  readonly value: ReviewFilter;
  readonly counts: Readonly<Record<ReviewFilter, number>>;
  readonly lang: Language;
  readonly onChange: (filter: ReviewFilter) => void;
}

// A select is as wide as its longest option unless told otherwise: it shrinks to the pane instead.
const useStyles = makeStyles({
  select: { minWidth: 0, "& select": { minWidth: 0 } },
});

/** The auditor's view of the findings: all, new, one review status, or resolved; with counts. */
export function ReviewFilterField({ value, counts, lang, onChange }: ReviewFilterFieldProps) {
  const text = reviewStrings[lang];
  const styles = useStyles();
  return (
    <Field label={text.filterLabel}>
      <Select
        className={styles.select}
        value={value}
        onChange={(_, data) => onChange(data.value as ReviewFilter)}
      >
        {REVIEW_FILTERS.map((f) => (
          <option key={f} value={f}>
            {`${text.filters[f]} (${formatCount(counts[f], lang)})`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
