import { useEffect, useState } from "react";
import { reasonOf } from "../core/model/error-text";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { FileModeProps } from "./FileMode";

type FileModeComponent = (props: FileModeProps) => React.JSX.Element;

type Loading =
  | { readonly kind: "loading" }
  | { readonly kind: "ready"; readonly FileMode: FileModeComponent }
  | { readonly kind: "failed"; readonly reason: string };

/**
 * File mode's interface (tables, accordion, form) is fetched only when the pane runs outside
 * Excel, so the Office path does not carry it; a failed fetch is said on the pane, never blank.
 */
export function FileModeLoader(props: FileModeProps) {
  const [loading, setLoading] = useState<Loading>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    import(/* webpackChunkName: "file-mode" */ "./FileMode").then(
      ({ FileMode }) => live && setLoading({ kind: "ready", FileMode }),
      (error: unknown) =>
        live &&
        setLoading({
          kind: "failed",
          reason: reasonOf(error),
        }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (loading.kind === "ready") return <loading.FileMode {...props} />;
  if (loading.kind === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {props.text.loadFailed}: {loading.reason}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <Spinner size="small" label={props.text.loading} />;
}
