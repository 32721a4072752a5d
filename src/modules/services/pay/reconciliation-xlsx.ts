import ExcelJS from "exceljs";
import type { Translate } from "../../../platform/i18n.ts";
import { formatDate, formatDateTime } from "../../../platform/vn-format.ts";
import { sheetName, styleHeaderCell, THIN_BORDER } from "../../../platform/xlsx-style.ts";
import { describeCorrection } from "./correction-text.ts";
import type { Reconciliation, ReconciliationFilters } from "./reconciliation.ts";

/**
 * The reconciliation as a workbook: one row per attempt with its flags, then the totals per status. Amounts
 * are real numbers in đồng (format "#,##0") so officers can sum them against the gateway's statement.
 */
export async function exportReconciliationXlsx(
  reconciliation: Reconciliation,
  filters: ReconciliationFilters,
  t: Translate,
  provinceName: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("layout.siteName");
  workbook.title = `${t("services.pay.reconciliation.title")} — ${provinceName}`;
  const sheet = workbook.addWorksheet(sheetName(t("services.pay.reconciliation.sheet.attempts")), {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.addRow([
    t("services.pay.reconciliation.period", { from: formatDate(filters.from), to: formatDate(filters.to) }),
  ]).font = { bold: true };
  const columns: [string, number][] = [
    ["services.pay.field.createdAt", 18],
    ["services.pay.field.txnRef", 26],
    ["services.pay.field.dossierCode", 28],
    ["services.pay.field.applicant", 32],
    ["services.pay.record.field.method", 26],
    ["services.pay.field.amount", 14],
    ["services.pay.field.fee", 14],
    ["services.pay.field.status", 16],
    ["services.pay.field.responseCode", 10],
    ["services.pay.field.transactionNo", 16],
    ["services.pay.field.bank", 10],
    ["services.pay.field.receiptNumber", 18],
    ["services.pay.field.paidAt", 18],
    ["services.pay.field.ipnCount", 10],
    ["services.pay.field.flags", 48],
    ["services.pay.correct.field.correction", 60],
  ];
  sheet.columns = columns.map(([, width]) => ({ width }));
  sheet.addRow(columns.map(([key]) => t(key))).eachCell(styleHeaderCell);
  for (const row of reconciliation.rows) {
    const added = sheet.addRow([
      formatDateTime(row.createdAt),
      row.txnRef,
      row.dossierCode ?? "",
      row.applicantName,
      t(`services.pay.record.method.${row.gateway}`),
      row.amountDong,
      row.feeDong,
      t(`services.pay.status.${row.status}`),
      row.responseCode ?? "",
      row.gatewayTransactionNo ?? "",
      row.bankCode ?? "",
      row.receiptNumber ?? "",
      row.paidAt ? formatDateTime(row.paidAt) : "",
      row.ipnCount,
      row.flags.map((flag) => t(`services.pay.flag.${flag}`)).join("; "),
      row.correction ? describeCorrection(row.correction, t) : "",
    ]);
    added.eachCell((cell) => {
      cell.border = THIN_BORDER;
      if (typeof cell.value === "number") cell.numFmt = "#,##0";
    });
  }
  const totals = workbook.addWorksheet(sheetName(t("services.pay.reconciliation.sheet.totals")));
  totals.columns = [{ width: 24 }, { width: 14 }, { width: 18 }];
  totals
    .addRow([
      t("services.pay.field.status"),
      t("services.pay.reconciliation.attempts"),
      t("services.pay.field.amount"),
    ])
    .eachCell(styleHeaderCell);
  for (const line of reconciliation.byStatus) {
    const added = totals.addRow([t(`services.pay.status.${line.status}`), line.count, line.amountDong]);
    added.eachCell((cell) => {
      cell.border = THIN_BORDER;
      if (typeof cell.value === "number") cell.numFmt = "#,##0";
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
