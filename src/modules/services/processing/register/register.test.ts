import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import {
  contextAs,
  markPaidFixture,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../../test/helpers/services.ts";
import { performDossierAction } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";
import { readRegisterFilters } from "./register-filters.ts";
import {
  buildRegisterCondition,
  getRegisterPage,
  listRegisterForExport,
  registerOrder,
} from "./register-query.ts";

const slug = "dong-thap";
const other = "ba-ria-vung-tau";
const march = { from: "2026-03-01", to: "2026-03-31" };
let testApp: TestApp;
let fixture: ServiceFixture;
const ids = {} as Record<
  "received" | "lateReceipt" | "completed" | "onlineOnly" | "february" | "aprilInVietnam",
  number
>;
const codes = {} as Record<keyof typeof ids, string>;

const as = (email: string, province = slug) => contextAs(testApp.database.db, province, email);
const reception = () => as(`motcua@${slug}.demo`);

/** Submitted at `submittedAt` by the demo enterprise, paid and received at `receivedAt` by reception. */
async function submitThenReceive(submittedAt: string, receivedAt: string) {
  const db = testApp.database.db;
  const id = await submitDossierFixture(db, fixture, { slug, now: new Date(submittedAt) });
  await markPaidFixture(db, id, new Date(submittedAt));
  await performDossierAction(await reception(), id, { action: "receive" }, { now: new Date(receivedAt) });
  return id;
}

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  fixture = await seedServiceFixture(db, slug, { processingWorkingDays: 5 });
  // Received Monday 09/03/2026 09:00 (Vietnam): due Monday 16/03/2026.
  ids.received = await submitDossierFixture(db, fixture, {
    slug,
    receive: true,
    now: new Date("2026-03-09T02:00:00Z"),
  });
  // Submitted online on Friday 27/02, received on Monday 02/03: it belongs to March.
  ids.lateReceipt = await submitThenReceive("2026-02-27T09:00:00Z", "2026-03-02T02:00:00Z");
  // Received 03/03, forwarded the same day, approved 05/03, handed over 06/03.
  ids.completed = await submitDossierFixture(db, fixture, {
    slug,
    receive: true,
    now: new Date("2026-03-03T02:00:00Z"),
  });
  const at = (text: string) => ({ now: new Date(text) });
  await performDossierAction(
    await reception(),
    ids.completed,
    { action: "forward" },
    at("2026-03-03T03:00:00Z"),
  );
  await performDossierAction(
    await as(`thuongmai@${slug}.demo`),
    ids.completed,
    { action: "propose" },
    at("2026-03-04T03:00:00Z"),
  );
  await performDossierAction(
    await as(`lanhdao@${slug}.demo`),
    ids.completed,
    { action: "approve" },
    at("2026-03-05T03:00:00Z"),
  );
  await performDossierAction(
    await reception(),
    ids.completed,
    { action: "return-result", deliveryMethod: "online" },
    at("2026-03-06T03:00:00Z"),
  );
  // Submitted online on 20/03 and not received yet: listed under its submission.
  ids.onlineOnly = await submitDossierFixture(db, fixture, { slug, now: new Date("2026-03-20T03:00:00Z") });
  // Outside the period: received in February, and received at 23:30 on 31/03 UTC, i.e. 01/04 in Vietnam.
  ids.february = await submitDossierFixture(db, fixture, {
    slug,
    receive: true,
    now: new Date("2026-02-10T02:00:00Z"),
  });
  ids.aprilInVietnam = await submitDossierFixture(db, fixture, {
    slug,
    receive: true,
    now: new Date("2026-03-31T17:30:00Z"),
  });
  const rows = await db.select({ id: dossiers.id, code: dossiers.code }).from(dossiers);
  const codeById = new Map(rows.map((row) => [row.id, row.code]));
  for (const [name, id] of Object.entries(ids)) codes[name as keyof typeof ids] = codeById.get(id)!;
});
afterAll(() => testApp.close());

const marchOfFixture = () => ({ ...march, procedure: fixture.procedureId, unit: null });
const registerUrl = (query: string) => `/${slug}/admin/services/register?${query}`;
const marchQuery = () => `from=2026-03-01&to=2026-03-31&procedure=${fixture.procedureId}`;

async function signedIn(province: string, email: string) {
  const browser = new Browser(testApp.app);
  await browser.signIn(province, email);
  return browser;
}

describe("the tracking register (form 07)", () => {
  test("lists the dossiers received (or submitted online) in the period in receipt order, none outside", async () => {
    const register = await getRegisterPage(
      await reception(),
      marchOfFixture(),
      1,
      new Date("2026-03-10T02:00:00Z"),
    );
    expect(register.rows.map((row) => row.id)).toEqual([
      ids.lateReceipt,
      ids.completed,
      ids.received,
      ids.onlineOnly,
    ]);
    expect(register.total).toBe(4);
    const received = register.rows.find((row) => row.id === ids.received)!;
    expect(received).toMatchObject({
      code: codes.received,
      procedureName: "Thủ tục thử nghiệm cấp giấy phép",
      dueDate: "2026-03-16",
      forwardedAt: null,
      handedOverAt: null,
      notes: [],
    });
    const completed = register.rows.find((row) => row.id === ids.completed)!;
    expect(completed).toMatchObject({
      state: "completed",
      timeliness: "early",
      forwardedAt: new Date("2026-03-03T03:00:00Z"),
      resultAt: new Date("2026-03-05T03:00:00Z"),
      handedOverAt: new Date("2026-03-06T03:00:00Z"),
    });
    // The lead unit is the first processing step's (the trade office), not the reception desk.
    expect(completed.leadUnitName).not.toBe("");
    const online = register.rows.find((row) => row.id === ids.onlineOnly)!;
    expect(online).toMatchObject({ receivedAt: null, notes: ["not-received"] });
  });

  test("the page shows the rows with their columns; the unit filter narrows them", async () => {
    const browser = await signedIn(slug, `motcua@${slug}.demo`);
    const page = await browser.get(registerUrl(marchQuery()));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sổ theo dõi hồ sơ");
    expect(page.body).toContain(codes.received);
    expect(page.body).toContain(codes.lateReceipt);
    expect(page.body).toContain("16/03/2026");
    expect(page.body).toContain("Thủ tục thử nghiệm cấp giấy phép");
    expect(page.body).toContain("Trước hạn");
    expect(page.body).not.toContain(codes.february);
    expect(page.body).not.toContain(codes.aprilInVietnam);
    expect(page.body).toContain('<th scope="col">Ngày hẹn trả kết quả</th>');
    expect(page.body).toContain(`href="/${slug}/admin/services/register"`);

    const safety = await browser.get(registerUrl(`${marchQuery()}&unit=${fixture.units.safety}`));
    expect(safety.statusCode).toBe(200);
    expect(safety.body).not.toContain(codes.received);
    const trade = await browser.get(registerUrl(`${marchQuery()}&unit=${fixture.units.trade}`));
    expect(trade.body).toContain(codes.received);
  });

  test("bad dates are refused with a message and list nothing", async () => {
    const browser = await signedIn(slug, `motcua@${slug}.demo`);
    const cases: [string, string][] = [
      [`from=2026-02-30&to=2026-03-31&procedure=${fixture.procedureId}`, "Nhập ngày theo dạng"],
      [`from=2026-03-31&to=2026-03-01&procedure=${fixture.procedureId}`, "Ngày kết thúc phải bằng hoặc sau"],
      [`from=2025-01-01&to=2026-03-31&procedure=${fixture.procedureId}`, "tối đa 366 ngày"],
    ];
    for (const [query, message] of cases) {
      const page = await browser.get(registerUrl(query));
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain(message);
      expect(page.body).toContain('href="#field-');
      expect(page.body).not.toContain(codes.received);
      const xlsx = await browser.get(`/${slug}/admin/services/register.xlsx?${query}`);
      expect(xlsx.statusCode).toBe(422);
    }
    // A whole leap year is allowed; the English page speaks English.
    const leapYear = await browser.get(registerUrl("from=2024-01-01&to=2024-12-31"));
    expect(leapYear.statusCode).toBe(200);
    const english = await browser.get(registerUrl("from=2026-03-31&to=2026-03-01&lang=en"));
    expect(english.body).toContain("The end date must be on or after the start date.");
  });

  test("an officer of another province and an applicant are refused", async () => {
    // On this province's portal another province's session is a visitor's: sent to sign in, shown nothing.
    const outsider = await signedIn(other, `motcua@${other}.demo`);
    for (const path of ["register", "register.xlsx"]) {
      const response = await outsider.get(`/${slug}/admin/services/${path}?${marchQuery()}`);
      expect(response.statusCode).toBe(303);
      expect(response.body).not.toContain(codes.received);
    }
    // The service itself refuses their account on this province (a route that forgot the check cannot leak).
    await expect(
      getRegisterPage(await as(`motcua@${other}.demo`), marchOfFixture(), 1),
    ).rejects.toMatchObject({ statusCode: 403 });
    // In their own province the same period holds none of this province's dossiers.
    const own = await getRegisterPage(
      await as(`motcua@${other}.demo`, other),
      { ...march, procedure: null, unit: null },
      1,
    );
    expect(own.rows.map((row) => row.id)).not.toContain(ids.received);
    const applicant = await signedIn(slug, `doanhnghiep@${slug}.demo`);
    const refused = await applicant.get(registerUrl(marchQuery()));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(codes.received);
    await expect(
      getRegisterPage(await as(`doanhnghiep@${slug}.demo`), marchOfFixture(), 1),
    ).rejects.toThrow();
  });

  test("the XLSX opens with exceljs: title, agency, period, frozen header, one row per dossier with dates", async () => {
    const browser = await signedIn(slug, `motcua@${slug}.demo`);
    const response = await browser.get(`/${slug}/admin/services/register.xlsx?${marchQuery()}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(
      "so-theo-doi-ho-so-dong-thap-2026-03-01-2026-03-31",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("SỔ THEO DÕI HỒ SƠ");
    expect(String(sheet.getCell("A2").value)).toContain("Sở Công Thương");
    expect(sheet.getCell("A3").value).toBe("Từ ngày 01/03/2026 đến ngày 31/03/2026");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    const header = sheet.getRow(5).values as unknown[];
    expect(header.slice(1, 4)).toEqual(["STT", "Mã hồ sơ", "Tên thủ tục hành chính"]);
    expect(header).toContain("Ngày hẹn trả kết quả");
    const dataCodes = [6, 7, 8, 9].map((row) => sheet.getRow(row).getCell(2).value);
    expect(dataCodes).toEqual([codes.lateReceipt, codes.completed, codes.received, codes.onlineOnly]);
    expect(sheet.getRow(10).getCell(2).value ?? null).toBeNull();
    const receivedRow = sheet.getRow(8);
    expect(receivedRow.getCell(1).value).toBe(3);
    // Received 09:00 in Vietnam; the appointment is a date, not text.
    expect(receivedRow.getCell(7).value).toEqual(new Date("2026-03-09T09:00:00Z"));
    expect(receivedRow.getCell(8).value).toEqual(new Date("2026-03-16T00:00:00Z"));
    expect(receivedRow.getCell(8).numFmt).toBe("dd/mm/yyyy");
    const completedRow = sheet.getRow(7);
    expect(completedRow.getCell(11).value).toEqual(new Date("2026-03-06T00:00:00Z"));
    expect(completedRow.getCell(12).value).toBe("Trước hạn");
  });

  test("the export holds the same rows as the pages, in order", async () => {
    const exported = await listRegisterForExport(await reception(), marchOfFixture());
    expect(exported.total).toBe(4);
    expect(exported.rows.map((row) => row.id)).toEqual([
      ids.lateReceipt,
      ids.completed,
      ids.received,
      ids.onlineOnly,
    ]);
  });

  test("the default period is the current month in Vietnam", () => {
    // 01:00 on 1 April in Vietnam is still 31 March in UTC.
    const { filters, issues } = readRegisterFilters({}, new Date("2026-03-31T18:00:00Z"));
    expect(issues).toEqual([]);
    expect(filters).toMatchObject({ from: "2026-04-01", to: "2026-04-30" });
    expect(readRegisterFilters({}, new Date("2026-12-15T03:00:00Z")).filters).toMatchObject({
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(readRegisterFilters({ from: "01/03/2026", to: "2026-03-31" }).filters.from).toBe("2026-03-01");
  });

  test("the period is read as ranges of the register index, not a sequential scan", async () => {
    const db = testApp.database.db;
    const condition = await buildRegisterCondition(await reception(), {
      ...march,
      procedure: null,
      unit: null,
    });
    const query = db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(condition)
      .orderBy(...registerOrder)
      .limit(50);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result: unknown = await tx.execute(sql`explain ${query}`);
      return JSON.stringify((result as { rows?: unknown }).rows ?? result);
    });
    expect(plan).toContain("dossiers_register_idx");
    // The portal's scope lists the former provinces merged into it: one range per province, then a sort of the
    // period's entries (a single-province scope reads the range in register order).
    expect(plan).not.toContain("Seq Scan");
  });
});
