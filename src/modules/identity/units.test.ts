import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, findPlanId, type TestApp } from "../../../test/helpers/app.ts";
import { auditLog, units } from "./schema.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

const p = "ba-ria-vung-tau";
const db = () => testApp.database.db;

async function unitOf(code: string) {
  const province = testApp.app.hostedProvinces().find((hosted) => hosted.slug === p)!;
  const [unit] = await db()
    .select()
    .from(units)
    .where(and(eq(units.provinceId, province.id), eq(units.code, code)));
  return unit!;
}

test("an administrator renames a unit; the public plan page shows the new name at once and the change is audited", async () => {
  const admin = new Browser(testApp.app);
  await admin.signIn(p, `quantri@${p}.demo`);
  const visitor = new Browser(testApp.app);
  const planUrl = `/${p}/plans/${await findPlanId(testApp.app, p, 2021)}`;
  expect((await visitor.get(planUrl)).body).toContain("Sở Công Thương");

  const unit = await unitOf("SCT");
  const saved = await admin.submit(`/${p}/admin/units/${unit.id}`, `/${p}/admin/units/${unit.id}`, {
    code: "SCT",
    name: "Sở Công Thương (đổi tên thử)",
    nameEn: "Department of Industry and Trade",
    kind: "provincial",
  });
  expect(saved.statusCode).toBe(303);
  expect((await visitor.get(planUrl)).body).toContain("Sở Công Thương (đổi tên thử)");
  const [audit] = await db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, "unit.update"), eq(auditLog.entityId, String(unit.id))));
  expect(audit!.n).toBe(1);
});

test("a unit code is unique in a province and well formed; a refused form changes nothing", async () => {
  const admin = new Browser(testApp.app);
  await admin.signIn(p, `quantri@${p}.demo`);
  const taken = await admin.submit(`/${p}/admin/units/new`, `/${p}/admin/units`, {
    code: "stttt",
    name: "Trùng mã",
    kind: "provincial",
  });
  expect(taken.statusCode).toBe(422);
  expect(taken.body).toContain("Tỉnh đã có đơn vị mã STTTT");
  const malformed = await admin.submit(`/${p}/admin/units/new`, `/${p}/admin/units`, {
    code: "Sở CT",
    name: "X",
    kind: "provincial",
  });
  expect(malformed.statusCode).toBe(422);
  const [before] = await db().select({ n: count() }).from(units).where(eq(units.name, "Trùng mã"));
  expect(before!.n).toBe(0);
  const created = await admin.submit(`/${p}/admin/units/new`, `/${p}/admin/units`, {
    code: "so-du-lich",
    name: "Sở Du lịch",
    kind: "provincial",
  });
  expect(created.statusCode).toBe(303);
  expect((await unitOf("SO-DU-LICH")).name).toBe("Sở Du lịch");
});

test("only the portal's administrators manage its units", async () => {
  const officer = new Browser(testApp.app);
  await officer.signIn(p, `canbo@${p}.demo`);
  expect((await officer.get(`/${p}/admin/units`)).statusCode).toBe(403);
  const otherAdmin = new Browser(testApp.app);
  await otherAdmin.signIn("dong-thap", "quantri@dong-thap.demo");
  const unit = await unitOf("SCT");
  expect((await otherAdmin.get(`/dong-thap/admin/units/${unit.id}`)).statusCode).toBe(404);
  expect((await otherAdmin.get(`/${p}/admin/units`)).statusCode).toBe(303);
});
