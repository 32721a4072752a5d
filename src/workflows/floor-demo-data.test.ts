import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../../test/helpers/database.ts";
import { provinceIdOf, userIdOf } from "../../test/helpers/floor.ts";
import type { DatabaseHandle, Executor } from "../db/client.ts";
import { enterpriseMembers, enterprises } from "../modules/enterprises/schema.ts";
import { validateTaxCode } from "../modules/enterprises/tax-code.ts";
import { offers, products, quotes, searchDocuments, storefronts } from "../modules/marketplace/schema.ts";
import { appMeta } from "../platform/schema.ts";
import { loadDemoData } from "./demo-data.ts";
import { createRandom, type FloorDemoSummary, loadFloorDemoData } from "./floor-demo-data.ts";
import { loadReferenceData } from "./reference-data.ts";

let database: DatabaseHandle;
let loadMs = 0;
let floorMs = 0;
let summary: FloorDemoSummary | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReferenceData(database.db);
  const started = performance.now();
  await loadDemoData(database.db);
  loadMs = performance.now() - started;
  // The floor alone, measured in a transaction that is rolled back (the rows above stay as they are).
  const floorStarted = performance.now();
  await database.db
    .transaction(async (tx) => {
      await clearFloor(tx);
      summary = await loadFloorDemoData(tx);
      floorMs = performance.now() - floorStarted;
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  console.info(
    `demo data: ${Math.round(loadMs)} ms in all; trading floor alone: ${Math.round(floorMs)} ms (${database.kind}); ${JSON.stringify(summary)}`,
  );
}, 60_000);
afterAll(() => database.close());

class Rollback extends Error {}

/** Removes every floor row (enterprises and their listings), as on an installation seeded before the floor. */
async function clearFloor(tx: Executor) {
  for (const statement of [
    sql`delete from search_documents`,
    sql`delete from listing_reports`,
    sql`delete from inquiry_messages`,
    sql`delete from inquiries`,
    sql`update offers set accepted_quote_id = null`,
    sql`delete from quotes`,
    sql`delete from offers`,
    sql`delete from products`,
    sql`delete from storefronts`,
    sql`delete from enterprise_members`,
    sql`delete from enterprises`,
  ])
    await tx.execute(statement);
}

const total = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;

test("the floor demo has about 150 enterprises, 1,000 products and 100 offers across both demo provinces", async () => {
  const db = database.db;
  const enterpriseCount = await total(db.select({ n: count() }).from(enterprises));
  const productCount = await total(db.select({ n: count() }).from(products));
  const offerCount = await total(db.select({ n: count() }).from(offers));
  expect(enterpriseCount).toBeGreaterThanOrEqual(140);
  expect(enterpriseCount).toBeLessThanOrEqual(160);
  expect(productCount).toBeGreaterThanOrEqual(900);
  expect(productCount).toBeLessThanOrEqual(1100);
  expect(offerCount).toBe(100);
  for (const slug of ["ba-ria-vung-tau", "dong-thap"]) {
    const provinceId = await provinceIdOf(db, slug);
    const inProvince = await total(
      db.select({ n: count() }).from(products).where(eq(products.provinceId, provinceId)),
    );
    expect(inProvince).toBeGreaterThan(300);
  }
  // Some offers expired, some closed with an accepted quote, both kinds present.
  const rows = await db.select().from(offers);
  expect(rows.some((row) => row.kind === "buy")).toBe(true);
  expect(rows.some((row) => row.kind === "sell")).toBe(true);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  expect(rows.some((row) => row.expiresOn < today)).toBe(true);
  const closed = rows.filter((row) => row.status === "closed");
  expect(closed.length).toBeGreaterThan(0);
  for (const offer of closed) {
    const [accepted] = await db.select().from(quotes).where(eq(quotes.id, offer.acceptedQuoteId!));
    expect(accepted?.status).toBe("accepted");
    expect(accepted?.offerId).toBe(offer.id);
  }
});

test("every demo tax code is valid (check digit) and unique; OCOP products carry a certificate and its 36-month expiry", async () => {
  const rows = await database.db.select({ taxCode: enterprises.taxCode }).from(enterprises);
  for (const row of rows) expect(validateTaxCode(row.taxCode)).toMatchObject({ ok: true });
  expect(new Set(rows.map((row) => row.taxCode)).size).toBe(rows.length);
  const ocop = await database.db.select().from(products).where(isNotNull(products.ocopStars));
  expect(ocop.length).toBeGreaterThan(20);
  for (const product of ocop) {
    expect(product.ocopStars).toBeGreaterThanOrEqual(3);
    expect(product.ocopCertificateNumber).toMatch(/^\d+\/QĐ-UBND$/);
    const certified = new Date(product.ocopCertifiedOn!);
    const expires = new Date(product.ocopExpiresOn!);
    expect(expires.getUTCFullYear() - certified.getUTCFullYear()).toBe(3);
  }
});

test("each demo seller account owns one verified enterprise with a published, badged storefront and published products", async () => {
  const db = database.db;
  for (const slug of ["ba-ria-vung-tau", "dong-thap"]) {
    const userId = await userIdOf(db, `doanhnghiep@${slug}.demo`);
    const memberships = await db
      .select({ enterpriseId: enterpriseMembers.enterpriseId, role: enterpriseMembers.role })
      .from(enterpriseMembers)
      .where(and(eq(enterpriseMembers.userId, userId), eq(enterpriseMembers.status, "active")));
    expect(memberships).toHaveLength(1);
    expect(memberships[0]!.role).toBe("owner");
    const enterpriseId = memberships[0]!.enterpriseId;
    const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(enterprise!.status).toBe("verified");
    expect(enterprise!.provinceId).toBe(await provinceIdOf(db, slug));
    const [storefront] = await db
      .select()
      .from(storefronts)
      .where(eq(storefronts.enterpriseId, enterpriseId));
    expect(storefront!.status).toBe("published");
    expect(storefront!.badgeGrantedAt).not.toBeNull();
    const published = await total(
      db
        .select({ n: count() })
        .from(searchDocuments)
        .where(and(eq(searchDocuments.enterpriseId, enterpriseId), eq(searchDocuments.docType, "product"))),
    );
    expect(published).toBeGreaterThanOrEqual(5);
  }
  // The Bà Rịa – Vũng Tàu seller sells coffee, which the browser journey searches for ("ca phe").
  const [coffee] = await db
    .select({ n: count() })
    .from(searchDocuments)
    .where(sql`${searchDocuments.searchText} like '%ca phe%' and ${searchDocuments.docType} = 'product'`);
  expect(coffee!.n).toBeGreaterThan(0);
});

test("search documents are built for the demo floor: published listings of verified enterprises only", async () => {
  const db = database.db;
  const [documents] = await db.select({ n: count() }).from(searchDocuments);
  const [publishedProducts] = await db
    .execute<{ n: number }>(sql`select count(*)::int as n from products p
    join enterprises e on e.id = p.enterprise_id where p.status = 'published' and e.status = 'verified'`)
    .then((result) => (result as unknown as { rows: { n: number }[] }).rows);
  const [productDocuments] = await db
    .select({ n: count() })
    .from(searchDocuments)
    .where(eq(searchDocuments.docType, "product"));
  expect(productDocuments!.n).toBe(publishedProducts!.n);
  expect(documents!.n).toBeGreaterThan(productDocuments!.n);
});

test("loading the demo data again changes nothing (enterprise, product, offer and document counts equal)", async () => {
  const db = database.db;
  const snapshot = async () => ({
    enterprises: await total(db.select({ n: count() }).from(enterprises)),
    products: await total(db.select({ n: count() }).from(products)),
    offers: await total(db.select({ n: count() }).from(offers)),
    documents: await total(db.select({ n: count() }).from(searchDocuments)),
  });
  const before = await snapshot();
  expect(await loadDemoData(db)).toEqual({ loaded: false });
  expect(await snapshot()).toEqual(before);
});

test("an installation whose demo was loaded before the floor existed gets the floor once, the same floor", async () => {
  const db = database.db;
  const snapshot = async () => ({
    enterprises: await total(db.select({ n: count() }).from(enterprises)),
    products: await total(db.select({ n: count() }).from(products)),
    offers: await total(db.select({ n: count() }).from(offers)),
    taxCodes: (
      await db.select({ taxCode: enterprises.taxCode }).from(enterprises).orderBy(enterprises.taxCode)
    )
      .map((row) => row.taxCode)
      .join(","),
  });
  const before = await snapshot();
  await db.transaction(async (tx) => {
    await clearFloor(tx);
    await tx.delete(appMeta).where(eq(appMeta.key, "floor-demo-data-version"));
  });
  expect((await snapshot()).products).toBe(0);
  expect(await loadDemoData(db)).toEqual({ loaded: true });
  expect(await snapshot()).toEqual(before);
  expect(await loadDemoData(db)).toEqual({ loaded: false });
});

test("the PRNG is deterministic: the same seed gives the same sequence, and never calls Math.random", () => {
  const first = createRandom(42);
  const second = createRandom(42);
  const a = Array.from({ length: 5 }, () => first.next());
  expect(Array.from({ length: 5 }, () => second.next())).toEqual(a);
  expect(new Set(a).size).toBe(5);
  for (const value of a) expect(value >= 0 && value < 1).toBe(true);
});

test("the demo floor loads in bulk, fast enough for every test file to load it", () => {
  // Every test app loads the demo. Alone on PGlite the floor takes about 1 s; test files run in parallel on two
  // cores, so the bound is loose: it catches a return to row-by-row loading, not a busy machine.
  expect(floorMs).toBeLessThan(10_000);
});
