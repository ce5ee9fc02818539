/**
 * The parts of the Excel pane a user does not need the moment it opens, each in a chunk of its
 * own: the results (fetched while the first check runs), the settings form, the column picker,
 * and the engine (the check, the Office host). The pane's first paint carries only the actions.
 */
import { lazy } from "react";
import { loadOnce } from "../load-once";

export const ExcelResults = lazy(() =>
  import(/* webpackChunkName: "excel-results" */ "./ExcelResults").then((m) => ({
    default: m.ExcelResults,
  })),
);

export const SettingsPanel = lazy(() =>
  import(/* webpackChunkName: "excel-settings" */ "./SettingsPanel").then((m) => ({
    default: m.SettingsPanel,
  })),
);

export const MappingEditor = lazy(() =>
  import(/* webpackChunkName: "excel-mapping" */ "./MappingEditor").then((m) => ({
    default: m.MappingEditor,
  })),
);

/** The check and the Office host, loaded once; a failed load is retried on the next action. */
export const loadEngine = loadOnce(
  () => import(/* webpackChunkName: "excel-engine" */ "../../addin/excel-actions"),
);

/** Writing an auditor's status into the findings sheet: fetched on the first status set. */
export const loadReviewActions = loadOnce(
  () => import(/* webpackChunkName: "excel-review" */ "../../addin/review-actions"),
);
