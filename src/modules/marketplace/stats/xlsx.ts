import ExcelJS from "exceljs";
import type { Translate } from "../../../platform/i18n.ts";
import { sheetName, styleHeaderCell, THIN_BORDER } from "../../../platform/xlsx-style.ts";
import { type FloorStats, monthLabel, periodLabel } from "./queries.ts";

/**
 * The floor statistics as a workbook for the plans' reports: the same figures as the page, one sheet per
 * table, counts as real numbers (format "#,##0": Excel prints the reader's grouping sign, "1.234" in Vietnam).
 */

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width: number }[],
  rows: (string | number)[][],
): void {
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell(styleHeaderCell);
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      cell.border = THIN_BORDER;
      if (typeof cell.value === "number") cell.numFmt = "#,##0";
    });
  }
}

export async function exportFloorStatsXlsx(
  stats: FloorStats,
  t: Translate,
  locale: "vi" | "en",
  provinceName: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("layout.siteName");
  workbook.title = `${t("floorStats.title")} — ${provinceName}`;
  addSheet(
    workbook,
    t("floorStats.sheet.summary"),
    [
      { header: t("floorStats.indicator"), width: 48 },
      { header: t("floorStats.value"), width: 16 },
    ],
    [
      [t("floorStats.province"), provinceName],
      [t("floorStats.period"), periodLabel(stats, t)],
      [t("floorStats.enterprisesOnFloor"), stats.enterprisesOnFloor],
      [t("floorStats.verifiedEnterprises"), stats.verifiedEnterprises],
      [t("floorStats.badgeHolders"), stats.badgeHolders],
      [t("floorStats.publishedProducts"), stats.byCategory.reduce((sum, row) => sum + row.products, 0)],
      [t("floorStats.openOffers"), stats.byCategory.reduce((sum, row) => sum + row.offers, 0)],
    ],
  );
  addSheet(
    workbook,
    t("floorStats.sheet.categories"),
    [
      { header: t("floorStats.category"), width: 44 },
      { header: t("floorStats.products"), width: 14 },
      { header: t("floorStats.offers"), width: 14 },
    ],
    stats.byCategory.map((row) => [locale === "en" ? row.nameEn : row.name, row.products, row.offers]),
  );
  addSheet(
    workbook,
    t("floorStats.sheet.monthly"),
    [
      { header: t("floorStats.month"), width: 12 },
      { header: t("floorStats.sellOffers"), width: 14 },
      { header: t("floorStats.buyOffers"), width: 14 },
      { header: t("floorStats.inquiries"), width: 14 },
      { header: t("floorStats.quotes"), width: 14 },
    ],
    stats.monthly.map((row) => [
      monthLabel(row.month),
      row.sellOffers,
      row.buyOffers,
      row.inquiries,
      row.quotes,
    ]),
  );
  addSheet(
    workbook,
    t("floorStats.sheet.ocop"),
    [
      { header: t("floorStats.starsHeading"), width: 14 },
      { header: t("floorStats.products"), width: 14 },
    ],
    stats.ocopByStars.map((row) => [t("floorStats.stars", { stars: row.stars }), row.products]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
