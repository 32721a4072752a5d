import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { createEnterpriseFixture, fixtureTaxCode } from "../../../test/helpers/floor.ts";
import { profileForm, signedInRepresentative } from "../../../test/helpers/representatives.ts";
import { mailOutbox } from "../../platform/schema.ts";
import { auditLog } from "../identity/schema.ts";
import { enterpriseMembers, enterprises } from "./schema.ts";

const brvt = "ba-ria-vung-tau";
let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

const db = () => testApp.database.db;
const enterpriseByTaxCode = async (taxCode: string) =>
  (await db().select().from(enterprises).where(eq(enterprises.taxCode, taxCode)))[0];
const auditRows = (enterpriseId: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "enterprise"), eq(auditLog.entityId, String(enterpriseId))))
    .orderBy(desc(auditLog.id));
const mailTo = (recipient: string) =>
  db().select().from(mailOutbox).where(eq(mailOutbox.recipient, recipient)).orderBy(desc(mailOutbox.id));

describe("registration", () => {
  test("a representative registers by tax code: pending, source registration, owner, size class by Decree 80/2021, đồng stored", async () => {
    const { browser, userId } = await signedInRepresentative(testApp.app, db(), brvt);
    const page = await browser.get(`/${brvt}/my/enterprise`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/${brvt}/my/enterprise/register"`);
    const taxCode = fixtureTaxCode(900_001);
    const response = await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
      taxCode,
      ...profileForm(),
    });
    expect(response.statusCode).toBe(303);
    const row = await enterpriseByTaxCode(taxCode);
    expect(row).toMatchObject({
      status: "pending",
      source: "registration",
      phone: "02543812345",
      website: "https://saobien.vn",
      revenueDong: 45_000_000_000n,
      capitalDong: 15_000_000_000n,
      // Manufacturing (C), 80 workers, revenue 45 billion ≤ 50 → small (Art. 5 cl. 2).
      sizeClass: "small",
      usesEmail: true,
      onMarketplaces: false,
      acceptsOnlinePayment: null,
      exportMarkets: ["Nhật Bản", "US", "EU"],
      hsCodes: ["030617", "030487"],
    });
    const [member] = await db()
      .select()
      .from(enterpriseMembers)
      .where(eq(enterpriseMembers.enterpriseId, row!.id));
    expect(member).toMatchObject({ userId, role: "owner", status: "active" });
    expect((await auditRows(row!.id)).map((audit) => audit.action)).toEqual(["enterprise.register"]);
    const mine = await browser.get(`/${brvt}/my/enterprise`);
    expect(mine.body).toContain("Chờ xác thực");
    expect(mine.body).toContain("Công ty TNHH Thủy sản Sao Biển");
  });

  test("an invalid tax code is refused with its reason and nothing is written", async () => {
    const { browser } = await signedInRepresentative(testApp.app, db(), brvt);
    const valid = fixtureTaxCode(900_002);
    const wrongCheck = `${valid.slice(0, 9)}${(Number(valid[9]) + 1) % 10}`;
    const cases: [string, string][] = [
      ["12345", "sai độ dài"],
      [wrongCheck, "sai chữ số kiểm tra"],
      [`${valid}-000`, "từ 001 đến 999"],
    ];
    for (const [taxCode, reason] of cases) {
      const response = await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
        taxCode,
        ...profileForm(),
      });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain(reason);
      expect(response.body).toContain('value="Công ty TNHH Thủy sản Sao Biển"');
    }
    expect(await enterpriseByTaxCode(wrongCheck)).toBeUndefined();
  });

  test("profile rules: VSIC code outside its section, a foreign phone, a bad HS code, a year in the future", async () => {
    const { browser } = await signedInRepresentative(testApp.app, db(), brvt);
    const response = await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
      taxCode: fixtureTaxCode(900_003),
      ...profileForm({ phone: "12345", hsCodes: "7701", foundedYear: "2999" }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Số điện thoại không đúng định dạng Việt Nam");
    expect(response.body).toContain("Năm thành lập phải từ 1900 đến năm nay");
    expect(response.body).toContain("Mã HS phải bắt đầu bằng một chương từ 01 đến 97");
    // A bad tax code and a bad profile field are reported together.
    const both = await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
      ...profileForm({ phone: "12345" }),
      taxCode: "12",
    });
    expect(both.statusCode).toBe(422);
    expect(both.body).toContain("Mã số thuế sai độ dài");
    expect(both.body).toContain("Số điện thoại không đúng định dạng Việt Nam");
    // 4620 is wholesale (section G), not manufacturing (C).
    const section = await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
      taxCode: fixtureTaxCode(900_003),
      ...profileForm({ vsicCode: "4620" }),
    });
    expect(section.statusCode).toBe(422);
    expect(section.body).toContain("Mã ngành không thuộc ngành cấp 1 đã chọn");
    expect(await enterpriseByTaxCode(fixtureTaxCode(900_003))).toBeUndefined();
  });

  test("an existing tax code is refused with a link to claim it", async () => {
    const existing = await createEnterpriseFixture(db(), { province: brvt, status: "verified" });
    const { browser } = await signedInRepresentative(testApp.app, db(), brvt);
    const response = await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
      taxCode: existing.taxCode,
      ...profileForm(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(`/${brvt}/my/enterprise/claim?taxCode=${existing.taxCode}`);
    expect(
      (await db().select().from(enterprises).where(eq(enterprises.taxCode, existing.taxCode))).length,
    ).toBe(1);
  });

  test("a citizen cannot register an enterprise", async () => {
    const browser = new Browser(testApp.app);
    await browser.signIn(brvt, `congdan@${brvt}.demo`);
    expect((await browser.get(`/${brvt}/my/enterprise`)).statusCode).toBe(403);
  });
});

describe("claims", () => {
  test("a claim waits as pending (one at a time); the officer approves it, audited, and the claimant gets an e-mail", async () => {
    const target = await createEnterpriseFixture(db(), { province: brvt, status: "verified" });
    const other = await createEnterpriseFixture(db(), { province: brvt, status: "verified" });
    const { browser, email, userId } = await signedInRepresentative(testApp.app, db(), brvt);
    const claim = await browser.submit(`/${brvt}/my/enterprise/claim`, `/${brvt}/my/enterprise/claim`, {
      taxCode: target.taxCode,
      claimNote: "Giám đốc, GCN ĐKDN số 3500123456",
    });
    expect(claim.statusCode).toBe(303);
    expect((await browser.get(`/${brvt}/my/enterprise`)).body).toContain("Yêu cầu đang chờ duyệt");
    const second = await browser.submit(`/${brvt}/my/enterprise/claim`, `/${brvt}/my/enterprise/claim`, {
      taxCode: other.taxCode,
      claimNote: "Thêm một yêu cầu",
    });
    expect(second.statusCode).toBe(409);
    // Still no enterprise to act for: the floor refuses enterprise-only actions.
    const officer = new Browser(testApp.app);
    await officer.signIn(brvt, `canbo@${brvt}.demo`);
    const list = await officer.get(`/${brvt}/admin/enterprises`);
    expect(list.body).toContain("Giám đốc, GCN ĐKDN số 3500123456");
    const decided = await officer.submit(
      `/${brvt}/admin/enterprises/${target.enterpriseId}`,
      `/${brvt}/admin/enterprises/${target.enterpriseId}/claims/${userId}`,
      { decision: "approve" },
    );
    expect(decided.statusCode).toBe(303);
    const [member] = await db()
      .select()
      .from(enterpriseMembers)
      .where(
        and(eq(enterpriseMembers.enterpriseId, target.enterpriseId), eq(enterpriseMembers.userId, userId)),
      );
    expect(member).toMatchObject({ status: "active" });
    expect(member!.decidedBy).not.toBeNull();
    const actions = (await auditRows(target.enterpriseId)).map((row) => row.action);
    expect(actions.slice(0, 2)).toEqual(["enterprise.claim.approve", "enterprise.claim"]);
    const [mail] = await mailTo(email);
    expect(mail!.subject).toContain("được chấp thuận");
    expect((await browser.get(`/${brvt}/my/enterprise`)).body).toContain(`action="/${brvt}/my/enterprise"`);
  });
});

describe("verification", () => {
  test("verify, suspend (reason required) and lift: recorded on the row, audited with before/after, members e-mailed", async () => {
    const { browser, email } = await signedInRepresentative(testApp.app, db(), brvt);
    const taxCode = fixtureTaxCode(900_010);
    await browser.submit(`/${brvt}/my/enterprise`, `/${brvt}/my/enterprise/register`, {
      taxCode,
      ...profileForm(),
    });
    const { id } = (await enterpriseByTaxCode(taxCode))!;
    const officer = new Browser(testApp.app);
    await officer.signIn(brvt, `canbo@${brvt}.demo`);
    const detail = `/${brvt}/admin/enterprises/${id}`;

    const verified = await officer.submit(detail, `${detail}/status`, {
      status: "verified",
      reason: "Đã đối chiếu GCN ĐKDN",
    });
    expect(verified.statusCode).toBe(303);
    let row = (await enterpriseByTaxCode(taxCode))!;
    expect(row).toMatchObject({ status: "verified", statusReason: "Đã đối chiếu GCN ĐKDN" });
    expect(row.statusChangedAt).not.toBeNull();
    expect(row.statusChangedBy).not.toBeNull();

    const noReason = await officer.submit(detail, `${detail}/status`, { status: "suspended", reason: "" });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain("Phải ghi lý do khi tạm ngừng");
    expect((await enterpriseByTaxCode(taxCode))!.status).toBe("verified");

    const suspended = await officer.submit(detail, `${detail}/status`, {
      status: "suspended",
      reason: "Thông tin liên hệ sai",
    });
    expect(suspended.statusCode).toBe(303);
    row = (await enterpriseByTaxCode(taxCode))!;
    expect(row).toMatchObject({ status: "suspended", statusReason: "Thông tin liên hệ sai" });
    const [audit] = await auditRows(id);
    expect(audit).toMatchObject({
      action: "enterprise.status.suspended",
      before: { status: "verified", statusReason: "Đã đối chiếu GCN ĐKDN" },
      after: { status: "suspended", statusReason: "Thông tin liên hệ sai" },
    });
    const mails = await mailTo(email);
    expect(mails.length).toBe(2);
    expect(mails[0]!.bodyText).toContain("Thông tin liên hệ sai");
    const mine = await browser.get(`/${brvt}/my/enterprise`);
    expect(mine.body).toContain("Tạm ngừng");
    expect(mine.body).toContain("Thông tin liên hệ sai");

    // pending is not a target, and suspended → verified lifts the suspension.
    expect(
      (await officer.submit(detail, `${detail}/status`, { status: "pending", reason: "x" })).statusCode,
    ).toBe(422);
    expect(
      (await officer.submit(detail, `${detail}/status`, { status: "verified", reason: "Đã sửa" })).statusCode,
    ).toBe(303);
    const page = await officer.get(detail);
    expect(page.body).toContain("Thông tin liên hệ sai");
    expect(page.body).toContain("Tạm ngừng");
  });

  test("officers list with filters: text without diacritics, status, size class, section, total count", async () => {
    await createEnterpriseFixture(db(), {
      province: brvt,
      status: "pending",
      name: "Công ty Cổ phần Hạt điều Bình Phước Xanh",
    });
    const officer = new Browser(testApp.app);
    await officer.signIn(brvt, `canbo@${brvt}.demo`);
    const found = await officer.get(`/${brvt}/admin/enterprises?q=hat+dieu+binh&status=pending&section=G`);
    expect(found.body).toContain("Hạt điều Bình Phước Xanh");
    expect(found.body).toMatch(/Tìm thấy 1 doanh nghiệp/);
    const bySize = await officer.get(`/${brvt}/admin/enterprises?q=Hạt+Điều+Bình&sizeClass=unknown`);
    expect(bySize.body).toContain("Hạt điều Bình Phước Xanh");
    const otherSize = await officer.get(`/${brvt}/admin/enterprises?q=hat+dieu+binh&sizeClass=small`);
    expect(otherSize.body).not.toContain("Hạt điều Bình Phước Xanh");
    const none = await officer.get(`/${brvt}/admin/enterprises?q=hat+dieu+binh&status=verified`);
    expect(none.body).not.toContain("Hạt điều Bình Phước Xanh");
    expect(none.body).toMatch(/Tìm thấy 0 doanh nghiệp/);
  });
});

describe("exporters' directory and API", () => {
  let verifiedId: number;
  let pendingId: number;
  beforeAll(async () => {
    const verified = await createEnterpriseFixture(db(), {
      province: brvt,
      status: "verified",
      name: "Công ty TNHH Hồ tiêu Châu Đức",
    });
    verifiedId = verified.enterpriseId;
    await db()
      .update(enterprises)
      .set({
        isExporter: true,
        nameEn: "Chau Duc Pepper Co., Ltd",
        productsDescriptionEn: "Black pepper, white pepper",
        hsCodes: ["090411", "0306"],
        exportMarkets: ["Germany", "US"],
        phone: "02543812345",
        email: "sales@chauducpepper.vn",
        website: "https://chauducpepper.vn",
      })
      .where(eq(enterprises.id, verifiedId));
    const pending = await createEnterpriseFixture(db(), {
      province: brvt,
      status: "pending",
      name: "Công ty Xuất khẩu Chưa Duyệt",
    });
    pendingId = pending.enterpriseId;
    await db()
      .update(enterprises)
      .set({ isExporter: true, nameEn: "Unverified Exports JSC" })
      .where(eq(enterprises.id, pendingId));
  });

  test("the public page lists verified exporters only, in English, with HS chapters and filters", async () => {
    const page = await testApp.app.inject(`/${brvt}/exporters`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Chau Duc Pepper Co., Ltd");
    expect(page.body).toContain("Black pepper, white pepper");
    expect(page.body).not.toContain("Unverified Exports JSC");
    const byChapter = await testApp.app.inject(`/${brvt}/exporters?chapter=09&market=germany`);
    expect(byChapter.body).toContain("Chau Duc Pepper Co., Ltd");
    const otherChapter = await testApp.app.inject(`/${brvt}/exporters?chapter=61`);
    expect(otherChapter.body).not.toContain("Chau Duc Pepper Co., Ltd");
    const byText = await testApp.app.inject(`/${brvt}/exporters?q=ho+tieu+chau`);
    expect(byText.body).toContain("Chau Duc Pepper Co., Ltd");
  });

  test("CSV (UTF-8 with BOM) and XLSX downloads carry the directory columns", async () => {
    const csv = await testApp.app.inject(`/${brvt}/exporters.csv`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFFCompany name,Vietnamese name,Tax code,Products,HS codes")).toBe(true);
    const line = csv.body.split("\r\n").find((text) => text.includes("Chau Duc Pepper"));
    expect(line).toContain("Công ty TNHH Hồ tiêu Châu Đức");
    expect(line).toContain("090411; 0306");
    expect(line).toContain("Germany; US");
    expect(csv.body).not.toContain("Unverified Exports JSC");

    const xlsx = await testApp.app.inject(`/${brvt}/exporters.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Exporters")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Company name");
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push(String(row.getCell(1).value)));
    expect(rows).toContain("Chau Duc Pepper Co., Ltd");
    expect(rows).not.toContain("Unverified Exports JSC");
  });

  test("the JSON API shows verified enterprises only; an unverified one is 404", async () => {
    const list = await testApp.app.inject(`/api/v1/provinces/${brvt}/enterprises?q=chau+duc`);
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: { id: number; name: string }[]; total: number };
    expect(body.items.map((item) => item.id)).toContain(verifiedId);
    expect(body.total).toBe(body.items.length);
    const all = (await testApp.app.inject(`/api/v1/provinces/${brvt}/enterprises?page=1`)).json() as {
      items: { id: number }[];
    };
    expect(all.items.map((item) => item.id)).not.toContain(pendingId);
    const one = await testApp.app.inject(`/api/v1/enterprises/${verifiedId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ name: "Công ty TNHH Hồ tiêu Châu Đức", hsCodes: ["090411", "0306"] });
    expect((one.json() as Record<string, unknown>).revenueDong).toBeUndefined();
    expect((await testApp.app.inject(`/api/v1/enterprises/${pendingId}`)).statusCode).toBe(404);
    const openapi = await testApp.app.inject("/api/docs/json");
    expect(openapi.body).toContain("/api/v1/provinces/{slug}/enterprises");
  });
});

test("every registry page renders in Vietnamese and English without a raw message key", async () => {
  const { enterpriseId } = await createEnterpriseFixture(db(), { province: brvt, status: "verified" });
  const officer = new Browser(testApp.app);
  await officer.signIn(brvt, `canbo@${brvt}.demo`);
  const { browser: representative } = await signedInRepresentative(testApp.app, db(), brvt);
  for (const locale of ["vi", "en"]) {
    for (const browser of [officer, representative]) await browser.get(`/lang/${locale}?back=/${brvt}`);
    const pages: [Browser, string][] = [
      [officer, `/${brvt}/admin/enterprises`],
      [officer, `/${brvt}/admin/enterprises/${enterpriseId}`],
      [officer, `/${brvt}/admin/enterprises/import`],
      [representative, `/${brvt}/my/enterprise`],
      [representative, `/${brvt}/my/enterprise/claim`],
      [representative, `/${brvt}/exporters`],
    ];
    for (const [browser, url] of pages) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body.match(/enterprises\.[a-z]+\.[A-Za-z.]+/g), `${locale} ${url}`).toBeNull();
      expect(response.body).toContain(`<html lang="${locale}"`);
    }
  }
});
