import { describe, expect, it } from "vitest";
import { hasMessage } from "../../../platform/i18n.ts";
import { readTable } from "../../../platform/table-reader.ts";
import type { BudgetLine } from "../plan-document.ts";
import { budgetErrorKinds, type ParseBudgetTableOptions, parseBudgetTable } from "./parse-budget-table.ts";

const MILLION = 1_000_000n;

// Seed 000 (Bà Rịa – Vũng Tàu 2011–2015, mục V), triệu đồng; the numbers carry the no-break space of the original.
const seed000Table = [
  "Stt\tNội dung\t2011\t2012\t2013\t2014\t2015",
  "1\u00a0\tTổ chức các khóa tập huấn về thương mại điện tử cho cán bộ quản lý nhà nước.\t22\t22\t22\t22\t22",
  "2\u00a0\tTổ chức các khóa tập huấn chuyên sâu về kỹ năng thương mại điện tử cho doanh nghiệp trên địa bàn tỉnh.\t60\t60\t60\t60\t60",
  "3\u00a0\tChương trình hỗ trợ doanh nghiệp xây dựng website thương mại điện tử \t100\t100\t100\t100\t100",
  "4\u00a0\tChương trình hỗ trợ cập nhật thông tin doanh nghiệp tham gia sàn giao dịch thương mại điện tử tỉnh Bà Rịa – Vũng Tàu (www.brvtemart.com.vn) nhằm quảng bá thương hiệu và sản phẩm của doanh nghiệp.\t50\t50\t50\t50\t50",
  "5\u00a0\tCung cấp trực tuyến các dịch vụ công liên quan đến lĩnh vực công nghiệp thương mại\t200\t100\t100\t100\t100",
  "6\u00a0\tĐiều tra ứng dụng thương mại điện tử trên địa bàn tỉnh\t120\t100\t100\t100\t100",
  "7\u00a0\tChương trình triển khai vận hành và nâng cấp sàn giao dịch thương mại điện tử\t168\t132\t100\t50\t50",
  "8\u00a0\tChương trình khảo sát, học tập kinh nghiệm\t50\t50\t50\t50\t50",
  "Tổng cộng\tTổng cộng\t770\t614\t582\t532\t532",
].join("\n");

// Seed 001 (Đồng Tháp 2011–2015, Quyết định mục II.1), đồng, as printed: a wrapped label and "150.0000.000".
const seed001Table = [
  "STT\tNội dung công việc\tKinh phí cho 5 năm (2011 - 2015) (VNĐ)",
  "1\tTriển khai pháp luật về thương mại điện tử\t150.000.000",
  "2\tTổ chức các khóa tập huấn về thương mại điện tử cho cán bộ quản lý nhà nước\t102.000.000",
  "3\tTổ chức các khóa tập huấn chuyên sâu về kỹ năng thương mại điện tử cho doanh nghiệp trên địa bàn Tỉnh\t277.000.000",
  "4\tXây dựng hệ thống quản lý thông tin doanh nghiệp trên địa bàn Tỉnh\t210.000.000",
  "5\tXây dựng hệ thống thu thập và quản lý trực tuyến thông tin xuất, nhập khẩu trên địa bàn Tỉnh\t260.000.000",
  "6\tCung cấp, cập nhật thông tin về tiềm năng xuất khẩu của Tỉnh và danh bạ doanh nghiệp xuất khẩu trên Công thông tin Xuất khẩu Việt Nam (VNEX)\t75.000.000",
  "7\tKhai thác thông tin trên Công thông tin Thị trường nước ngoài (TTNN)\t12.000.000",
  "8\tHỗ trợ doanh nghiệp thiết lập và sử dụng hệ thống thư điện tử với tên miền dùng riêng của doanh nghiệp\t300.000.000",
  "9\tHỗ trợ doanh nghiệp xây dựng website thương mại điện tử\t600.000.000",
  "10\tHỗ trợ doanh nghiệp tham gia các sàn giao dịch thương mại điện tử\t650.000.000",
  "11\tNâng cấp sàn giao dịch thương mại điện\t264.000.000",
  "",
  "\ttử của Tỉnh\t",
  "12\tKhảo sát, học tập kinh nghiệm\t150.0000.000",
  "\tTổng cộng\t3.050.000.000",
].join("\n");

// Seed 002 (Bà Rịa – Vũng Tàu 2021–2025, mục III.1), triệu đồng: two header rows, "-" and a bold total row.
const seed002Table = [
  "STT\tNguồn kinh phí\tNăm thực hiện\t\t\t\t\tTổng cộng",
  "\t\t2021\t2022\t2023\t2024\t2025\t",
  "1\tHỗ trợ từ Trung ương\t300\t-\t-\t-\t-\t<b>300</b>",
  "2\tNgân sách tỉnh\t244,5\t590\t290\t460\t340\t<b>1.924,5</b>",
  "\t<b>Tổng cộng</b>\t<b>544,5</b>\t<b>590</b>\t<b>290</b>\t<b>460</b>\t<b>340</b>\t<b>2.224,5</b>",
].join("\n");

const numbers = (count: number) => Array.from({ length: count }, (_, index) => String(index + 1));

const seed000Options: ParseBudgetTableOptions = {
  unit: "million",
  activityNumbers: numbers(8),
  periodStart: 2011,
  periodEnd: 2015,
  defaultSource: "provincial",
};
const seed001Options: ParseBudgetTableOptions = {
  ...seed000Options,
  unit: "dong",
  activityNumbers: numbers(12),
};
const seed002Options: ParseBudgetTableOptions = {
  unit: "million",
  activityNumbers: [],
  periodStart: 2021,
  periodEnd: 2025,
  defaultSource: "unspecified",
};

const parseTsv = async (text: string, options: ParseBudgetTableOptions) =>
  parseBudgetTable(await readTable({ kind: "tsv", text }), options);

const line = (fields: Pick<BudgetLine, "activityNumber" | "year" | "source" | "amountDong">): BudgetLine => ({
  ...fields,
  label: null,
  unitPriceDong: null,
  quantity: null,
  quantityUnit: null,
});

const sum = (lines: BudgetLine[]) => lines.reduce((total, { amountDong }) => total + amountDong, 0n);

function getLines(result: ReturnType<typeof parseBudgetTable>): BudgetLine[] {
  if (!result.ok) throw new Error(`expected lines, got ${JSON.stringify(result.errors)}`);
  return result.lines;
}

function getErrors(result: ReturnType<typeof parseBudgetTable>) {
  if (result.ok) throw new Error("expected errors, got lines");
  expect(result).not.toHaveProperty("lines");
  return result.errors;
}

describe("parseBudgetTable on the seed tables", () => {
  it("imports seed 000 (activities × years, triệu đồng) with the printed year totals and 3.030 million overall", async () => {
    const result = await parseTsv(seed000Table, seed000Options);
    const lines = getLines(result);
    expect(lines).toHaveLength(40);
    expect(sum(lines)).toBe(3_030n * MILLION);
    const yearTotals = [2011, 2012, 2013, 2014, 2015].map((year) =>
      sum(lines.filter((l) => l.year === year)),
    );
    expect(yearTotals).toEqual([770n, 614n, 582n, 532n, 532n].map((total) => total * MILLION));
    expect(lines).toContainEqual(
      line({ activityNumber: "5", year: 2011, source: "provincial", amountDong: 200n * MILLION }),
    );
    expect(lines).toContainEqual(
      line({ activityNumber: "7", year: 2014, source: "provincial", amountDong: 50n * MILLION }),
    );
    expect(result.ok && result.statedTotals).toContainEqual({
      scope: "year",
      key: "2011",
      printed: "770",
      printedUnit: "million",
      location: "Bảng kinh phí tải lên, ô C10",
    });
  });

  it("imports seed 002 (sources × years) as central and provincial lines, skipping “-” and the bold total row", async () => {
    const result = await parseTsv(seed002Table, seed002Options);
    expect(getLines(result)).toEqual([
      line({ activityNumber: null, year: 2021, source: "central", amountDong: 300n * MILLION }),
      line({ activityNumber: null, year: 2021, source: "provincial", amountDong: 244_500_000n }),
      line({ activityNumber: null, year: 2022, source: "provincial", amountDong: 590n * MILLION }),
      line({ activityNumber: null, year: 2023, source: "provincial", amountDong: 290n * MILLION }),
      line({ activityNumber: null, year: 2024, source: "provincial", amountDong: 460n * MILLION }),
      line({ activityNumber: null, year: 2025, source: "provincial", amountDong: 340n * MILLION }),
    ]);
    const stated = result.ok
      ? result.statedTotals.map(({ scope, key, printed }) => ({ scope, key, printed }))
      : [];
    expect(stated).toEqual(
      expect.arrayContaining([
        { scope: "source", key: "central", printed: "300" },
        { scope: "source", key: "provincial", printed: "1.924,5" },
        { scope: "year", key: "2021", printed: "544,5" },
        { scope: "grand", key: "", printed: "2.224,5" },
      ]),
    );
  });

  it("imports seed 001 as corrected in its annex: twelve whole-period lines totalling 3.050.000.000 đồng", async () => {
    const corrected = seed001Table
      .replace("150.0000.000", "150.000.000")
      .replace("thương mại điện\t264", "thương mại điện tử của Tỉnh\t264")
      .replace("\ttử của Tỉnh\t\n", "");
    const lines = getLines(await parseTsv(corrected, seed001Options));
    expect(lines).toHaveLength(12);
    expect(lines.every((l) => l.year === null && l.source === "provincial")).toBe(true);
    expect(sum(lines)).toBe(3_050_000_000n);
    expect(lines[11]).toEqual(
      line({ activityNumber: "12", year: null, source: "provincial", amountDong: 150_000_000n }),
    );
  });

  it("refuses seed 001 as printed, naming only cell C15 with “150.0000.000” (no follow-on total error)", async () => {
    const errors = getErrors(await parseTsv(seed001Table, seed001Options));
    const header = "Kinh phí cho 5 năm (2011 - 2015) (VNĐ)";
    expect(errors).toEqual([
      {
        row: 15,
        column: "C",
        header,
        messageKey: "budgetImport.error.malformedNumber",
        params: { cell: "C15", row: 15, header, text: "150.0000.000" },
      },
    ]);
  });
});

describe("budget import messages", () => {
  it.each(budgetErrorKinds)("has a Vietnamese and an English message for %s", (kind) => {
    expect(hasMessage("vi", `budgetImport.error.${kind}`)).toBe(true);
    expect(hasMessage("en", `budgetImport.error.${kind}`)).toBe(true);
  });
});

describe("parseBudgetTable errors", () => {
  const smallTable = (rows: string[]) => ["STT\tNội dung\t2021\t2022\tTổng cộng", ...rows].join("\n");
  const options: ParseBudgetTableOptions = { ...seed002Options, activityNumbers: ["1", "2", "4.b"] };

  it("names an activity number the plan does not have", async () => {
    const errors = getErrors(await parseTsv(smallTable(["1\tA\t10\t20\t30", "9\tB\t5\t5\t10"]), options));
    expect(errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: "A",
        messageKey: "budgetImport.error.unknownActivity",
        params: expect.objectContaining({ cell: "A3", text: "9" }),
      }),
    ]);
  });

  it("skips a group heading without figures but refuses an unknown number that states only a row total", async () => {
    const text = smallTable(["I\tNhóm đào tạo\t\t\t", "1\tA\t10\t-\t10", "II\tNhóm khác\t-\t-\t50"]);
    const errors = getErrors(await parseTsv(text, options));
    expect(errors.map((e) => [e.params?.cell, e.messageKey])).toEqual([
      ["A4", "budgetImport.error.unknownActivity"],
    ]);
  });

  it("accepts “4.B” and “1.” for the activities 4.b and 1", async () => {
    const lines = getLines(await parseTsv(smallTable(["1.\tA\t10\t-\t10", "4.B\tB\t5\t5\t10"]), options));
    expect(lines.map((l) => l.activityNumber)).toEqual(["1", "4.b", "4.b"]);
  });

  it("refuses a year column outside the plan period on its header cell", async () => {
    const text = ["STT\tNội dung\t2020\t2021", "1\tA\t10\t20"].join("\n");
    const errors = getErrors(await parseTsv(text, options));
    expect(errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: "C",
        header: "2020",
        messageKey: "budgetImport.error.yearOutOfPeriod",
        params: expect.objectContaining({ cell: "C1", year: 2020, periodStart: 2021, periodEnd: 2025 }),
      }),
    ]);
  });

  it("reports a row total that differs from the sum of its years, with the expected sum", async () => {
    const text = seed002Table.replace("<b>1.924,5</b>", "1.924");
    const errors = getErrors(await parseTsv(text, seed002Options));
    expect(errors).toEqual([
      expect.objectContaining({
        row: 4,
        column: "H",
        header: "Tổng cộng",
        messageKey: "budgetImport.error.rowTotalMismatch",
        params: expect.objectContaining({ cell: "H4", text: "1.924", expected: "1.924,5" }),
      }),
    ]);
  });

  it("reports a total-row cell that differs from the sum of its column", async () => {
    const errors = getErrors(await parseTsv(seed000Table.replace("\t770\t", "\t771\t"), seed000Options));
    expect(errors).toEqual([
      expect.objectContaining({
        row: 10,
        column: "C",
        messageKey: "budgetImport.error.columnTotalMismatch",
        params: expect.objectContaining({ cell: "C10", text: "771", expected: "770" }),
      }),
    ]);
  });

  it("names every malformed, English-decimal and negative cell in one pass", async () => {
    const text = smallTable(["1\tA\t12.34\tabc\t", "2\tB\t-5\t1.000,5\t"]);
    const errors = getErrors(await parseTsv(text, options));
    expect(errors.map((e) => [e.params?.cell, e.messageKey, e.params?.text])).toEqual([
      ["C2", "budgetImport.error.malformedNumber", "12.34"],
      ["D2", "budgetImport.error.malformedNumber", "abc"],
      ["C3", "budgetImport.error.negativeAmount", "-5"],
    ]);
    expect(errors[1]).toMatchObject({ row: 2, column: "D", header: "2022" });
  });

  it("refuses an amount finer than one đồng", async () => {
    const errors = getErrors(await parseTsv(smallTable(["1\tA\t0,0000005\t\t"]), options));
    expect(errors.map((e) => e.messageKey)).toEqual(["budgetImport.error.fractionOfDong"]);
  });

  it("reads a per-row source column, defaulting when a short row leaves it out, and refuses an unknown source", async () => {
    const header = "STT\tNội dung\t2021\t2022\tNguồn";
    const good = [
      header,
      "1\tA\t10\t20\tNgân sách trung ương",
      "1\tA\t5\t-\tNgân sách địa phương",
      "2\tB\t7",
    ];
    const lines = getLines(await parseTsv(good.join("\n"), options));
    expect(lines.map((l) => [l.activityNumber, l.source, l.year, l.amountDong])).toEqual([
      ["1", "central", 2021, 10n * MILLION],
      ["1", "central", 2022, 20n * MILLION],
      ["1", "provincial", 2021, 5n * MILLION],
      ["2", "unspecified", 2021, 7n * MILLION],
    ]);
    const bad = [header, "1\tA\t10\t20\tNgân hàng Thế giới"].join("\n");
    expect(getErrors(await parseTsv(bad, options))).toEqual([
      expect.objectContaining({ row: 2, column: "E", messageKey: "budgetImport.error.unknownSource" }),
    ]);
  });

  it("reads a table headed “Nguồn kinh phí” in column A", async () => {
    const text = [
      "Nguồn kinh phí\t2021\t2022",
      "Doanh nghiệp\t10\t-",
      "Nguồn khác\t-\t3",
      "Cộng\t10\t3",
    ].join("\n");
    const lines = getLines(await parseTsv(text, seed002Options));
    expect(lines.map((l) => [l.source, l.year, l.amountDong])).toEqual([
      ["enterprise", 2021, 10n * MILLION],
      ["other", 2022, 3n * MILLION],
    ]);
  });

  it("refuses the same activity on two rows", async () => {
    const errors = getErrors(await parseTsv(smallTable(["1\tA\t10\t\t10", "1\tA again\t\t5\t5"]), options));
    expect(errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: "A",
        messageKey: "budgetImport.error.duplicateRow",
        params: expect.objectContaining({ firstRow: 2 }),
      }),
    ]);
  });

  it("requires a header row and at least one line", async () => {
    expect(getErrors(await parseTsv("Nội dung\t2021\nA\t10", options))).toEqual([
      expect.objectContaining({ row: 1, column: "A", messageKey: "budgetImport.error.noHeader" }),
    ]);
    expect(getErrors(await parseTsv(smallTable(["1\tA\t-\t-\t", "\tTổng cộng\t-\t-\t"]), options))).toEqual([
      expect.objectContaining({ messageKey: "budgetImport.error.emptyTable" }),
    ]);
    expect(getErrors(await parseTsv("STT\tNội dung\n1\tA", options))).toEqual([
      expect.objectContaining({ row: 1, messageKey: "budgetImport.error.noAmountColumn" }),
    ]);
  });
});
