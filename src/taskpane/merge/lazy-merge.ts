/**
 * "Gộp tệp" as a chunk of its own: the panel, and behind it the engine (xlsx host, merge, check),
 * are fetched only when the user opens it, so neither pane's first paint carries them.
 */
import { lazy } from "react";

export const MergePanel = lazy(() =>
  import(/* webpackChunkName: "merge-panel" */ "./MergePanel").then((m) => ({
    default: m.MergePanel,
  })),
);
