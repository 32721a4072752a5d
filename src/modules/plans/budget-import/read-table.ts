import { inflateRawSync } from "node:zlib";
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ValidationError } from "../../../platform/errors.ts";

/*
 * Reads an uploaded budget table into a grid of cell texts, one string per cell, row 1 of the sheet at
 * index 0, so that parse-budget-table.ts reads XLSX, CSV and pasted text with the same rules and reports
 * the row numbers the official sees. Numbers from XLSX are written the Vietnamese way ("244,5"), because
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

const unreadableFile = (params: Record<string, string | number> = {}) =>
  new ValidationError([{ field: "file", messageKey: "budgetImport.error.unreadableFile", params }]);

/** Reads one stored file of a ZIP archive through its central directory; undefined when it is not there. */
function readZipEntry(bytes: Buffer, name: string): Buffer | undefined {
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
  for (let entry = 0; entry < entryCount && offset + 46 <= bytes.length; entry += 1) {
    if (bytes.readUInt32LE(offset) !== ZIP_CENTRAL_HEADER) return undefined;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const entryName = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== ZIP_LOCAL_HEADER)
      return undefined;
    const dataStart =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) return data;
    if (method !== 8) return undefined;
    try {
      return inflateRawSync(data, { maxOutputLength: CONTENT_TYPES_MAX_BYTES });
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isXlsx(bytes: Buffer): boolean {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== ZIP_LOCAL_HEADER) return false;
  // A .docx or .pptx is a ZIP too; only a workbook declares spreadsheetml content.
  return readZipEntry(bytes, "[Content_Types].xml")?.toString("utf8").includes("spreadsheetml") ?? false;
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

export async function readTable(input: TableInput): Promise<string[][]> {
  if (input.kind === "xlsx") return readWorkbook(input.bytes);
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
function detectCsvDelimiter(text: string): ";" | "," {
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

async function readWorkbook(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadableFile();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    // A merged cell's value getter returns its top-left (master) cell's value, which is what we want.
    for (let columnNumber = 1; columnNumber <= sheet.columnCount; columnNumber += 1) {
      cells.push(cellText(row.getCell(columnNumber).value));
    }
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
