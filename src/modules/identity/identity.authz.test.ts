import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { auditLog, units, userRoles, users } from "./schema.ts";

const brvt = "ba-ria-vung-tau";
const adminPages = ["users", "audit", "outbox"].map((page) => `/${brvt}/admin/${page}`);
let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

const db = () => testApp.database.db;
async function userOf(email: string) {
  const [row] = await db().select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row;
}

describe("admin pages", () => {
  test.each(adminPages)("anonymous visitors of %s are redirected to sign-in", async (url) => {
    const response = await new Browser(testApp.app).get(url);
    expect([302, 303]).toContain(response.statusCode);
    expect(response.headers.location).toMatch(new RegExp(`^/${brvt}/sign-in`));
  });

  test("an enterprise account and an officer get 403 on every admin page", async () => {
    for (const email of [`doanhnghiep@${brvt}.demo`, `canbo@${brvt}.demo`]) {
      const browser = new Browser(testApp.app);
      expect((await browser.signIn(brvt, email)).statusCode).toBe(303);
      for (const url of adminPages) expect((await browser.get(url)).statusCode, `${email} ${url}`).toBe(403);
    }
  });

  test("the province's administrator opens every admin page (200)", async () => {
    const browser = new Browser(testApp.app);
    await browser.signIn(brvt, `quantri@${brvt}.demo`);
    for (const url of adminPages) expect((await browser.get(url)).statusCode, url).toBe(200);
  });
});

describe("province isolation", () => {
  test("the Đồng Tháp admin is a mere visitor in BR-VT's portal: its admin pages send them to sign in, nothing changes", async () => {
    const target = await userOf(`canbo@${brvt}.demo`);
    const browser = new Browser(testApp.app);
    await browser.signIn("dong-thap", "quantri@dong-thap.demo");
    expect((await browser.get("/dong-thap/admin/users")).statusCode).toBe(200);
    for (const url of adminPages) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toContain(`/${brvt}/sign-in`);
    }
    expect((await browser.get(`/${brvt}/admin/users/${target.id}`)).statusCode).toBe(303);
    // Same user id through the Đồng Tháp portal: not in its scope.
    expect((await browser.get(`/dong-thap/admin/users/${target.id}`)).statusCode).toBe(404);

    const token = await browser.csrfToken("/dong-thap/admin/users/new");
    const [auditBefore] = await db().select({ n: count() }).from(auditLog);
    for (const url of [`/${brvt}/admin/users/${target.id}`, `/dong-thap/admin/users/${target.id}`]) {
      const response = await testApp.app.inject({
        method: "POST",
        url,
        headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          _csrf: token,
          fullName: "Bị sửa trái phép",
          roles: "admin",
          status: "disabled",
        }).toString(),
      });
      expect([303, 403, 404], url).toContain(response.statusCode);
    }
    const after = await userOf(`canbo@${brvt}.demo`);
    expect(after.fullName).toBe(target.fullName);
    expect(after.status).toBe(target.status);
    const roles = await db().select().from(userRoles).where(eq(userRoles.userId, target.id));
    expect(roles.map((row) => row.role)).toEqual(["officer"]);
    const [auditAfter] = await db().select({ n: count() }).from(auditLog);
    expect(auditAfter!.n).toBe(auditBefore!.n);
  });
});

test("the admin creates a user with roles and a unit; the account exists and a user.create audit row is written", async () => {
  const [brvtProvinceUser] = await db()
    .select()
    .from(users)
    .where(eq(users.email, `quantri@${brvt}.demo`));
  const [unit] = await db()
    .select()
    .from(units)
    .where(and(eq(units.provinceId, brvtProvinceUser!.provinceId!), eq(units.code, "SCT")));
  const browser = new Browser(testApp.app);
  await browser.signIn(brvt, `quantri@${brvt}.demo`);
  const response = await browser.submit(`/${brvt}/admin/users/new`, `/${brvt}/admin/users`, {
    fullName: "Võ Minh Khoa",
    email: "khoa.vm@sct.example.vn",
    phone: "0987654321",
    password: "tam-thoi-123456",
    roles: ["officer", "leader"],
    unitId: String(unit!.id),
  });
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(`/${brvt}/admin/users`);
  const created = await userOf("khoa.vm@sct.example.vn");
  expect(created.provinceId).toBe(brvtProvinceUser!.provinceId);
  expect(created.unitId).toBe(unit!.id);
  const roles = await db().select().from(userRoles).where(eq(userRoles.userId, created.id));
  expect(roles.map((row) => row.role).sort()).toEqual(["leader", "officer"]);
  const [audit] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "user.create"), eq(auditLog.entityId, String(created.id))));
  expect(audit?.actorUserId).toBe(brvtProvinceUser!.id);
  expect(audit?.after).toMatchObject({ email: "khoa.vm@sct.example.vn", roles: ["officer", "leader"] });
  expect(
    (await new Browser(testApp.app).signIn(brvt, "khoa.vm@sct.example.vn", "tam-thoi-123456")).statusCode,
  ).toBe(303);
});
