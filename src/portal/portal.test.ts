import { afterAll, beforeAll, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../test/helpers/app.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

test("the root page lists the hosted provinces and says Bà Rịa – Vũng Tàu is part of TP. Hồ Chí Minh", async () => {
  const response = await testApp.app.inject("/");
  expect(response.statusCode).toBe(200);
  expect(response.body).toContain('href="/ba-ria-vung-tau"');
  expect(response.body).toContain('href="/dong-thap"');
  expect(response.body).toContain("Thành phố Hồ Chí Minh");
});

test("the language switch sets the cookie and goes back only to a path on this site", async () => {
  const english = await testApp.app.inject("/lang/en?back=/dong-thap/plans");
  expect(english.statusCode).toBe(303);
  expect(english.headers.location).toBe("/dong-thap/plans");
  const cookie = english.cookies.find((item) => item.name === "lang");
  expect(cookie?.value).toBe("en");
  const page = await testApp.app.inject({ url: "/dong-thap/plans", headers: { cookie: "lang=en" } });
  expect(page.body).toContain('<html lang="en"');
  for (const back of ["/%5Cevil.example", "//evil.example", "/%09/evil.example"]) {
    const response = await testApp.app.inject(`/lang/vi?back=${back}`);
    expect(response.headers.location).toBe("/");
  }
});

test("health checks: /healthz for the process, /readyz for the database", async () => {
  expect((await testApp.app.inject("/healthz")).json()).toEqual({ status: "ok" });
  expect((await testApp.app.inject("/readyz")).json()).toMatchObject({ status: "ok" });
  // The floor search's bitmaps are loaded into the process in the background once the server is ready.
  await expect.poll(async () => (await testApp.app.inject("/readyz")).json().searchIndex).toBe("ready");
});

test("an unknown province and an unknown page answer 404 pages in Vietnamese", async () => {
  const response = await testApp.app.inject("/khong-co-tinh-nay/plans");
  expect(response.statusCode).toBe(404);
  expect(response.body).toContain("Không tìm thấy trang");
});

test("?lang=en shows a page in English without changing the visitor's choice; every page names both versions", async () => {
  const english = await testApp.app.inject("/dong-thap/floor?lang=en");
  expect(english.statusCode).toBe(200);
  expect(english.body).toContain('<html lang="en"');
  expect(english.cookies.find((item) => item.name === "lang")).toBeUndefined();
  const plain = await testApp.app.inject("/dong-thap/floor");
  expect(plain.body).toContain('<html lang="vi"');
  expect(plain.body).toContain(
    '<link rel="alternate" hreflang="vi" href="http://127.0.0.1:3000/dong-thap/floor"/>',
  );
  expect(plain.body).toContain(
    '<link rel="alternate" hreflang="en" href="http://127.0.0.1:3000/dong-thap/floor?lang=en"/>',
  );
  // A cookie's choice yields to the address's.
  const vietnamese = await testApp.app.inject({
    url: "/dong-thap/floor?lang=vi",
    headers: { cookie: "lang=en" },
  });
  expect(vietnamese.body).toContain('<html lang="vi"');
});
