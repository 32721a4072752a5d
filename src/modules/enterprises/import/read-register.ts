import { CsvError, parse } from "csv-parse/sync";
import { ValidationError } from "../../../platform/errors.ts";
import { detectCsvDelimiter, detectTableKind, readTable } from "../../../platform/table-reader.ts";

/*
 * Reads an uploaded register into a grid of cell texts (row 1 of the sheet at index 0). Workbooks go through the
 * platform's table reader, which guards against ZIP bombs and oversized sheets; both formats accept up to
 * REGISTER_MAX_ROWS rows (a province's register runs to tens of thousands of enterprises). CSV is read here.
 * UTF-8 with or without a BOM; "," or ";" separated (Excel in a Vietnamese locale writes ";").
 */

export const REGISTER_MAX_ROWS = 100_000;

const refuse = (messageKey: string, params: Record<string, string | number> = {}) =>
  new ValidationError([{ field: "file", messageKey, params }]);

function readCsv(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw refuse("enterprises.import.error.encoding");
  }
  try {
    const grid = parse(text, {
      delimiter: detectCsvDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: REGISTER_MAX_ROWS + 20,
    }) as string[][];
    if (grid.length > REGISTER_MAX_ROWS + 10)
      throw refuse("enterprises.import.error.tooLarge", { max: REGISTER_MAX_ROWS });
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
      return await readTable({ kind, bytes: file.bytes }, { maxRows: REGISTER_MAX_ROWS + 20 });
    } catch (error) {
      // Say the reader's refusals in the register's own words.
      if (error instanceof ValidationError) {
        const key = error.issues[0]?.messageKey ?? "";
        if (key.endsWith("tableTooLarge") || key.endsWith("workbookTooLarge")) {
          throw refuse("enterprises.import.error.tooLarge", { max: REGISTER_MAX_ROWS });
        }
        throw refuse("enterprises.import.error.unreadable", { line: 0 });
      }
      throw error;
    }
  }
  if (kind === "csv" || (kind === "tsv" && /\.csv$/i.test(file.filename))) return readCsv(file.bytes);
  throw refuse("enterprises.import.error.fileType");
}
