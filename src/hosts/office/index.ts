export { OfficeWorkbook } from "./office-workbook";
export type { OfficeOptions } from "./office-workbook";
export type { ExcelBatch, Supports } from "./batch";
export { createTemplate } from "./template";
export type { TemplateOutcome } from "./template";
