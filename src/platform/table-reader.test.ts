import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  type ParseBudgetTableOptions,
  parseBudgetTable,
} from "../modules/plans/budget-import/parse-budget-table.ts";
import { ValidationError } from "./errors.ts";
import { detectTableKind, formatNumericCell, readTable } from "./table-reader.ts";

// Seed 002 (Bà Rịa – Vũng Tàu 2021–2025), the same table as parse-budget-table.test.ts reads.
const seed002Rows = [
  ["STT", "Nguồn kinh phí", "Năm thực hiện", "", "", "", "", "Tổng cộng"],
  ["", "", "2021", "2022", "2023", "2024", "2025", ""],
  ["1", "Hỗ trợ từ Trung ương", "300", "-", "-", "-", "-", "300"],
  ["2", "Ngân sách tỉnh", "244,5", "590", "290", "460", "340", "1.924,5"],
  ["", "Tổng cộng", "544,5", "590", "290", "460", "340", "2.224,5"],
];
const seed002Options: ParseBudgetTableOptions = {
  unit: "million",
  activityNumbers: [],
  periodStart: 2021,
  periodEnd: 2025,
  defaultSource: "unspecified",
};

const PNG_BYTES = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cf" +
    "c0f01f0005000201a2dd1d3a0000000049454e44ae426082",
  "hex",
);

/** The 002 table as an official would build it in Excel: numbers as numbers, merged headings, formula totals. */
async function buildSeed002Workbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kinh phí");
  sheet.addRow(["STT", "Nguồn kinh phí", "Năm thực hiện", null, null, null, null, "Tổng cộng"]);
  sheet.addRow([null, null, 2021, 2022, 2023, 2024, 2025, null]);
  sheet.addRow([1, "Hỗ trợ từ Trung ương", 300, "-", "-", "-", "-", { formula: "SUM(C3:G3)", result: 300 }]);
  sheet.addRow([2, "Ngân sách tỉnh", 244.5, 590, 290, 460, 340, { formula: "SUM(C4:G4)", result: 1924.5 }]);
  sheet.addRow([
    null,
    { richText: [{ font: { bold: true }, text: "Tổng " }, { text: "cộng" }] },
    { formula: "SUM(C3:C4)", result: 544.5 },
    590,
    290,
    460,
    340,
    { formula: "SUM(H3:H4)", result: 2224.5 },
  ]);
  sheet.mergeCells("A1:A2");
  sheet.mergeCells("B1:B2");
  sheet.mergeCells("C1:G1");
  sheet.mergeCells("H1:H2");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A minimal ZIP archive with stored (uncompressed) or deflated entries, to fake other Office files. */
function buildZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const content = Buffer.from(text);
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("detectTableKind", () => {
  it("rejects a PNG image renamed .xlsx (and .csv)", () => {
    expect(detectTableKind("kinh-phi.xlsx", PNG_BYTES)).toBeNull();
    expect(detectTableKind("kinh-phi.csv", PNG_BYTES)).toBeNull();
  });

  it("recognises an XLSX workbook by its bytes, whatever its name", async () => {
    const bytes = await buildSeed002Workbook();
    expect(detectTableKind("kinh-phi.xlsx", bytes)).toBe("xlsx");
    expect(detectTableKind("tai-len.bin", bytes)).toBe("xlsx");
  });

  it("rejects a ZIP whose [Content_Types].xml is not a spreadsheet (a Word file renamed .xlsx)", () => {
    const docx = buildZip({
      "[Content_Types].xml":
        '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    });
    const xlsx = buildZip({
      "[Content_Types].xml":
        '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    });
    expect(detectTableKind("bang.xlsx", docx)).toBeNull();
    expect(detectTableKind("bang.xlsx", xlsx)).toBe("xlsx");
  });

  it("accepts UTF-8 text as CSV or TSV, and refuses NUL bytes, invalid UTF-8 and text posing as .xlsx", () => {
    const text = Buffer.from("STT;Nội dung;2021\n1;Tập huấn;10\n");
    expect(detectTableKind("kinh-phi.csv", text)).toBe("csv");
    expect(detectTableKind("dan-tu-word.txt", Buffer.from("STT\tNội dung\t2021\n"))).toBe("tsv");
    expect(detectTableKind("dan-tu-word", Buffer.from("STT\tNội dung\t2021\n"))).toBe("tsv");
    expect(detectTableKind("kinh-phi.csv", Buffer.from("S\u0000T\u0000T\u0000", "latin1"))).toBeNull();
    expect(
      detectTableKind("kinh-phi.csv", Buffer.from([0x4e, 0xf4, 0x69, 0x20, 0x64, 0x75, 0x6e, 0x67])),
    ).toBeNull();
    expect(detectTableKind("kinh-phi.xlsx", text)).toBeNull();
  });
});

describe("readTable", () => {
  it("splits pasted text on tabs, handles \\r\\n, keeps inner blank lines and drops trailing ones", async () => {
    const grid = await readTable({ kind: "tsv", text: "\uFEFFSTT\t2021\r\n\r\n1\t244,5\r\n\r\n\r\n" });
    expect(grid).toEqual([["STT", "2021"], [""], ["1", "244,5"]]);
  });

  it("reads a CSV saved by Vietnamese Excel: BOM, “;” separators, decimal commas", async () => {
    const text =
      "\uFEFFSTT;Nguồn kinh phí;2021;2022\r\n1;Ngân sách tỉnh;244,5;590\r\n;Tổng cộng;244,5;590\r\n";
    const grid = await readTable({ kind: "csv", text });
    expect(grid).toEqual([
      ["STT", "Nguồn kinh phí", "2021", "2022"],
      ["1", "Ngân sách tỉnh", "244,5", "590"],
      ["", "Tổng cộng", "244,5", "590"],
    ]);
    const result = parseBudgetTable(grid, seed002Options);
    expect(result.ok && result.lines.map((l) => [l.source, l.year, l.amountDong])).toEqual([
      ["provincial", 2021, 244_500_000n],
      ["provincial", 2022, 590_000_000n],
    ]);
  });

  it("reads a comma-separated CSV whose decimal commas are quoted", async () => {
    const grid = await readTable({
      kind: "csv",
      text: 'STT,Nội dung,2021\n1,"Tập huấn, hội thảo","244,5"\n',
    });
    expect(grid).toEqual([
      ["STT", "Nội dung", "2021"],
      ["1", "Tập huấn, hội thảo", "244,5"],
    ]);
  });

  it("turns a broken CSV into a validation error", async () => {
    await expect(readTable({ kind: "csv", text: 'STT;2021\n1;"244,5\n' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("reads the first worksheet of an XLSX: Vietnamese numbers, formula results, merged cells as their top-left value", async () => {
    const grid = await readTable({ kind: "xlsx", bytes: await buildSeed002Workbook() });
    expect(grid).toEqual([
      [
        "STT",
        "Nguồn kinh phí",
        "Năm thực hiện",
        "Năm thực hiện",
        "Năm thực hiện",
        "Năm thực hiện",
        "Năm thực hiện",
        "Tổng cộng",
      ],
      ["STT", "Nguồn kinh phí", "2021", "2022", "2023", "2024", "2025", "Tổng cộng"],
      ["1", "Hỗ trợ từ Trung ương", "300", "-", "-", "-", "-", "300"],
      ["2", "Ngân sách tỉnh", "244,5", "590", "290", "460", "340", "1924,5"],
      ["", "Tổng cộng", "544,5", "590", "290", "460", "340", "2224,5"],
    ]);
  });

  it("imports the XLSX table exactly as its TSV", async () => {
    const fromXlsx = parseBudgetTable(
      await readTable({ kind: "xlsx", bytes: await buildSeed002Workbook() }),
      seed002Options,
    );
    const tsv = seed002Rows.map((row) => row.join("\t")).join("\n");
    const fromTsv = parseBudgetTable(await readTable({ kind: "tsv", text: tsv }), seed002Options);
    expect(fromXlsx.ok).toBe(true);
    expect(fromXlsx.ok && fromXlsx.lines).toEqual(fromTsv.ok && fromTsv.lines);
    expect(fromXlsx.ok && fromXlsx.lines).toContainEqual(
      expect.objectContaining({ year: 2021, amountDong: 244_500_000n }),
    );
  });

  it("shows an uncalculated formula as its text, so the parser names the cell instead of skipping it", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("A").addRow([1, { formula: "B1*2" }, { error: "#REF!" }]);
    const grid = await readTable({ kind: "xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(grid).toEqual([["1", "=B1*2", "#REF!"]]);
  });

  it("reads a sparse sheet with blank rows and columns padded to the widest filled column", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("A");
    sheet.getCell("A1").value = "STT";
    sheet.getCell("C3").value = 244.5;
    sheet.getCell("B4").value = "x";
    const grid = await readTable({ kind: "xlsx", bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    expect(grid).toEqual([
      ["STT", "", ""],
      ["", "", ""],
      ["", "", "244,5"],
      ["", "x", ""],
    ]);
  });

  it("refuses quickly a small workbook whose one far cell (row 20 000, column 1 000) would span a huge grid", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("A");
    sheet.getCell(1, 1).value = "STT";
    sheet.getCell(20_000, 1_000).value = 1;
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(10_000);
    const started = performance.now();
    const error = await readTable({ kind: "xlsx", bytes }).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        field: "file",
        messageKey: "tableImport.error.tableTooLarge",
        params: { rows: 20_000, columns: 1_000, maxRows: 5_000, maxColumns: 200 },
      },
    ]);
  });

  const spreadsheetContentTypes =
    '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
  const issueKeys = (error: unknown) =>
    error instanceof ValidationError ? error.issues.map((issue) => issue.messageKey) : error;

  it("refuses, before unpacking, a merged range over the whole sheet", async () => {
    const bytes = buildZip({
      "[Content_Types].xml": spreadsheetContentTypes,
      "xl/worksheets/sheet1.xml":
        '<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
    });
    const started = performance.now();
    const error = await readTable({ kind: "xlsx", bytes }).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(issueKeys(error)).toEqual(["tableImport.error.tableTooLarge"]);
  });

  it("refuses a ZIP bomb: an entry compressed more than 200:1, or sizes the archive understates", async () => {
    const bomb = buildZip({
      "[Content_Types].xml": spreadsheetContentTypes,
      "xl/sharedStrings.xml": " ".repeat(4 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(20_000);
    expect(
      issueKeys(await readTable({ kind: "xlsx", bytes: bomb }).catch((caught: unknown) => caught)),
    ).toEqual(["tableImport.error.workbookTooLarge"]);
    const understated = buildZip({
      "[Content_Types].xml": spreadsheetContentTypes,
      "xl/sharedStrings.xml": " ".repeat(512 * 1024),
    });
    // The central directory entry of the second file now claims 100 bytes uncompressed.
    const central = understated.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    understated.writeUInt32LE(100, central + 24);
    expect(
      issueKeys(await readTable({ kind: "xlsx", bytes: understated }).catch((caught: unknown) => caught)),
    ).toEqual(["tableImport.error.unreadableFile"]);
  });

  it("refuses bytes that are not a workbook", async () => {
    await expect(readTable({ kind: "xlsx", bytes: PNG_BYTES })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("formatNumericCell", () => {
  it("writes a decimal comma, no grouping, and drops the binary noise of formulas", () => {
    expect(formatNumericCell(244.5)).toBe("244,5");
    expect(formatNumericCell(2021)).toBe("2021");
    expect(formatNumericCell(150_000_000)).toBe("150000000");
    expect(formatNumericCell(0.1 + 0.2)).toBe("0,3");
    expect(formatNumericCell(-12.25)).toBe("-12,25");
    expect(formatNumericCell(1e-7)).toBe("0,0000001");
  });
});
