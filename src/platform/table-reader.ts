import { inflateRawSync } from "node:zlib";
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ValidationError } from "./errors.ts";

/*
 * Reads an uploaded table (XLSX, CSV or pasted tab-separated text) into a grid of cell texts, one string per
 * cell, row 1 of the sheet at index 0, so that importers (plans' budget tables, the enterprise register) read
 * every format with the same rules and report the row numbers the official sees. Numbers from XLSX are written the Vietnamese way ("244,5"), because
 * the parser reads "244.5" as a malformed number, as it must for typed text.
 */

export type TableInput =
  | { kind: "xlsx"; bytes: Buffer }
  | { kind: "csv"; text: string }
  | { kind: "tsv"; text: string };
export type TableKind = TableInput["kind"];

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_MAX_COMMENT = 0xffff;
// [Content_Types].xml is a few kilobytes; the cap keeps a crafted archive from inflating without bound.
const CONTENT_TYPES_MAX_BYTES = 1 << 20;
const SPREADSHEET_EXTENSIONS = /\.(xlsx|xlsm|xls|ods)$/i;
const TSV_EXTENSIONS = /\.(tsv|tab|txt)$/i;

/*
 * Limits for an uploaded workbook. A budget table is a few dozen rows by a dozen columns; the limits are
 * generous for that and keep a small crafted file (a ZIP bomb, a cell at row 20 000 column 1 000, a merged
 * range over the whole sheet) from tying up the server.
 */
/** Sum of the uncompressed sizes of every file in the archive. */
const WORKBOOK_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** An entry above this size must not be compressed more than WORKBOOK_MAX_COMPRESSION_RATIO : 1. */
const WORKBOOK_RATIO_CHECK_FROM_BYTES = 1024 * 1024;
const WORKBOOK_MAX_COMPRESSION_RATIO = 200;
/** ExcelJS creates every cell of a merged range on load, and checks each merge against all the others. */
const WORKBOOK_MAX_MERGED_RANGES = 1000;
/** The default row limit (a budget table); an importer of longer tables passes its own `maxRows`. */
export const TABLE_MAX_ROWS = 5000;
export const TABLE_MAX_COLUMNS = 200;

const unreadableFile = (params: Record<string, string | number> = {}) =>
  new ValidationError([{ field: "file", messageKey: "tableImport.error.unreadableFile", params }]);

const workbookTooLarge = () =>
  new ValidationError([{ field: "file", messageKey: "tableImport.error.workbookTooLarge" }]);

export type TableLimits = { maxRows: number };

const tableTooLarge = (rows: number, columns: number, limits: TableLimits) =>
  new ValidationError([
    {
      field: "file",
      messageKey: "tableImport.error.tableTooLarge",
      params: { rows, columns, maxRows: limits.maxRows, maxColumns: TABLE_MAX_COLUMNS },
    },
  ]);

type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
};

/** The files of a ZIP archive as its central directory lists them; undefined when it cannot be read. */
function listZipEntries(bytes: Buffer): ZipEntry[] | undefined {
  if (bytes.length < 22) return undefined;
  const searchFrom = Math.max(0, bytes.length - 22 - ZIP_MAX_COMMENT);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= searchFrom; offset -= 1) {
    if (bytes.readUInt32LE(offset) === ZIP_END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const entryCount = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let entry = 0; entry < entryCount; entry += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ZIP_CENTRAL_HEADER) return undefined;
    const nameLength = bytes.readUInt16LE(offset + 28);
    entries.push({
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

/** One entry's contents, inflated to at most `maxBytes`; undefined when unreadable or larger. */
function readZipData(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer | undefined {
  const { localOffset } = entry;
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== ZIP_LOCAL_HEADER)
    return undefined;
  const dataStart =
    localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) return data.length <= maxBytes ? data : undefined;
  if (entry.method !== 8) return undefined;
  try {
    // maxOutputLength must be at least 1; an empty entry inflates to nothing anyway.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch {
    return undefined;
  }
}

/** Reads one stored file of a ZIP archive through its central directory; undefined when it is not there. */
function readZipEntry(bytes: Buffer, name: string): Buffer | undefined {
  const entry = listZipEntries(bytes)?.find((candidate) => candidate.name === name);
  return entry && readZipData(bytes, entry, CONTENT_TYPES_MAX_BYTES);
}

function isXlsx(bytes: Buffer): boolean {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== ZIP_LOCAL_HEADER) return false;
  // A .docx or .pptx is a ZIP too; only a workbook declares spreadsheetml content.
  return readZipEntry(bytes, "[Content_Types].xml")?.toString("utf8").includes("spreadsheetml") ?? false;
}

/** "AB" → 28. */
function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/**
 * Refuses, before ExcelJS unpacks it, an archive that inflates to more than a budget table ever needs, and
 * a worksheet whose merged ranges reach beyond the table limits (ExcelJS would create every cell of them).
 * The central directory states the sizes; each entry is inflated once, capped at its stated size, so an
 * archive that understates them is refused too instead of being trusted.
 */
function checkWorkbookArchive(bytes: Buffer, limits: TableLimits): void {
  const entries = listZipEntries(bytes);
  if (!entries) throw unreadableFile();
  let total = 0;
  for (const entry of entries) {
    // 0xffffffff marks a ZIP64 size: far beyond anything a budget table needs.
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw workbookTooLarge();
    total += entry.uncompressedSize;
    if (total > WORKBOOK_MAX_UNCOMPRESSED_BYTES) throw workbookTooLarge();
    if (
      entry.uncompressedSize > WORKBOOK_RATIO_CHECK_FROM_BYTES &&
      entry.uncompressedSize > WORKBOOK_MAX_COMPRESSION_RATIO * Math.max(1, entry.compressedSize)
    ) {
      throw workbookTooLarge();
    }
  }
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    if (entry.method !== 0 && entry.method !== 8) throw unreadableFile();
    const data = readZipData(bytes, entry, entry.uncompressedSize);
    if (!data || data.length !== entry.uncompressedSize) throw unreadableFile();
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) checkMergedRanges(data.toString("utf8"), limits);
  }
}

function checkMergedRanges(sheetXml: string, limits: TableLimits): void {
  let count = 0;
  for (const match of sheetXml.matchAll(
    /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?["']/g,
  )) {
    count += 1;
    if (count > WORKBOOK_MAX_MERGED_RANGES) throw workbookTooLarge();
    const rows = Math.max(Number(match[2]), Number(match[4] ?? 0));
    const columns = Math.max(columnNumber(match[1]!), match[3] ? columnNumber(match[3]) : 0);
    if (rows > limits.maxRows || columns > TABLE_MAX_COLUMNS) throw tableTooLarge(rows, columns, limits);
  }
}

function decodeUtf8Text(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * What an uploaded file holds, judged by its bytes: XLSX, or UTF-8 text (CSV or tab-separated). A file
 * named .xlsx/.xls/.ods that is not an XLSX workbook, and anything else (images, PDF, UTF-16 text) → null.
 */
export function detectTableKind(filename: string, bytes: Buffer): TableKind | null {
  if (isXlsx(bytes)) return "xlsx";
  if (SPREADSHEET_EXTENSIONS.test(filename)) return null;
  const text = decodeUtf8Text(bytes);
  if (text === undefined) return null;
  if (/\.csv$/i.test(filename)) return "csv";
  if (TSV_EXTENSIONS.test(filename)) return "tsv";
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  return firstLine.includes("\t") ? "tsv" : "csv";
}

export async function readTable(
  input: TableInput,
  limits: TableLimits = { maxRows: TABLE_MAX_ROWS },
): Promise<string[][]> {
  if (input.kind === "xlsx") return readWorkbook(input.bytes, limits);
  const text = input.text.replace(/^\uFEFF/, "");
  return dropTrailingEmptyRows(input.kind === "csv" ? readCsv(text) : readTabSeparated(text));
}

function dropTrailingEmptyRows(grid: string[][]): string[][] {
  let length = grid.length;
  while (length > 0 && grid[length - 1]!.every((cell) => cell.trim() === "")) length -= 1;
  return grid.slice(0, length);
}

function readTabSeparated(text: string): string[][] {
  return text.split(/\r\n|\r|\n/).map((line) => line.split("\t"));
}

/** Excel in a Vietnamese locale saves CSV with ";" because "," is the decimal mark; others use ",". */
export function detectCsvDelimiter(text: string): ";" | "," {
  const sample = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .slice(0, 10)
    .join("\n")
    .replace(/"[^"]*"/g, "");
  const semicolons = sample.split(";").length - 1;
  const commas = sample.split(",").length - 1;
  return semicolons > 0 && semicolons >= commas ? ";" : ",";
}

function readCsv(text: string): string[][] {
  try {
    return parse(text, {
      delimiter: detectCsvDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw unreadableFile({ line: Number(error.lines) || 0 });
    throw error;
  }
}

async function readWorkbook(bytes: Buffer, limits: TableLimits): Promise<string[][]> {
  checkWorkbookArchive(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations are not needed to read the cells, and ExcelJS expands each of their ranges cell by cell.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ["dataValidations"] });
  } catch {
    throw unreadableFile();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  // Only the filled cells are visited, so the cost follows what the file holds, not how far apart it is.
  let height = 0;
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    height = rowNumber;
    row.eachCell({ includeEmpty: false }, (_cell, columnNumber) => {
      width = Math.max(width, columnNumber);
    });
  });
  if (height > limits.maxRows || width > TABLE_MAX_COLUMNS) throw tableTooLarge(height, width, limits);
  const filledRows: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // A merged cell's value getter returns its top-left (master) cell's value, which is what we want.
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      while (cells.length < columnNumber - 1) cells.push("");
      cells.push(cellText(cell.value));
    });
    filledRows.push({ number: rowNumber, cells });
  });
  const grid: string[][] = [];
  for (const { number, cells } of filledRows) {
    while (grid.length < number - 1) grid.push(Array.from({ length: width }, () => ""));
    while (cells.length < width) cells.push("");
    grid.push(cells);
  }
  return dropTrailingEmptyRows(grid);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumericCell(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatCellDate(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    // A formula never calculated (a file written by a program) has no result; the formula text then
    // shows up as an unreadable number instead of the cell silently counting as empty.
    if (value.result !== undefined) return cellText(value.result);
    return `=${"formula" in value ? value.formula : value.sharedFormula}`;
  }
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

/**
 * 244.5 → "244,5", 150000000 → "150000000" (no grouping, so that a year 2021 stays "2021"). Rounded to the
 * 15 significant digits Excel shows, which removes binary noise from formulas (0.1 + 0.2 → "0,3").
 */
export function formatNumericCell(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  let plain: string;
  if (Number.isInteger(rounded)) plain = BigInt(rounded).toString();
  else if (!String(rounded).includes("e")) plain = String(rounded);
  else plain = rounded.toFixed(20).replace(/0+$/, "");
  return plain.replace(".", ",");
}

/** Excel stores dates without a time zone; ExcelJS hands them over as UTC, so the UTC fields are the date typed. */
function formatCellDate(date: Date): string {
  const pad = (part: number) => String(part).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
