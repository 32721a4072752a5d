import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { executePrepared, textArray } from "../../../db/prepared.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import {
  canUseBitmaps,
  countsOfMatched,
  idList,
  idsOfBitmaps,
  matchedBitmaps,
  matchedBytes,
  maxPricedCandidates,
  newestMatches,
} from "./bitmaps.ts";
import { floorIndexOf, floorIndexState } from "./floor-index.ts";
import { canSearchInMemory, searchInMemory } from "./in-memory.ts";
import { allowedEdits, editDistance, normalizeQuery } from "./normalize.ts";
import {
  type CountColumns,
  countsQuery,
  isWindowEnough,
  maximumScore,
  pageQuery,
  type Row,
  scoreExpression,
} from "./page.ts";

/**
 * Search over the floor's `search_documents` (docs/adr/0004-floor-search.md).
 *
 * 1. The query is folded like the documents (normalize.ts) and split into words.
 * 2. Each word the floor's vocabulary (`search_words`) does not know is replaced by the known words within one
 *    or two edits (typos: "sna" → "san", "dieuu" → "dieu"); the last word also matches as a prefix ("thu" →
 *    "thuy", "thung"…).
 * 3. Documents match when every word (or one of its corrections) is in their text: by definition the full-text
 *    query over the expression GIN index on to_tsvector('simple', search_text), with the filters as plain
 *    predicates. When every word starts with a letter, the same matches are computed from the term bitmaps
 *    (bitmaps.ts), which give exact totals per type without reading the documents.
 * 4. The page is ordered by a score (page.ts: phrase in the title, then anywhere; each word whole in the title;
 *    corrected and prefix words weigh less) and then newest first. With the bitmaps, sorted by relevance or
 *    newest, it is first looked for among the newest documents (isWindowEnough); otherwise, and when that
 *    window cannot prove the page, every match is scored.
 */
export const searchTypes = ["all", "product", "offer", "enterprise"] as const;
export type SearchType = (typeof searchTypes)[number];
export const searchSorts = ["relevance", "newest", "price-asc", "price-desc"] as const;
export type SearchSort = (typeof searchSorts)[number];
export const maxPageSize = 50;
/** Deeper pages than this are refused: nobody reads them, and OFFSET makes them slow. */
export const maxPage = 500;

export type SearchCriteria = {
  q: string;
  type: SearchType;
  categoryId: number | null;
  kind: "sell" | "buy" | null;
  addressProvinceId: number | null;
  communeId: number | null;
  ocopMin: number | null;
  verifiedOnly: boolean;
  priceMin: bigint | null;
  priceMax: bigint | null;
  /** null: relevance when there is a query, otherwise newest. */
  sort: SearchSort | null;
  page: number;
  pageSize: number;
};

export const defaultCriteria: SearchCriteria = {
  q: "",
  type: "all",
  categoryId: null,
  kind: null,
  addressProvinceId: null,
  communeId: null,
  ocopMin: null,
  verifiedOnly: false,
  priceMin: null,
  priceMax: null,
  sort: null,
  page: 1,
  pageSize: 20,
};

export type SearchItem = {
  type: Exclude<SearchType, "all">;
  id: number;
  provinceId: number;
  enterpriseId: number;
  slug: string;
  title: string;
  titleEn: string | null;
  summary: string;
  enterpriseName: string;
  offerKind: "sell" | "buy" | null;
  ocopStars: number | null;
  verified: boolean;
  priceDong: bigint | null;
  expiresOn: string | null;
  publishedAt: Date;
  addressProvinceName: string | null;
  communeName: string | null;
  image: { storageKey: string; thumbnailKey: string | null } | null;
  score: number;
};

export type WordMatch = {
  /** The folded word typed. */
  word: string;
  /** What it matches: itself, or its corrections when the floor does not know it. */
  alternatives: string[];
  corrected: boolean;
  /** The last word: also matches words it begins. */
  prefix: boolean;
};

export type SearchResult = {
  criteria: SearchCriteria;
  sort: SearchSort;
  words: WordMatch[];
  /** Totals for each type tab under the same query and filters; `total` is the selected type's. */
  counts: Record<SearchType, number>;
  total: number;
  pageCount: number;
  items: SearchItem[];
};

const isWord = (token: string) => /^[a-z]+$/.test(token);

/**
 * The search generation (search_state) and which of the query's words the floor knows, in one statement: every
 * search starts with both.
 */
async function generationAndKnownWords(
  db: Executor,
  tokens: readonly string[],
): Promise<{ generation: number; known: Set<string> }> {
  const words = tokens.filter(isWord);
  const found = await executePrepared<{ generation: number; known: string[] | null }>(
    db,
    "search",
    sql`select generation::float8 as generation,
        array(select word from search_words where word = any(${textArray(words)})) as known
      from search_state where id = 1`,
  );
  return { generation: Number(found[0]?.generation ?? 0), known: new Set(found[0]?.known ?? []) };
}

/** What matchWords needs of the vocabulary, when it is at hand (the copy held in the process: floor-index.ts). */
type Vocabulary = {
  knows(word: string): boolean;
  hasPrefix(prefix: string): boolean;
  correctionCandidates(token: string, edits: number): readonly string[];
};

/**
 * Finds, for each word, whether the floor knows it, and the corrections of those it does not. `known`: the words
 * already known to be in the vocabulary (read with the generation), or the vocabulary itself; otherwise they are
 * read here.
 */
export async function matchWords(
  db: Executor,
  tokens: readonly string[],
  known?: Set<string> | Vocabulary,
): Promise<WordMatch[]> {
  if (tokens.length === 0) return [];
  const lastIndex = tokens.length - 1;
  known ??= (await generationAndKnownWords(db, tokens)).known;
  const vocabulary = known instanceof Set ? null : known;
  const isKnown = (word: string) => (known instanceof Set ? known.has(word) : known.knows(word));
  const matches: WordMatch[] = [];
  for (const [index, token] of tokens.entries()) {
    const prefix = index === lastIndex && token.length >= 2 && isWord(token);
    if (!isWord(token) || isKnown(token)) {
      matches.push({ word: token, alternatives: [token], corrected: false, prefix });
      continue;
    }
    if (prefix) {
      const begins =
        vocabulary?.hasPrefix(token) ??
        rows(
          await execute(db, sql`select 1 as found from search_words where word like ${`${token}%`} limit 1`),
        ).length > 0;
      if (begins) {
        matches.push({ word: token, alternatives: [token], corrected: false, prefix });
        continue;
      }
    }
    const corrections = await correctionsOf(db, token, vocabulary);
    matches.push({
      word: token,
      alternatives: corrections.length > 0 ? corrections : [token],
      corrected: corrections.length > 0,
      prefix: false,
    });
  }
  return matches;
}

/**
 * Known words closest to an unknown one: candidates that share its first letter and have about its length, or
 * are trigram neighbours (a typo in the first letter); kept when within the allowed edits, closest first.
 */
async function correctionsOf(db: Executor, token: string, vocabulary: Vocabulary | null): Promise<string[]> {
  const limit = allowedEdits(token);
  if (limit === 0) return [];
  const candidates =
    vocabulary?.correctionCandidates(token, limit) ??
    rows<{ word: string }>(
      await execute(
        db,
        sql`
    (select word from search_words
      where word like ${`${token.slice(0, 1)}%`}
        and length(word) between ${token.length - limit} and ${token.length + limit}
      limit 5000)
    union
    (select word from search_words where word % ${token} limit 200)`,
      ),
    ).map((row) => row.word);
  const scored = candidates
    .map((word) => ({ word, distance: editDistance(token, word, limit) }))
    .filter((candidate) => candidate.distance <= limit);
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((candidate) => candidate.distance));
  return scored
    .filter((candidate) => candidate.distance === best)
    .map((candidate) => candidate.word)
    .sort()
    .slice(0, 6);
}

/** The tsquery text: `(a | b) & c:*`. Words are [a-z0-9] only, so nothing in them is tsquery syntax. */
export function toTsquery(words: readonly WordMatch[]): string {
  return words
    .map((match) => {
      const alternatives = match.alternatives.map((word) => (match.prefix ? `${word}:*` : word));
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}

/** Search statements run prepared on PostgreSQL: planning the bitmap statement took about as long as running it (ADR 0004). */
async function execute(db: Executor, statement: SQL): Promise<{ rows: unknown[] }> {
  return { rows: await executePrepared(db, "search", statement) };
}

function rows<Row>(result: unknown): Row[] {
  // Both drivers (node-postgres, PGlite) answer raw SQL with `{ rows }`.
  return (result as { rows: Row[] }).rows;
}

/** The predicate shared by the counts and the page: the portal's provinces, open listings, query, filters. */
function predicate(
  scopeIds: readonly number[],
  criteria: SearchCriteria,
  tsquery: string | null,
  withType: boolean,
): SQL {
  const conditions: SQL[] = [
    sql`d.province_id = ${idList(scopeIds)}`,
    // Offers close at the end of their last day in Vietnam; documents are not rewritten at midnight.
    sql`(d.expires_on is null or d.expires_on >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)`,
  ];
  if (tsquery !== null)
    conditions.push(
      sql`to_tsvector('simple'::regconfig, d.search_text) @@ to_tsquery('simple'::regconfig, ${tsquery})`,
    );
  if (withType && criteria.type !== "all") conditions.push(sql`d.doc_type = ${criteria.type}`);
  if (criteria.categoryId !== null)
    conditions.push(sql`d.category_ids @> array[${criteria.categoryId}::int]`);
  if (criteria.kind !== null) conditions.push(sql`d.doc_type = 'offer' and d.offer_kind = ${criteria.kind}`);
  if (criteria.addressProvinceId !== null)
    conditions.push(sql`d.address_province_id = ${criteria.addressProvinceId}::int`);
  if (criteria.communeId !== null) conditions.push(sql`d.commune_id = ${criteria.communeId}::int`);
  if (criteria.ocopMin !== null) conditions.push(sql`d.ocop_stars >= ${criteria.ocopMin}::int`);
  if (criteria.verifiedOnly) conditions.push(sql`d.verified`);
  conditions.push(priceRange(criteria));
  return sql.join(conditions, sql` and `);
}

function priceRange(criteria: SearchCriteria): SQL {
  const conditions: SQL[] = [sql`true`];
  if (criteria.priceMin !== null)
    conditions.push(sql`d.price_dong >= ${criteria.priceMin.toString()}::bigint`);
  if (criteria.priceMax !== null)
    conditions.push(sql`d.price_dong <= ${criteria.priceMax.toString()}::bigint`);
  return sql.join(conditions, sql` and `);
}

/**
 * The window a broad query's page is looked for in: the newest documents of the scope, as many as should hold
 * `windowFactor` times the rows wanted (by relevance, first those with every word in the title, then any match),
 * at most `largestWindow`; when the window is not enough, the page is computed over every match.
 */
const defaultWindowFactor = 3;
const memoryWindowFactor = 1.5;
let windowFactor = defaultWindowFactor;
let largestWindow = 200_000;
let bitmapsEnabled = true;
/** SEARCH_MEMORY_INDEX=off: the bitmaps are read by SQL on every search instead of held in the process. */
let memoryEnabled = process.env.SEARCH_MEMORY_INDEX !== "off";

/** How many searches (not served by the result cache) were answered from the copy in the process, and by SQL. */
export const searchPaths = { memory: 0, sql: 0 };

export const searchIndexEnabled = () => memoryEnabled && bitmapsEnabled;

/** For the readiness check: whether searches are answered from the copy in the process yet. */
export const searchIndexState = (db: Executor) => floorIndexState(db, searchIndexEnabled());

/**
 * For tests: other windows, no copy of the bitmaps in the process (`memory: false`: SQL over the bitmaps), or no
 * bitmaps at all (every search then reads the matching documents).
 */
export function setSearchTuning(tuning: {
  bitmaps?: boolean;
  memory?: boolean;
  windowFactor?: number;
  largestWindow?: number;
}): void {
  bitmapsEnabled = tuning.bitmaps ?? bitmapsEnabled;
  memoryEnabled = tuning.memory ?? memoryEnabled;
  windowFactor = tuning.windowFactor ?? windowFactor;
  largestWindow = tuning.largestWindow ?? largestWindow;
}

/**
 * The result cache. Broad queries over a large floor ("ca phe": 120,000 of 1,000,000 listings) spend most of
 * their time counting matches in PostgreSQL's GIN index and heap (ADR 0004); popular queries repeat. A result
 * is kept under the search generation (search_state, incremented in the same transaction as every document
 * change) and today's date in Vietnam (offers close at midnight), so a cached total is exactly the total the
 * database would give now. One small query (the generation) per cached request. Per process, bounded, LRU.
 * SEARCH_RESULT_CACHE=off turns it off (the benchmark measures both).
 */
const cacheLimit = 2000;
const cache = new Map<string, SearchResult>();
const inFlight = new Map<string, Promise<SearchResult>>();
let cacheEnabled = process.env.SEARCH_RESULT_CACHE !== "off";

/** For tests and the benchmark. */
export function setSearchCache(enabled: boolean): void {
  cacheEnabled = enabled;
  cache.clear();
}

/** Searches the floor of the provinces `scopeIds` (a portal's scope, or every hosted province's). */
export async function searchFloor(
  db: Executor,
  scopeIds: readonly number[],
  criteria: SearchCriteria,
): Promise<SearchResult> {
  const { tokens } = normalizeQuery(criteria.q);
  if (!cacheEnabled && searchIndexEnabled() && floorIndexOf(db).ready) {
    // Without the result cache, and with the copy of the bitmaps loaded: one statement per search, the page's,
    // which also checks that the copy was at the database's generation (otherwise it catches up, and again).
    return searchFloorUncached(db, scopeIds, criteria, { generation: null, known: null });
  }
  const { generation, known } = await generationAndKnownWords(db, tokens);
  if (!cacheEnabled) return searchFloorUncached(db, scopeIds, criteria, { generation, known });
  const key = JSON.stringify([generation, todayInVietnam(), scopeIds, criteria], (_name, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last: the first key is the one to evict.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  // Identical searches arriving together share one database query instead of each counting the same matches.
  const running = inFlight.get(key);
  if (running) return running;
  const pending = searchFloorUncached(db, scopeIds, criteria, { generation, known }).finally(() =>
    inFlight.delete(key),
  );
  inFlight.set(key, pending);
  const result = await pending;
  cache.set(key, result);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * `state`: the search generation read at the start of the request, and the query's words the vocabulary knows;
 * both null when the copy of the bitmaps held in the process is used as it is, and its vocabulary (in-memory.ts
 * then checks the generation when it reads the page). Otherwise the search is answered from the copy once it is
 * loaded and brought to that generation.
 */
async function searchFloorUncached(
  db: Executor,
  scopeIds: readonly number[],
  criteria: SearchCriteria,
  state: { generation: number; known: Set<string> } | { generation: null; known: null },
  attempt = 0,
): Promise<SearchResult> {
  const { generation } = state;
  const { tokens } = normalizeQuery(criteria.q);
  const index = searchIndexEnabled() ? floorIndexOf(db) : null;
  const words = await matchWords(db, tokens, state.known ?? index ?? undefined);
  const tsquery = words.length > 0 ? toTsquery(words) : null;
  const sort: SearchSort = criteria.sort ?? (tsquery ? "relevance" : "newest");
  const counts: Record<SearchType, number> = { all: 0, product: 0, offer: 0, enterprise: 0 };
  if (scopeIds.length === 0) return { criteria, sort, words, counts, total: 0, pageCount: 0, items: [] };

  const hasPriceRange = criteria.priceMin !== null || criteria.priceMax !== null;
  const useBitmaps = bitmapsEnabled && canUseBitmaps(words);
  const offset = (criteria.page - 1) * criteria.pageSize;
  const wanted = offset + criteria.pageSize;
  const score = sort === "relevance" ? scoreExpression(words) : sql`0`;
  const page = { sort, score, limit: criteria.pageSize, offset };
  // Relevance and newest first: the page is looked for among the newest documents (isWindowEnough), by
  // relevance first among those with every word in the title (where the highest scores are).
  const windowed = useBitmaps && !hasPriceRange && (sort === "relevance" || sort === "newest");
  const windows = windowed
    ? [...(sort === "relevance" && words.length > 0 ? [true] : []), false].flatMap((top) =>
        // A window that falls short (fewer matches than average among the newest) is tried once more, larger.
        [1, 4].map((growth) => ({ top, wanted, factor: windowFactor * growth, largest: largestWindow })),
      )
    : [];
  let pageRows: Row[] | null = null;
  let counted = false;
  const inMemory = useBitmaps && index !== null && canSearchInMemory(index, criteria);
  if (generation === null && (!inMemory || attempt >= 2)) {
    // The words came from the copy's vocabulary: other paths read the database's, at its generation.
    return searchFloorUncached(db, scopeIds, criteria, await generationAndKnownWords(db, tokens));
  }
  if (inMemory) {
    // Twice at most: when the floor changes while the page is read, the copy catches up and the search runs again.
    for (let retry = 0; retry < 2; retry += 1) {
      if (generation !== null && !(await index.reach(generation))) break;
      const found = await searchInMemory(db, index, scopeIds, criteria, words, sort, {
        // The copy's window is the newest matches themselves (not the newest documents, of which a share match):
        // half again the rows wanted is enough when the newest best-titled matches have the highest score.
        factor: windowFactor === defaultWindowFactor ? memoryWindowFactor : windowFactor,
        largest: largestWindow,
        verified: generation !== null,
      });
      if (found === null) {
        await index.sync();
        // The copy's vocabulary may have changed too: the words are matched again.
        if (generation === null) return searchFloorUncached(db, scopeIds, criteria, state, attempt + 1);
        continue;
      }
      Object.assign(counts, found.counts);
      pageRows = found.pageRows;
      counted = true;
      break;
    }
  }
  searchPaths[counted ? "memory" : "sql"] += 1;
  if (counted) {
    // Counted in memory; the page too, unless it must be computed over every match (below).
  } else if (useBitmaps && hasPriceRange) {
    // The matches before the price range, from the bitmaps; when they are few, only their prices are read.
    const matched = matchedBitmaps(scopeIds, criteria, words);
    const chunks = rows<{ chunk: number; count: number; bytes: Uint8Array }>(
      await execute(db, matchedBytes(matched)),
    );
    if (chunks.reduce((sum, chunk) => sum + Number(chunk.count), 0) <= maxPricedCandidates) {
      const ids = idsOfBitmaps(chunks.map((chunk) => ({ chunk: Number(chunk.chunk), bytes: chunk.bytes })));
      const found = rows<Row & CountColumns>(
        await execute(
          db,
          pageQuery({
            ...page,
            // unnest, not `= any(…)`: the planner would estimate thousands of array elements one by one.
            with: sql`priced as (select d.* from unnest(${`{${ids.join(",")}}`}::bigint[]) as c(id)
                join search_documents d on d.id = c.id where ${priceRange(criteria)}),
              counts as (select ${sql.join(
                (["product", "offer", "enterprise"] as const).map(
                  (type) => sql`(count(*) filter (where doc_type = ${type}))::int as ${sql.raw(type)}`,
                ),
                sql`, `,
              )} from priced)`,
            from: sql`priced`,
            where: criteria.type === "all" ? sql`true` : sql`d.doc_type = ${criteria.type}`,
            countCandidates: false,
            counts: true,
          }),
        ),
      );
      for (const type of ["product", "offer", "enterprise"] as const) {
        counts[type] = Number(found[0]?.[`count_${type}`] ?? 0);
        counts.all += counts[type];
      }
      pageRows = found.filter((row) => row.doc_type !== null);
      counted = true;
    }
  } else if (useBitmaps) {
    // One statement: the totals from the bitmaps, and the page from the first window.
    const matched = matchedBitmaps(scopeIds, criteria, words);
    const windowPage = (window: (typeof windows)[number]) =>
      pageQuery({
        ...page,
        with: sql`${matched}, ${countsOfMatched(criteria.type)}, ${newestMatches(scopeIds, criteria.type, window)}`,
        from: sql`(select d.* from candidates c join search_documents d on d.id = c.id)`,
        where: sql`true`,
        countCandidates: true,
        counts: true,
      });
    const first = rows<Row & CountColumns>(
      await execute(
        db,
        windows[0] !== undefined ? windowPage(windows[0]) : countsQuery(matched, criteria.type),
      ),
    );
    for (const type of ["product", "offer", "enterprise"] as const) {
      counts[type] = Number(first[0]?.[`count_${type}`] ?? 0);
      counts.all += counts[type];
    }
    counted = true;
    const total = counts[criteria.type];
    const best = sort === "relevance" ? maximumScore(words) : 0;
    let found: Row[] = first.filter((row) => row.doc_type !== null);
    for (const [index, window] of windows.entries()) {
      if (total === 0 || offset >= total) break;
      if (index > 0) found = rows<Row>(await execute(db, windowPage(window)));
      if (isWindowEnough(found, { total: window.top ? Number.POSITIVE_INFINITY : total, wanted, best })) {
        pageRows = found;
        break;
      }
    }
  }
  if (!counted) {
    const countResult = await execute(
      db,
      sql`
      select d.doc_type, count(*)::int as count from search_documents d
      where ${predicate(scopeIds, criteria, tsquery, false)}
      group by d.doc_type`,
    );
    for (const row of rows<{ doc_type: SearchItem["type"]; count: number | string }>(countResult)) {
      counts[row.doc_type] = Number(row.count);
      counts.all += Number(row.count);
    }
  }
  const total = counts[criteria.type];
  const pageCount = Math.ceil(total / criteria.pageSize);
  if (total === 0 || offset >= total) return { criteria, sort, words, counts, total, pageCount, items: [] };
  pageRows ??= rows<Row>(
    await execute(
      db,
      pageQuery({
        ...page,
        with: null,
        from: sql`search_documents`,
        where: predicate(scopeIds, criteria, tsquery, true),
        countCandidates: false,
        counts: false,
      }),
    ),
  );
  const items = pageRows.map(
    (row): SearchItem => ({
      type: row.doc_type,
      id: Number(row.doc_id),
      provinceId: Number(row.province_id),
      enterpriseId: Number(row.enterprise_id),
      slug: row.slug,
      title: row.title,
      titleEn: row.title_en,
      summary: row.summary,
      enterpriseName: row.enterprise_name,
      offerKind: row.offer_kind,
      ocopStars: row.ocop_stars === null ? null : Number(row.ocop_stars),
      verified: row.verified,
      priceDong: row.price_dong === null ? null : BigInt(row.price_dong),
      expiresOn: row.expires_on === null ? null : String(row.expires_on).slice(0, 10),
      publishedAt: new Date(row.published_at),
      addressProvinceName: row.address_province_name,
      communeName: row.commune_name,
      image: row.storage_key ? { storageKey: row.storage_key, thumbnailKey: row.thumbnail_key } : null,
      score: Number(row.score),
    }),
  );
  return { criteria, sort, words, counts, total, pageCount, items };
}
