/** TEST-ONLY: the strict in-memory Excel for the Office host's tests; never shipped. */
export { FakeExcel, FakeRequestContext } from "./fake-excel";
export { FakeExcelError } from "./errors";
export { EXCEL_LIMITS } from "./context";
export type { Limits, SyncStats } from "./context";
export type { ChartModel, SeriesModel } from "./charts";
export type { PageLayoutModel } from "./page-layout";
