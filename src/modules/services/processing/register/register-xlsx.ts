import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Translate } from "../../../../platform/i18n.ts";
import { formatDate, formatNumber } from "../../../../platform/vn-format.ts";
import { sheetName, styleHeaderCell, THIN_BORDER } from "../../../../platform/xlsx-style.ts";
import type { RegisterFilters } from "./register-filters.ts";
import { REGISTER_EXPORT_LIMIT, type RegisterRow } from "./register-query.ts";
import {
  REGISTER_COLUMNS,
  registerColumnLabel,
  registerNotesText,
  registerProcedureName,
  registerResultText,
  registerUnitName,
} from "./register-text.ts";

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DATE_FORMAT = "dd/mm/yyyy";
const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
/** Rows above the header: title, agency, period (and the cap notice when the period has more). */
const HEADER_ROW = 5;

const WIDTHS: Record<(typeof REGISTER_COLUMNS)[number], number> = {
  number: 7,
  code: 28,
  procedure: 40,
  applicant: 30,
  contact: 36,
  leadUnit: 28,
  received: 17,
  due: 12,
  forwarded: 12,
  "result-date": 14,
  handedOver: 12,
  result: 16,
  notes: 36,
};

// Excel dates carry no time zone: a cell holds the wall-clock time it shows. Instants are shifted to Vietnam
// time; a calendar date (the appointment) is that day at midnight.
const wallClock = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS);
const dayOf = (instant: Date | null) => {
  if (instant === null) return null;
  const local = wallClock(instant);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
};
const calendarDay = (date: string | null) => (date === null ? null : new Date(`${date}T00:00:00Z`));

/**
 * The register as a workbook: "SỔ THEO DÕI HỒ SƠ", the agency and the period, a frozen header, one row per
 * dossier with real dates. Written with exceljs' streaming writer: each row is serialised as it is added, so
 * 50,000 rows cost their compressed size in memory, not a cell object each.
 */
export async function exportRegisterXlsx(input: {
  rows: RegisterRow[];
  total: number;
  filters: RegisterFilters;
  agency: string;
  t: Translate;
  locale: string;
}): Promise<Buffer> {
  const { rows, t, locale } = input;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = t("layout.siteName");
  workbook.title = `${t("services.processing.register.title")} — ${input.agency}`;
  const sheet = workbook.addWorksheet(sheetName(t("services.processing.register.sheet")), {
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = REGISTER_COLUMNS.map((column) => ({ width: WIDTHS[column] }));
  const lastColumn = REGISTER_COLUMNS.length;
  const titleLine = (row: number, text: string, bold: boolean) => {
    const line = sheet.getRow(row);
    line.getCell(1).value = text;
    line.getCell(1).font = { bold, size: bold ? 14 : 11 };
    line.getCell(1).alignment = { horizontal: "center" };
    sheet.mergeCells(row, 1, row, lastColumn);
    line.commit();
  };
  titleLine(1, t("services.processing.register.xlsxTitle"), true);
  titleLine(2, input.agency, false);
  titleLine(
    3,
    t("services.processing.register.period", {
      from: formatDate(input.filters.from),
      to: formatDate(input.filters.to),
    }),
    false,
  );
  if (input.total > rows.length) {
    titleLine(
      4,
      t("services.processing.register.exportCapped", {
        count: formatNumber(input.total),
        limit: formatNumber(REGISTER_EXPORT_LIMIT),
      }),
      false,
    );
  }
  const header = sheet.getRow(HEADER_ROW);
  REGISTER_COLUMNS.forEach((column, index) => {
    header.getCell(index + 1).value = registerColumnLabel(column, t);
    styleHeaderCell(header.getCell(index + 1));
  });
  header.font = { bold: true };
  header.commit();

  rows.forEach((row, index) => {
    const received = row.receivedAt ?? row.submittedAt;
    const line = sheet.getRow(HEADER_ROW + 1 + index);
    line.values = [
      index + 1,
      row.code ?? "",
      registerProcedureName(row, locale),
      row.applicantName,
      `${row.applicantAddress} / ${row.applicantPhone}`,
      registerUnitName(row, locale),
      received === null ? null : wallClock(received),
      calendarDay(row.dueDate),
      dayOf(row.forwardedAt),
      dayOf(row.resultAt),
      dayOf(row.handedOverAt),
      registerResultText(row, t),
      [row.receivedAt ? "" : t("services.processing.register.submittedOnline"), registerNotesText(row, t)]
        .filter(Boolean)
        .join("; "),
    ];
    line.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: "top", wrapText: column !== 1 };
      if (cell.value instanceof Date) cell.numFmt = column === 7 ? DATE_TIME_FORMAT : DATE_FORMAT;
    });
    line.commit();
  });
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
