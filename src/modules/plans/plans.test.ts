import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

test("the BR-VT 2011–2015 plan page shows the document's grand total of 3.030 triệu đồng", async () => {
  const browser = new Browser(testApp.app);
  const list = await browser.get("/ba-ria-vung-tau/plans");
  expect(list.statusCode).toBe(200);
  const id =
    /href="\/ba-ria-vung-tau\/plans\/(\d+)">Kế hoạch phát triển thương mại điện tử tỉnh Bà Rịa - Vũng Tàu giai đoạn 2011/.exec(
      list.body,
    )?.[1] ?? /href="\/ba-ria-vung-tau\/plans\/(\d+)"[^>]*>[^<]*2011/.exec(list.body)?.[1];
  expect(id).toBeDefined();
  const page = await browser.get(`/ba-ria-vung-tau/plans/${id}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('data-testid="grand-total">3.030<');
  expect(page.body).toContain("Ba tỷ không trăm ba mươi triệu đồng");
});
