import { and, eq } from "drizzle-orm";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { fieldParts, multipartBody } from "../../../../test/helpers/multipart.ts";
import { type ServiceFixture, seedServiceFixture } from "../../../../test/helpers/services.ts";
import { auditLog } from "../../identity/schema.ts";
import { dossierResults, signingCredentials } from "../schema.ts";
import {
  createDevelopmentCa,
  exportPkcs12,
  issueDepartmentCertificate,
  verifyPdf,
} from "../signing/index.ts";
import { listTrustAnchors, registerResultListeners } from "./index.ts";
import { readResultFile } from "./queries.ts";
import { decideDossierFixture } from "./test-support.ts";

const slug = "ba-ria-vung-tau";
const page = `/${slug}/admin/services/certificate`;
const p12Password = "mat-khau-chung-thu-2026";

let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  registerResultListeners();
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
});
afterAll(() => test.close());

/** A PKCS#12 as a licensed CA would hand it over: the Department's key and certificate with the CA above it. */
function secondCaPkcs12() {
  const ca = createDevelopmentCa({ province: "Bà Rịa – Vũng Tàu" });
  const credential = issueDepartmentCertificate({
    ca,
    departmentName: "Sở Công Thương (chứng thư thử nghiệm thứ hai)",
    province: "Bà Rịa – Vũng Tàu",
  });
  return { bytes: exportPkcs12(credential, p12Password), caPem: forge.pki.certificateToPem(ca.certificate) };
}

async function postInstall(browser: Browser, file: Buffer, password: string, formPage = page) {
  const token = await browser.csrfToken(formPage);
  const { payload, contentType } = multipartBody([
    ...fieldParts({ _csrf: token, password }),
    { name: "pkcs12", filename: "so-cong-thuong.p12", type: "application/x-pkcs12", bytes: file },
  ]);
  return test.app.inject({
    method: "POST",
    url: page,
    headers: { cookie: browser.jar.header(), "content-type": contentType },
    payload,
    remoteAddress: browser.remoteAddress,
  });
}

const credentialsOf = (provinceId: number) =>
  test.database.db.select().from(signingCredentials).where(eq(signingCredentials.provinceId, provinceId));

describe("the Department's signing certificate", () => {
  it("creates a development certificate on the administrator's request, once, and signs results with it", async () => {
    const admin = new Browser(test.app);
    await admin.signIn(slug, `quantri@${slug}.demo`);
    expect((await admin.get(page)).body).toContain("Tỉnh chưa có chứng thư số");
    const created = await admin.submit(page, `${page}/development`, {});
    expect(created.statusCode).toBe(303);
    const [credential, ...others] = await credentialsOf(fixture.provinceId);
    expect(others).toHaveLength(0);
    expect(credential).toMatchObject({ origin: "development", active: true });
    expect(credential!.subject).toContain("CN=Sở Công Thương tỉnh Bà Rịa");
    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "services.signing-credential.created"),
          eq(auditLog.entityId, String(credential!.id)),
        ),
      );
    expect(audit!.actorUserId).not.toBeNull();
    expect((await admin.submit(page, `${page}/development`, {})).statusCode).toBe(409);

    const id = await decideDossierFixture(test.database.db, fixture, "approve");
    const [result] = await test.database.db
      .select()
      .from(dossierResults)
      .where(eq(dossierResults.dossierId, id));
    expect(result!.credentialId).toBe(credential!.id);
    const shown = await admin.get(page);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain("Đang dùng chứng thư số phát triển");
    expect(shown.body).toContain(credential!.serialNumber);
    const anchors = await new Browser(test.app).get(`/${slug}/verify/ca.pem`);
    expect(anchors.body).toContain("-----BEGIN CERTIFICATE-----");
  });

  it("refuses installation to anyone but the administrator", async () => {
    const officer = new Browser(test.app);
    await officer.signIn(slug, `motcua@${slug}.demo`);
    expect((await officer.get(page)).statusCode).toBe(403);
    const response = await postInstall(officer, secondCaPkcs12().bytes, p12Password, `/${slug}/verify`);
    expect(response.statusCode).toBe(403);
    const leader = new Browser(test.app);
    await leader.signIn(slug, `lanhdao@${slug}.demo`);
    expect((await leader.get(page)).statusCode).toBe(403);
    const otherAdmin = new Browser(test.app);
    await otherAdmin.signIn("dong-thap", "quantri@dong-thap.demo");
    // Another province's administrator is not signed in to this portal: sent to sign in.
    expect([303, 403]).toContain((await otherAdmin.get(page)).statusCode);
    expect(await credentialsOf(fixture.provinceId)).toHaveLength(1);
  });

  it("refuses a wrong password or a file that is not PKCS#12 with a message, changing nothing", async () => {
    const admin = new Browser(test.app);
    await admin.signIn(slug, `quantri@${slug}.demo`);
    const wrong = await postInstall(admin, secondCaPkcs12().bytes, "not-the-password");
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Mật khẩu của tệp PKCS#12 không đúng.");
    expect(wrong.body).not.toContain("not-the-password");
    const notPkcs12 = await postInstall(admin, Buffer.from("%PDF-1.4\n%%EOF\n"), p12Password);
    expect(notPkcs12.statusCode).toBe(422);
    expect(notPkcs12.body).toContain("Tệp không phải là tệp chứng thư số PKCS#12");
    const missing = await postInstall(admin, Buffer.alloc(0), "");
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Chọn tệp chứng thư số");
    expect(await credentialsOf(fixture.provinceId)).toHaveLength(1);
  });

  it("installs a PKCS#12 from another CA: new results verify with it, earlier ones still verify", async () => {
    const db = test.database.db;
    const [earlier] = await db.select().from(dossierResults);
    const admin = new Browser(test.app);
    await admin.signIn(slug, `quantri@${slug}.demo`);
    const second = secondCaPkcs12();
    const response = await postInstall(admin, second.bytes, p12Password);
    expect(response.statusCode).toBe(303);

    const rows = await credentialsOf(fixture.provinceId);
    const installed = rows.find((row) => row.active)!;
    expect(rows.filter((row) => row.active)).toHaveLength(1);
    expect(installed).toMatchObject({ origin: "installed" });
    expect(installed.trustAnchorPem.replace(/\s/g, "")).toBe(second.caPem.replace(/\s/g, ""));
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "services.signing-credential.installed"),
          eq(auditLog.entityId, String(installed.id)),
        ),
      );
    expect(audit!.before).toMatchObject({ origin: "development" });

    const id = await decideDossierFixture(db, fixture, "approve");
    const [result] = await db.select().from(dossierResults).where(eq(dossierResults.dossierId, id));
    expect(result!.credentialId).toBe(installed.id);
    expect(result!.documentNumber).toBe("02/GP-SCT");
    const verification = verifyPdf({
      pdf: await readResultFile(db, result!),
      trustedCertificates: await listTrustAnchors(db, [fixture.provinceId]),
    });
    expect(verification.valid).toBe(true);
    expect(verification.signer?.commonName).toBe("Sở Công Thương (chứng thư thử nghiệm thứ hai)");

    const visitor = new Browser(test.app);
    for (const token of [earlier!.verificationToken, result!.verificationToken]) {
      const check = await visitor.get(`/${slug}/verify/${token}`);
      expect(check.body).toContain("Văn bản gốc lưu trên Cổng có chữ ký số hợp lệ của Sở.");
    }
    const shown = await admin.get(page);
    expect(shown.body).toContain("Chứng thư do quản trị viên cài đặt");
    expect(shown.body).toContain("Đã ngừng");
  });
});
