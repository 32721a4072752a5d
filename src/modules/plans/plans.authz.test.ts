import { count, eq, notLike } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { auditLog } from "../identity/schema.ts";
import { plans } from "./schema.ts";

const brvt = "ba-ria-vung-tau";
let testApp: TestApp;
let brvtPlanId: string;
let dongThapPlanId: string;
beforeAll(async () => {
  testApp = await buildTestApp();
  const list = await testApp.app.inject(`/${brvt}/plans`);
  brvtPlanId = /href="\/ba-ria-vung-tau\/plans\/(\d+)">[^<]*2021/.exec(list.body)![1]!;
  const dt = await testApp.app.inject("/dong-thap/plans");
  dongThapPlanId = /href="\/dong-thap\/plans\/(\d+)"/.exec(dt.body)![1]!;
});
afterAll(() => testApp.close());

const snapshot = async () => ({
  plans: await testApp.database.db.select().from(plans).orderBy(plans.id),
  audit: (
    await testApp.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(notLike(auditLog.action, "session.%"))
  )[0]!.n,
});

async function postEdit(browser: Browser, token: string, url: string) {
  return testApp.app.inject({
    method: "POST",
    url,
    headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({
      _csrf: token,
      title: "Tiêu đề bị sửa trái phép",
      periodStart: "2021",
      periodEnd: "2025",
      decisionNumber: "1/QĐ-UBND",
      decisionDate: "01/01/2021",
      issuer: "X",
      signerName: "Y",
      signerTitle: "Z",
      budgetDisplayUnit: "million",
      summary: "",
    }).toString(),
  });
}

test("the Đồng Tháp admin cannot edit a BR-VT plan: 404 through its own portal; in BR-VT's portal they are a visitor sent to sign in; nothing changes", async () => {
  const before = await snapshot();
  const browser = new Browser(testApp.app);
  await browser.signIn("dong-thap", "quantri@dong-thap.demo");
  const token = await browser.csrfToken("/dong-thap/account");
  expect((await postEdit(browser, token, `/dong-thap/plans/${brvtPlanId}`)).statusCode).toBe(404);
  const elsewhere = await postEdit(browser, token, `/${brvt}/plans/${brvtPlanId}`);
  expect(elsewhere.statusCode).toBe(303);
  expect(elsewhere.headers.location).toContain(`/${brvt}/sign-in`);
  expect((await browser.get(`/dong-thap/plans/${brvtPlanId}/edit`)).statusCode).toBe(404);
  expect(await snapshot()).toEqual(before);
});

test("a BR-VT officer and an enterprise account cannot edit the plan (403); nothing changes", async () => {
  const before = await snapshot();
  for (const email of [`canbo@${brvt}.demo`, `doanhnghiep@${brvt}.demo`]) {
    const browser = new Browser(testApp.app);
    await browser.signIn(brvt, email);
    const token = await browser.csrfToken(`/${brvt}/account`);
    expect((await postEdit(browser, token, `/${brvt}/plans/${brvtPlanId}`)).statusCode, email).toBe(403);
    expect((await browser.get(`/${brvt}/plans/${brvtPlanId}/edit`)).statusCode, email).toBe(403);
  }
  expect(await snapshot()).toEqual(before);
});

test("anonymous visitors can read the plan list and a plan page", async () => {
  const browser = new Browser(testApp.app);
  expect((await browser.get(`/${brvt}/plans`)).statusCode).toBe(200);
  const page = await browser.get(`/${brvt}/plans/${brvtPlanId}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("93/QĐ-UBND");
});

test("BR-VT plans are not listed or reachable in the Đồng Tháp portal, and vice versa", async () => {
  const dongThapList = await testApp.app.inject("/dong-thap/plans");
  expect(dongThapList.body).not.toContain("Bà Rịa");
  expect(dongThapList.body).toContain("Đồng Tháp giai đoạn 2011");
  expect((await testApp.app.inject(`/dong-thap/plans/${brvtPlanId}`)).statusCode).toBe(404);
  const brvtList = await testApp.app.inject(`/${brvt}/plans`);
  expect(brvtList.body).not.toContain("tỉnh Đồng Tháp giai đoạn");
  expect((await testApp.app.inject(`/${brvt}/plans/${dongThapPlanId}`)).statusCode).toBe(404);
  const dongThapHome = await testApp.app.inject("/dong-thap");
  expect(dongThapHome.body).not.toContain(`/${brvt}/plans/`);
});

test("refused attempts left the plans table untouched (title still the original)", async () => {
  const [row] = await testApp.database.db
    .select()
    .from(plans)
    .where(eq(plans.id, Number(brvtPlanId)));
  expect(row!.title).not.toContain("trái phép");
});
