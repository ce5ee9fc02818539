import { useEffect, useState } from "react";
import { Caption1, Select, Title3, makeStyles, tokens } from "@fluentui/react-components";
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
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "720px",
    boxSizing: "border-box",
  },
  // One line at 320 px: the name and the language switch, nothing else.
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, flexGrow: 1, whiteSpace: "nowrap" },
  intro: { margin: 0 },
});

/** The product's name: short enough to share the pane's first line with the language switch. */
const BRAND = "ISHC Check";

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
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {BRAND}
        </Title3>
        <Select
          id="ishc-language"
          size="small"
          aria-label={text.language}
          value={lang}
          onChange={(_, data) => setLang(data.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {text.languageNames[l]}
            </option>
          ))}
        </Select>
      </header>
      <Caption1 as="p" className={styles.intro}>
        {host.kind === "excel" ? text.hostExcel(host.platform) : text.hostFile}. {text.intro}
      </Caption1>
      {host.kind === "excel" && env ? (
        <ExcelPane env={env} text={text} lang={lang} />
      ) : (
        <FileModeLoader text={text} lang={lang} />
      )}
    </main>
  );
}
