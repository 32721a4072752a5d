import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { provinceIdOf } from "../../../../test/helpers/floor.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { inquiries, offers, searchDocuments, storefronts } from "../schema.ts";
import { statsMonths } from "./queries.ts";

let testApp: TestApp;
const province = "ba-ria-vung-tau";
const page = `/${province}/admin/floor-stats`;
let leader: Browser;
let provinceId: number;

beforeAll(async () => {
  testApp = await buildTestApp();
  provinceId = await provinceIdOf(testApp.database.db, province);
  leader = new Browser(testApp.app);
  await leader.signIn(province, `lanhdao@${province}.demo`);
}, 60_000);
afterAll(() => testApp.close());

/** The figure shown after a summary-list term. */
function figureAfter(html: string, term: string): number {
  const match = new RegExp(`<dt>${term.replace(/[.*+?^${}()|[\]\\"]/g, "\\$&")}</dt><dd>([\\d.]+)</dd>`).exec(
    html,
  );
  if (!match) throw new Error(`no figure for ${term}`);
  return Number(match[1]!.replaceAll(".", ""));
}

function vietnamMonth(date = new Date()): string {
  const local = new Date(date.getTime() + 7 * 3_600_000);
  return `${String(local.getUTCMonth() + 1).padStart(2, "0")}/${local.getUTCFullYear()}`;
}

describe("floor statistics page", () => {
  test("officers, admins and leaders see it; enterprises and citizens do not", async () => {
    expect((await leader.get(page)).statusCode).toBe(200);
    for (const account of ["canbo", "quantri"]) {
      const browser = new Browser(testApp.app);
      await browser.signIn(province, `${account}@${province}.demo`);
      expect((await browser.get(page)).statusCode).toBe(200);
    }
    for (const account of ["doanhnghiep", "congdan"]) {
      const browser = new Browser(testApp.app);
      await browser.signIn(province, `${account}@${province}.demo`);
      expect((await browser.get(page)).statusCode).toBe(403);
      expect((await browser.get(`${page}.xlsx`)).statusCode).toBe(403);
    }
    const dongThapLeader = new Browser(testApp.app);
    await dongThapLeader.signIn("dong-thap", "lanhdao@dong-thap.demo");
    expect((await dongThapLeader.get(page)).statusCode).not.toBe(200);
  });

  test("the overview counts match the floor: enterprises on the floor, verified enterprises, badge holders", async () => {
    const db = testApp.database.db;
    const [onFloor] = await db
      .select({ n: count() })
      .from(storefronts)
      .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
      .where(
        and(
          eq(storefronts.provinceId, provinceId),
          eq(storefronts.status, "published"),
          eq(enterprises.status, "verified"),
        ),
      );
    const [verified] = await db
      .select({ n: count() })
      .from(enterprises)
      .where(and(eq(enterprises.provinceId, provinceId), eq(enterprises.status, "verified")));
    const [badges] = await db
      .select({ n: count() })
      .from(storefronts)
      .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
      .where(
        and(
          eq(storefronts.provinceId, provinceId),
          eq(storefronts.status, "published"),
          eq(enterprises.status, "verified"),
          isNotNull(storefronts.badgeGrantedAt),
        ),
      );
    const html = (await leader.get(page)).body;
    expect(figureAfter(html, "Doanh nghiệp có gian hàng trên sàn")).toBe(onFloor!.n);
    expect(figureAfter(html, "Doanh nghiệp đã xác minh")).toBe(verified!.n);
    expect(figureAfter(html, "Gian hàng có dấu &quot;Đã xác thực bởi Sở Công Thương&quot;")).toBe(badges!.n);
    expect(onFloor!.n).toBeGreaterThan(50);
    expect(badges!.n).toBeGreaterThan(0);
    expect(badges!.n).toBeLessThan(onFloor!.n);
  });

  test("each chart is an accessible SVG without inline styles, followed by its table", async () => {
    const html = (await leader.get(page)).body;
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs.length).toBe(3);
    for (const tag of svgs) expect(tag).toContain('role="img"');
    expect(html).toContain('<title id="floor-stats-categories-title">');
    expect(html).toContain('<desc id="floor-stats-monthly-desc">');
    expect(html).not.toMatch(/<svg[\s\S]*style="/);
    expect(html).not.toContain("<style");
    expect((html.match(/<caption>/g) ?? []).length).toBe(3);
    expect(html).toContain("Thủy sản xuất khẩu");
    expect(html).toContain('<th scope="row">5 sao</th>');
  });

  test("a new inquiry counts in this month's column; listings by category add up to the public documents", async () => {
    const db = testApp.database.db;
    const month = vietnamMonth();
    const monthRow = (html: string) => {
      const match = new RegExp(
        `<th scope="row">${month}</th><td class="numeric">([\\d.]+)</td><td class="numeric">([\\d.]+)</td><td class="numeric">([\\d.]+)</td>`,
      ).exec(html);
      return match ? Number(match[3]!.replaceAll(".", "")) : null;
    };
    const before = monthRow((await leader.get(page)).body);
    expect(before).not.toBeNull();
    const [enterprise] = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.provinceId, provinceId))
      .limit(1);
    await db.insert(inquiries).values({
      provinceId,
      enterpriseId: enterprise!.id,
      senderName: "Người mua thử",
      senderEmail: "nguoi.mua@example.vn",
      subject: "Hỏi giá",
      accessTokenHash: `stats-test-${Date.now()}`,
    });
    expect(monthRow((await leader.get(page)).body)).toBe(before! + 1);

    const [documents] = await db
      .select({ n: count() })
      .from(searchDocuments)
      .where(
        and(
          eq(searchDocuments.provinceId, provinceId),
          sql`${searchDocuments.docType} in ('product', 'offer')`,
        ),
      );
    const html = (await leader.get(page)).body;
    const total =
      /<tfoot><tr><th scope="row">Tổng cộng<\/th><td class="numeric">([\d.]+)<\/td><td class="numeric">([\d.]+)<\/td>/.exec(
        html,
      );
    expect(Number(total![1]!.replaceAll(".", "")) + Number(total![2]!.replaceAll(".", ""))).toBe(
      documents!.n,
    );
  });

  test("the year selector shows January to December of the chosen year; an offer published then is counted", async () => {
    const db = testApp.database.db;
    const [offer] = await db
      .select({ id: offers.id })
      .from(offers)
      .where(eq(offers.provinceId, provinceId))
      .limit(1);
    await db
      .update(offers)
      .set({ publishedAt: new Date("2024-03-10T03:00:00Z"), kind: "buy" })
      .where(eq(offers.id, offer!.id));
    const html = (await leader.get(`${page}?year=2024`)).body;
    expect(html).toContain('<option value="2024" selected>');
    expect(html).toContain('<th scope="row">01/2024</th>');
    expect(html).toContain('<th scope="row">12/2024</th>');
    expect(html).toMatch(
      /<th scope="row">03\/2024<\/th><td class="numeric">0<\/td><td class="numeric">1<\/td>/,
    );
    expect(statsMonths(null, new Date("2026-01-15T00:00:00Z"))).toEqual([
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
    ]);
  });
});

test("the XLSX export has the same figures as the page", async () => {
  const html = (await leader.get(page)).body;
  const response = await leader.get(`${page}.xlsx`);
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    "Tổng quan",
    "Theo ngành hàng",
    "Theo tháng",
    "OCOP",
  ]);
  const summary = workbook.getWorksheet("Tổng quan")!;
  const summaryValue = (label: string) => {
    let found: unknown = null;
    summary.eachRow((row) => {
      if (row.getCell(1).value === label) found = row.getCell(2).value;
    });
    return found;
  };
  expect(summaryValue("Doanh nghiệp có gian hàng trên sàn")).toBe(
    figureAfter(html, "Doanh nghiệp có gian hàng trên sàn"),
  );
  expect(summaryValue("Doanh nghiệp đã xác minh")).toBe(figureAfter(html, "Doanh nghiệp đã xác minh"));
  const monthly = workbook.getWorksheet("Theo tháng")!;
  expect(monthly.rowCount).toBe(13);
  const ocop = workbook.getWorksheet("OCOP")!;
  const fiveStars = ocop.getRow(4);
  expect(fiveStars.getCell(1).value).toBe("5 sao");
  const pageFive = /<th scope="row">5 sao<\/th><td class="numeric">([\d.]+)<\/td>/.exec(html);
  expect(fiveStars.getCell(2).value).toBe(Number(pageFive![1]!.replaceAll(".", "")));
});
