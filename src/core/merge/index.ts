/**
 * Merging district workbooks into one provincial workbook: each file read as a single check reads
 * it, its records written back in the canonical layout with their source file and row.
 */
export { readRecords } from "./read-records";
export type { FileRecords } from "./read-records";
export { mergeFiles } from "./merge";
export type { MergedWorkbook, SourceFile, SourceSummary } from "./merge";
export { SOURCE_FILE_HEADER, SOURCE_ROW_HEADER } from "./canonical";
export type { PlainSheet } from "./canonical";
