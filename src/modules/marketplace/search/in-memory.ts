import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { executePrepared, executePreparedWithFirst } from "../../../db/prepared.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import { maxPricedCandidates, searchSets, type TermSet } from "./bitmaps.ts";
import type { Chunks, FloorIndex, Matches } from "./floor-index.ts";
import { isWindowEnough, maximumScore, pageQuery, type Row, scoreExpression } from "./page.ts";
import { placeNamesOf } from "./place-names.ts";
import type { SearchCriteria, SearchSort, SearchType, WordMatch } from "./query.ts";

/**
 * A search answered from the bitmaps held in the web process (floor-index.ts): the same sets as the SQL of
 * bitmaps.ts (scope, words, filters, minus the offers past their last day), ANDed and ORed here; exact totals by
 * counting bits; the page then read from PostgreSQL by id. Sorted by newest or by price, the page's ids are known
 * exactly here. By relevance, whose score reads the text (page.ts), the newest matches with every word in the title,
 * then the newest matches, are scored by PostgreSQL; the page is taken from them when isWindowEnough proves it,
 * otherwise every match is scored when they are at most 20,000, otherwise the caller computes the page in SQL.
 */
export type InMemoryResult = {
  counts: Record<SearchType, number>;
  /** null: the page must be computed in SQL over every match. */
  pageRows: Row[] | null;
};

/**
 * Windows of the newest matches, as in query.ts: `factor` times the rows wanted, then four times more. `verified`:
 * the caller has brought the copy to the generation it read at the start of the request; otherwise the statement
 * that reads the page checks it (and a search without a page reads it).
 */
export type WindowTuning = { factor: number; largest: number; verified: boolean };

type Sets = { selected: Matches; top: Matches | null; topCount: number; counts: Record<SearchType, number> };

function setsOf(
  index: FloorIndex,
  scopeIds: readonly number[],
  criteria: SearchCriteria,
  words: readonly WordMatch[],
  withTitles: boolean,
): Sets {
  const facet = (values: readonly string[]) => index.union("f", values);
  const described = searchSets(scopeIds, criteria, words);
  // A scope with every province on the floor (the API without `province`) selects nothing: not ANDed, unless it
  // is the only set.
  const wholeFloor = (set: TermSet) =>
    "terms" in set &&
    set.scope === true &&
    described.length > 1 &&
    index.coversAll("f", "province:", set.terms);
  const sets: Chunks[] = described
    .filter((set) => !wholeFloor(set))
    .map((set) =>
      "terms" in set
        ? index.union(set.kind, set.terms)
        : index.unionWhere(set.kind, `${set.from}${set.prefix ? "*" : "+"}`, set.from, (term) =>
            set.prefix ? term.startsWith(set.from) : true,
          ),
    );
  const today = todayInVietnam();
  const expired = index.unionWhere("e", `<${today}`, "", (term) => term < today);
  const hasPriceRange = criteria.priceMin !== null || criteria.priceMax !== null;
  const { counts, selected, top, topCount } = index.evaluate({
    sets,
    without: [expired],
    price: hasPriceRange
      ? {
          min: criteria.priceMin === null ? Number.NEGATIVE_INFINITY : Number(criteria.priceMin),
          max: criteria.priceMax === null ? Number.POSITIVE_INFINITY : Number(criteria.priceMax),
        }
      : null,
    offers: facet(["type:offer"]),
    enterprises: facet(["type:enterprise"]),
    type: criteria.type,
    // Relevance: the matches with every query word whole in the title, where the highest scores are.
    titles: withTitles ? words.map((match) => index.union("t", match.alternatives)) : null,
  });
  return {
    selected,
    top,
    topCount,
    counts: { ...counts, product: counts.all - counts.offer - counts.enterprise },
  };
}

/** Whether this search can be answered here: the copy is current and holds what the search needs. */
export function canSearchInMemory(index: FloorIndex, criteria: SearchCriteria): boolean {
  const hasPriceRange = criteria.priceMin !== null || criteria.priceMax !== null;
  return index.ready && (!hasPriceRange || index.canCheckPrices);
}

/**
 * The totals and the page; null when the floor changed while the page was being read (the caller brings the copy
 * up to date and asks again).
 */
export async function searchInMemory(
  db: Executor,
  index: FloorIndex,
  scopeIds: readonly number[],
  criteria: SearchCriteria,
  words: readonly WordMatch[],
  sort: SearchSort,
  tuning: WindowTuning,
): Promise<InMemoryResult | null> {
  const withTitles = sort === "relevance" && words.length > 0;
  const sets = setsOf(index, scopeIds, criteria, words, withTitles);
  try {
    return await pageOf(db, index, sets, criteria, words, sort, tuning);
  } finally {
    index.release(sets.selected, sets.top);
  }
}

async function pageOf(
  db: Executor,
  index: FloorIndex,
  { selected, top, topCount, counts }: Sets,
  criteria: SearchCriteria,
  words: readonly WordMatch[],
  sort: SearchSort,
  tuning: WindowTuning,
): Promise<InMemoryResult | null> {
  const generation = index.generation;
  const total = counts[criteria.type];
  const offset = (criteria.page - 1) * criteria.pageSize;
  const wanted = offset + criteria.pageSize;
  if (total === 0 || offset >= total) {
    if (tuning.verified) return { counts, pageRows: [] };
    const [state] = await executePrepared<{ generation: number }>(
      db,
      "search",
      sql`select generation::float8 as generation from search_state where id = 1`,
    );
    return Number(state?.generation) === generation ? { counts, pageRows: [] } : null;
  }

  // The statement's text and parameters depend on the words, the order and the page, except the ids: rendered once.
  const shape = `${sort}\u0000${criteria.pageSize}\u0000${JSON.stringify(words)}`;
  const read = async (ids: readonly number[], options: { offset: number; score: boolean }) => {
    const list = `{${ids.join(",")}}`;
    const build = () => {
      const page = pageQuery({
        with: sql`listed as (select unnest(${list}::bigint[]) as id)`,
        from: sql`(select d.* from listed l join search_documents d on d.id = l.id)`,
        where: sql`true`,
        sort,
        score: options.score ? scoreExpression(words) : sql`0`,
        limit: criteria.pageSize,
        offset: options.offset,
        countCandidates: false,
        counts: false,
        placeNames: false,
      });
      // The rows as one JSON text (parsed natively: a third of the web process's time per search went to the
      // driver's parsing of ~20 rows × 22 columns), with the generation read in the same snapshot.
      return sql`select (select coalesce(json_agg(p order by p.position), '[]')::text from (${page}) p) as page,
          s.generation::float8 as generation, s.names_version::float8 as names_version
        from search_state s where s.id = 1`;
    };
    const [result] = await executePreparedWithFirst<{
      generation: number;
      names_version: number;
      page: string;
    }>(db, "search", `${shape}\u0000${options.offset}\u0000${options.score}`, list, build);
    const found = JSON.parse(result?.page ?? "[]") as Row[];
    // At the copy's generation, every id read is there, as the copy has it.
    const expected = Math.min(criteria.pageSize, Math.max(0, ids.length - options.offset));
    if (Number(result?.generation) !== generation || found.length !== expected) return null;
    for (const row of found) row.candidates = ids.length;
    await placeNamesOf(db).name(found, Number(result?.names_version));
    return found;
  };

  if (sort !== "relevance") {
    const ids = index.first(selected, wanted, sort).slice(offset);
    const rows = await read(ids, { offset: 0, score: false });
    return rows === null ? null : { counts, pageRows: rows };
  }
  const best = maximumScore(words);
  const windows = [...(top !== null ? [top] : []), selected];
  for (const set of windows) {
    const isTop = set === top;
    const size = isTop ? topCount : total;
    for (const growth of [1, 4]) {
      const limit = Math.min(tuning.largest, Math.max(wanted, Math.ceil(wanted * tuning.factor * growth)));
      const ids = index.first(set, limit, "newest");
      const rows = await read(ids, { offset, score: true });
      if (rows === null) return null;
      if (isWindowEnough(rows, { total: isTop ? Number.POSITIVE_INFINITY : total, wanted, best }))
        return { counts, pageRows: rows };
      // A window that already held every document of its set cannot grow.
      if (limit >= size) break;
    }
  }
  if (total > maxPricedCandidates) return { counts, pageRows: null };
  const rows = await read(index.first(selected, total, "newest"), { offset, score: true });
  return rows === null ? null : { counts, pageRows: rows };
}
