import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { multipartBody } from "../../../../test/helpers/multipart.ts";
import { type ServiceFixture, seedServiceFixture } from "../../../../test/helpers/services.ts";
import { auditLog } from "../../identity/schema.ts";
import { dossierResults, dossiers, signingCredentials } from "../schema.ts";
import { verifyPdf } from "../signing/index.ts";
import { forgetOpenedCredentials } from "./credential-store.ts";
import { configureResults, listTrustAnchors, registerResultListeners } from "./index.ts";
import { decideDossierFixture } from "./test-support.ts";

const slug = "ba-ria-vung-tau";
// Tuesday 10 November 2026, 10:00 in Vietnam.
const decidedAt = new Date("2026-11-10T03:00:00Z");

let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  registerResultListeners();
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
});
afterAll(() => test.close());

async function resultOf(dossierId: number) {
  const rows = await test.database.db
    .select()
    .from(dossierResults)
    .where(eq(dossierResults.dossierId, dossierId));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function download(browser: Browser, url: string) {
  return test.app.inject({
    method: "GET",
    url,
    headers: { cookie: browser.jar.header() },
    remoteAddress: browser.remoteAddress,
  });
}

async function postUpload(browser: Browser, url: string, bytes: Buffer, contentType = "application/pdf") {
  const token = await browser.csrfToken(url);
  const { payload, contentType: type } = multipartBody([
    { name: "_csrf", value: token },
    { name: "document", filename: "giay-phep.pdf", type: contentType, bytes },
  ]);
  return test.app.inject({
    method: "POST",
    url,
    headers: { cookie: browser.jar.header(), "content-type": type },
    payload,
    remoteAddress: browser.remoteAddress,
  });
}

describe("signed results", () => {
  let grantId: number;

  it("signs the grant when the leader approves, numbered per year, and it verifies", async () => {
    grantId = await decideDossierFixture(test.database.db, fixture, "approve", { now: decidedAt });
    const result = await resultOf(grantId);
    expect(result).toMatchObject({
      kind: "grant",
      documentNumber: "01/GP-SCT",
      title: "Giấy phép thử nghiệm",
      // 60 months from 10/11/2026, to the end of the day before.
      validUntil: "2031-11-09",
      revokedAt: null,
    });
    expect(result.summary).toMatchObject({ issuedOn: "2026-11-10", holderTaxCode: "0312345675" });
    expect(result.verificationToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.result.grant"), eq(auditLog.entityId, String(result.id))));
    expect(audit).toBeDefined();

    const applicant = new Browser(test.app);
    await applicant.signIn(slug, `doanhnghiep@${slug}.demo`);
    const response = await download(applicant, `/${slug}/my/dossiers/${grantId}/result`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain('filename="01-GP-SCT.pdf"');
    const anchors = await listTrustAnchors(test.database.db, [fixture.provinceId]);
    const verification = verifyPdf({ pdf: response.rawPayload, trustedCertificates: anchors });
    expect(verification.problems).toEqual([]);
    expect(verification.valid).toBe(true);
    expect(verification.signer?.organization).toMatch(/^Sở Công Thương tỉnh Bà Rịa . Vũng Tàu$/);

    const second = await decideDossierFixture(test.database.db, fixture, "approve", { now: decidedAt });
    expect((await resultOf(second)).documentNumber).toBe("02/GP-SCT");
  });

  it("lets only the applicant and the province's staff download it", async () => {
    const citizen = new Browser(test.app);
    await citizen.signIn(slug, `congdan@${slug}.demo`);
    expect((await download(citizen, `/${slug}/my/dossiers/${grantId}/result`)).statusCode).toBe(404);
    expect((await download(citizen, `/${slug}/admin/services/dossiers/${grantId}/result`)).statusCode).toBe(
      403,
    );
    const officer = new Browser(test.app);
    await officer.signIn(slug, `thuongmai@${slug}.demo`);
    const staff = await download(officer, `/${slug}/admin/services/dossiers/${grantId}/result`);
    expect(staff.statusCode).toBe(200);
    const outsider = new Browser(test.app);
    await outsider.signIn("dong-thap", "thuongmai@dong-thap.demo");
    expect(
      (await download(outsider, `/dong-thap/admin/services/dossiers/${grantId}/result`)).statusCode,
    ).toBe(404);
  });

  it("writes a refusal with the leader's reason when the dossier is rejected", async () => {
    const id = await decideDossierFixture(test.database.db, fixture, "reject", {
      now: decidedAt,
      comment: "Địa điểm kinh doanh không bảo đảm khoảng cách an toàn",
    });
    const result = await resultOf(id);
    expect(result).toMatchObject({ kind: "refusal", documentNumber: "01/TB-SCT", validUntil: null });
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(dossier!.state).toBe("rejected");
    const page = await new Browser(test.app).get(`/${slug}/verify/${result.verificationToken}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Thông báo không giải quyết hồ sơ");
    // The reason is the applicant's business, not the public's.
    expect(page.body).not.toContain("khoảng cách an toàn");
  });

  it("shows the public verification page of a result and 404 for an unknown token", async () => {
    const result = await resultOf(grantId);
    const visitor = new Browser(test.app);
    const page = await visitor.get(`/${slug}/verify/${result.verificationToken}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect(page.body).toContain("01/GP-SCT");
    expect(page.body).toContain("Văn bản gốc lưu trên Cổng có chữ ký số hợp lệ của Sở.");
    expect(page.body).toContain("09/11/2031");
    expect((await visitor.get(`/${slug}/verify/AAAAAAAAAAAAAAAAAAAAAAAA`)).statusCode).toBe(404);
    expect((await visitor.get(`/${slug}/verify/not-a-token!`)).statusCode).toBe(404);
    // Another province's portal does not know it.
    expect((await visitor.get(`/dong-thap/verify/${result.verificationToken}`)).statusCode).toBe(404);
  });

  it("tells a visitor whether an uploaded PDF is the issued one, and refuses a tampered copy clearly", async () => {
    const result = await resultOf(grantId);
    const officer = new Browser(test.app);
    await officer.signIn(slug, `thuongmai@${slug}.demo`);
    const original = (await download(officer, `/${slug}/admin/services/dossiers/${grantId}/result`))
      .rawPayload;
    const url = `/${slug}/verify/${result.verificationToken}`;
    const visitor = new Browser(test.app);

    const same = await postUpload(visitor, url, original);
    expect(same.statusCode).toBe(200);
    expect(same.body).toContain("Tệp trùng khớp với văn bản số 01/GP-SCT đã cấp và chữ ký số hợp lệ.");

    // Change one byte of the signed content: the PDF version in the header ("%PDF-1.x").
    const tampered = Buffer.from(original);
    expect(tampered.subarray(0, 7).toString()).toBe("%PDF-1.");
    tampered[7] = tampered[7] === 0x37 ? 0x36 : 0x37;
    const refused = await postUpload(visitor, url, tampered);
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain("Tệp KHÔNG xác thực được");
    expect(refused.body).toContain("Nội dung văn bản đã bị thay đổi sau khi ký.");
    expect(refused.body).not.toContain("Tệp trùng khớp");

    const notPdf = await postUpload(
      visitor,
      url,
      Buffer.from("MZ\x90\x00 not a pdf at all"),
      "application/pdf",
    );
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.body).toContain("error-summary");

    // The page without a token finds the document by its bytes.
    const general = await postUpload(visitor, `/${slug}/verify`, original);
    expect(general.body).toContain("Tệp là văn bản số 01/GP-SCT do Sở cấp qua Cổng");
  });

  it("rate-limits uploads per address", async () => {
    const visitor = new Browser(test.app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push(
        (await postUpload(visitor, `/${slug}/verify`, Buffer.from("%PDF-1.4\n%%EOF\n"))).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("replaces a development key the installation secret no longer opens; results it signed still verify", async () => {
    const db = test.database.db;
    const before = await resultOf(grantId);
    forgetOpenedCredentials();
    configureResults({ sessionSecret: "a-rotated-installation-secret-0123456789" });
    try {
      const id = await decideDossierFixture(db, fixture, "approve", { now: decidedAt });
      const after = await resultOf(id);
      expect(after.credentialId).not.toBe(before.credentialId);
      const keys = await db
        .select()
        .from(signingCredentials)
        .where(eq(signingCredentials.provinceId, fixture.provinceId));
      expect(keys.map((key) => [key.origin, key.active])).toEqual(
        expect.arrayContaining([
          ["development", false],
          ["development", true],
        ]),
      );
      const visitor = new Browser(test.app);
      for (const token of [before.verificationToken, after.verificationToken]) {
        expect((await visitor.get(`/${slug}/verify/${token}`)).body).toContain(
          "Văn bản gốc lưu trên Cổng có chữ ký số hợp lệ của Sở.",
        );
      }
    } finally {
      forgetOpenedCredentials();
      configureResults({ sessionSecret: test.app.config.sessionSecret });
    }
  });
});
