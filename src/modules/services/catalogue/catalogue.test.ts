import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { hostedProvinceOf } from "../../../../test/helpers/services.ts";
import { procedures } from "../schema.ts";
import { listCatalogue, readCatalogueFilters } from "./queries.ts";
import { seedDemoCatalogue } from "./test-support.ts";

const brvt = "ba-ria-vung-tau";
let testApp: TestApp;
let catalogueUnits: Awaited<ReturnType<typeof seedDemoCatalogue>>["catalogueUnits"];
beforeAll(async () => {
  testApp = await buildTestApp();
  catalogueUnits = (await seedDemoCatalogue(testApp.database.db, brvt)).catalogueUnits;
  await seedDemoCatalogue(testApp.database.db, "dong-thap");
});
afterAll(() => testApp.close());

type ApiList = {
  items: { code: string; name: string; level: number; field: string; kind: string }[];
  total: number;
};
const apiList = async (query: string) => {
  const response = await testApp.app.inject(`/api/v1/procedures?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as ApiList;
};

test('searching "giay phep ban buon ruou" without diacritics finds the alcohol wholesale licence first, not tobacco', async () => {
  const page = await testApp.app.inject(`/${brvt}/services?q=giay+phep+ban+buon+ruou`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("Cấp Giấy phép bán buôn rượu trên địa bàn tỉnh");
  expect(page.body).not.toContain("bán buôn sản phẩm thuốc lá");
  const api = await apiList(`province=${brvt}&q=${encodeURIComponent("GIẤY PHÉP bán buôn rượu")}`);
  expect(api.items[0]!.code).toBe("2.000636");
  expect(api.total).toBe(1);
  // The words may come in any order, and a legal basis or the code finds it too.
  expect((await apiList(`province=${brvt}&q=ruou+ban+buon`)).items.map((item) => item.code)).toContain(
    "2.000636",
  );
  expect((await apiList(`province=${brvt}&q=105%2F2017`)).items.map((item) => item.code)).toContain(
    "2.000636",
  );
  expect((await apiList(`province=${brvt}&q=thuoc+la`)).items.map((item) => item.code)).toEqual(["2.000633"]);
  expect((await apiList(`province=${brvt}&q=khong+co+thu+tuc+nay`)).total).toBe(0);
});

test("filters by field, level, unit and kind narrow the list; unknown values are ignored", async () => {
  const all = await apiList(`province=${brvt}`);
  expect(all.total).toBeGreaterThanOrEqual(10);
  const promotions = await apiList(`province=${brvt}&field=xuc-tien-thuong-mai`);
  expect(promotions.total).toBeGreaterThanOrEqual(2);
  expect(promotions.items.every((item) => item.field === "xuc-tien-thuong-mai")).toBe(true);
  const levelThree = await apiList(`province=${brvt}&level=3`);
  expect(levelThree.items.length).toBeGreaterThan(0);
  expect(levelThree.items.every((item) => item.level === 3)).toBe(true);
  expect(levelThree.total).toBeLessThan(all.total);
  const safety = await apiList(`province=${brvt}&unit=${catalogueUnits.safety}`);
  expect(safety.items.map((item) => item.code)).toContain("2.000115");
  expect(safety.items.map((item) => item.code)).not.toContain("2.000636");
  expect((await apiList(`province=${brvt}&kind=subsidy`)).total).toBe(0);
  expect((await apiList(`province=dong-thap&kind=subsidy`)).total).toBe(3);
  expect((await apiList(`province=${brvt}&level=9&field=nope`)).total).toBe(all.total);

  const page = await testApp.app.inject(`/${brvt}/services?field=vat-lieu-no-cong-nghiep&level=3`);
  expect(page.body).toContain("Cấp Giấy phép sử dụng vật liệu nổ công nghiệp");
  expect(page.body).not.toContain("Cấp Giấy phép bán buôn rượu");
  // The chosen filters stay selected on the page.
  expect(page.body).toMatch(/<option value="vat-lieu-no-cong-nghiep" selected/);
});

test("the list is paged: pages are disjoint and together hold the total", async () => {
  const province = await hostedProvinceOf(testApp.database.db, "dong-thap");
  const filters = readCatalogueFilters({});
  const first = await listCatalogue(testApp.database.db, province.scopeIds, filters, 1, 5);
  expect(first.total).toBeGreaterThanOrEqual(13);
  expect(first.pageCount).toBe(Math.ceil(first.total / 5));
  const codes: string[] = [];
  for (let page = 1; page <= first.pageCount; page += 1)
    codes.push(
      ...(await listCatalogue(testApp.database.db, province.scopeIds, filters, page, 5)).items.map(
        (item) => item.code,
      ),
    );
  expect(codes).toHaveLength(first.total);
  expect(new Set(codes).size).toBe(first.total);
  // A page past the end is empty, not an error.
  const beyond = await testApp.app.inject("/dong-thap/services?page=9");
  expect(beyond.statusCode).toBe(200);
  expect(beyond.body).toContain('class="search-empty"');
});

test("the procedure page shows components, fees, legal basis, steps and the apply form", async () => {
  const page = await testApp.app.inject(`/${brvt}/services/2.000636`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("Đơn đề nghị cấp Giấy phép bán buôn rượu");
  expect(page.body).toContain("Mẫu số 01 Phụ lục ban hành kèm theo Nghị định 17/2020/NĐ-CP");
  expect(page.body).toContain("2.200.000");
  expect(page.body).toContain("Nghị định số 105/2017/NĐ-CP");
  expect(page.body).toContain("10 ngày làm việc");
  expect(page.body).toContain("Phòng Quản lý Thương mại");
  expect(page.body).toMatch(/<form method="post" action="\/ba-ria-vung-tau\/services\/2\.000636\/apply"/);
  expect(page.body).toContain('name="_csrf"');
  expect(page.body).toContain("Nộp hồ sơ trực tuyến");

  const english = await testApp.app.inject(`/${brvt}/services/2.000636?lang=en`);
  expect(english.body).toContain("Licence for the wholesale of alcohol within the province");

  const subsidy = await testApp.app.inject(`/dong-thap/services/DTP.TMDT.01`);
  expect(subsidy.body).toContain("1.500.000");
  expect((await testApp.app.inject(`/${brvt}/services/DTP.TMDT.01`)).statusCode).toBe(404);
  expect((await testApp.app.inject(`/${brvt}/services/9.999999`)).statusCode).toBe(404);
  expect((await testApp.app.inject(`/${brvt}/services/bad%20code`)).statusCode).toBe(404);
});

test("a retired procedure leaves the list and its page takes no applications", async () => {
  const db = testApp.database.db;
  const province = await hostedProvinceOf(db, brvt);
  const where = and(eq(procedures.provinceId, province.id), eq(procedures.code, "2.000131"));
  await db.update(procedures).set({ status: "retired" }).where(where);
  try {
    expect((await apiList(`province=${brvt}&q=thong+bao+hoat+dong+khuyen+mai`)).total).toBe(0);
    expect((await apiList(`province=dong-thap&q=thong+bao+hoat+dong+khuyen+mai`)).total).toBe(1);
    const page = await testApp.app.inject(`/${brvt}/services/2.000131`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("đã ngừng áp dụng");
    expect(page.body).not.toContain("/services/2.000131/apply");
  } finally {
    await db.update(procedures).set({ status: "active" }).where(where);
  }
});

test("the JSON API gives a procedure in full and is documented in /api/docs", async () => {
  const response = await testApp.app.inject(`/api/v1/procedures/2.000243?province=${brvt}`);
  expect(response.statusCode).toBe(200);
  const body = response.json() as {
    code: string;
    components: { required: boolean }[];
    fees: { amountDong: number }[];
    steps: { unit: { id: number } | null }[];
    approvalUnit: { id: number } | null;
    questions: { id: string }[];
    legalBasis: string[];
  };
  expect(body.code).toBe("2.000243");
  expect(body.fees[0]!.amountDong).toBe(3_000_000);
  expect(body.components.some((component) => component.required)).toBe(true);
  expect(body.steps[0]!.unit!.id).toBe(catalogueUnits.trade);
  expect(body.approvalUnit!.id).toBe(catalogueUnits.directorate);
  expect(body.legalBasis.join(" ")).toContain("07/2016/NĐ-CP");
  const programme = (
    await testApp.app.inject(`/api/v1/procedures/DTP.TMDT.02?province=dong-thap`)
  ).json() as {
    subsidy: { amountPerEnterpriseDong: number; centralAmountPerEnterpriseDong: number; quotaTotal: number };
  };
  expect(programme.subsidy).toMatchObject({
    amountPerEnterpriseDong: 8_000_000,
    centralAmountPerEnterpriseDong: 2_000_000,
    quotaTotal: 60,
  });
  expect((await testApp.app.inject(`/api/v1/procedures/2.000243?province=nowhere`)).statusCode).toBe(404);
  expect((await testApp.app.inject(`/api/v1/procedures/9.999999?province=${brvt}`)).statusCode).toBe(404);
  expect((await testApp.app.inject(`/api/v1/procedures`)).statusCode).toBe(400);
  const docs = await testApp.app.inject("/api/docs/json");
  const paths = Object.keys((docs.json() as { paths: Record<string, unknown> }).paths);
  expect(paths).toContain("/api/v1/procedures");
  expect(paths).toContain("/api/v1/procedures/{code}");
});
