import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { displayLanguage, hostStateOf } from "./host";
import { languageFor, strings } from "./strings";

async function start(container: HTMLElement): Promise<void> {
  // Without office.js (the CDN unreachable, or the page opened from disk) there is no Office
  // host to wait for: the pane starts in file mode.
  const info = typeof Office === "undefined" ? undefined : await Office.onReady();
  const host = hostStateOf(info);
  const language = languageFor(displayLanguage(host));
  document.documentElement.lang = language;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} text={strings[language]} lang={language} />
    </FluentProvider>,
  );
}

const container = document.getElementById("root");
if (container) {
  start(container).catch((error: unknown) => {
    // The pane could not start: say so on the page rather than leave it blank.
    const reason = error instanceof Error ? error.message : String(error);
    container.textContent = `ISHC Check không khởi động được / could not start: ${reason}`;
  });
}
