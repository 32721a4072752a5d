import type ExcelJS from "exceljs";

/** The look of the workbooks the portal exports (plans, floor statistics): grey bold headers, thin borders. */

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EAEE" } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

// Excel limits sheet names to 31 characters and forbids a few signs.
const SHEET_NAME_MAX_LENGTH = 31;

export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "-").slice(0, SHEET_NAME_MAX_LENGTH);
}

export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.fill = HEADER_FILL;
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}
