import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { reasonOf } from "../core/model/error-text";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { displayLanguage, hostStateOf } from "./host";
import { officeEnv } from "./office-env";
import { languageFor } from "./strings";

async function start(container: HTMLElement): Promise<void> {
  // Without office.js (the CDN unreachable, or the page opened from disk) there is no Office
  // host to wait for: the pane starts in file mode.
  const info = typeof Office === "undefined" ? undefined : await Office.onReady();
  const host = hostStateOf(info);
  const language = languageFor(displayLanguage(host));
  document.documentElement.lang = language;
  const env = host.kind === "excel" ? officeEnv() : undefined;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} initialLang={language} {...(env ? { env } : {})} />
    </FluentProvider>,
  );
}

const container = document.getElementById("root");
if (container) {
  start(container).catch((error: unknown) => {
    // The pane could not start: say so on the page rather than leave it blank.
    container.textContent = `ISHC Check không khởi động được / could not start: ${reasonOf(error)}`;
  });
}
