import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { categoryIdOf, createEnterpriseFixture, provinceIdOf } from "../../../../test/helpers/floor.ts";
import type { Executor } from "../../../db/client.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { communes } from "../../geo/schema.ts";
import { offers, products, storefronts } from "../schema.ts";
import { SearchResponseSchema } from "../search-routes.tsx";
import { refreshEnterpriseListings, refreshOfferDocument, refreshProductDocument } from "./documents.ts";
import { floorIndexOf } from "./floor-index.ts";
import { searchPaths } from "./query.ts";

// Every fixture's title carries the made-up word "Xuvatest", so filters can be checked against exact sets
// whatever the demo data holds; the other queries ("thuy san", "dau phong"…) also page through the demo data.
let testApp: TestApp;
let browser: Browser;
const ids: Record<string, number> = {};
let communeCode = "";

type ApiItem = { type: string; id: number; url: string; title: string };
type ApiBody = { total: number; page: number; pageSize: number; pageCount: number; items: ApiItem[] };

const key = (item: { type: string; id: number }) => `${item.type}:${item.id}`;

async function api(query: string): Promise<{ status: number; body: ApiBody & { message?: string } }> {
  const response = await testApp.app.inject({ method: "GET", url: `/api/v1/search?${query}` });
  // The route sends what it built without parsing it through the documented schema: every answer is checked here.
  if (response.statusCode === 200) {
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    SearchResponseSchema.parse(response.json());
  }
  return { status: response.statusCode, body: response.json() };
}

/** Every item of a query, page after page; checks the pages agree with the total. */
async function allKeys(query: string): Promise<string[]> {
  const keys: string[] = [];
  const first = await api(`${query}&pageSize=50`);
  expect(first.status).toBe(200);
  for (let page = 1; page <= first.body.pageCount; page += 1) {
    const { body } = await api(`${query}&pageSize=50&page=${page}`);
    keys.push(...body.items.map(key));
  }
  expect(keys).toHaveLength(first.body.total);
  expect(new Set(keys).size).toBe(keys.length);
  return keys;
}

async function insertProduct(
  db: Executor,
  values: {
    enterpriseId: number;
    province: string;
    category: string;
    name: string;
    priceDong?: bigint | null;
    ocopStars?: number | null;
    status?: "draft" | "pending" | "published" | "hidden";
  },
): Promise<number> {
  const provinceId = await provinceIdOf(db, values.province);
  const [row] = await db
    .insert(products)
    .values({
      provinceId,
      enterpriseId: values.enterpriseId,
      categoryId: await categoryIdOf(db, values.category),
      slug: `xuvatest-${Object.keys(ids).length}-${Date.now()}`,
      name: values.name,
      description: "Hàng chất lượng cao, giao hàng toàn quốc.",
      priceDong: values.priceDong ?? null,
      unit: "kg",
      ocopStars: values.ocopStars ?? null,
      ocopCertifiedOn: values.ocopStars ? "2025-06-01" : null,
      ocopExpiresOn: values.ocopStars ? "2028-06-01" : null,
      status: values.status ?? "published",
      publishedAt: new Date(Date.now() - Object.keys(ids).length * 60_000),
    })
    .returning({ id: products.id });
  await refreshProductDocument(db, row!.id);
  return row!.id;
}

async function insertOffer(
  db: Executor,
  values: {
    enterpriseId: number;
    kind: "sell" | "buy";
    category: string;
    title: string;
    expiresInDays: number;
  },
): Promise<number> {
  const provinceId = await provinceIdOf(db, "ba-ria-vung-tau");
  const [row] = await db
    .insert(offers)
    .values({
      provinceId,
      enterpriseId: values.enterpriseId,
      kind: values.kind,
      categoryId: await categoryIdOf(db, values.category),
      slug: `xuvatest-offer-${Object.keys(ids).length}-${Date.now()}`,
      title: values.title,
      specification: "Theo tiêu chuẩn xuất khẩu.",
      quantity: 10,
      unit: "tấn",
      priceDong: 100_000n,
      expiresOn: sql`((now() at time zone 'Asia/Ho_Chi_Minh')::date + ${values.expiresInDays}::int)` as never,
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: offers.id });
  await refreshOfferDocument(db, row!.id);
  return row!.id;
}

beforeAll(async () => {
  testApp = await buildTestApp();
  browser = new Browser(testApp.app);
  const db = testApp.database.db;
  const brvt = await provinceIdOf(db, "ba-ria-vung-tau");
  // The test template has no communes (the demo data loads them): one is made, so the commune tests always run.
  const [commune] = await db
    .insert(communes)
    .values({ provinceId: brvt, code: "9999901", name: "Phường Xuvatest", kind: "phuong" })
    .returning();
  communeCode = commune!.code;

  const first = await createEnterpriseFixture(db, {
    province: "ba-ria-vung-tau",
    name: "Công ty TNHH Hải sản Xuvatest",
    storefront: "published",
  });
  await db
    .update(storefronts)
    .set({ badgeGrantedAt: new Date() })
    .where(eq(storefronts.id, first.storefrontId!));
  const second = await createEnterpriseFixture(db, {
    province: "ba-ria-vung-tau",
    name: "Hợp tác xã Nông sản Kiểm Thử",
    storefront: "published",
  });
  await db.update(enterprises).set({ communeId: commune!.id }).where(eq(enterprises.id, second.enterpriseId));
  const other = await createEnterpriseFixture(db, { province: "dong-thap", storefront: "published" });
  await refreshEnterpriseListings(db, first.enterpriseId);
  await refreshEnterpriseListings(db, second.enterpriseId);
  ids.enterprise = first.enterpriseId;

  ids.shrimp = await insertProduct(db, {
    enterpriseId: first.enterpriseId,
    province: "ba-ria-vung-tau",
    category: "tom",
    name: "Tôm thẻ chân trắng Xuvatest thủy sản đông lạnh",
    priceDong: 250_000n,
    ocopStars: 4,
  });
  ids.peanut = await insertProduct(db, {
    enterpriseId: second.enterpriseId,
    province: "ba-ria-vung-tau",
    category: "trai-cay",
    name: "Đậu phộng rang Xuvatest",
    priceDong: 80_000n,
  });
  ids.cashew = await insertProduct(db, {
    enterpriseId: second.enterpriseId,
    province: "ba-ria-vung-tau",
    category: "hat-dieu",
    name: "Hạt điều rang muối Xuvatest",
    priceDong: 300_000n,
    ocopStars: 3,
  });
  ids.draft = await insertProduct(db, {
    enterpriseId: first.enterpriseId,
    province: "ba-ria-vung-tau",
    category: "tom",
    name: "Thủy sản nháp Xuvatest",
    status: "draft",
  });
  ids.hidden = await insertProduct(db, {
    enterpriseId: first.enterpriseId,
    province: "ba-ria-vung-tau",
    category: "tom",
    name: "Thủy sản bị ẩn Xuvatest",
    status: "hidden",
  });
  ids.otherProvince = await insertProduct(db, {
    enterpriseId: other.enterpriseId,
    province: "dong-thap",
    category: "tom",
    name: "Tôm càng xanh Xuvatest Đồng Tháp",
    priceDong: 200_000n,
  });
  ids.sell = await insertOffer(db, {
    enterpriseId: first.enterpriseId,
    kind: "sell",
    category: "ca-phe",
    title: "Chào bán cà phê Xuvatest",
    expiresInDays: 10,
  });
  ids.buy = await insertOffer(db, {
    enterpriseId: second.enterpriseId,
    kind: "buy",
    category: "hat-dieu",
    title: "Cần mua hạt điều Xuvatest",
    expiresInDays: 0,
  });
  // Open when its document was written, past its last day now: the query itself must leave it out.
  ids.expired = await insertOffer(db, {
    enterpriseId: first.enterpriseId,
    kind: "buy",
    category: "tom",
    title: "Cần mua tôm Xuvatest hết hạn",
    expiresInDays: 3,
  });
  await db.execute(
    sql`update search_documents set expires_on = (now() at time zone 'Asia/Ho_Chi_Minh')::date - 1
        where doc_type = 'offer' and doc_id = ${ids.expired}`,
  );
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const brvt = "province=ba-ria-vung-tau";

describe("finding words", () => {
  test("'thuy san' without diacritics finds 'Tôm thẻ … thủy sản', and the total is the SQL count", async () => {
    const keys = await allKeys(`q=thuy+san&${brvt}`);
    expect(keys).toContain(`product:${ids.shrimp}`);
    const result = await testApp.database.db.execute(sql`
      select count(*)::int as count from search_documents d
      where d.province_id = ${await provinceIdOf(testApp.database.db, "ba-ria-vung-tau")}
        and d.search_text ~ '\\mthuy\\M' and d.search_text ~ '\\msan'
        and (d.expires_on is null or d.expires_on >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)`);
    expect(keys).toHaveLength((result as unknown as { rows: { count: number }[] }).rows[0]!.count);
  });

  test("with diacritics gives the same results as without", async () => {
    const withMarks = await allKeys(`q=${encodeURIComponent("Thủy Sản")}&${brvt}`);
    const without = await allKeys(`q=thuy+san&${brvt}`);
    expect(withMarks).toEqual(without);
  });

  test("'dau phong' finds 'Đậu phộng'", async () => {
    expect(await allKeys(`q=dau+phong&${brvt}`)).toContain(`product:${ids.peanut}`);
  });

  test("the last word matches as a prefix: 'thu' finds 'thủy', 'xuvat' finds Xuvatest", async () => {
    expect(await allKeys(`q=thu&${brvt}`)).toContain(`product:${ids.shrimp}`);
    const { body } = await api(`q=xuvat&${brvt}&type=product`);
    expect(body.items.map(key).sort()).toEqual(
      [`product:${ids.shrimp}`, `product:${ids.peanut}`, `product:${ids.cashew}`].sort(),
    );
  });

  test("one-letter typos are corrected: 'hat dieuu', 'thuy sna'", async () => {
    const cashew = await api(`q=hat+dieuu+xuvatest&${brvt}`);
    expect(cashew.body.items.map(key).sort()).toEqual([`offer:${ids.buy}`, `product:${ids.cashew}`].sort());
    const shrimp = await api(`q=thuy+sna+xuvatest&${brvt}&type=product`);
    expect(shrimp.body.items.map(key)).toEqual([`product:${ids.shrimp}`]);
    const corrections = (
      shrimp.body as unknown as { corrections: { word: string; alternatives: string[] }[] }
    ).corrections;
    expect(corrections.map((correction) => correction.word)).toEqual(["sna"]);
    expect(corrections[0]!.alternatives).toContain("san");
  });

  test("a phrase in the title ranks above the same words apart", async () => {
    // "Cần mua hạt điều Xuvatest" has the phrase; "Hạt điều rang muối Xuvatest" has the words apart.
    const { body } = await api(`q=${encodeURIComponent("điều xuvatest")}&${brvt}`);
    expect(body.items.slice(0, 2).map(key)).toEqual([`offer:${ids.buy}`, `product:${ids.cashew}`]);
    const reversed = await api(`q=${encodeURIComponent("hạt điều rang")}&${brvt}&pageSize=50`);
    expect(reversed.body.items.map(key).indexOf(`product:${ids.cashew}`)).toBeGreaterThanOrEqual(0);
    expect(reversed.body.items.map(key)).not.toContain(`offer:${ids.buy}`);
  });
});

describe("what is not found", () => {
  test("drafts, hidden products and offers past their last day", async () => {
    const keys = await allKeys(`q=xuvatest&${brvt}`);
    expect(keys).not.toContain(`product:${ids.draft}`);
    expect(keys).not.toContain(`product:${ids.hidden}`);
    expect(keys).not.toContain(`offer:${ids.expired}`);
    // The buy offer whose last day is today is still open.
    expect(keys).toContain(`offer:${ids.buy}`);
  });

  test("another province's listings are not on this portal, but the all-provinces API finds them", async () => {
    expect(await allKeys(`q=xuvatest&${brvt}`)).not.toContain(`product:${ids.otherProvince}`);
    expect(await allKeys("q=xuvatest")).toContain(`product:${ids.otherProvince}`);
    const page = await browser.get("/ba-ria-vung-tau/search?q=xuvatest");
    expect(page.body).not.toContain("Tôm càng xanh Xuvatest");
    expect(page.body).toContain("Tôm thẻ chân trắng");
  });
});

describe("filters", () => {
  const base = `q=xuvatest&${brvt}`;
  const cases: [string, string, () => string[]][] = [
    [
      "type=product",
      "products only",
      () => [`product:${ids.shrimp}`, `product:${ids.peanut}`, `product:${ids.cashew}`],
    ],
    ["category=tom", "a category", () => [`product:${ids.shrimp}`]],
    [
      "category=nong-san",
      "a parent category includes its children",
      () => [`product:${ids.peanut}`, `product:${ids.cashew}`, `offer:${ids.buy}`, `offer:${ids.sell}`],
    ],
    ["kind=buy", "buy offers", () => [`offer:${ids.buy}`]],
    ["kind=sell", "sell offers", () => [`offer:${ids.sell}`]],
    ["ocop=4", "OCOP stars", () => [`product:${ids.shrimp}`]],
    ["ocop=3", "OCOP at least 3", () => [`product:${ids.shrimp}`, `product:${ids.cashew}`]],
    ["priceMin=200.000&priceMax=280.000", "a price range in đồng", () => [`product:${ids.shrimp}`]],
    ["verified=1&type=product", "verified only", () => [`product:${ids.shrimp}`]],
  ];
  test.each(cases)("%s narrows to %s, and the total equals the rows", async (filter, _label, expected) => {
    const all = await allKeys(base);
    const { body } = await api(`${base}&${filter}&pageSize=50`);
    expect(body.total).toBe(body.items.length);
    expect(body.items.map(key).sort()).toEqual(expected().sort());
    expect(body.total).toBeLessThan(all.length);
  });

  test("a commune", async () => {
    const { body } = await api(`${base}&commune=${communeCode}&type=product`);
    expect(body.items.map(key).sort()).toEqual([`product:${ids.peanut}`, `product:${ids.cashew}`].sort());
  });

  test("sorting by price", async () => {
    const { body } = await api(`${base}&type=product&sort=price-asc`);
    expect(body.items.map((item) => item.id)).toEqual([ids.peanut, ids.shrimp, ids.cashew]);
    const desc = await api(`${base}&type=product&sort=price-desc`);
    expect(desc.body.items.map((item) => item.id)).toEqual([ids.cashew, ids.shrimp, ids.peanut]);
  });

  test("bad values get 400 and a clear message, on the API and on the page", async () => {
    const bad = await api(`${base}&ocop=9&priceMin=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("ocop");
    expect(bad.body.message).toContain("priceMin");
    const range = await api(`${base}&priceMin=500.000&priceMax=1.000`);
    expect(range.status).toBe(400);
    const unknown = await api(`${base}&category=khong-co`);
    expect(unknown.status).toBe(400);
    const page = await browser.get("/ba-ria-vung-tau/search?q=tom&priceMin=abc&pageSize=500");
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain("error-summary");
    expect(page.body).toContain('value="abc"');
  });
});

describe("pagination and the page", () => {
  test("pages cover every result once, with a constant total", async () => {
    const all = await allKeys(`q=xuvatest&${brvt}`);
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 2); page += 1) {
      const { body } = await api(`q=xuvatest&${brvt}&pageSize=2&page=${page}`);
      expect(body.total).toBe(all.length);
      paged.push(...body.items.map(key));
    }
    expect(paged).toEqual(all);
    const beyond = await api(`q=xuvatest&${brvt}&pageSize=2&page=${all.length + 5}`);
    expect(beyond.body.items).toEqual([]);
  });

  test("the page and the API list the same items in the same order", async () => {
    const query = "q=xuvatest&pageSize=5&page=2";
    const { body } = await api(`${query}&${brvt}`);
    const page = await browser.get(`/ba-ria-vung-tau/search?${query}`);
    expect(page.statusCode).toBe(200);
    const links = [...page.body.matchAll(/<h3><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual(body.items.map((item) => item.url));
    expect(page.body).toContain(`Tìm thấy ${body.total} kết quả`);
    // Pagination keeps the filters.
    expect(page.body).toMatch(
      /href="\/ba-ria-vung-tau\/search\?q=xuvatest&amp;pageSize=5"[^>]*rel="prev"|rel="prev"[^>]*href="\/ba-ria-vung-tau\/search\?q=xuvatest&amp;pageSize=5"/,
    );
  });

  test("matched words are highlighted as text, never as markup", async () => {
    const db = testApp.database.db;
    const trap = await insertProduct(db, {
      enterpriseId: ids.enterprise!,
      province: "ba-ria-vung-tau",
      category: "tom",
      name: "<script>alert(1)</script> Tôm Xuvatest",
    });
    const page = await browser.get("/ba-ria-vung-tau/search?q=tom+xuvatest");
    expect(page.body).toContain("<mark>Tôm</mark>");
    expect(page.body).not.toContain("<script>alert(1)");
    expect(page.body).toContain("&lt;script>alert(1)&lt;/script>");
    await db.delete(products).where(eq(products.id, trap));
    await refreshProductDocument(db, trap);
  });

  test("a change is seen by the next search: cached results follow the search generation", async () => {
    const db = testApp.database.db;
    const query = `q=xuvatest&${brvt}&type=product`;
    const before = (await api(query)).body.total;
    expect((await api(query)).body.total).toBe(before);
    const added = await insertProduct(db, {
      enterpriseId: ids.enterprise!,
      province: "ba-ria-vung-tau",
      category: "tom",
      name: "Tôm sú Xuvatest mới",
    });
    expect((await api(query)).body.total).toBe(before + 1);
    await db.update(products).set({ status: "hidden" }).where(eq(products.id, added));
    await refreshProductDocument(db, added);
    expect((await api(query)).body.total).toBe(before);
  });

  test("a commune renamed is named so by the next search, from the cache of names and past the result cache", async () => {
    const db = testApp.database.db;
    await floorIndexOf(db).load();
    const query = `q=xuvatest&${brvt}&commune=${communeCode}&type=product`;
    const communeNames = async () => {
      const response = await testApp.app.inject({ method: "GET", url: `/api/v1/search?${query}` });
      return [
        ...new Set(
          (response.json() as { items: { commune: string | null }[] }).items.map((item) => item.commune),
        ),
      ];
    };
    const [commune] = await db.select().from(communes).where(eq(communes.code, communeCode));
    const before = searchPaths.memory;
    expect(await communeNames()).toEqual([commune!.name]);
    expect(await communeNames()).toEqual([commune!.name]);
    const version = async () =>
      Number(
        (
          (await db.execute(
            sql`select names_version::int as v from search_state where id = 1`,
          )) as unknown as {
            rows: { v: number }[];
          }
        ).rows[0]!.v,
      );
    // A statement that renames nothing (as the reference provinces loaded at every start) moves nothing.
    const unchanged = await version();
    await db.update(communes).set({ name: commune!.name }).where(eq(communes.id, commune!.id));
    await db.update(communes).set({ kind: commune!.kind }).where(eq(communes.id, commune!.id));
    expect(await version()).toBe(unchanged);
    await db
      .update(communes)
      .set({ name: `${commune!.name} (mới)` })
      .where(eq(communes.id, commune!.id));
    expect(await version()).toBe(unchanged + 1);
    try {
      expect(await communeNames()).toEqual([`${commune!.name} (mới)`]);
      // Answered from the copy held in the process, whose names were read again.
      expect(searchPaths.memory - before).toBe(2);
    } finally {
      await db.update(communes).set({ name: commune!.name }).where(eq(communes.id, commune!.id));
    }
    expect(await communeNames()).toEqual([commune!.name]);
  });

  test("an empty result shows suggestions", async () => {
    const page = await browser.get("/ba-ria-vung-tau/search?q=qwzxqwzx");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Tìm thấy 0 kết quả");
    expect(page.body).toContain("Kiểm tra lại chính tả");
  });
});
