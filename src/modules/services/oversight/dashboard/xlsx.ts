import ExcelJS from "exceljs";
import type { Translate } from "../../../../platform/i18n.ts";
import { sheetName, styleHeaderCell, THIN_BORDER } from "../../../../platform/xlsx-style.ts";
import type { ProgressFigures, ServiceDashboard } from "./queries.ts";
import { monthLabel, onTimeTotal, percentOf, scoreLabel, shares } from "./shares.ts";

/**
 * The dashboard as a workbook for the periodic reports: the same figures as the page, one sheet per table.
 * Counts are numbers ("#,##0"), shares are fractions formatted "0.0%" (Excel prints the reader's decimal sign),
 * an empty share (nothing to divide by) is an empty cell.
 */

type Cell = string | number | null;
const PERCENT = "0.0%";
const COUNT = "#,##0";

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width: number; format?: string }[],
  rows: Cell[][],
): void {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell(styleHeaderCell);
  for (const values of rows) {
    const row = sheet.addRow(values);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.border = THIN_BORDER;
      if (typeof cell.value === "number") cell.numFmt = column.format ?? COUNT;
    });
  }
}

/** Shares as fractions for Excel's percent format. */
const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

function progressColumns(t: Translate) {
  return [
    { header: t("services.dashboard.received"), width: 12 },
    { header: t("services.dashboard.receivedOnline"), width: 12 },
    { header: t("services.dashboard.onlineShare"), width: 12, format: PERCENT },
    { header: t("services.dashboard.processed"), width: 12 },
    { header: t("services.dashboard.processedOnTime"), width: 12 },
    { header: t("services.dashboard.processedLate"), width: 12 },
    { header: t("services.dashboard.onTimeShare"), width: 12, format: PERCENT },
    { header: t("services.dashboard.paidOnlineShare"), width: 14, format: PERCENT },
  ];
}

function progressCells(figures: ProgressFigures): Cell[] {
  const share = shares(figures);
  return [
    figures.received,
    figures.receivedOnline,
    fraction(share.online),
    figures.processed,
    onTimeTotal(figures),
    figures.late,
    fraction(share.onTime),
    fraction(share.paidOnline),
  ];
}

export async function exportDashboardXlsx(
  dashboard: ServiceDashboard,
  t: Translate,
  locale: "vi" | "en",
  provinceName: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("layout.siteName");
  workbook.title = `${t("services.dashboard.title")} — ${provinceName}`;
  const { totals, satisfaction } = dashboard;
  const share = shares(totals);
  const summaryRows: [string, Cell, string?][] = [
    [t("services.dashboard.province"), provinceName],
    [t("services.dashboard.year"), dashboard.year, "0"],
    [t("services.dashboard.received"), totals.received],
    [t("services.dashboard.receivedOnline"), totals.receivedOnline],
    [t("services.dashboard.onlineShare"), fraction(share.online), PERCENT],
    [t("services.dashboard.processed"), totals.processed],
    [t("services.dashboard.processedOnTime"), onTimeTotal(totals)],
    [t("services.dashboard.processedEarly"), totals.early],
    [t("services.dashboard.processedLate"), totals.late],
    [t("services.dashboard.onTimeShare"), fraction(share.onTime), PERCENT],
    [t("services.dashboard.averageDays"), totals.averageProcessingDays, "0.0"],
    [t("services.dashboard.withFee"), totals.withFee],
    [t("services.dashboard.paidOnline"), totals.paidOnline],
    [t("services.dashboard.paidOnlineShare"), fraction(share.paidOnline), PERCENT],
    [t("services.dashboard.inProgress"), dashboard.inProgress],
    [t("services.dashboard.overdueInProgress"), dashboard.overdueInProgress],
    [t("services.dashboard.ratingCount"), satisfaction.count],
    [t("services.dashboard.ratingAverage"), satisfaction.average, "0.00"],
  ];
  addSheet(
    workbook,
    t("services.dashboard.sheet.summary"),
    [
      { header: t("services.dashboard.indicator"), width: 56 },
      { header: t("services.dashboard.value"), width: 18 },
    ],
    summaryRows.map(([label, value]) => [label, value]),
  );
  // Each summary line has its own kind of number (count, share, average).
  summaryRows.forEach(([, , format], index) => {
    if (format) workbook.worksheets[0]!.getRow(index + 2).getCell(2).numFmt = format;
  });
  addSheet(
    workbook,
    t("services.dashboard.sheet.monthly"),
    [{ header: t("services.dashboard.month"), width: 12 }, ...progressColumns(t)],
    dashboard.byMonth.map((row) => [monthLabel(row.month), ...progressCells(row)]),
  );
  addSheet(
    workbook,
    t("services.dashboard.sheet.procedures"),
    [
      { header: t("services.dashboard.procedureCode"), width: 14 },
      { header: t("services.dashboard.procedure"), width: 56 },
      ...progressColumns(t),
      { header: t("services.dashboard.averageDays"), width: 14, format: "0.0" },
    ],
    dashboard.byProcedure.map((row) => [
      row.code,
      locale === "en" ? row.nameEn : row.name,
      ...progressCells(row),
      row.averageProcessingDays,
    ]),
  );
  addSheet(
    workbook,
    t("services.dashboard.sheet.satisfaction"),
    [
      { header: t("services.dashboard.score"), width: 28 },
      { header: t("services.dashboard.ratings"), width: 12 },
      { header: t("services.dashboard.ratingShare"), width: 12, format: PERCENT },
    ],
    satisfaction.distribution.map((row) => [
      `${row.score} — ${scoreLabel(row.score, t)}`,
      row.count,
      fraction(percentOf(row.count, satisfaction.count)),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
