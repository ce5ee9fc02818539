import {
  Badge,
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostState } from "./host";
import type { Language, Strings } from "./strings";
import { FileModeLoader } from "./FileModeLoader";

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
});

export interface AppProps {
  readonly host: HostState;
  readonly text: Strings;
  readonly lang: Language;
}

export function App({ host, text, lang }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{text.title}</Title3>
      <Body1 as="p">{text.intro}</Body1>
      <div className={styles.host}>
        <Caption1>{text.hostLabel}:</Caption1>
        <Badge appearance="tint" color={host.kind === "excel" ? "success" : "informative"}>
          {host.kind === "excel" ? text.hostExcel(host.platform) : text.hostFile}
        </Badge>
      </div>
      {host.kind === "file" ? (
        <>
          <Caption1 as="p">{text.hostFileHint}</Caption1>
          <FileModeLoader text={text} lang={lang} />
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{text.notYet}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
