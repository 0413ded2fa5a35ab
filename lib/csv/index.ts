/**
 * CSV import and export. Pure and browser-safe (no node:, no server-only, no I/O,
 * no clock): the Web Worker preview and the server commit run the same code.
 */
export {
  parseShiftCsv,
  structuralImportContext,
  type ImportContext,
  type ShiftImportFormat,
  type ShiftParseOptions,
  type ShiftParseResult,
  type StoredShiftRef,
} from "./shifts";
export { parseDemandCsv, type DemandImportContext, type DemandParseOptions, type DemandParseResult } from "./demand";
export {
  detectDemandFormat,
  detectShiftFormat,
  findActivityColumns,
  headerSetKey,
  normalizeHeader,
  suggestDemandMapping,
  suggestShiftMapping,
  type ActivityColumns,
  type DemandFormatDetection,
  type ShiftFormatDetection,
} from "./headers";
export { toCxoneShift } from "./cxone";
export {
  buildCxoneTemplate,
  plainTemplateField,
  publishStateText,
  type CxoneTemplate,
  type TemplateShift,
  type TemplateWarning,
  type UnitPublishState,
} from "./cxone-template";
export { errorReportCsv, safeCsv, FORMULA_START, type CsvColumn, type SafeCsvOptions } from "./export";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, PROGRESS_EVERY, checkImportSize, utf8ByteLength } from "./limits";
export { shiftSourceHash } from "./hash";
export { readCsvTable, streamCsv, type CsvInput, type CsvSink, type CsvTable, type StreamResult, type TokenizedCsv } from "./read";
export type {
  ColumnMapping,
  CxoneShift,
  DemandColumnMapping,
  FileError,
  ForecastRow,
  RequiredAgentsRow,
  RowError,
  ValidShiftRow,
} from "../schemas/imports";
