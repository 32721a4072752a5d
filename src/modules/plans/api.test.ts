import { afterAll, beforeAll, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/helpers/app.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

type Summary = { id: number; periodStart: number; province: { slug: string } };
const getJson = async (url: string) => {
  const response = await testApp.app.inject(url);
  return {
    status: response.statusCode,
    type: String(response.headers["content-type"]),
    body: response.json(),
  };
};

test("GET /api/v1/provinces lists 34 current and 63 former provinces; BR-VT's successor is Hồ Chí Minh", async () => {
  const { status, body } = await getJson("/api/v1/provinces");
  expect(status).toBe(200);
  const items = body.items as {
    slug: string;
    status: string;
    successor: { slug: string; name: string } | null;
  }[];
  expect(items.filter((item) => item.status === "current")).toHaveLength(34);
  expect(items.filter((item) => item.status === "former")).toHaveLength(63);
  const brvt = items.find((item) => item.slug === "ba-ria-vung-tau");
  expect(brvt?.status).toBe("former");
  expect(brvt?.successor).toMatchObject({ slug: "ho-chi-minh", name: "Hồ Chí Minh" });
});

test("Hồ Chí Minh's plan list rolls up the two BR-VT plans; Đồng Tháp's lists the dong-thap-87 plan", async () => {
  const hcm = await getJson("/api/v1/provinces/ho-chi-minh/plans");
  expect(hcm.status).toBe(200);
  const hcmItems = hcm.body.items as Summary[];
  expect(hcmItems.map((plan) => [plan.province.slug, plan.periodStart]).sort()).toEqual([
    ["ba-ria-vung-tau", 2011],
    ["ba-ria-vung-tau", 2021],
  ]);
  const dongThap = await getJson("/api/v1/provinces/dong-thap/plans");
  const dtItems = dongThap.body.items as Summary[];
  expect(dtItems).toHaveLength(1);
  expect(dtItems[0]!.province.slug).toBe("dong-thap-87");
  expect((await getJson("/api/v1/provinces/khong-co-tinh-nay/plans")).status).toBe(404);
});

test("BR-VT 2021–2025: computed totals equal the stated ones (grand 2.224.500.000, central 300.000.000, provincial 1.924.500.000)", async () => {
  const list = (await getJson("/api/v1/provinces/ho-chi-minh/plans")).body.items as Summary[];
  const id = list.find((plan) => plan.periodStart === 2021)!.id;
  const { status, body } = await getJson(`/api/v1/plans/${id}`);
  expect(status).toBe(200);
  expect(body.computedTotals.grandDong).toBe(2_224_500_000);
  const bySource = Object.fromEntries(
    (body.computedTotals.bySource as { source: string; amountDong: number }[]).map((row) => [
      row.source,
      row.amountDong,
    ]),
  );
  expect(bySource).toEqual({ central: 300_000_000, provincial: 1_924_500_000 });
  expect(body.findings).toEqual([]);
});

test("Đồng Tháp 2011–2015 reports a malformed number, two differing targets and a differing decision number", async () => {
  const [plan] = (await getJson("/api/v1/provinces/dong-thap/plans")).body.items as Summary[];
  const { body } = await getJson(`/api/v1/plans/${plan!.id}`);
  const codes = (body.findings as { code: string; message: string }[]).map((finding) => finding.code);
  expect(codes.filter((code) => code === "malformed-number")).toHaveLength(1);
  expect(codes.filter((code) => code === "target-differs")).toHaveLength(2);
  expect(codes.filter((code) => code === "decision-number-differs")).toHaveLength(1);
  for (const finding of body.findings as { message: string }[])
    expect(finding.message.length).toBeGreaterThan(10);
});

test("an unknown plan id answers 404 as JSON", async () => {
  const response = await testApp.app.inject("/api/v1/plans/999999");
  expect(response.statusCode).toBe(404);
  expect(response.headers["content-type"]).toMatch(/application\/json/);
  expect(() => response.json()).not.toThrow();
});

test("/api/docs/json is an OpenAPI document listing the province and plan paths", async () => {
  const { status, body } = await getJson("/api/docs/json");
  expect(status).toBe(200);
  expect(body.openapi).toMatch(/^3\./);
  expect(Object.keys(body.paths)).toEqual(
    expect.arrayContaining(["/api/v1/provinces", "/api/v1/provinces/{slug}/plans", "/api/v1/plans/{id}"]),
  );
});
