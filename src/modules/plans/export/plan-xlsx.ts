import ExcelJS from "exceljs";
import type { Translate } from "../../../platform/i18n.ts";
import { amountInWords, formatMillionDong } from "../../../platform/vn-format.ts";
import { sheetName, styleHeaderCell, THIN_BORDER } from "../../../platform/xlsx-style.ts";
import { checkPlanConsistency, describeFinding } from "../consistency.ts";
import { type PlanDetail, toPlanDocument } from "../plan-detail.ts";
import {
  type BudgetTable,
  budgetColumnHeading,
  budgetRowHeading,
  buildBudgetTableByActivity,
  buildBudgetTableBySource,
} from "./budget-chart.ts";

/**
 * The plan as a workbook officials can open in Excel: general information, objectives and targets,
 * activities, the budget tables and the findings of the consistency check, one sheet each.
 *
 * Amounts are real numbers with the format code "#,##0": Excel and LibreOffice print it with the
 * grouping and decimal signs of the reader's system, so a Vietnamese installation shows "3.030" and
 * "2.224,5". A format code cannot force "." grouping for every reader without turning numbers into text.
 */

type Column = { header: string; width: number; isWrapped?: boolean };

const DATE_FORMAT = "dd/mm/yyyy";

function styleHeaderRow(row: ExcelJS.Row, columnCount: number): void {
  row.font = { bold: true };
  for (let column = 1; column <= columnCount; column += 1) {
    styleHeaderCell(row.getCell(column));
  }
}

function styleBodyRow(row: ExcelJS.Row, columns: readonly Column[]): void {
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: "top", horizontal: "left", wrapText: column.isWrapped ?? false };
    if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
  });
}

/** A sheet that is one table: bold header in row 1, frozen, bordered cells, A4 print setup. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly ExcelJS.CellValue[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  styleHeaderRow(sheet.addRow(columns.map((column) => column.header)), columns.length);
  for (const values of rows) styleBodyRow(sheet.addRow(values), columns);
  return sheet;
}

function unitNames(plan: PlanDetail, codes: readonly string[]): string {
  const names = new Map(plan.units.map((unit) => [unit.code, unit.name]));
  return codes.map((code) => names.get(code) ?? code).join("; ");
}

function calendarDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
}

function addGeneralSheet(workbook: ExcelJS.Workbook, plan: PlanDetail, t: Translate): void {
  const rows: ExcelJS.CellValue[][] = [
    [t("planExport.field.title"), plan.title],
    [t("planExport.field.decisionNumber"), plan.decisionNumber],
    [t("planExport.field.decisionDate"), calendarDate(plan.decisionDate)],
    [t("planExport.field.issuer"), plan.issuer],
    [t("planExport.field.signerTitle"), plan.signerTitle],
    [t("planExport.field.signerName"), plan.signerName],
    [
      t("planExport.field.period"),
      t("planExport.periodValue", { start: plan.periodStart, end: plan.periodEnd }),
    ],
    [t("planExport.field.province"), plan.province.name],
    [t("planExport.field.budgetUnit"), t(`planExport.unit.${plan.budgetDisplayUnit}`)],
    [t("planExport.field.summary"), plan.summary],
  ];
  const sheet = addTableSheet(
    workbook,
    t("planExport.sheet.general"),
    [
      { header: t("planExport.column.field"), width: 28 },
      { header: t("planExport.column.value"), width: 100, isWrapped: true },
    ],
    rows,
  );
  sheet.getColumn(1).font = { bold: true };
}

function addObjectivesSheet(workbook: ExcelJS.Workbook, plan: PlanDetail, t: Translate): void {
  const rows = plan.objectives.flatMap((objective) => {
    if (objective.targets.length === 0) return [[objective.code, objective.title, "", "", "", null, ""]];
    return objective.targets.map((target) => [
      objective.code,
      objective.title,
      target.code,
      target.description,
      target.valueText ?? "",
      target.targetYear,
      target.location,
    ]);
  });
  addTableSheet(
    workbook,
    t("planExport.sheet.objectives"),
    [
      { header: t("planExport.column.objectiveCode"), width: 8 },
      { header: t("planExport.column.objective"), width: 45, isWrapped: true },
      { header: t("planExport.column.targetCode"), width: 10 },
      { header: t("planExport.column.target"), width: 60, isWrapped: true },
      { header: t("planExport.column.targetValue"), width: 18, isWrapped: true },
      { header: t("planExport.column.targetYear"), width: 10 },
      { header: t("planExport.column.location"), width: 36, isWrapped: true },
    ],
    rows,
  );
}

function addActivitiesSheet(workbook: ExcelJS.Workbook, plan: PlanDetail, t: Translate): void {
  addTableSheet(
    workbook,
    t("planExport.sheet.activities"),
    [
      { header: t("planExport.column.number"), width: 8 },
      { header: t("planExport.column.activity"), width: 55, isWrapped: true },
      { header: t("planExport.column.leadUnits"), width: 30, isWrapped: true },
      { header: t("planExport.column.coordinatingUnits"), width: 36, isWrapped: true },
      { header: t("planExport.column.description"), width: 80, isWrapped: true },
    ],
    plan.activities.map((activity) => [
      activity.number,
      activity.title,
      unitNames(plan, activity.leadUnitCodes),
      unitNames(plan, activity.coordinatingUnitCodes),
      activity.description,
    ]),
  );
}

type AmountCell = { value: number; numFmt: string };

/** The amount in the plan's display unit, with as many decimals as it needs (244,5 triệu; 770 triệu). */
function amountCell(dong: bigint, unit: PlanDetail["budgetDisplayUnit"]): AmountCell {
  if (unit === "dong") return { value: Number(dong), numFmt: "#,##0" };
  const decimals = formatMillionDong(dong).split(",")[1]?.length ?? 0;
  return {
    value: Number(dong) / 1_000_000,
    numFmt: decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`,
  };
}

/** Writes one budget table from `startRow`: caption, header, rows, totals row. Returns the next free row. */
function writeBudgetTable(
  sheet: ExcelJS.Worksheet,
  startRow: number,
  caption: string,
  table: BudgetTable,
  plan: PlanDetail,
  t: Translate,
): number {
  // With a single amount column ("Cả giai đoạn") a total column would repeat it.
  const hasTotalColumn = table.columns.length > 1;
  const columnCount = 2 + table.columns.length + (hasTotalColumn ? 1 : 0);
  const captionCell = sheet.getCell(startRow, 1);
  captionCell.value = caption;
  captionCell.font = { bold: true };

  const header = sheet.getRow(startRow + 1);
  header.values = [
    t("planExport.column.number"),
    t("planExport.column.budgetItem"),
    ...table.columns.map((column) => budgetColumnHeading(column, t)),
    ...(hasTotalColumn ? [t("planExport.column.total")] : []),
  ];
  styleHeaderRow(header, columnCount);

  const writeAmounts = (row: ExcelJS.Row, amounts: readonly (bigint | null)[]): void => {
    amounts.forEach((amount, index) => {
      const cell = row.getCell(3 + index);
      cell.border = THIN_BORDER;
      if (amount === null) return;
      const { value, numFmt } = amountCell(amount, plan.budgetDisplayUnit);
      cell.value = value;
      cell.numFmt = numFmt;
    });
  };

  let rowNumber = startRow + 2;
  for (const tableRow of table.rows) {
    const row = sheet.getRow(rowNumber);
    const [number, label] = budgetRowHeading(tableRow, t);
    row.getCell(1).value = number;
    row.getCell(2).value = label;
    for (const column of [1, 2]) {
      row.getCell(column).border = THIN_BORDER;
      row.getCell(column).alignment = { vertical: "top", wrapText: true };
    }
    writeAmounts(row, hasTotalColumn ? [...tableRow.amounts, tableRow.total] : tableRow.amounts);
    rowNumber += 1;
  }

  const totalsRow = sheet.getRow(rowNumber);
  totalsRow.getCell(1).border = THIN_BORDER;
  totalsRow.getCell(2).value = t("planExport.row.total");
  totalsRow.getCell(2).border = THIN_BORDER;
  // Totals are values from computeTotals, the same figures the consistency check compares the document with.
  writeAmounts(totalsRow, hasTotalColumn ? [...table.columnTotals, table.grandTotal] : table.columnTotals);
  totalsRow.font = { bold: true };
  return rowNumber + 1;
}

function addBudgetSheet(workbook: ExcelJS.Workbook, plan: PlanDetail, t: Translate): void {
  const byActivity = buildBudgetTableByActivity(plan);
  const bySource = buildBudgetTableBySource(plan);
  const headerRow = 4;
  const sheet = workbook.addWorksheet(sheetName(t("planExport.sheet.budget")), {
    views: [{ state: "frozen", ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columnCount = 2 + bySource.columns.length + (bySource.columns.length > 1 ? 1 : 0);
  sheet.columns = [
    { width: 8 },
    { width: 60 },
    ...Array.from({ length: columnCount - 2 }, () => ({
      width: plan.budgetDisplayUnit === "dong" ? 17 : 13,
    })),
  ];

  sheet.getCell(1, 1).value = t("planExport.budget.title");
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const unitNote = sheet.getCell(2, columnCount);
  unitNote.value = t(`planExport.unitNote.${plan.budgetDisplayUnit}`);
  unitNote.font = { italic: true };
  unitNote.alignment = { horizontal: "right" };

  // Row 3 is the first table's caption and row 4 its header, the row frozen at the top.
  let nextRow = headerRow - 1;
  if (byActivity) {
    nextRow = writeBudgetTable(sheet, nextRow, t("planExport.budget.byActivity"), byActivity, plan, t) + 1;
  }
  nextRow = writeBudgetTable(sheet, nextRow, t("planExport.budget.bySource"), bySource, plan, t);

  const words = sheet.getCell(nextRow + 1, 1);
  words.value = t("planExport.amountInWords", { words: amountInWords(bySource.grandTotal) });
  words.font = { italic: true };
  sheet.mergeCells(nextRow + 1, 1, nextRow + 1, columnCount);
}

function addFindingsSheet(workbook: ExcelJS.Workbook, plan: PlanDetail, t: Translate): void {
  const findings = checkPlanConsistency(toPlanDocument(plan));
  const rows: ExcelJS.CellValue[][] =
    findings.length === 0
      ? [["", "", t("consistency.none"), "", "", ""]]
      : findings.map((finding, index) => [
          index + 1,
          t(`consistency.severity.${finding.severity}`),
          describeFinding(finding, t),
          finding.location,
          finding.stated ?? "",
          finding.expected ?? "",
        ]);
  addTableSheet(
    workbook,
    t("planExport.sheet.findings"),
    [
      { header: t("planExport.column.number"), width: 6 },
      { header: t("planExport.column.severity"), width: 12 },
      { header: t("planExport.column.finding"), width: 80, isWrapped: true },
      { header: t("planExport.column.location"), width: 36, isWrapped: true },
      { header: t("planExport.column.stated"), width: 24, isWrapped: true },
      { header: t("planExport.column.expected"), width: 24, isWrapped: true },
    ],
    rows,
  );
}

export async function exportPlanXlsx(plan: PlanDetail, t: Translate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cổng TMĐT";
  workbook.title = plan.title;
  // The plan's own timestamp, not "now": exporting the same plan twice gives the same workbook metadata.
  workbook.created = plan.updatedAt;
  workbook.modified = plan.updatedAt;
  addGeneralSheet(workbook, plan, t);
  addObjectivesSheet(workbook, plan, t);
  addActivitiesSheet(workbook, plan, t);
  addBudgetSheet(workbook, plan, t);
  addFindingsSheet(workbook, plan, t);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
