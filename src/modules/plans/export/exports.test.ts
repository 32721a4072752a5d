import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../../platform/i18n.ts";
import { withoutInlineStyles } from "../../../platform/svg-chart.ts";
import type { PlanDetail } from "../plan-detail.ts";
import type { BudgetLine, PlanDocument } from "../plan-document.ts";
import { baRiaVungTau2011, baRiaVungTau2021, dongThap2011 } from "../seed-data/index.ts";
import {
  buildBudgetTableByActivity,
  buildBudgetTableBySource,
  fundingSourceColors,
  renderBudgetChartSvg,
} from "./budget-chart.ts";
import { exportPlanPdf } from "./plan-pdf.ts";
import { exportPlanXlsx } from "./plan-xlsx.ts";

const t = createTranslator("vi");

/** A stored plan built from a seed document: row ids added, the province the seed names. */
function buildPlanDetail(doc: PlanDocument, overrides: Partial<PlanDetail> = {}): PlanDetail {
  let lastId = 0;
  const nextId = () => {
    lastId += 1;
    return lastId;
  };
  const isDongThap = doc.provinceCode === "87";
  return {
    ...doc,
    id: nextId(),
    province: {
      id: isDongThap ? 2 : 1,
      slug: isDongThap ? "dong-thap" : "ba-ria-vung-tau",
      name: isDongThap ? "Đồng Tháp" : "Bà Rịa – Vũng Tàu",
      kind: "tỉnh",
      status: "former",
    },
    units: doc.units.map((unit) => ({ ...unit, id: nextId() })),
    objectives: doc.objectives.map((objective) => ({
      ...objective,
      id: nextId(),
      targets: objective.targets.map((target) => ({ ...target, id: nextId() })),
    })),
    activities: doc.activities.map((activity) => ({ ...activity, id: nextId() })),
    budgetLines: doc.budgetLines.map((line) => ({ ...line, id: nextId() })),
    updatedAt: new Date("2024-03-01T02:00:00Z"),
    ...overrides,
  };
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function findRow(sheet: ExcelJS.Worksheet, column: number, text: string, from = 1): ExcelJS.Row {
  for (let number = from; number <= sheet.rowCount; number += 1) {
    if (sheet.getRow(number).getCell(column).value === text) return sheet.getRow(number);
  }
  throw new Error(`No row with "${text}" in column ${column} of ${sheet.name}`);
}

function numbersFrom(row: ExcelJS.Row, firstColumn: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, index) => row.getCell(firstColumn + index).value);
}

describe("exportPlanXlsx", () => {
  it("prints the BR-VT 2011–2015 budget with the printed totals 770/614/582/532/532 and 3.030 as numbers", async () => {
    const workbook = await readWorkbook(await exportPlanXlsx(buildPlanDetail(baRiaVungTau2011), t));
    const sheet = workbook.getWorksheet("Kinh phí");
    if (!sheet) throw new Error("no budget sheet");

    const header = findRow(sheet, 1, "STT");
    expect(numbersFrom(header, 3, 6)).toEqual([
      "Năm 2011",
      "Năm 2012",
      "Năm 2013",
      "Năm 2014",
      "Năm 2015",
      "Tổng cộng",
    ]);
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: header.number });

    const totals = findRow(sheet, 2, "Tổng cộng");
    expect(numbersFrom(totals, 3, 6)).toEqual([770, 614, 582, 532, 532, 3030]);
    // "#,##0" prints 3.030 on a Vietnamese system.
    expect(totals.getCell(8).numFmt).toBe("#,##0");
    expect(totals.getCell(8).border?.top?.style).toBe("thin");

    const activitySeven = findRow(sheet, 1, "7");
    expect(numbersFrom(activitySeven, 3, 6)).toEqual([168, 132, 100, 50, 50, 500]);

    const words = findRow(sheet, 1, "Bằng chữ: Ba tỷ không trăm ba mươi triệu đồng.");
    expect(words.number).toBeGreaterThan(totals.number);
  });

  it("keeps fractions of a million as numbers with a decimal format (BR-VT 2021–2025: 244,5)", async () => {
    const workbook = await readWorkbook(await exportPlanXlsx(buildPlanDetail(baRiaVungTau2021), t));
    const sheet = workbook.getWorksheet("Kinh phí")!;
    const provincial = findRow(sheet, 2, "Ngân sách tỉnh");
    expect(numbersFrom(provincial, 3, 6)).toEqual([244.5, 590, 290, 460, 340, 1924.5]);
    expect(provincial.getCell(3).numFmt).toBe("#,##0.0");
    expect(provincial.getCell(4).numFmt).toBe("#,##0");
    expect(findRow(sheet, 2, "Tổng cộng").getCell(8).value).toBe(2224.5);
    // No row names an activity, so there is only the table by source.
    expect(() => findRow(sheet, 1, "Kinh phí theo nhiệm vụ, hoạt động")).toThrow();
  });

  it("writes general information, activities with unit names and the findings of the consistency check", async () => {
    const workbook = await readWorkbook(await exportPlanXlsx(buildPlanDetail(dongThap2011), t));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Thông tin chung",
      "Mục tiêu, chỉ tiêu",
      "Nhiệm vụ, hoạt động",
      "Kinh phí",
      "Kiểm tra số liệu",
    ]);
    const general = workbook.getWorksheet("Thông tin chung")!;
    const date = findRow(general, 1, "Ngày ban hành").getCell(2);
    expect(date.value).toEqual(new Date("2010-11-25T00:00:00Z"));
    expect(date.numFmt).toBe("dd/mm/yyyy");
    expect(findRow(general, 1, "Số, ký hiệu quyết định").getCell(2).value).toBe("1096/QĐ-UBND.HC");

    const activities = workbook.getWorksheet("Nhiệm vụ, hoạt động")!;
    expect(String(findRow(activities, 1, "12").getCell(4).value)).toContain("Sở Thông tin và Truyền thông");

    // Đồng Tháp budgets in đồng for the whole period: one amount column, no total column repeating it.
    const budget = workbook.getWorksheet("Kinh phí")!;
    const header = findRow(budget, 1, "STT");
    expect(numbersFrom(header, 3, 2)).toEqual(["Cả giai đoạn", null]);
    expect(findRow(budget, 2, "Tổng cộng").getCell(3).value).toBe(3_050_000_000);

    const findings = workbook.getWorksheet("Kiểm tra số liệu")!;
    const texts = findings.getColumn(3).values.map(String);
    expect(texts.some((text) => text.includes("“150.0000.000”"))).toBe(true);
    expect(texts.some((text) => text.includes("1073/QĐ-UBND-HC"))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reading the text of an uncompressed PDF: pdfkit writes glyph ids (<0012> …) that only the font's
// ToUnicode map turns back into characters, so the decision number is never in the bytes as plain text.
// ---------------------------------------------------------------------------------------------------------

function pdfObjects(pdf: string): Map<number, string> {
  return new Map(
    [...pdf.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)].map((match) => [Number(match[1]), match[2]!]),
  );
}

function utf16Hex(hex: string): string {
  return String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
    [...entries!.matchAll(/<([0-9a-f]+)>/gi)].forEach((entry, index) => {
      map.set(Number.parseInt(start!, 16) + index, utf16Hex(entry[1]!));
    });
  }
  return map;
}

type TextRun = { x: number; y: number; text: string };

/** The text runs of each page, in page order; y grows upwards from the bottom of the page (PDF space). */
function extractPdfPages(buffer: Buffer): TextRun[][] {
  const pdf = buffer.toString("latin1");
  const objects = pdfObjects(pdf);
  const body = (id: number) => objects.get(id) ?? "";
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name, id] of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(body(Number(id)))?.[1];
    if (toUnicode) fonts.set(name!, toUnicodeMap(body(Number(toUnicode))));
  }
  const pagesKids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(pdf)?.[1] ?? "";
  return [...pagesKids.matchAll(/(\d+) 0 R/g)].map(([, pageId]) => {
    const contentsId = Number(/\/Contents (\d+) 0 R/.exec(body(Number(pageId)))?.[1]);
    const stream = /stream\r?\n([\s\S]*?)endstream/.exec(body(contentsId))?.[1] ?? "";
    return [...stream.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)].map(([, block = ""]) => {
      const [, x = "0", y = "0"] = /1 0 0 1 ([\d.-]+) ([\d.-]+) Tm/.exec(block) ?? [];
      const glyphs = fonts.get(/\/(F\d+) [\d.]+ Tf/.exec(block)?.[1] ?? "") ?? new Map<number, string>();
      let text = "";
      for (const [, array = ""] of block.matchAll(/\[([^\]]*)\] TJ/g)) {
        for (const [, hex = ""] of array.matchAll(/<([0-9a-f]+)>/gi)) {
          for (const id of hex.match(/.{4}/g) ?? []) text += glyphs.get(Number.parseInt(id, 16)) ?? "\ufffd";
        }
      }
      return { x: Number(x), y: Number(y), text };
    });
  });
}

const pageText = (runs: readonly TextRun[] = []): string => runs.map((run) => run.text).join("");

describe("exportPlanPdf", () => {
  it("is an A4 PDF that embeds Be Vietnam Pro and prints the decree's header, the decision number and the budget", async () => {
    const pdf = await exportPlanPdf(buildPlanDetail(baRiaVungTau2011), t, { compress: false });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
    const bytes = pdf.toString("latin1");
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+BeVietnamPro-Regular/);
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+BeVietnamPro-Bold/);
    expect(bytes).toContain("/MediaBox [0 0 595.28 841.89]");

    const pages = extractPdfPages(pdf);
    const first = pageText(pages[0]);
    expect(first).toContain("ỦY BAN NHÂN DÂN");
    expect(first).toContain("TỈNH BÀ RỊA - VŨNG TÀU");
    expect(first).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(first).toContain("Số: 3023/QĐ-UBND");
    expect(first).toContain("Bà Rịa - Vũng Tàu, ngày 16 tháng 11 năm 2010");
    expect(first).toContain("KẾ HOẠCH");
    // The decoder really reads the page: another plan's number is not found.
    expect(first).not.toContain("93/QĐ-UBND ");
    // Page numbers: none on page 1; from page 2 the number is the topmost text, centred on the page.
    const topmost = (runs: readonly TextRun[] = []) => runs.reduce((top, run) => (run.y > top.y ? run : top));
    const nationalTitle = pages[0]!.find((run) => run.text.startsWith("CỘNG"))!;
    expect(pages[0]!.some((run) => /^\d+$/.test(run.text) && run.y >= nationalTitle.y)).toBe(false);
    const pageTwoNumber = topmost(pages[1]);
    expect(pageTwoNumber.text).toBe("2");
    expect(Math.abs(pageTwoNumber.x - 595.28 / 2)).toBeLessThan(10);
    expect(topmost(pages.at(-1)).text).toBe(String(pages.length));

    const all = pages.map((runs) => pageText(runs)).join("\n");
    expect(all).toContain("Đơn vị tính: triệu đồng");
    expect(all).toContain("3.030");
    expect(all).toContain("Bằng chữ: Ba tỷ không trăm ba mươi triệu đồng.");
    expect(all).toContain("(không ghi trong văn bản)");
  });

  it("compresses by default and prints the month with a leading zero only for January and February", async () => {
    const plan = buildPlanDetail(baRiaVungTau2021);
    const compressed = await exportPlanPdf(plan, t);
    const plain = await exportPlanPdf(plan, t, { compress: false });
    expect(compressed.length).toBeLessThan(plain.length / 2);
    const first = pageText(extractPdfPages(plain)[0]);
    expect(first).toContain("Bà Rịa – Vũng Tàu, ngày 14 tháng 01 năm 2021");

    const march = pageText(
      extractPdfPages(
        await exportPlanPdf({ ...plan, decisionDate: "2021-03-05" }, t, { compress: false }),
      )[0],
    );
    expect(march).toContain("ngày 05 tháng 3 năm 2021");
  });

  it("lists the findings of the consistency check and signs with the signer's title on separate lines", async () => {
    const pages = extractPdfPages(await exportPlanPdf(buildPlanDetail(dongThap2011), t, { compress: false }));
    const all = pages.map((runs) => pageText(runs)).join("\n");
    expect(all).toContain("KIỂM TRA TÍNH THỐNG NHẤT CỦA SỐ LIỆU");
    expect(all).toContain("“150.0000.000”");
    expect(all).toContain("Đơn vị tính: đồng");
    expect(all).toContain("3.050.000.000");
    const last = pageText(pages.at(-1));
    expect(last).toMatch(/KT\. CHỦ TỊCH\s*PHÓ CHỦ TỊCH/);
    expect(last).toContain("Nguyễn Văn Dương");
  });
});

describe("budget tables", () => {
  it("adds a row for lines without an activity so the column totals still add up", () => {
    const extra: BudgetLine & { id: number } = {
      id: 9999,
      activityNumber: null,
      year: 2012,
      source: "provincial",
      amountDong: 5_000_000n,
      label: null,
      unitPriceDong: null,
      quantity: null,
      quantityUnit: null,
    };
    const base = buildPlanDetail(baRiaVungTau2011);
    const plan = { ...base, budgetLines: [...base.budgetLines, extra] };
    const table = buildBudgetTableByActivity(plan)!;
    expect(table.rows.at(-1)).toMatchObject({ heading: { kind: "unallocated" }, total: 5_000_000n });
    expect(table.columnTotals[1]).toBe(619_000_000n);
    expect(table.grandTotal).toBe(3_035_000_000n);
    expect(buildBudgetTableBySource(plan).rows.map((row) => row.heading)).toEqual([
      { kind: "source", source: "provincial" },
      { kind: "source", source: "unspecified" },
    ]);
  });
});

describe("renderBudgetChartSvg", () => {
  const seriesIndexes = (svg: string): Set<string> =>
    new Set(
      [...svg.matchAll(/ecmeta_series_index="(\d+)"[^>]*ecmeta_ssr_type="chart"/g)].map((match) => match[1]!),
    );

  it("draws one series per funding source present, with the year labels and a text alternative", () => {
    const svg = renderBudgetChartSvg(buildPlanDetail(baRiaVungTau2021), t);
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="budget-chart-1-title budget-chart-1-desc"/,
    );
    expect(seriesIndexes(svg)).toEqual(new Set(["0", "1"]));
    expect(svg).toContain(">Ngân sách trung ương</text>");
    expect(svg).toContain(">Ngân sách tỉnh</text>");
    expect(svg).not.toContain("Doanh nghiệp đóng góp");
    for (const year of ["2021", "2022", "2023", "2024", "2025"]) expect(svg).toContain(`>${year}</text>`);
    expect(svg).toContain(
      '<title id="budget-chart-1-title">Kinh phí thực hiện Kế hoạch theo năm và nguồn kinh phí</title>',
    );
    expect(svg).toMatch(
      /<desc id="budget-chart-1-desc">Năm 2021: 544,5 triệu đồng \(Ngân sách trung ương 300; Ngân sách tỉnh 244,5\)\..*Tổng cộng: 2\.224,5 triệu đồng\.<\/desc>/,
    );
    // The y axis prints Vietnamese numbers.
    expect(svg).toMatch(/>[1-9]\d{0,2}(\.\d{3})*<\/text>/);
  });

  it("shows whole-period budgets as one bar per source under “Cả giai đoạn” (Đồng Tháp 2011–2015)", () => {
    const svg = renderBudgetChartSvg(buildPlanDetail(dongThap2011), t);
    expect(seriesIndexes(svg)).toEqual(new Set(["0", "1", "2", "3"]));
    expect(svg).toContain(">Cả giai đoạn</text>");
    expect(svg).not.toContain(">2011</text>");
    // Side by side, not stacked: the four bars start at four different x positions.
    const barStarts = [...svg.matchAll(/<path d="M([\d.]+) [^"]*"[^>]*ecmeta_ssr_type="chart"/g)].map(
      (m) => m[1],
    );
    expect(new Set(barStarts).size).toBe(4);
  });

  it("is deterministic: the same plan gives the same SVG", () => {
    const plan = buildPlanDetail(baRiaVungTau2011);
    expect(renderBudgetChartSvg(plan, t)).toBe(renderBudgetChartSvg(plan, t));
  });

  it("needs no inline CSS (style-src 'self'): presentation attributes instead of style attributes and <style>", () => {
    const svg = renderBudgetChartSvg(buildPlanDetail(baRiaVungTau2021), t);
    expect(svg).not.toMatch(/\sstyle\s*=/);
    expect(svg).not.toContain("<style");
    // Every text label keeps its font size and family as attributes.
    const texts = [...svg.matchAll(/<text\b[^>]*>/g)].map((match) => match[0]);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(text).toMatch(/ font-size="1[25]px"/);
      expect(text).toContain(` font-family="'Be Vietnam Pro', Arial, sans-serif"`);
    }
    expect(svg).toMatch(/<text [^>]*font-size="15px"[^>]*font-weight="bold"[^>]*>Kinh phí thực hiện/);
    expect(svg).toContain(">Ngân sách tỉnh</text>");
  });

  it("turns style attributes and plain class rules into presentation attributes, dropping the rest", () => {
    const svg =
      '<svg><text class="a b" fill="#000" style="font-size:12px;font-family:&quot;X; Y&quot;, serif;' +
      'transform:rotate(3deg);fill:#111 !important">A</text><path class="b" d="M0 0"/>' +
      "<style ><![CDATA[\n.a { stroke: red; fill: blue }\n.b:hover { pointer-events: none; }\n" +
      ".b, .c { opacity: 0.5; animation: x 1s }\n@keyframes x { 0% { opacity: 0 } }\n]]></style></svg>";
    expect(withoutInlineStyles(svg)).toBe(
      '<svg><text class="a b" fill="#111" stroke="red" opacity="0.5" font-size="12px" ' +
        'font-family="&quot;X; Y&quot;, serif">A</text><path class="b" d="M0 0" opacity="0.5"/></svg>',
    );
  });

  it("uses source colours with at least 4.5:1 contrast against white (WCAG AA)", () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((start) => {
        const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const color of Object.values(fundingSourceColors)) {
      expect((1 + 0.05) / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});
