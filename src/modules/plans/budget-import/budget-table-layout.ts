import { foldVietnamese } from "../../../platform/text.ts";

// Recognises the shape of an uploaded budget table: which row is the header, which column holds what.
// Steps 1 and 2 of the rules in parse-budget-table.ts; reading the rows under the header stays there.

type ColumnRole = "year" | "period" | "rowTotal" | "label" | "source";
export type Column = {
  index: number;
  role: ColumnRole;
  year: number | null;
  header: string;
  headerRow: number;
};
export type Layout = {
  isSourceTable: boolean;
  firstColumnHeader: string;
  firstDataRow: number;
  sourceColumn: Column | null;
  labelColumn: Column | null;
  amountColumns: Column[];
  checkColumns: Column[];
};

/** The errors a header can cause; parse-budget-table.ts reports them with the rest. */
type LayoutErrorKind = "noHeader" | "noAmountColumn" | "yearOutOfPeriod" | "duplicateColumn";
type FailLayout = (
  kind: LayoutErrorKind,
  rowIndex: number,
  columnIndex: number,
  header: string | undefined,
  params?: Record<string, string | number>,
) => void;

const ACTIVITY_NUMBER_HEADERS = new Set(["stt", "so tt", "tt", "so thu tu"]);
const SOURCE_HEADERS = new Set(["nguon", "nguon kinh phi", "nguon von"]);
const TOTAL_LABELS = new Set(["tong cong", "tong", "tong so", "cong"]);
const TOTAL_HEADER = /^(tong cong|tong so|tong kinh phi|kinh phi|ca giai doan)\b/;
const YEAR_HEADER = /^(?:nam )?(\d{4})$/;

export function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export const cellName = (rowIndex: number, columnIndex: number) =>
  `${columnLetter(columnIndex)}${rowIndex + 1}`;

/** "Tổng cộng:", "STT." and "Tổng cộng (triệu đồng)" are read as "tong cong" and "stt". */
export const foldLabel = (text: string) =>
  foldVietnamese(text)
    .replace(/\s*\([^)]*\)$/, "")
    .replace(/[.:]+$/, "")
    .trim();

export const isTotalLabel = (text: string) => TOTAL_LABELS.has(foldLabel(text));

function classifyHeader(text: string): { role: ColumnRole; year: number | null } | null {
  const folded = foldLabel(text);
  const year = YEAR_HEADER.exec(folded);
  if (year) return { role: "year", year: Number(year[1]) };
  if (folded.startsWith("noi dung")) return { role: "label", year: null };
  if (folded.startsWith("nguon")) return { role: "source", year: null };
  if (TOTAL_LABELS.has(folded) || TOTAL_HEADER.test(folded)) return { role: "period", year: null };
  return null;
}

export function readHeader(
  rows: string[][],
  options: { periodStart: number; periodEnd: number },
  fail: FailLayout,
): Layout | null {
  // Two filled cells at least: a line of pasted prose that happens to start with "TT" is not a header.
  const headerIndex = rows.findIndex((row) => {
    const folded = foldLabel(row[0] ?? "");
    const isHeading = ACTIVITY_NUMBER_HEADERS.has(folded) || SOURCE_HEADERS.has(folded);
    return isHeading && row.filter((cell) => cell !== "").length >= 2;
  });
  if (headerIndex < 0) {
    fail("noHeader", 0, 0, undefined);
    return null;
  }
  const top = rows[headerIndex]!;
  const firstColumnHeader = top[0]!;
  const next = rows[headerIndex + 1] ?? [];
  const hasSubHeader =
    (next[0] === "" || next[0] === firstColumnHeader) &&
    next.some((cell, index) => index > 0 && classifyHeader(cell)?.role === "year");
  const width = Math.max(top.length, hasSubHeader ? next.length : 0);

  const columns: Column[] = [];
  const yearColumns = new Map<number, Column>();
  let hasYearHeader = false;
  for (let index = 1; index < width; index += 1) {
    const useSub = hasSubHeader && (next[index] ?? "") !== "";
    const header = useSub ? next[index]! : (top[index] ?? "");
    const headerRow = useSub ? headerIndex + 1 : headerIndex;
    const kind = classifyHeader(header);
    if (!kind) continue;
    const column: Column = { index, headerRow, header, ...kind };
    if (column.year !== null) {
      hasYearHeader = true;
      const first = yearColumns.get(column.year);
      if (column.year < options.periodStart || column.year > options.periodEnd) {
        fail("yearOutOfPeriod", headerRow, index, header, {
          year: column.year,
          periodStart: options.periodStart,
          periodEnd: options.periodEnd,
        });
        continue;
      }
      if (first) {
        fail("duplicateColumn", headerRow, index, header, {
          firstCell: cellName(first.headerRow, first.index),
        });
        continue;
      }
      yearColumns.set(column.year, column);
    }
    columns.push(column);
  }

  // A year column that was refused still makes "Tổng" a row total, never the whole-period amount.
  const totals = columns.filter((column) => column.role === "period");
  const amountColumns = hasYearHeader ? [...yearColumns.values()] : totals.slice(0, 1);
  const checkColumns = (hasYearHeader ? totals : totals.slice(1)).map((column) => ({
    ...column,
    role: "rowTotal" as const,
  }));
  const sourceColumn = columns.find((column) => column.role === "source") ?? null;
  const labelColumn = columns.find((column) => column.role === "label") ?? null;
  const isFirstColumnSource = SOURCE_HEADERS.has(foldLabel(firstColumnHeader));
  if (amountColumns.length === 0) {
    // A refused year header has already said why no column is left to read.
    if (!hasYearHeader) fail("noAmountColumn", headerIndex, 0, firstColumnHeader);
    return null;
  }
  return {
    isSourceTable: isFirstColumnSource || (sourceColumn !== null && labelColumn === null),
    firstColumnHeader,
    firstDataRow: headerIndex + (hasSubHeader ? 2 : 1),
    sourceColumn: isFirstColumnSource
      ? { index: 0, role: "source", year: null, header: firstColumnHeader, headerRow: headerIndex }
      : sourceColumn,
    labelColumn,
    amountColumns,
    checkColumns,
  };
}
