import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateListings } from "../../../../bench/generate-listings.ts";
import { createTestDatabase } from "../../../../test/helpers/database.ts";
import { categoryIdOf, provinceIdOf } from "../../../../test/helpers/floor.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../workflows/demo-data.ts";
import { loadReferenceData } from "../../../workflows/reference-data.ts";
import {
  bitCount,
  chunkOfVarbit,
  floorIndexOf,
  idsOf,
  trigramSimilarity,
  trigramsOf,
} from "./floor-index.ts";
import { isWindowEnough, maximumScore } from "./page.ts";
import {
  defaultCriteria,
  type SearchCriteria,
  searchFloor,
  searchPaths,
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
    "by price, lowest first": { q: "tom", sort: "price-asc" },
    "offers by price, highest first": { q: "", type: "offer", sort: "price-desc" },
    "a price range by newest": { q: "", priceMin: 100_000n, priceMax: 900_000n, sort: "newest" },
  });
  setSearchCache(false);
}, 300_000);

afterAll(async () => {
  setSearchTuning({ bitmaps: true, windowFactor: 3, largestWindow: 200_000 });
  setSearchCache(true);
  await database?.close();
});

/** documents: the full-text predicate over the documents; sql: the bitmaps in SQL; memory: held in the process. */
type Mode = "documents" | "sql" | "memory";

async function pages(
  search: Partial<SearchCriteria>,
  mode: Mode,
  tuning = { factor: 1, largest: 200 },
  scope: readonly number[] = scopeIds,
) {
  setSearchTuning({
    bitmaps: mode !== "documents",
    memory: mode === "memory",
    windowFactor: tuning.factor,
    largestWindow: tuning.largest,
  });
  if (mode === "memory") await floorIndexOf(database.db).load();
  const before = searchPaths.memory;
  const results = [];
  for (const page of [1, 2, 5]) {
    const result = await searchFloor(database.db, scope, {
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
  // The mode asked for is the one that answered.
  expect(searchPaths.memory - before).toBe(mode === "memory" ? 3 : 0);
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
    "by price, lowest first",
    "offers by price, highest first",
    "a price range by newest",
  ])("%s: the same totals and pages as reading the documents", async (name) => {
    const search = criteria[name]!;
    const expected = await pages(search, "documents");
    // Small windows (often not enough: a second window, or every match) and the usual ones.
    for (const mode of ["sql", "memory"] as const) {
      expect(await pages(search, mode, { factor: 1, largest: 200 })).toEqual(expected);
      expect(await pages(search, mode, { factor: 3, largest: 200_000 })).toEqual(expected);
    }
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
      const expected = await pages(search, "documents");
      expect(await pages(search, "sql")).toEqual(expected);
      expect(await pages(search, "memory")).toEqual(expected);
    }
  });
});

describe("the copy of the bitmaps in the process", () => {
  test("a scope with every province on the floor (the API without a province) is the same as any other", async () => {
    const every = await database.db.execute(sql`select id from provinces`);
    const all = (every as unknown as { rows: { id: number }[] }).rows.map((row) => row.id);
    for (const name of ["broad, no diacritics", "no words: the newest", "verified offers"]) {
      const expected = await pages(criteria[name]!, "documents", undefined, all);
      expect(await pages(criteria[name]!, "memory", undefined, all)).toEqual(expected);
    }
  });

  test("is read again whole when the removals it has not seen are forgotten", async () => {
    const db = database.db;
    const search = criteria["broad, no diacritics"]!;
    await pages(search, "memory");
    const index = floorIndexOf(db);
    const before = index.generation!;
    const loads = index.loads;
    // A write, then its removals forgotten (as after 10,000 generations): the copy cannot be brought up to date.
    await db.execute(sql`delete from search_documents where id = (select max(id) from search_documents
      where doc_type = 'product' and search_text like '%ca phe%')`);
    await db.execute(sql`update search_state set removed_horizon = generation where id = 1`);
    const expected = await pages(search, "documents");
    expect(await pages(search, "memory")).toEqual(expected);
    expect(index.generation).toBeGreaterThan(before);
    expect(index.loads).toBe(loads + 1);
  });

  test("trigram neighbours of a typo are pg_trgm's (the `%` operator, similarity 0.3)", async () => {
    const db = database.db;
    for (const token of ["dieuu", "caphe", "thuysna", "xoia", "hat"]) {
      const found = await db.execute(sql`select word, similarity(word, ${token})::float8 as similarity
        from search_words where word % ${token} order by word`);
      const expected = (found as unknown as { rows: { word: string; similarity: number }[] }).rows;
      const vocabulary = await db.execute(sql`select word from search_words order by word`);
      const computed = (vocabulary as unknown as { rows: { word: string }[] }).rows
        .map((row) => ({
          word: row.word,
          similarity: trigramSimilarity(trigramsOf(row.word), trigramsOf(token)),
        }))
        .filter((row) => row.similarity >= 0.3);
      expect(computed.map((row) => row.word)).toEqual(expected.map((row) => row.word));
      for (const [index, row] of computed.entries())
        expect(row.similarity).toBeCloseTo(expected[index]!.similarity, 5);
    }
  });

  test("bits are read in PostgreSQL's order, and counted", () => {
    // varbit_send: 4 bytes of length, then position 0 in the high bit of the first byte.
    const bytes = new Uint8Array(4 + 1024);
    bytes[4] = 0b1000_0001; // positions 0 and 7
    bytes[5 + 100] = 0b0010_0000; // position 808 + 2
    bytes[4 + 1023] = 0b0000_0001; // position 8191
    const words = chunkOfVarbit(bytes);
    expect(idsOf({ chunks: [2], words })).toEqual([16384, 16391, 17194, 24575]);
    expect(bitCount(0xffffffff)).toBe(32);
    expect(bitCount(0x80000001)).toBe(2);
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
