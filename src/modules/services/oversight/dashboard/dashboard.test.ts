import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import { contextAs, type ServiceFixture, seedServiceFixture } from "../../../../../test/helpers/services.ts";
import { createWorkingCalendar } from "../../calendar/index.ts";
import { dossierRatings, dossiers } from "../../schema.ts";
import { countProcessingWorkingDays } from "./processing-days.ts";
import { getServiceDashboard } from "./queries.ts";

/**
 * A small hand-made year (2025, before the demo dossiers of 2026) of Bà Rịa – Vũng Tàu, written straight into
 * the snapshot columns, and the figures worked out by hand from it (see each dossier's comment).
 */

let testApp: TestApp;
const province = "ba-ria-vung-tau";
const page = `/${province}/admin/services/dashboard?year=2025`;
let leader: Browser;
let procedureA: ServiceFixture;
let procedureB: ServiceFixture;

type DossierValues = typeof dossiers.$inferInsert;
let codeCount = 0;

function dossierOf(fixture: ServiceFixture, values: Partial<DossierValues>): DossierValues {
  codeCount += 1;
  return {
    provinceId: fixture.provinceId,
    procedureId: fixture.procedureId,
    procedureVersionId: fixture.versionId,
    code: values.state === "draft" ? null : `DASHBOARD-TEST-${codeCount}`,
    applicantName: "Công ty thử nghiệm",
    applicantPhone: "0901000000",
    applicantEmail: "thu.nghiem@example.vn",
    applicantAddress: "1 Lê Lợi",
    ...values,
  };
}

const at = (text: string) => new Date(text);

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  procedureA = await seedServiceFixture(db, province, { code: "DASH.A" });
  procedureB = await seedServiceFixture(db, province, { code: "DASH.B" });
  const dongThap = await seedServiceFixture(db, "dong-thap", { code: "DASH.DT" });
  const rows = await db
    .insert(dossiers)
    .values([
      // 1. Online, paid, received Mon 03/03 09:00, decided Thu 06/03: 3 working days, early.
      dossierOf(procedureA, {
        state: "completed",
        channel: "online",
        feeDong: 100_000,
        paidAt: at("2025-03-02T10:00:00+07:00"),
        submittedAt: at("2025-03-02T09:00:00+07:00"),
        receivedAt: at("2025-03-03T09:00:00+07:00"),
        decidedAt: at("2025-03-06T10:00:00+07:00"),
        timeliness: "early",
      }),
      // 2. Online, fee not paid online, received Mon 10/03 17:00 (after the 16:00 cut-off, counts from Tue
      //    11/03), decided Fri 14/03: 3 working days, on time.
      dossierOf(procedureA, {
        state: "approved",
        channel: "online",
        feeDong: 100_000,
        submittedAt: at("2025-03-10T16:30:00+07:00"),
        receivedAt: at("2025-03-10T17:00:00+07:00"),
        decidedAt: at("2025-03-14T09:00:00+07:00"),
        timeliness: "on-time",
      }),
      // 3. At the counter, no fee, received Tue 01/04, decided Tue 15/04: 10 weekdays less Hùng Kings' day
      //    (Mon 07/04/2025) = 9 working days, late.
      dossierOf(procedureA, {
        state: "rejected",
        channel: "counter",
        feeDong: 0,
        submittedAt: at("2025-04-01T08:00:00+07:00"),
        receivedAt: at("2025-04-01T08:00:00+07:00"),
        decidedAt: at("2025-04-15T15:00:00+07:00"),
        timeliness: "late",
      }),
      // 4. Online, paid, received 30/12/2025, decided in 2026: received in December, not processed in 2025.
      dossierOf(procedureB, {
        state: "approved",
        channel: "online",
        feeDong: 50_000,
        paidAt: at("2025-12-29T10:00:00+07:00"),
        submittedAt: at("2025-12-29T09:00:00+07:00"),
        receivedAt: at("2025-12-30T10:00:00+07:00"),
        decidedAt: at("2026-01-05T10:00:00+07:00"),
        timeliness: "early",
      }),
      // 5. Received Fri 20/12/2024, decided Fri 03/01/2025 (01/01 off): 9 working days, late; processed in
      //    January, not received in 2025. 31/12/2025 17:30 UTC is already 2025 in Vietnam — see 6.
      dossierOf(procedureB, {
        state: "stopped",
        channel: "online",
        feeDong: 0,
        submittedAt: at("2024-12-19T09:00:00+07:00"),
        receivedAt: at("2024-12-20T09:00:00+07:00"),
        decidedAt: at("2025-01-03T10:00:00+07:00"),
        timeliness: "late",
      }),
      // 6. Online, unpaid fee, received 02/06, still in review: received in June, not processed.
      dossierOf(procedureA, {
        state: "in-review",
        channel: "online",
        feeDong: 100_000,
        submittedAt: at("2025-06-01T09:00:00+07:00"),
        receivedAt: at("2025-06-02T09:00:00+07:00"),
        dueDate: "2025-06-09",
      }),
      // 7. Submitted, never received; 8. a draft: neither counts.
      dossierOf(procedureA, { state: "submitted", submittedAt: at("2025-05-05T09:00:00+07:00") }),
      dossierOf(procedureA, { state: "draft" }),
      // 9. Another province's dossier: not Bà Rịa – Vũng Tàu's.
      dossierOf(dongThap, {
        state: "completed",
        submittedAt: at("2025-03-03T09:00:00+07:00"),
        receivedAt: at("2025-03-03T09:00:00+07:00"),
        decidedAt: at("2025-03-04T09:00:00+07:00"),
        timeliness: "early",
      }),
    ])
    .returning({ id: dossiers.id });
  await db.insert(dossierRatings).values([
    { dossierId: rows[0]!.id, score: 5, createdAt: at("2025-03-07T10:00:00+07:00") },
    { dossierId: rows[1]!.id, score: 3, comment: "Chậm trả lời", createdAt: at("2025-03-20T10:00:00+07:00") },
    // Given in 2026: not in 2025's satisfaction.
    { dossierId: rows[2]!.id, score: 4, createdAt: at("2026-01-10T10:00:00+07:00") },
    // Another province's rating.
    { dossierId: rows[8]!.id, score: 1, createdAt: at("2025-03-05T10:00:00+07:00") },
  ]);
  leader = new Browser(testApp.app);
  await leader.signIn(province, `lanhdao@${province}.demo`);
}, 120_000);
afterAll(() => testApp.close());

test("processing working days skip the receipt day, weekends, holidays, and count from after the cut-off", () => {
  const calendar = createWorkingCalendar();
  const days = (receivedDate: string, receivedAfterCutOff: boolean, decidedDate: string) =>
    countProcessingWorkingDays(calendar, { receivedDate, receivedAfterCutOff, decidedDate });
  expect(days("2025-03-03", false, "2025-03-06")).toBe(3);
  expect(days("2025-03-10", true, "2025-03-14")).toBe(3);
  expect(days("2025-04-01", false, "2025-04-15")).toBe(9);
  expect(days("2024-12-20", false, "2025-01-03")).toBe(9);
  // Received on a Saturday: counts from Monday; decided that Monday → 0.
  expect(days("2025-03-08", false, "2025-03-10")).toBe(0);
});

describe("Decision 766 figures", () => {
  test("the service returns the hand-computed year", async () => {
    const ctx = await contextAs(testApp.database.db, province, `lanhdao@${province}.demo`);
    const dashboard = await getServiceDashboard({ ctx, year: 2025 });
    expect(dashboard.totals).toEqual({
      received: 5,
      receivedOnline: 4,
      withFee: 4,
      paidOnline: 2,
      processed: 4,
      early: 1,
      onTime: 1,
      late: 2,
      averageProcessingDays: 6,
    });
    const month = (key: string) => dashboard.byMonth.find((row) => row.month === key)!;
    expect(dashboard.byMonth).toHaveLength(12);
    expect(month("2025-01")).toMatchObject({ received: 0, processed: 1, late: 1 });
    expect(month("2025-03")).toMatchObject({
      received: 2,
      receivedOnline: 2,
      processed: 2,
      early: 1,
      onTime: 1,
    });
    expect(month("2025-04")).toMatchObject({ received: 1, receivedOnline: 0, processed: 1, late: 1 });
    expect(month("2025-06")).toMatchObject({ received: 1, processed: 0 });
    expect(month("2025-12")).toMatchObject({ received: 1, paidOnline: 1, processed: 0 });
    expect(month("2025-05")).toMatchObject({ received: 0, processed: 0 });
    const byCode = new Map(dashboard.byProcedure.map((row) => [row.code, row]));
    expect(byCode.get("DASH.A")).toMatchObject({
      received: 4,
      processed: 3,
      late: 1,
      averageProcessingDays: 5,
    });
    expect(byCode.get("DASH.B")).toMatchObject({
      received: 1,
      processed: 1,
      late: 1,
      averageProcessingDays: 9,
    });
    expect(byCode.has("DASH.DT")).toBe(false);
    expect(dashboard.satisfaction).toEqual({
      count: 2,
      average: 4,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 1 },
        { score: 4, count: 0 },
        { score: 5, count: 1 },
      ],
    });
    expect(dashboard.years).toContain(2024);
    expect(dashboard.years).toContain(2025);
  });

  test("the page shows the same figures, with accessible charts and their tables", async () => {
    const response = await leader.get(page);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    const figure = (term: string) => new RegExp(`<dt>${term}</dt><dd>([^<]*)</dd>`).exec(html)?.[1];
    expect(figure("Hồ sơ tiếp nhận")).toBe("5");
    expect(figure("Hồ sơ đã giải quyết")).toBe("4");
    expect(figure("Giải quyết quá hạn")).toBe("2");
    expect(figure("Tỷ lệ đúng hạn \\(%\\)")).toBe("50%");
    expect(figure("Tỷ lệ hồ sơ trực tuyến \\(%\\)")).toBe("80%");
    expect(figure("Tỷ lệ thanh toán trực tuyến \\(%\\)")).toBe("50%");
    expect(figure("Thời gian giải quyết trung bình \\(ngày làm việc\\)")).toBe("6");
    expect(figure("Điểm hài lòng trung bình \\(thang 5\\)")).toBe("4,00");
    expect(html).toMatch(
      /<th scope="row">03\/2025<\/th><td class="numeric">2<\/td><td class="numeric">100%<\/td><td class="numeric">2<\/td><td class="numeric">2<\/td><td class="numeric">0<\/td>/,
    );
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const tag of svgs) expect(tag).toContain('role="img"');
    expect(html).toContain('<desc id="services-dashboard-monthly-desc">');
    expect(html).not.toMatch(/<svg[\s\S]*style="/);
    expect((html.match(/<caption>/g) ?? []).length).toBe(3);
    expect(html).toContain('<option value="2025" selected>');
  });

  test("the XLSX export opens and holds the same numbers", async () => {
    const response = await leader.get(`/${province}/admin/services/dashboard.xlsx?year=2025`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tổng hợp",
      "Theo tháng",
      "Theo thủ tục",
      "Mức độ hài lòng",
    ]);
    const summary = new Map<string, unknown>();
    workbook
      .getWorksheet("Tổng hợp")!
      .eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get("Hồ sơ tiếp nhận")).toBe(5);
    expect(summary.get("Hồ sơ đã giải quyết")).toBe(4);
    expect(summary.get("Giải quyết quá hạn")).toBe(2);
    expect(summary.get("Tỷ lệ đúng hạn (%)")).toBe(0.5);
    expect(summary.get("Tỷ lệ hồ sơ trực tuyến (%)")).toBe(0.8);
    expect(summary.get("Thời gian giải quyết trung bình (ngày làm việc)")).toBe(6);
    expect(summary.get("Điểm hài lòng trung bình (thang 5)")).toBe(4);
    const monthly = workbook.getWorksheet("Theo tháng")!;
    expect(monthly.rowCount).toBe(13);
    expect(monthly.getRow(4).getCell(1).value).toBe("03/2025");
    expect(monthly.getRow(4).getCell(2).value).toBe(2);
    const procedures = workbook.getWorksheet("Theo thủ tục")!;
    const procedureA = procedures
      .getRows(2, procedures.rowCount - 1)!
      .find((row) => row.getCell(1).value === "DASH.A")!;
    expect(procedureA.getCell(3).value).toBe(4);
    expect(procedureA.getCell(11).value).toBe(5);
    const satisfaction = workbook.getWorksheet("Mức độ hài lòng")!;
    expect(satisfaction.getRow(6).getCell(2).value).toBe(1);
  });
});

describe("who may see it", () => {
  test("leaders, officers and administrators do; enterprises, citizens and visitors do not", async () => {
    for (const account of ["canbo", "quantri", "motcua"]) {
      const browser = new Browser(testApp.app);
      await browser.signIn(province, `${account}@${province}.demo`);
      expect((await browser.get(page)).statusCode).toBe(200);
    }
    for (const account of ["doanhnghiep", "congdan"]) {
      const browser = new Browser(testApp.app);
      await browser.signIn(province, `${account}@${province}.demo`);
      expect((await browser.get(page)).statusCode).toBe(403);
      expect((await browser.get(`/${province}/admin/services/dashboard.xlsx`)).statusCode).toBe(403);
    }
    const visitor = new Browser(testApp.app);
    const anonymous = await visitor.get(page);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain("/sign-in");
  });

  test("another province's leader sees only their own figures", async () => {
    const dongThapLeader = new Browser(testApp.app);
    await dongThapLeader.signIn("dong-thap", "lanhdao@dong-thap.demo");
    expect((await dongThapLeader.get(page)).statusCode).not.toBe(200);
    const own = await dongThapLeader.get("/dong-thap/admin/services/dashboard?year=2025");
    expect(own.statusCode).toBe(200);
    expect(/<dt>Hồ sơ tiếp nhận<\/dt><dd>(\d+)<\/dd>/.exec(own.body)?.[1]).toBe("1");
  });
});
