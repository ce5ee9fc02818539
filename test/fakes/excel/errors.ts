/**
 * TEST-ONLY: part of the strict in-memory Excel (test/fakes/excel), never shipped.
 *
 * Errors as Excel's JavaScript API raises them: an OfficeExtension.Error carries a `code` the
 * host can branch on ("RequestPayloadSizeLimitExceeded", "PropertyNotLoaded", ...).
 */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "AccessDenied"
  /** A method or property of a requirement set newer than the Excel running the batch. */
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "InvalidObjectPath";

export class FakeExcelError extends Error {
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const notLoaded = (prop: string, type: string): FakeExcelError =>
  new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' of ${type} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const invalid = (what: string): FakeExcelError =>
  new FakeExcelError("InvalidArgument", `The argument is invalid or missing: ${what}`);

export const apiNotFound = (what: string, version: string): FakeExcelError =>
  new FakeExcelError(
    "ApiNotFound",
    `The API you are trying to use could not be found (${what}, ExcelApi ${version}). It may be available in a newer version of Excel.`,
  );
