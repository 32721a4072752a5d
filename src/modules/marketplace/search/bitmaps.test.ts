import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateListings } from "../../../../bench/generate-listings.ts";
import { createTestDatabase } from "../../../../test/helpers/database.ts";
import { categoryIdOf, provinceIdOf } from "../../../../test/helpers/floor.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../workflows/demo-data.ts";
import { loadReferenceData } from "../../../workflows/reference-data.ts";
import { isWindowEnough, maximumScore } from "./page.ts";
import {
  defaultCriteria,
  type SearchCriteria,
  searchFloor,
  setSearchCache,
  setSearchTuning,
  type WordMatch,
} from "./query.ts";

// The bitmaps (migration 0008) must give exactly what reading the documents gives: the same totals, the same
// pages in the same order. A few thousand generated listings, and windows of a few documents, so that the
// first pages of broad queries come from the newest documents, are tried again with a larger window, or fall
// back to reading every match.
let database: DatabaseHandle;
let scopeIds: number[];
const criteria: Record<string, Partial<SearchCriteria>> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await loadReferenceData(db);
  await loadDemoData(db);
  await generateListings(db, { listings: 2_500, provinceSlugs: ["ba-ria-vung-tau", "dong-thap"] });
  scopeIds = [await provinceIdOf(db, "ba-ria-vung-tau"), await provinceIdOf(db, "dong-thap")];
  const tom = await categoryIdOf(db, "tom");
  const address = await db.execute(sql`select address_province_id as province, commune_id as commune
    from search_documents where commune_id is not null and doc_type = 'product' order by id desc limit 1`);
  const { province, commune } = (address as unknown as { rows: { province: number; commune: number }[] })
    .rows[0]!;
  Object.assign(criteria, {
    "broad, no diacritics": { q: "ca phe" },
    "broad, with diacritics, products": { q: "cà phê", type: "product" },
    "a prefix": { q: "thu" },
    "a typo": { q: "hat dieuu" },
    "a category and OCOP stars": { q: "tom", categoryId: tom, ocopMin: 4 },
    "a category, by newest": { q: "tom", categoryId: tom, sort: "newest" },
    "no words: the newest": { q: "" },
    "verified offers": { q: "", verifiedOnly: true, type: "offer" },
    "buy offers": { q: "xuat khau", kind: "buy" },
    "an address province": { q: "may", addressProvinceId: province },
    "a commune": { q: "", communeId: commune },
    "a price range (the prices of the matches read)": { q: "tom", priceMin: 200_000n, priceMax: 600_000n },
    "nothing found": { q: "qwzxqwzx" },
  });
  setSearchCache(false);
}, 300_000);

afterAll(async () => {
  setSearchTuning({ bitmaps: true, windowFactor: 3, largestWindow: 200_000 });
  setSearchCache(true);
  await database?.close();
});

async function pages(
  search: Partial<SearchCriteria>,
  bitmaps: boolean,
  tuning = { factor: 1, largest: 200 },
) {
  setSearchTuning({ bitmaps, windowFactor: tuning.factor, largestWindow: tuning.largest });
  const results = [];
  for (const page of [1, 2, 5]) {
    const result = await searchFloor(database.db, scopeIds, {
      ...defaultCriteria,
      ...search,
      page,
      pageSize: 7,
    });
    results.push({
      counts: result.counts,
      items: result.items.map((item) => `${item.type}:${item.id}:${item.score}`),
    });
  }
  return results;
}

describe("searching through the bitmaps", () => {
  test.each([
    "broad, no diacritics",
    "broad, with diacritics, products",
    "a prefix",
    "a typo",
    "a category and OCOP stars",
    "a category, by newest",
    "no words: the newest",
    "verified offers",
    "buy offers",
    "an address province",
    "a commune",
    "a price range (the prices of the matches read)",
    "nothing found",
  ])("%s: the same totals and pages as reading the documents", async (name) => {
    const search = criteria[name]!;
    const expected = await pages(search, false);
    // Small windows (often not enough: a second window, or every match) and the usual ones.
    expect(await pages(search, true, { factor: 1, largest: 200 })).toEqual(expected);
    expect(await pages(search, true, { factor: 3, largest: 200_000 })).toEqual(expected);
    if (name !== "nothing found") expect(expected[0]!.counts.all).toBeGreaterThan(0);
  });

  test("the bitmaps follow every write to the documents, including direct ones", async () => {
    const db = database.db;
    await db.execute(sql`update search_documents set verified = not verified, expires_on = current_date - 1
      where doc_type = 'offer' and id % 3 = 0`);
    await db.execute(sql`delete from search_documents where id % 11 = 0`);
    await db.execute(sql`update search_documents set category_ids = '{}', search_text = search_text || ' them'
      where id % 13 = 0`);
    // The bitmaps as they would be built from scratch now, and as the triggers left them: the same rows.
    const rebuilt = sql`select t.kind, t.term, (d.id >> 13)::int as chunk, search_bits((d.id & 8191)::int, 1)::text as bits
      from search_documents d, search_document_terms(d.search_text, d.title, d.province_id, d.doc_type, d.category_ids,
        d.offer_kind, d.address_province_id, d.commune_id, d.verified, d.ocop_stars, d.expires_on) t
      group by 1, 2, 3`;
    const kept = sql`select kind, term, chunk, bits::text from search_bitmaps`;
    const difference = await db.execute(
      sql`select count(*)::int as count from ((${rebuilt} except ${kept}) union all (${kept} except ${rebuilt})) x`,
    );
    expect((difference as unknown as { rows: { count: number }[] }).rows[0]!.count).toBe(0);
    for (const name of ["broad, no diacritics", "verified offers", "a category and OCOP stars"]) {
      const search = criteria[name]!;
      expect(await pages(search, true)).toEqual(await pages(search, false));
    }
  });
});

describe("when the newest documents are enough", () => {
  const word = (value: string, options: Partial<WordMatch> = {}): WordMatch => ({
    word: value,
    alternatives: [value],
    corrected: false,
    prefix: false,
    ...options,
  });

  test("the highest score: the phrase, each word, a correction half, the prefix half more", () => {
    expect(maximumScore([word("ca"), word("phe", { prefix: true })])).toBe(6.5);
    expect(maximumScore([word("hat"), word("dieuu", { alternatives: ["dieu"], corrected: true })])).toBe(1.5);
    expect(maximumScore([word("thu", { prefix: true })])).toBe(1.5);
    expect(maximumScore([])).toBe(0);
  });

  test("a full page of the highest score, or a window holding every match; nothing less", () => {
    const expected = { total: 100, wanted: 20, best: 6.5 };
    const page = (score: number, candidates: number) =>
      Array.from({ length: 10 }, () => ({ score, candidates }));
    expect(isWindowEnough(page(6.5, 50), expected)).toBe(true);
    expect(isWindowEnough(page(6, 50), expected)).toBe(false);
    expect(isWindowEnough(page(6, 100), expected)).toBe(true);
    expect(isWindowEnough(page(6.5, 15), expected)).toBe(false);
    expect(isWindowEnough([], { total: 0, wanted: 20, best: 0 })).toBe(true);
  });
});
