import { and, count, eq, inArray, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  createEnterpriseFixture,
  fixtureTaxCode,
  provinceIdOf,
  userIdOf,
} from "../../../../test/helpers/floor.ts";
import { auditLog } from "../../identity/schema.ts";
import { enterpriseImports, enterprises } from "../schema.ts";
import { resumeInterruptedImports, whenImportSettled } from "./import-register.ts";

const brvt = "ba-ria-vung-tau";
let testApp: TestApp;
let officer: Browser;
beforeAll(async () => {
  testApp = await buildTestApp();
  officer = new Browser(testApp.app);
  await officer.signIn(brvt, `canbo@${brvt}.demo`);
});
afterAll(() => testApp.close());
const db = () => testApp.database.db;

async function upload(browser: Browser, filename: string, bytes: Buffer | string) {
  const token = await browser.csrfToken(`/${brvt}/admin/enterprises/import`);
  const boundary = "----enterprise-import-boundary";
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return testApp.app.inject({
    method: "POST",
    url: `/${brvt}/admin/enterprises/import`,
    headers: { cookie: browser.jar.header(), "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
    remoteAddress: browser.remoteAddress,
  });
}

const importIdOf = (location: string | undefined) => Number(/import\/(\d+)$/.exec(location ?? "")![1]);

async function confirm(importId: number) {
  const page = `/${brvt}/admin/enterprises/import/${importId}`;
  const response = await officer.submit(page, `${page}/confirm`, {});
  expect(response.statusCode).toBe(303);
  await whenImportSettled(importId);
  const [record] = await db().select().from(enterpriseImports).where(eq(enterpriseImports.id, importId));
  return record!;
}

const registerRowsFor = (codes: { a: string; b: string; existing: string }) => {
  const bad = `${codes.a.slice(0, 9)}${(Number(codes.a[9]) + 1) % 10}`;
  return [
    "DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ THÀNH LẬP;;;;;;",
    "Ma so thue;Ten doanh nghiep;Ten nuoc ngoai;Loai hinh doanh nghiep;Nganh nghe kinh doanh chinh;Dia chi tru so;Xa/Phuong;Quan/Huyen (cu);Dien thoai;Email;Ngay thanh lap;So lao dong;Von dieu le (dong);Doanh thu (trieu dong);Nguoi dai dien theo phap luat",
    `${codes.a};Công ty TNHH MTV Thủy sản Long Hải;Long Hai Seafood;Công ty TNHH một thành viên;1020 - Chế biến, bảo quản thủy sản;5 Lê Lợi;Phường Vũng Tàu;Thành phố Vũng Tàu;0254.3812.345;info@longhai.vn;15/03/2012;60;12.000.000.000;40.000;Trần Văn A`,
    `${codes.b};Công ty Cổ phần Cảng Phước An;;Công ty cổ phần;5222;KCN Phú Mỹ;Xã Không Tồn Tại;;+84 903 123 456;;2018;250;"250,000,000,000";;Lê Thị B`,
    `${bad};Công ty sai mã số thuế;;;4620;;;;;;;;;;`,
    `${fixtureTaxCode(777_001)};;;;4620;;;;;;;;;;`,
    `${fixtureTaxCode(777_002)};Công ty ngành lạ;;;4000;;;;;;;;;;`,
    `${codes.a};Công ty trùng;;;1020;;;;;;;;;;`,
    `${codes.existing};Công ty TNHH Đổi Tên Mới;;;4620;;;;;;;;;;`,
  ].join("\r\n");
};

describe("business register import", () => {
  test("preview lists invalid rows with row number, column and reason, and writes nothing; confirm imports; a re-import changes nothing", async () => {
    const existing = await createEnterpriseFixture(db(), {
      province: brvt,
      status: "verified",
      name: "Công ty TNHH Tên Cũ",
    });
    const codes = { a: fixtureTaxCode(777_101), b: fixtureTaxCode(777_102), existing: existing.taxCode };
    const csv = `\uFEFF${registerRowsFor(codes)}\r\n`;
    const enterprisesBefore = (await db().select({ n: count() }).from(enterprises))[0]!.n;
    const auditBefore = (
      await db().select({ n: count() }).from(auditLog).where(like(auditLog.action, "enterprise.%"))
    )[0]!.n;

    const uploaded = await upload(officer, "dang-ky-kinh-doanh.csv", csv);
    expect(uploaded.statusCode).toBe(303);
    const importId = importIdOf(uploaded.headers.location as string);
    expect((await db().select({ n: count() }).from(enterprises))[0]!.n).toBe(enterprisesBefore);
    expect(
      (await db().select({ n: count() }).from(auditLog).where(like(auditLog.action, "enterprise.%")))[0]!.n,
    ).toBe(auditBefore);

    const preview = await officer.get(`/${brvt}/admin/enterprises/import/${importId}`);
    const text = preview.body.replace(/<[^>]+>/g, "|");
    expect(text).toMatch(/Tổng số dòng\|\|7\|/);
    expect(text).toMatch(/Doanh nghiệp mới\|\|2\|/);
    expect(text).toMatch(/Dòng có thay đổi\|\|1\|/);
    expect(text).toMatch(/Dòng lỗi \(bỏ qua\)\|\|4\|/);
    // Row numbers as the officer sees them in the spreadsheet: the title is row 1, the header row 2.
    expect(text).toMatch(/\|5\|\|Ma so thue\|\|Mã số thuế sai chữ số kiểm tra/);
    expect(text).toMatch(/\|6\|\|Ten doanh nghiep\|\|Thiếu giá trị bắt buộc/);
    expect(text).toMatch(
      /\|7\|\|Nganh nghe kinh doanh chinh\|\|Mã ngành không thuộc Hệ thống ngành kinh tế Việt Nam 2018/,
    );
    expect(text).toMatch(/\|8\|\|Ma so thue\|\|Mã số thuế trùng với dòng 3/);
    expect(text).toMatch(
      /Xã, phường không có trong danh mục hiện hành \(1 dòng\).*\|4\|\|Xã Không Tồn Tại\|/,
    );

    const done = await confirm(importId);
    expect(done).toMatchObject({
      status: "done",
      processedRows: 3,
      createdCount: 2,
      updatedCount: 1,
      unchangedCount: 0,
    });
    expect(done.rows).toEqual([]);
    const imported = await db()
      .select()
      .from(enterprises)
      .where(inArray(enterprises.taxCode, [codes.a, codes.b, codes.existing]));
    const byCode = new Map(imported.map((row) => [row.taxCode, row]));
    expect(byCode.get(codes.a)).toMatchObject({
      status: "pending",
      source: "import",
      legalForm: "llc-single-member",
      vsicSection: "C",
      vsicCode: "1020",
      phone: "02543812345",
      foundedYear: 2012,
      employees: 60,
      capitalDong: 12_000_000_000n,
      revenueDong: 40_000_000_000n,
      formerDistrict: "Thành phố Vũng Tàu",
      representativeName: "Trần Văn A",
    });
    expect(byCode.get(codes.a)!.communeId).not.toBeNull();
    expect(byCode.get(codes.b)).toMatchObject({
      vsicSection: "H",
      legalForm: "joint-stock",
      capitalDong: 250_000_000_000n,
      phone: "0903123456",
    });
    // The existing record keeps its status; the register's name wins.
    expect(byCode.get(codes.existing)).toMatchObject({
      name: "Công ty TNHH Đổi Tên Mới",
      status: "verified",
      source: "import",
    });
    const importAudits = await db()
      .select()
      .from(auditLog)
      .where(
        inArray(auditLog.action, [
          "enterprise.import.create",
          "enterprise.import.update",
          "enterprise.import.finish",
        ]),
      );
    expect(
      importAudits.filter((row) => (row.after as { importId?: number } | null)?.importId === importId).length,
    ).toBe(3);
    expect(
      importAudits.some(
        (row) => row.action === "enterprise.import.finish" && row.entityId === String(importId),
      ),
    ).toBe(true);

    // Re-import of the same file: every valid row is unchanged, nothing is written.
    const auditAfterFirst = (await db().select({ n: count() }).from(auditLog))[0]!.n;
    const again = await upload(officer, "dang-ky-kinh-doanh.csv", csv);
    const againId = importIdOf(again.headers.location as string);
    const againPreview = (await officer.get(`/${brvt}/admin/enterprises/import/${againId}`)).body.replace(
      /<[^>]+>/g,
      "|",
    );
    expect(againPreview).toMatch(/Không thay đổi\|\|3\|/);
    const second = await confirm(againId);
    expect(second).toMatchObject({ status: "done", createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    const reread = await db()
      .select()
      .from(enterprises)
      .where(inArray(enterprises.taxCode, [codes.a, codes.b, codes.existing]));
    for (const row of reread) expect(row.updatedAt).toEqual(byCode.get(row.taxCode)!.updatedAt);
    // Only the start and finish rows of the second import itself; no enterprise row is audited.
    const auditAfterSecond = (await db().select({ n: count() }).from(auditLog))[0]!.n;
    expect(auditAfterSecond - auditAfterFirst).toBe(2);
  });

  test("an XLSX export is read (numeric cells, Vietnamese headers with diacritics)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DN");
    sheet.addRow([
      "Mã số thuế",
      "Tên doanh nghiệp",
      "Mã ngành",
      "Vốn điều lệ (đồng)",
      "Số lao động",
      "Ngày cấp",
    ]);
    const taxCode = fixtureTaxCode(777_201);
    sheet.addRow([
      taxCode,
      "Công ty TNHH Cà phê Xuyên Mộc",
      1077,
      3_500_000_000,
      12,
      new Date(Date.UTC(2015, 5, 1)),
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const uploaded = await upload(officer, "dn.xlsx", bytes);
    expect(uploaded.statusCode).toBe(303);
    const record = await confirm(importIdOf(uploaded.headers.location as string));
    expect(record.createdCount).toBe(1);
    const [row] = await db().select().from(enterprises).where(eq(enterprises.taxCode, taxCode));
    expect(row).toMatchObject({
      vsicSection: "C",
      vsicCode: "1077",
      capitalDong: 3_500_000_000n,
      employees: 12,
      foundedYear: 2015,
      sizeClass: "small",
    });
  });

  test("a wrong file type or a file without the tax code and name columns is refused with a clear message", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const wrongType = await upload(officer, "logo.png", png);
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).toContain("Chỉ nhận tệp Excel (.xlsx) hoặc CSV");
    const noColumns = await upload(officer, "ds.csv", "Tên;Địa chỉ\nA;B\n");
    expect(noColumns.statusCode).toBe(422);
    expect(noColumns.body).toContain("Mã số thuế");
  });

  test("a previewed import can be cancelled: its rows are dropped, nothing is imported, it cannot be confirmed later", async () => {
    const taxCode = fixtureTaxCode(777_401);
    const uploaded = await upload(
      officer,
      "huy.csv",
      `MST,Tên doanh nghiệp,Mã ngành\n${taxCode},Công ty Sẽ Hủy,4620\n`,
    );
    const importId = importIdOf(uploaded.headers.location as string);
    const page = `/${brvt}/admin/enterprises/import/${importId}`;
    expect((await officer.submit(page, `${page}/cancel`, {})).statusCode).toBe(303);
    const [record] = await db().select().from(enterpriseImports).where(eq(enterpriseImports.id, importId));
    expect(record).toMatchObject({ status: "cancelled", rows: [] });
    const token = await officer.csrfToken(`/${brvt}/admin/enterprises/import`);
    const late = await testApp.app.inject({
      method: "POST",
      url: `${page}/confirm`,
      headers: { cookie: officer.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    });
    expect(late.statusCode).toBe(409);
    expect(await db().select().from(enterprises).where(eq(enterprises.taxCode, taxCode))).toEqual([]);
  });

  test("a running import shows a progress bar that refreshes itself; after a crash it resumes from processedRows", async () => {
    const provinceId = await provinceIdOf(db(), brvt);
    const userId = await userIdOf(db(), `canbo@${brvt}.demo`);
    const codes = [fixtureTaxCode(777_301), fixtureTaxCode(777_302), fixtureTaxCode(777_303)];
    const rows = codes.map((taxCode, index) => ({
      rowNumber: index + 2,
      row: {
        taxCode,
        name: `Công ty Tiếp tục ${index}`,
        nameEn: null,
        legalForm: null,
        vsicSection: "G",
        vsicCode: "4620",
        addressLine: null,
        communeName: null,
        formerDistrict: null,
        phone: null,
        email: null,
        website: null,
        foundedYear: null,
        employees: null,
        capitalDong: null,
        revenueDong: null,
        representativeName: null,
      },
    }));
    // As a crash leaves it: running, one row done (its enterprise already written).
    await db().insert(enterprises).values({
      provinceId,
      taxCode: codes[0]!,
      name: "Công ty Tiếp tục 0",
      legalForm: "other",
      vsicSection: "G",
      source: "import",
    });
    const [record] = await db()
      .insert(enterpriseImports)
      .values({
        provinceId,
        userId,
        fileName: "lon.csv",
        status: "running",
        totalRows: 3,
        validRows: 3,
        processedRows: 1,
        createdCount: 1,
        rows,
        startedAt: new Date(),
      })
      .returning();
    const page = await officer.get(`/${brvt}/admin/enterprises/import/${record!.id}`);
    expect(page.body).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(page.body).toMatch(/<progress id="import-progress" max="3" value="1">/);
    expect(page.headers["cache-control"]).toBe("no-store");

    expect(await resumeInterruptedImports(db())).toBeGreaterThanOrEqual(1);
    await whenImportSettled(record!.id);
    const [finished] = await db()
      .select()
      .from(enterpriseImports)
      .where(eq(enterpriseImports.id, record!.id));
    expect(finished).toMatchObject({ status: "done", processedRows: 3, createdCount: 3 });
    const written = await db()
      .select({ n: count() })
      .from(enterprises)
      .where(and(inArray(enterprises.taxCode, codes), eq(enterprises.provinceId, provinceId)));
    expect(written[0]!.n).toBe(3);
    const after = await officer.get(`/${brvt}/admin/enterprises/import/${record!.id}`);
    expect(after.body).not.toContain('http-equiv="refresh"');
  });
});
