import {
  Badge,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ClubRuleId } from "../core/rules/registry";
import type { JsonClub } from "../core/report/json-report";
import type { LocalText } from "../core/model/i18n";
import type { ClubColumn, Language, Strings } from "./strings";

/** A province has about 220 clubs; the whole country's 10,000 rows would only slow the pane. */
export const MAX_ROWS = 500;

const COLUMNS: readonly ClubColumn[] = [
  "id",
  "name",
  "unit",
  "members",
  "women",
  "older",
  "younger",
  "borrowers",
  "verdict",
  "failed",
];

/** The ratio columns and the rule that judges each. */
const RATIOS = [
  ["womenRatio", "club.women"],
  ["olderRatio", "club.older"],
  ["youngerRatio", "club.younger"],
  ["borrowerRatio", "club.borrowers"],
] as const satisfies readonly (readonly [string, ClubRuleId])[];

const useStyles = makeStyles({
  scroll: { overflowX: "auto" },
  failing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const percent = (ratio: number | null, none: string): string =>
  ratio === null ? none : `${(Math.round(ratio * 1000) / 10).toLocaleString("en-US")}%`;

export interface ClubTableProps {
  readonly clubs: readonly JsonClub[];
  readonly ruleTitles: Readonly<Record<string, LocalText>>;
  readonly text: Strings;
  readonly lang: Language;
}

export function ClubTable({ clubs, ruleTitles, text, lang }: ClubTableProps) {
  const styles = useStyles();
  const shown = clubs.slice(0, MAX_ROWS);
  const titleOf = (rule: string) => ruleTitles[rule]?.[lang] ?? rule;
  return (
    <section>
      <Subtitle2 as="h2">{text.clubsHeading}</Subtitle2>
      {shown.length < clubs.length && (
        <Caption1 as="p">{text.rowsShown(shown.length, clubs.length)}</Caption1>
      )}
      <div className={styles.scroll}>
        <Table size="small" aria-label={text.clubsHeading}>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((column) => (
                <TableHeaderCell key={column}>{text.columns[column]}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((club) => (
              <TableRow key={club.id} data-club={club.id} data-failed={club.failed.join(" ")}>
                <TableCell>{club.id}</TableCell>
                <TableCell>{club.name}</TableCell>
                <TableCell>{club.unit}</TableCell>
                <TableCell>{club.members}</TableCell>
                {RATIOS.map(([field, rule]) => {
                  const failing = club.failed.includes(rule);
                  return (
                    <TableCell
                      key={field}
                      className={failing ? styles.failing : undefined}
                      title={failing ? `${titleOf(rule)}: ${text.failing}` : undefined}
                    >
                      {percent(club[field], text.noValue)}
                      {failing && " ✗"}
                    </TableCell>
                  );
                })}
                <TableCell>
                  <Badge appearance="tint" color={club.compliant ? "success" : "danger"}>
                    {club.compliant ? text.pass : text.fail}
                  </Badge>
                </TableCell>
                <TableCell>{club.failed.map(titleOf).join(", ")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
