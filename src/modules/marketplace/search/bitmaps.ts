import { type SQL, sql } from "drizzle-orm";
import { intArray, textArray } from "../../../db/prepared.ts";
import type { SearchCriteria, SearchType, WordMatch } from "./query.ts";

/**
 * Searches through `search_bitmaps` (migration 0008, docs/adr/0004-floor-search.md): for each word, filter value,
 * OCOP star count and offer end date, one bitmap per chunk of 8,192 document ids, kept in step with
 * `search_documents` by triggers. The documents a search matches are the AND (across words and filters) of ORs
 * (a word's corrections, the words a prefix begins, the scope's provinces), minus the offers past their last day;
 * `bit_count` gives exact totals without reading a single document, however broad the query.
 */

/** Documents are bit `id & 8191` of chunk `id >> 13`. */
const chunkShift = 13;
const chunkMask = 8191;

/**
 * Whether the bitmaps hold every word this search needs: words that start with a letter (the bitmaps keep only
 * those: numbers and codes are many and rare). Prices are not terms: a price range is checked on the documents.
 */
export function canUseBitmaps(words: readonly WordMatch[]): boolean {
  return words.every((match) => match.alternatives.every((word) => /^[a-z]/.test(word)));
}

/** The smallest string above every string that starts with `prefix` (its words are [a-z0-9]). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * A list of terms as one array parameter (`term = any(…)`), so that the statement's text does not depend on how
 * many there are: query.ts runs it as a prepared statement, planned once per text.
 */
const list = (values: readonly string[]) => sql`any(${textArray(values)})`;

/** Province ids as one array parameter. */
export const idList = (ids: readonly number[]) => sql`any(${intArray(ids)})`;

/**
 * A set of documents a search ANDs with the others: the OR of some terms of one kind, given as a list or as the
 * terms from `from` on (all of them, or those starting with `from` when `prefix`).
 */
export type TermSet =
  | { kind: "w" | "f"; terms: readonly string[]; scope?: true }
  | { kind: "w" | "o"; from: string; prefix: boolean };

/**
 * The sets every matching document is in: the scope, the words (a word's corrections, or the words a prefix
 * begins), the filters (the same rules as the SQL predicate in query.ts, without the document type). Read by the
 * SQL below and by the copy held in the process (in-memory.ts).
 */
export function searchSets(
  scopeIds: readonly number[],
  criteria: SearchCriteria,
  words: readonly WordMatch[],
): TermSet[] {
  const facet = (term: string): TermSet => ({ kind: "f", terms: [term] });
  const result: TermSet[] = [{ kind: "f", terms: scopeIds.map((id) => `province:${id}`), scope: true }];
  for (const match of words)
    result.push(
      match.prefix ? { kind: "w", from: match.word, prefix: true } : { kind: "w", terms: match.alternatives },
    );
  if (criteria.categoryId !== null) result.push(facet(`category:${criteria.categoryId}`));
  if (criteria.kind !== null) result.push(facet(`kind:${criteria.kind}`));
  if (criteria.addressProvinceId !== null) result.push(facet(`address:${criteria.addressProvinceId}`));
  if (criteria.communeId !== null) result.push(facet(`commune:${criteria.communeId}`));
  if (criteria.verifiedOnly) result.push(facet("verified"));
  // OCOP stars are zero-padded to 6 characters, so that text order is number order.
  if (criteria.ocopMin !== null)
    result.push({ kind: "o", from: String(criteria.ocopMin).padStart(6, "0"), prefix: false });
  return result;
}

function setCondition(set: TermSet): SQL {
  const kind = sql`kind = ${sql.raw(`'${set.kind}'`)}`;
  if ("terms" in set) return sql`${kind} and term = ${list(set.terms)}`;
  // The tsquery `word:*`: every word that begins with it (and the word itself).
  if (set.prefix) return sql`${kind} and term >= ${set.from} and term < ${prefixEnd(set.from)}`;
  return sql`${kind} and term >= ${set.from}`;
}

const documentTypes = ["product", "offer", "enterprise"] as const;

/**
 * Common table expressions ending in `matched(chunk, bits, top, product, offer, enterprise)`: per chunk, the
 * documents of the scope that match the words and filters and are open (offers whose last day, in Vietnam, is not
 * past); `top`, those of them with every query word whole in the title (a correction counts), among which are all
 * the documents of the highest score; the documents of each type. One scan of the bitmaps gathers every set.
 */
export function matchedBitmaps(
  scopeIds: readonly number[],
  criteria: SearchCriteria,
  words: readonly WordMatch[],
): SQL {
  const conditions = searchSets(scopeIds, criteria, words).map(setCondition);
  const titles = words.map((match) => sql`kind = 't' and term = ${list(match.alternatives)}`);
  const expired = sql`kind = 'e' and term < to_char((now() at time zone 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD')`;
  // Products are the documents that are neither offers nor enterprises: their bitmaps are read only for the
  // products tab itself.
  const typeNames =
    criteria.type === "product" ? documentTypes : documentTypes.filter((type) => type !== "product");
  const types = typeNames.map((type) => sql`kind = 'f' and term = ${`type:${type}`}`);
  const aggregate = (condition: SQL, name: string) =>
    sql`bit_or(bits) filter (where ${condition}) as ${sql.raw(name)}`;
  const sets = [
    ...conditions.map((condition, index) => aggregate(condition, `s${index}`)),
    ...titles.map((condition, index) => aggregate(condition, `t${index}`)),
    ...types.map((condition, index) => aggregate(condition, typeNames[index]!)),
    aggregate(expired, "expired"),
  ];
  const all = [...conditions, ...titles, expired, ...types].map((condition) => sql`(${condition})`);
  const found = conditions.map((_condition, index) => `s${index}`).join(" & ");
  // A chunk without a title word has no top documents: the AND is null there, and so never matches a bit.
  const top =
    titles.length === 0 ? "bits" : ["bits", ...titles.map((_condition, index) => `t${index}`)].join(" & ");
  return sql`terms as materialized (
      select chunk, ${sql.join(sets, sql`, `)}
      from search_bitmaps where ${sql.join(all, sql` or `)}
      group by chunk),
    unexpired as (
      select t.*, case when expired is null then ${sql.raw(found)} else ${sql.raw(found)} & ~expired end as bits
      from terms t where ${sql.raw(conditions.map((_condition, index) => `s${index} is not null`).join(" and "))}),
    matched as materialized (
      select chunk, bits, ${sql.raw(top)} as top, ${sql.raw(criteria.type === "product" ? "product" : "null::bit varying as product")},
        offer, enterprise from unexpired)`;
}

/** The matching documents (or the top ones) of a chunk `m` of `matched`, of the selected type. */
function ofType(type: SearchType, top: boolean): SQL {
  const bits = sql.raw(top ? "m.top" : "m.bits");
  return type === "all" ? bits : sql`(${bits} & m.${sql.raw(type)})`;
}

/** `counts(product, offer, enterprise)`: the exact totals per type, from `matched`. */
/**
 * `counts(product, offer, enterprise, top, scope)`: the exact totals per type, from `matched`; of the selected
 * type, how many have every word in the title; about how many documents the scope has (for the window's size).
 */
export function countsOfMatched(type: SearchType): SQL {
  return sql`counts as (
    select all_types - offer - enterprise as product, offer, enterprise, top, scope from (
      select coalesce(sum(bit_count(m.bits)), 0)::int as all_types,
        coalesce(sum(bit_count(m.bits & m.offer)), 0)::int as offer,
        coalesce(sum(bit_count(m.bits & m.enterprise)), 0)::int as enterprise,
        coalesce(sum(bit_count(${ofType(type, true)})), 0)::int as top,
        (select coalesce(sum(bit_count(s0)), 0)::int from terms where s0 is not null) as scope
      from matched m) c)`;
}

/**
 * `candidates(id)`: the matching documents of the selected type (or the top ones) among the newest of the scope
 * (an index-only scan of search_documents_published_idx, then one bit test each): the window a broad query's
 * first pages are looked for in. The window is sized from `counts` so that it holds about `factor` times the
 * `wanted` documents, if they are spread evenly over time.
 */
export function newestMatches(
  scopeIds: readonly number[],
  type: SearchType,
  window: { top: boolean; wanted: number; factor: number; largest: number },
): SQL {
  const selected = window.top ? "top" : type === "all" ? "product + offer + enterprise" : type;
  return sql`newest as (
      select n.id from search_documents n
      where n.province_id = ${idList(scopeIds)}
      order by n.published_at desc, n.id desc
      limit (select least(${window.largest}::int, greatest(${window.wanted}::int,
        ceil(${window.wanted}::int * ${window.factor}::float8 * scope / greatest(${sql.raw(selected)}, 1))))::int
        from counts)),
    candidates as (
      select n.id from newest n join matched m on m.chunk = (n.id >> ${sql.raw(String(chunkShift))})::int
      where get_bit(${ofType(type, window.top)}, (n.id & ${sql.raw(String(chunkMask))})::int) = 1)`;
}

/** Above this many matches before the price range, the range is checked by reading the matches in SQL instead. */
export const maxPricedCandidates = 20_000;

/**
 * `with matched …`: per chunk, the matching documents (of every type, before the price range) as bytes, for
 * `idsOfBitmaps`. Prices are not terms: a search with a price range reads the prices of these documents only.
 */
export function matchedBytes(matched: SQL): SQL {
  return sql`with ${matched}
    select m.chunk, bit_count(m.bits)::int as count, varbit_send(m.bits) as bytes from matched m
    where bit_count(m.bits) > 0`;
}

/** The document ids set in the bitmaps `matchedBytes` returned (varbit_send: 4 bytes of length, then the bits). */
export function idsOfBitmaps(rows: readonly { chunk: number; bytes: Uint8Array }[]): number[] {
  const ids: number[] = [];
  for (const row of rows) {
    const base = row.chunk * (chunkMask + 1);
    for (let index = 4; index < row.bytes.length; index += 1) {
      const byte = row.bytes[index]!;
      if (byte === 0) continue;
      for (let bit = 0; bit < 8; bit += 1) if (byte & (128 >> bit)) ids.push(base + (index - 4) * 8 + bit);
    }
  }
  return ids;
}
