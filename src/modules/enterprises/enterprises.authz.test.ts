import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { createEnterpriseFixture } from "../../../test/helpers/floor.ts";
import { profileForm, signedInRepresentative } from "../../../test/helpers/representatives.ts";
import { ForbiddenError } from "../../platform/errors.ts";
import { enterprises } from "./schema.ts";
import { updateEnterpriseProfile } from "./services/update-profile.ts";

const brvt = "ba-ria-vung-tau";
let testApp: TestApp;
let brvtEnterpriseId: number;
beforeAll(async () => {
  testApp = await buildTestApp();
  brvtEnterpriseId = (
    await createEnterpriseFixture(testApp.database.db, { province: brvt, status: "pending" })
  ).enterpriseId;
});
afterAll(() => testApp.close());
const db = () => testApp.database.db;
const statusOf = async (id: number) =>
  (await db().select().from(enterprises).where(eq(enterprises.id, id)))[0]!.status;

test("an officer of Đồng Tháp can neither see nor verify a Bà Rịa – Vũng Tàu enterprise", async () => {
  const officer = new Browser(testApp.app);
  await officer.signIn("dong-thap", "canbo@dong-thap.demo");
  expect((await officer.get(`/dong-thap/admin/enterprises/${brvtEnterpriseId}`)).statusCode).toBe(404);
  const list = await officer.get("/dong-thap/admin/enterprises");
  expect(list.body).not.toContain(`/admin/enterprises/${brvtEnterpriseId}"`);
  const token = await officer.csrfToken("/dong-thap/admin/enterprises");
  const viaOwnPortal = await testApp.app.inject({
    method: "POST",
    url: `/dong-thap/admin/enterprises/${brvtEnterpriseId}/status`,
    headers: { cookie: officer.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, status: "verified", reason: "" }).toString(),
  });
  expect(viaOwnPortal.statusCode).toBe(404);
  const viaOtherPortal = await testApp.app.inject({
    method: "POST",
    url: `/${brvt}/admin/enterprises/${brvtEnterpriseId}/status`,
    headers: { cookie: officer.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, status: "verified", reason: "" }).toString(),
  });
  expect([303, 403]).toContain(viaOtherPortal.statusCode);
  expect(viaOtherPortal.headers.location ?? "").not.toContain(`/admin/enterprises/${brvtEnterpriseId}`);
  expect(await statusOf(brvtEnterpriseId)).toBe("pending");
});

test("an enterprise representative cannot verify, list or open officers' pages", async () => {
  const { browser } = await signedInRepresentative(testApp.app, db(), brvt);
  expect((await browser.get(`/${brvt}/admin/enterprises`)).statusCode).toBe(403);
  expect((await browser.get(`/${brvt}/admin/enterprises/import`)).statusCode).toBe(403);
  const token = await browser.csrfToken(`/${brvt}/my/enterprise`);
  const response = await testApp.app.inject({
    method: "POST",
    url: `/${brvt}/admin/enterprises/${brvtEnterpriseId}/status`,
    headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, status: "verified", reason: "" }).toString(),
  });
  expect(response.statusCode).toBe(403);
  expect(await statusOf(brvtEnterpriseId)).toBe("pending");
});

test("one representative cannot edit another enterprise's profile, through the officers' URL or the service", async () => {
  const first = await signedInRepresentative(testApp.app, db(), brvt);
  const mine = await createEnterpriseFixture(db(), {
    province: brvt,
    memberEmail: first.email,
    status: "verified",
  });
  const other = await createEnterpriseFixture(db(), {
    province: brvt,
    status: "verified",
    name: "Công ty Không Phải Của Tôi",
  });
  const token = await first.browser.csrfToken(`/${brvt}/my/enterprise`);
  const viaUrl = await testApp.app.inject({
    method: "POST",
    url: `/${brvt}/admin/enterprises/${other.enterpriseId}`,
    headers: { cookie: first.browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, ...profileForm({ name: "Chiếm quyền" }) }).toString(),
  });
  expect(viaUrl.statusCode).toBe(403);
  const [actor] = await db().select().from(enterprises).where(eq(enterprises.id, other.enterpriseId));
  expect(actor!.name).toBe("Công ty Không Phải Của Tôi");

  const hostedBrvt = testApp.app.hostedProvinces().find((province) => province.slug === brvt)!;
  const ctx = {
    db: db(),
    province: hostedBrvt,
    actor: {
      userId: first.userId,
      provinceId: hostedBrvt.id,
      unitId: null,
      fullName: "x",
      email: first.email,
      roles: new Set(["enterprise"] as const),
    },
  };
  await expect(
    updateEnterpriseProfile({
      ctx,
      enterpriseId: other.enterpriseId,
      form: profileForm({ name: "Chiếm quyền" }),
    }),
  ).rejects.toBeInstanceOf(ForbiddenError);
  // Their own profile, through their own page, saves.
  const own = await first.browser.submit(
    `/${brvt}/my/enterprise`,
    `/${brvt}/my/enterprise`,
    profileForm({ name: "Tên mới của tôi" }),
  );
  expect(own.statusCode).toBe(303);
  const [saved] = await db().select().from(enterprises).where(eq(enterprises.id, mine.enterpriseId));
  expect(saved!.name).toBe("Tên mới của tôi");
  expect(saved!.sizeClass).toBe("small");
});

test("a leader reads the registry but gets no forms to change it, and cannot change a status", async () => {
  const leader = new Browser(testApp.app);
  await leader.signIn(brvt, `lanhdao@${brvt}.demo`);
  const detail = await leader.get(`/${brvt}/admin/enterprises/${brvtEnterpriseId}`);
  expect(detail.statusCode).toBe(200);
  expect(detail.body).not.toContain(`/admin/enterprises/${brvtEnterpriseId}/status"`);
  expect((await leader.get(`/${brvt}/admin/enterprises/import`)).statusCode).toBe(403);
  const token = await leader.csrfToken(`/${brvt}/admin/enterprises`);
  const response = await testApp.app.inject({
    method: "POST",
    url: `/${brvt}/admin/enterprises/${brvtEnterpriseId}/status`,
    headers: { cookie: leader.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, status: "verified", reason: "" }).toString(),
  });
  expect(response.statusCode).toBe(403);
  expect(await statusOf(brvtEnterpriseId)).toBe("pending");
});
