import { foldVietnamese } from "../../../platform/text.ts";
import { formatMillionDong, formatNumber, parseAmountToDong } from "../../../platform/vn-format.ts";
import type { BudgetLine, FundingSource, StatedTotal } from "../plan-document.ts";
import {
  type Column,
  cellName,
  columnLetter,
  foldLabel,
  isTotalLabel,
  type Layout,
  readHeader,
} from "./budget-table-layout.ts";

export { columnLetter } from "./budget-table-layout.ts";

/*
 * Turns a budget table an official uploads (the grid from read-table.ts) into budget lines. All or nothing:
 * the result holds either the lines or every bad cell, never both, so a half-right table is never imported.
 *
 * 1. Header row: the first row whose column A reads "STT", "Số TT", "TT" (a table of activities) or
 *    "Nguồn", "Nguồn kinh phí" (a table of sources); case and tone marks do not matter. If the next row
 *    leaves column A empty (or repeats it, as a merged cell does) and holds years, it is a second header
 *    row naming the columns under a group heading such as "Năm thực hiện" (BR-VT 2021–2025).
 * 2. Columns after A, by header:
 *    - a year ("2021", "Năm 2021"): that year's amounts. A year outside periodStart..periodEnd, or a year
 *      given twice, is an error on the header cell, and that column is not read;
 *    - "Nội dung…": the label, read only to spot the total row;
 *    - "Nguồn…": the funding source of the row;
 *    - "Kinh phí…", "Cả giai đoạn", "Tổng", "Tổng cộng", "Tổng số", "Cộng": when there are year columns,
 *      a row total that is only checked against the row's sum. When there are none, the first of them
 *      holds the whole-period amount (year null), and any later one is checked;
 *    - any other column ("Đơn vị chủ trì", "Ghi chú") is ignored.
 *    A table without a year column or whole-period column is refused.
 * 3. Rows:
 *    - activity table: column A is the activity number and must be one of `activityNumbers` ("1." is "1").
 *      The source is in the "Nguồn" column. If there is no such column or the cell is empty, it is
 *      `defaultSource`;
 *    - source table: column A is "Nguồn", or it is "STT" and a "Nguồn" column follows with no "Nội dung"
 *      column. In that case the STT is only a sequence number (BR-VT 2021–2025). activityNumber is null.
 *      Trung ương → central; tỉnh, địa phương → provincial; doanh nghiệp → enterprise; khác, xã hội hoá,
 *      tài trợ, huy động → other. A name that matches none of them, or more than one, is an error;
 *    - a row with no amount and no usable number is skipped. This covers a label wrapped onto a line of
 *      its own and a group heading ("I", "A"). Only rows that carry amounts need a valid number or source;
 *    - the same activity and source on two rows is an error, because we cannot tell which is meant.
 * 4. Cells: simple HTML tags such as <b> and surrounding spaces are removed. Empty, "-" and "0" give no
 *    line (a zero line funds nothing). Anything else is read by parseAmountToDong in `unit`. A malformed
 *    number ("150.0000.000", "12.34", "abc"), a fraction of a đồng or a negative amount is an error naming
 *    the cell.
 * 5. Total row: a row whose column A, label or source reads "Tổng cộng", "Tổng", "Tổng số" or "Cộng". It is
 *    not imported. Each of its cells must equal the sum of its column (in a row-total column, the sum of
 *    everything). A row or column that already has an unreadable cell is not summed, so one typo gives one
 *    error.
 * 6. A table that yields no line is an error ("emptyTable"). Errors give 1-based rows and column letters,
 *    as a spreadsheet shows them.
 */

export type BudgetCellError = {
  /** 1-based, as the spreadsheet numbers its rows. */
  row: number;
  /** Spreadsheet column letter: "A", "C", "AA". */
  column: string;
  header?: string;
  messageKey: string;
  params?: Record<string, string | number>;
};

/** Each is a message key `budgetImport.error.<kind>` in locales/{vi,en}/budget-import.json. */
export const budgetErrorKinds = [
  "noHeader",
  "noAmountColumn",
  "emptyTable",
  "malformedNumber",
  "fractionOfDong",
  "negativeAmount",
  "unknownActivity",
  "missingActivity",
  "unknownSource",
  "yearOutOfPeriod",
  "duplicateColumn",
  "duplicateRow",
  "rowTotalMismatch",
  "columnTotalMismatch",
] as const;
export type BudgetErrorKind = (typeof budgetErrorKinds)[number];

export type ParseBudgetTableOptions = {
  unit: "dong" | "million";
  activityNumbers: readonly string[];
  periodStart: number;
  periodEnd: number;
  defaultSource: FundingSource;
};

export type ParseBudgetTableResult =
  | { ok: true; lines: BudgetLine[]; statedTotals: StatedTotal[] }
  | { ok: false; errors: BudgetCellError[] };

type Fail = (
  kind: BudgetErrorKind,
  rowIndex: number,
  columnIndex: number,
  header: string | undefined,
  params?: Record<string, string | number>,
) => void;

const TABLE_LOCATION = "Bảng kinh phí tải lên";
const SOURCE_NAMES: ReadonlyArray<readonly [RegExp, FundingSource]> = [
  [/\b(trung uong|central)\b/, "central"],
  [/\b(tinh|dia phuong|provincial|province)\b/, "provincial"],
  [/\b(doanh nghiep|enterprises?)\b/, "enterprise"],
  [/\b(khac|xa hoi hoa|tai tro|huy dong|other)\b/, "other"],
];

/** Word and HTML exports wrap bold totals in <b>; pasted text keeps no-break spaces and stray runs of them. */
function cleanCell(text: string | undefined): string {
  return (text ?? "")
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, "")
    .replaceAll("&nbsp;", " ")
    .replaceAll("&amp;", "&")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

const isBlank = (text: string | undefined) => {
  const parsed = parseAmountToDong(text ?? "", "dong");
  return !parsed.ok && parsed.reason === "empty";
};

function findSource(name: string): FundingSource | null {
  const folded = foldVietnamese(name);
  const matches = SOURCE_NAMES.filter(([pattern]) => pattern.test(folded));
  return matches.length === 1 ? matches[0]![1] : null;
}

export function parseBudgetTable(grid: string[][], options: ParseBudgetTableOptions): ParseBudgetTableResult {
  // Rows pasted from Word or saved as CSV may stop early; padding keeps every column index valid.
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  const rows = grid.map((row) => Array.from({ length: width }, (_, index) => cleanCell(row[index])));
  const errors: BudgetCellError[] = [];
  const fail: Fail = (kind, rowIndex, columnIndex, header, params = {}) => {
    const cell = cellName(rowIndex, columnIndex);
    errors.push({
      row: rowIndex + 1,
      column: columnLetter(columnIndex),
      ...(header === undefined ? {} : { header }),
      messageKey: `budgetImport.error.${kind}`,
      params: { cell, row: rowIndex + 1, ...(header === undefined ? {} : { header }), ...params },
    });
  };

  const layout = readHeader(rows, options, fail);
  if (!layout) return { ok: false, errors };
  const result = readBody(rows, layout, options, fail);
  if (errors.length === 0 && result.lines.length === 0) {
    fail("emptyTable", layout.firstDataRow, 0, layout.firstColumnHeader);
  }
  if (errors.length > 0) {
    errors.sort(
      (a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column),
    );
    return { ok: false, errors };
  }
  return { ok: true, ...result };
}

type RowKey = { activityNumber: string | null; source: FundingSource; keyText: string; keyColumn: number };

function readBody(rows: string[][], layout: Layout, options: ParseBudgetTableOptions, fail: Fail) {
  const activityByFoldedNumber = new Map(
    options.activityNumbers.map((number) => [foldLabel(number), number] as const),
  );
  const formatAmount = (dong: bigint) =>
    options.unit === "million" ? formatMillionDong(dong) : formatNumber(dong);
  const lines: BudgetLine[] = [];
  const statedTotals: StatedTotal[] = [];
  const columnSums = new Map<number, bigint>();
  const unreadableColumns = new Set<number>();
  const firstRowByKey = new Map<string, number>();
  const totalRows: number[] = [];
  let grandSum = 0n;

  /** undefined: no amount; null: an error was reported. */
  const readAmount = (rowIndex: number, column: Column): bigint | null | undefined => {
    const text = rows[rowIndex]![column.index] ?? "";
    const parsed = parseAmountToDong(text, options.unit);
    if (!parsed.ok && parsed.reason === "empty") return undefined;
    if (!parsed.ok || parsed.dong < 0n) {
      const kind = parsed.ok
        ? "negativeAmount"
        : parsed.reason === "malformed"
          ? "malformedNumber"
          : "fractionOfDong";
      fail(kind, rowIndex, column.index, column.header, { text });
      unreadableColumns.add(column.index);
      return null;
    }
    return parsed.dong;
  };
  const stateTotal = (rowIndex: number, column: Column, scope: StatedTotal["scope"], key: string) => {
    const printed = rows[rowIndex]![column.index]!.slice(0, 60);
    const location = `${TABLE_LOCATION}, ô ${cellName(rowIndex, column.index)}`;
    statedTotals.push({ scope, key, printed, printedUnit: options.unit, location });
  };

  for (let rowIndex = layout.firstDataRow; rowIndex < rows.length; rowIndex += 1) {
    const row = rows[rowIndex]!;
    if (row.every((cell) => cell === "")) continue;
    const labels = [row[0], layout.labelColumn && row[layout.labelColumn.index]];
    if (layout.sourceColumn) labels.push(row[layout.sourceColumn.index]);
    if (labels.some((label) => label && isTotalLabel(label))) {
      totalRows.push(rowIndex);
      continue;
    }
    const amounts = layout.amountColumns.map((column) => ({ column, dong: readAmount(rowIndex, column) }));
    // A stated row total alone also needs a valid key, or a wrong total would pass unnoticed.
    const hasAmounts = amounts.some(({ dong }) => dong !== undefined);
    const hasFigures = hasAmounts || layout.checkColumns.some((column) => !isBlank(row[column.index]));
    const key = readRowKey(rowIndex, hasFigures);
    if (!key) {
      // The row's amounts are not counted, so the column totals can no longer be checked.
      if (hasAmounts) for (const { column } of amounts) unreadableColumns.add(column.index);
      continue;
    }
    const keyId = `${key.activityNumber}|${key.source}`;
    const firstRow = firstRowByKey.get(keyId);
    if (firstRow !== undefined) {
      const header = key.keyColumn === 0 ? layout.firstColumnHeader : layout.sourceColumn?.header;
      fail("duplicateRow", rowIndex, key.keyColumn, header, { text: key.keyText, firstRow: firstRow + 1 });
    }
    firstRowByKey.set(keyId, rowIndex);

    const isReadable = amounts.every(({ dong }) => dong !== null);
    let rowSum = 0n;
    for (const { column, dong } of amounts) {
      if (dong === undefined || dong === null) continue;
      rowSum += dong;
      columnSums.set(column.index, (columnSums.get(column.index) ?? 0n) + dong);
      if (dong === 0n) continue;
      lines.push({
        activityNumber: key.activityNumber,
        year: column.year,
        source: key.source,
        amountDong: dong,
        label: null,
        unitPriceDong: null,
        quantity: null,
        quantityUnit: null,
      });
    }
    grandSum += rowSum;
    for (const column of layout.checkColumns) {
      const stated = readAmount(rowIndex, column);
      if (stated === undefined || stated === null || !isReadable) continue;
      if (stated !== rowSum) {
        fail("rowTotalMismatch", rowIndex, column.index, column.header, {
          text: row[column.index]!,
          expected: formatAmount(rowSum),
        });
      }
      if (layout.isSourceTable) stateTotal(rowIndex, column, "source", key.source);
      else if (layout.sourceColumn)
        stateTotal(rowIndex, column, "activity-source", `${key.activityNumber}:${key.source}`);
      else stateTotal(rowIndex, column, "activity", key.activityNumber!);
    }
  }

  for (const rowIndex of totalRows) {
    for (const column of [...layout.amountColumns, ...layout.checkColumns]) {
      const stated = readAmount(rowIndex, column);
      const isCheck = column.role === "rowTotal";
      if (stated === undefined || stated === null) continue;
      if (!isCheck && unreadableColumns.has(column.index)) continue;
      if (isCheck && layout.amountColumns.some((amount) => unreadableColumns.has(amount.index))) continue;
      const expected = isCheck ? grandSum : (columnSums.get(column.index) ?? 0n);
      if (stated !== expected) {
        fail("columnTotalMismatch", rowIndex, column.index, column.header, {
          text: rows[rowIndex]![column.index]!,
          expected: formatAmount(expected),
        });
      }
      stateTotal(rowIndex, column, column.year === null ? "grand" : "year", column.year?.toString() ?? "");
    }
  }
  return { lines, statedTotals };

  function readRowKey(rowIndex: number, hasFigures: boolean): RowKey | null {
    const row = rows[rowIndex]!;
    const sourceText = layout.sourceColumn ? row[layout.sourceColumn.index]! : "";
    if (layout.isSourceTable) {
      const column = layout.sourceColumn!;
      if (sourceText === "" && !hasFigures) return null;
      const source = findSource(sourceText);
      if (!source) {
        fail("unknownSource", rowIndex, column.index, column.header, { text: sourceText });
        return null;
      }
      return { activityNumber: null, source, keyText: sourceText, keyColumn: column.index };
    }
    const numberText = row[0] ?? "";
    const activityNumber = activityByFoldedNumber.get(foldLabel(numberText));
    if (!hasFigures && (numberText === "" || activityNumber === undefined)) return null;
    if (numberText === "") {
      fail("missingActivity", rowIndex, 0, layout.firstColumnHeader);
      return null;
    }
    if (activityNumber === undefined) {
      fail("unknownActivity", rowIndex, 0, layout.firstColumnHeader, { text: numberText });
      return null;
    }
    let source = options.defaultSource;
    if (layout.sourceColumn && sourceText !== "") {
      const found = findSource(sourceText);
      if (!found) {
        const column = layout.sourceColumn;
        fail("unknownSource", rowIndex, column.index, column.header, { text: sourceText });
        return null;
      }
      source = found;
    }
    return { activityNumber, source, keyText: numberText, keyColumn: 0 };
  }
}
