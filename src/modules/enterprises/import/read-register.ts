import { CsvError, parse } from "csv-parse/sync";
import { ValidationError } from "../../../platform/errors.ts";
import { detectTableKind, readTable, TABLE_MAX_ROWS } from "../../plans/budget-import/read-table.ts";

/*
 * Reads an uploaded register into a grid of cell texts (row 1 of the sheet at index 0). Workbooks go through the
 * plans module's reader, which guards against ZIP bombs and oversized sheets (TABLE_MAX_ROWS rows); CSV is read
 * here, since a register exported as CSV may be far longer than a budget table and text is cheap to read.
 * UTF-8 with or without a BOM; "," or ";" separated (Excel in a Vietnamese locale writes ";").
 */

export const CSV_MAX_ROWS = 100_000;

const refuse = (messageKey: string, params: Record<string, string | number> = {}) =>
  new ValidationError([{ field: "file", messageKey, params }]);

function detectDelimiter(text: string): ";" | "," {
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

function readCsv(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw refuse("enterprises.import.error.encoding");
  }
  try {
    const grid = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: CSV_MAX_ROWS + 20,
    }) as string[][];
    if (grid.length > CSV_MAX_ROWS + 10)
      throw refuse("enterprises.import.error.tooLarge", { max: CSV_MAX_ROWS });
    return grid;
  } catch (error) {
    if (error instanceof CsvError)
      throw refuse("enterprises.import.error.unreadable", { line: Number(error.lines) || 0 });
    throw error;
  }
}

export async function readRegisterFile(
  file: { filename: string; bytes: Buffer } | null,
): Promise<string[][]> {
  if (!file) throw refuse("enterprises.import.error.noFile");
  const kind = detectTableKind(file.filename, file.bytes);
  if (kind === "xlsx") {
    try {
      return await readTable({ kind, bytes: file.bytes });
    } catch (error) {
      // The shared reader words its refusals for budget tables; say it for the register.
      if (error instanceof ValidationError) {
        const key = error.issues[0]?.messageKey ?? "";
        if (key.endsWith("tableTooLarge") || key.endsWith("workbookTooLarge")) {
          throw refuse("enterprises.import.error.tooLarge", { max: TABLE_MAX_ROWS });
        }
        throw refuse("enterprises.import.error.unreadable", { line: 0 });
      }
      throw error;
    }
  }
  if (kind === "csv" || (kind === "tsv" && /\.csv$/i.test(file.filename))) return readCsv(file.bytes);
  throw refuse("enterprises.import.error.fileType");
}
