import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, findPlanId, type TestApp } from "../../../test/helpers/app.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

test("the BR-VT 2011–2015 plan page shows the document's grand total of 3.030 triệu đồng", async () => {
  const browser = new Browser(testApp.app);
  const list = await browser.get("/ba-ria-vung-tau/plans");
  expect(list.statusCode).toBe(200);
  const id = await findPlanId(testApp.app, "ba-ria-vung-tau", 2011);
  expect(list.body).toContain(`href="/ba-ria-vung-tau/plans/${id}"`);
  const page = await browser.get(`/ba-ria-vung-tau/plans/${id}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('data-testid="grand-total">3.030<');
  expect(page.body).toContain("Ba tỷ không trăm ba mươi triệu đồng");
});

test("an anonymous visitor's cached plan page is rebuilt as soon as an administrator changes the plan", async () => {
  const visitor = new Browser(testApp.app);
  const admin = new Browser(testApp.app);
  await admin.signIn("ba-ria-vung-tau", "quantri@ba-ria-vung-tau.demo");
  const url = `/ba-ria-vung-tau/plans/${await findPlanId(testApp.app, "ba-ria-vung-tau", 2021)}`;
  expect((await visitor.get(url)).body).toContain('data-testid="grand-total">2.224,5<');
  expect((await visitor.get(url)).body).toContain('data-testid="grand-total">2.224,5<');
  const edit = await admin.get(`${url}/budget-lines/new`);
  expect(edit.statusCode).toBe(200);
  const saved = await admin.submit(`${url}/budget-lines/new`, `${url}/budget-lines`, {
    activityId: "",
    year: "2025",
    source: "provincial",
    amount: "10",
    label: "",
  });
  expect(saved.statusCode).toBe(303);
  expect((await visitor.get(url)).body).toContain('data-testid="grand-total">2.234,5<');
  expect((await admin.get(url)).body).toContain('data-testid="grand-total">2.234,5<');
});
