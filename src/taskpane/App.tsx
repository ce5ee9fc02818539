import { useEffect, useState } from "react";
import {
  Badge,
  Body1,
  Caption1,
  Label,
  Select,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostState } from "./host";
import { Language, strings } from "./strings";
import { FileModeLoader } from "./FileModeLoader";
import { ExcelPane } from "./excel/ExcelPane";
import type { PaneEnv } from "./excel/use-excel-pane";

const LANGUAGES: readonly Language[] = ["vi", "en"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  host: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  language: {
    marginLeft: "auto",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
  },
});

export interface AppProps {
  readonly host: HostState;
  /** Office's display language (or the browser's) decides; the switch changes it. */
  readonly initialLang: Language;
  /** Inside Excel: the workbook and the document's settings. */
  readonly env?: PaneEnv;
}

export function App({ host, initialLang, env }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Language>(initialLang);
  const text = strings[lang];
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <main className={styles.root}>
      <Title3 as="h1">{text.title}</Title3>
      <div className={styles.host}>
        <Caption1>{text.hostLabel}:</Caption1>
        <Badge appearance="tint" color={host.kind === "excel" ? "success" : "informative"}>
          {host.kind === "excel" ? text.hostExcel(host.platform) : text.hostFile}
        </Badge>
        <div className={styles.language}>
          <Label htmlFor="ishc-language" size="small">
            {text.language}
          </Label>
          <Select
            id="ishc-language"
            size="small"
            value={lang}
            onChange={(_, data) => setLang(data.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {text.languageNames[l]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Body1 as="p">{text.intro}</Body1>
      {host.kind === "excel" && env ? (
        <ExcelPane env={env} text={text} lang={lang} />
      ) : (
        <>
          <Caption1 as="p">{text.hostFileHint}</Caption1>
          <FileModeLoader text={text} lang={lang} />
        </>
      )}
    </main>
  );
}
