import ExcelJS from "exceljs";
import type { ExporterEntry } from "../exporters.ts";

/** VNEX-style directory columns, in English: what a foreign buyer needs to make contact. */
const COLUMNS: readonly {
  header: string;
  width: number;
  value: (entry: ExporterEntry) => string | number;
}[] = [
  { header: "Company name", width: 40, value: (entry) => entry.name },
  { header: "Vietnamese name", width: 40, value: (entry) => entry.nameVi },
  { header: "Tax code", width: 14, value: (entry) => entry.taxCode },
  { header: "Products", width: 50, value: (entry) => entry.products },
  { header: "HS codes", width: 24, value: (entry) => entry.hsCodes.map((hs) => hs.code).join("; ") },
  {
    header: "HS chapters",
    width: 40,
    value: (entry) =>
      [
        ...new Set(
          entry.hsCodes.map((hs) => (hs.chapterName ? `${hs.chapter} ${hs.chapterName}` : hs.chapter)),
        ),
      ].join("; "),
  },
  { header: "Export markets", width: 30, value: (entry) => entry.markets.join("; ") },
  { header: "Address", width: 50, value: (entry) => entry.address },
  { header: "Phone", width: 16, value: (entry) => entry.phone ?? "" },
  { header: "E-mail", width: 30, value: (entry) => entry.email ?? "" },
  { header: "Website", width: 30, value: (entry) => entry.website ?? "" },
  { header: "Year founded", width: 12, value: (entry) => entry.foundedYear ?? "" },
  { header: "Employees", width: 12, value: (entry) => entry.employees ?? "" },
];

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a BOM, so Excel opens the Vietnamese names correctly. */
export function exportersCsv(entries: readonly ExporterEntry[]): string {
  const lines = [COLUMNS.map((column) => csvField(column.header)).join(",")];
  for (const entry of entries) lines.push(COLUMNS.map((column) => csvField(column.value(entry))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function exportersXlsx(entries: readonly ExporterEntry[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cổng TMĐT";
  const sheet = workbook.addWorksheet("Exporters", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) sheet.addRow(COLUMNS.map((column) => column.value(entry)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
