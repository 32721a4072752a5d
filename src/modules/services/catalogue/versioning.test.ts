import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { hostedProvinceOf } from "../../../../test/helpers/services.ts";
import { auditLog, users } from "../../identity/schema.ts";
import { dossiers, procedures, procedureVersions } from "../schema.ts";
import { findProcedureByCode, getProcedureForApplication } from "./queries.ts";
import { seedDemoCatalogue } from "./test-support.ts";
import { versionToFormValues } from "./version-form.ts";

const brvt = "ba-ria-vung-tau";
const alcohol = "2.000636";
let testApp: TestApp;
const db = () => testApp.database.db;

beforeAll(async () => {
  testApp = await buildTestApp();
  await seedDemoCatalogue(db(), brvt);
  await seedDemoCatalogue(db(), "dong-thap");
});
afterAll(() => testApp.close());

async function currentOf(slug: string, code: string) {
  const detail = await findProcedureByCode(db(), await hostedProvinceOf(db(), slug), code);
  if (!detail) throw new Error(`no ${code} in ${slug}`);
  return detail;
}

/** A dossier row under the procedure's current version, as the apply area would insert it. */
async function insertDossier(slug: string, code: string): Promise<number> {
  const detail = await currentOf(slug, code);
  const [user] = await db()
    .select()
    .from(users)
    .where(eq(users.email, `doanhnghiep@${slug}.demo`));
  const [row] = await db()
    .insert(dossiers)
    .values({
      provinceId: detail.procedure.provinceId,
      procedureId: detail.procedure.id,
      procedureVersionId: detail.version.id,
      applicantUserId: user!.id,
      applicantName: user!.fullName,
      applicantPhone: "0901234567",
      applicantEmail: user!.email,
      applicantAddress: "12 Lê Lợi",
      feeDong: detail.version.onlineFeeDong,
    })
    .returning({ id: dossiers.id });
  return row!.id;
}

async function signedIn(slug: string, local: string): Promise<Browser> {
  const browser = new Browser(testApp.app);
  const response = await browser.signIn(slug, `${local}@${slug}.demo`);
  expect(response.statusCode).toBe(303);
  return browser;
}

test("publishing a new version makes it current while an existing dossier keeps its version", async () => {
  const before = await currentOf(brvt, alcohol);
  const dossierId = await insertDossier(brvt, alcohol);
  const admin = await signedIn(brvt, "quantri");
  const base = `/${brvt}/admin/services/procedures/${alcohol}`;
  const form = await admin.get(`${base}/versions/new`);
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain('name="component-3-name"');
  const fields: Record<string, string> = {
    ...versionToFormValues(before.version, before.components),
    processingWorkingDays: "9",
    "component-4-name": "Bản cam kết bảo đảm điều kiện phòng cháy, chữa cháy",
    "component-4-nameEn": "Fire safety commitment",
    "component-4-copyKind": "original",
    "component-4-quantity": "1",
    "component-4-required": "yes",
  };
  const response = await admin.submit(`${base}/versions/new`, `${base}/versions`, {
    ...fields,
    applicantKinds: (fields.applicantKinds ?? "").split(","),
  });
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(base);

  const after = await currentOf(brvt, alcohol);
  expect(after.version.version).toBe(before.version.version + 1);
  expect(after.version.id).not.toBe(before.version.id);
  expect(after.version.processingWorkingDays).toBe(9);
  expect(after.components).toHaveLength(before.components.length + 1);
  expect(after.version.workflow).toEqual(before.version.workflow);
  expect(after.version.onlineFeeDong).toBe(before.version.onlineFeeDong);
  // The dossier and the old version are untouched.
  const [dossier] = await db().select().from(dossiers).where(eq(dossiers.id, dossierId));
  expect(dossier!.procedureVersionId).toBe(before.version.id);
  const [old] = await db()
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.id, before.version.id));
  expect(old!.processingWorkingDays).toBe(10);
  // New applications get the new version; the public page says so.
  const forApplication = await getProcedureForApplication(db(), await hostedProvinceOf(db(), brvt), alcohol);
  expect(forApplication.version.id).toBe(after.version.id);
  const page = await testApp.app.inject(`/${brvt}/services/${alcohol}`);
  expect(page.body).toContain("9 ngày làm việc");
  expect(page.body).toContain("Bản cam kết bảo đảm điều kiện phòng cháy, chữa cháy");
  // The versions table counts the dossier under the version it was received with.
  const adminPage = await admin.get(base);
  expect(adminPage.body).toMatch(
    new RegExp(`<td class="numeric">${before.version.version}</td>.*?<td class="numeric">1</td></tr>`, "s"),
  );
  const [audit] = await db()
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "services.procedure.version-published"),
        eq(auditLog.entityId, String(after.procedure.id)),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  expect(audit!.before).toMatchObject({ currentVersionId: before.version.id });
  expect(audit!.after).toMatchObject({ currentVersionId: after.version.id, version: after.version.version });
});

test("a form with problems is shown again with them and publishes nothing", async () => {
  const before = await currentOf(brvt, "2.000633");
  const admin = await signedIn(brvt, "quantri");
  const base = `/${brvt}/admin/services/procedures/2.000633`;
  const fields = versionToFormValues(before.version, before.components);
  const response = await admin.submit(`${base}/versions/new`, `${base}/versions`, {
    ...fields,
    name: "",
    processingWorkingDays: "2",
    questions: "[{ not json",
    implementingUnitId: "999999",
  });
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain('class="error-summary"');
  expect(response.body).toContain('href="#field-name"');
  expect(response.body).toContain('href="#field-processingWorkingDays"');
  expect(response.body).toContain('href="#field-questions"');
  expect(response.body).toContain('href="#field-implementingUnitId"');
  const after = await currentOf(brvt, "2.000633");
  expect(after.version.id).toBe(before.version.id);
});

test("an administrator retires and reinstates a procedure, each audited", async () => {
  const admin = await signedIn(brvt, "quantri");
  const base = `/${brvt}/admin/services/procedures/2.000150`;
  const retired = await admin.submit(base, `${base}/status`, { status: "retired" });
  expect(retired.statusCode).toBe(303);
  expect((await currentOf(brvt, "2.000150")).procedure.status).toBe("retired");
  const list = await testApp.app.inject(`/${brvt}/services?q=hoi+cho+trien+lam`);
  expect(list.body).not.toContain("/services/2.000150");
  await admin.submit(base, `${base}/status`, { status: "active" });
  const detail = await currentOf(brvt, "2.000150");
  expect(detail.procedure.status).toBe("active");
  const actions = (
    await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(detail.procedure.id)))
  ).map((row) => row.action);
  expect(actions).toEqual(
    expect.arrayContaining(["services.procedure.retired", "services.procedure.reinstated"]),
  );
});

test("an administrator adds a procedure; a code already in the catalogue is refused", async () => {
  const admin = await signedIn(brvt, "quantri");
  const province = await hostedProvinceOf(db(), brvt);
  const template = await currentOf(brvt, "2.000150");
  const fields: Record<string, string> = {
    ...versionToFormValues(template.version, template.components),
    code: "BRVT.TEST.01",
    kind: "procedure",
    name: "Thủ tục riêng của tỉnh dùng để kiểm thử",
  };
  const base = `/${brvt}/admin/services/procedures`;
  const taken = await admin.submit(`${base}/new`, `${base}/new`, { ...fields, code: "2.000150" });
  expect(taken.statusCode).toBe(422);
  expect(taken.body).toContain('href="#field-code"');
  const created = await admin.submit(`${base}/new`, `${base}/new`, {
    ...fields,
    applicantKinds: (fields.applicantKinds ?? "").split(","),
  });
  expect(created.statusCode).toBe(303);
  const [row] = await db()
    .select()
    .from(procedures)
    .where(and(eq(procedures.provinceId, province.id), eq(procedures.code, "BRVT.TEST.01")));
  expect(row!.currentVersionId).not.toBeNull();
  const search = await testApp.app.inject(`/api/v1/procedures?province=${brvt}&q=thu+tuc+rieng+kiem+thu`);
  expect((search.json() as { items: { code: string }[] }).items.map((item) => item.code)).toEqual([
    "BRVT.TEST.01",
  ]);
});

test("only the portal's administrator manages the catalogue: officers, enterprises and other provinces cannot", async () => {
  const province = await hostedProvinceOf(db(), brvt);
  const [ownOnly] = await db()
    .insert(procedures)
    .values({
      provinceId: province.id,
      code: "BRVT.ONLY.01",
      currentVersionId: (await currentOf(brvt, "2.000243")).version.id,
    })
    .returning();
  const before = await currentOf(brvt, "2.000243");
  const fields = versionToFormValues(before.version, before.components);
  const post = async (browser: Browser | null, url: string, formPage: string) => {
    const token = browser ? await browser.csrfToken(formPage) : "";
    return testApp.app.inject({
      method: "POST",
      url,
      headers: {
        cookie: browser?.jar.header() ?? "",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({ _csrf: token, ...fields, processingWorkingDays: "6" }).toString(),
      ...(browser ? { remoteAddress: browser.remoteAddress } : {}),
    });
  };

  const officer = await signedIn(brvt, "canbo");
  expect((await officer.get(`/${brvt}/admin/services/procedures`)).statusCode).toBe(403);
  expect(
    (await post(officer, `/${brvt}/admin/services/procedures/2.000243/versions`, `/${brvt}/services`))
      .statusCode,
  ).toBe(403);

  const enterprise = await signedIn(brvt, "doanhnghiep");
  expect((await enterprise.get(`/${brvt}/admin/services/procedures/2.000243/versions/new`)).statusCode).toBe(
    403,
  );
  expect(
    (await post(enterprise, `/${brvt}/admin/services/procedures/2.000243/status`, `/${brvt}/services`))
      .statusCode,
  ).toBe(403);

  // Đồng Tháp's administrator: Bà Rịa – Vũng Tàu's own procedure does not exist in Đồng Tháp's portal…
  const otherAdmin = await signedIn("dong-thap", "quantri");
  expect((await otherAdmin.get(`/dong-thap/admin/services/procedures/BRVT.ONLY.01`)).statusCode).toBe(404);
  expect(
    (
      await post(
        otherAdmin,
        `/dong-thap/admin/services/procedures/BRVT.ONLY.01/versions`,
        "/dong-thap/services",
      )
    ).statusCode,
  ).toBe(404);
  // … and in Bà Rịa – Vũng Tàu's portal the account is a visitor, sent to sign in.
  const viaOtherPortal = await post(
    otherAdmin,
    `/${brvt}/admin/services/procedures/2.000243/versions`,
    "/dong-thap/services",
  );
  expect([303, 401, 403]).toContain(viaOtherPortal.statusCode);
  expect(viaOtherPortal.headers.location ?? "").toContain("sign-in");

  const anonymous = await testApp.app.inject(`/${brvt}/admin/services/procedures`);
  expect(anonymous.statusCode).toBe(303);

  const after = await currentOf(brvt, "2.000243");
  expect(after.version.id).toBe(before.version.id);
  expect(after.procedure.status).toBe("active");
  expect(ownOnly).toBeDefined();
});
