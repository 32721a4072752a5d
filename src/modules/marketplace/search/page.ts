import { type SQL, sql } from "drizzle-orm";
import { countsOfMatched } from "./bitmaps.ts";
import type { SearchItem, SearchSort, SearchType, WordMatch } from "./query.ts";

/**
 * The page of a search (query.ts): the relevance score, the order, the statement that reads the page with its
 * names and image, and the rule that says when the newest documents are enough to know the page
 * (docs/adr/0004-floor-search.md).
 */

/**
 * The relevance score of a document `d`, from cheap string tests (strpos, no regular expressions: a broad query
 * scores every match) on the folded text, whose start is the folded title ("title" below, with punctuation
 * turned into spaces and padded, so " word " finds a whole word):
 * the typed phrase in the title 4, elsewhere 2; each word whole in the title 1 (a correction 0.5); the last
 * word starting a word of the title 0.5.
 */
export function scoreExpression(words: readonly WordMatch[]): SQL {
  if (words.length === 0) return sql`0`;
  // Computed once per row in the page query (a LATERAL subquery `w`).
  const title = sql`w.title_words`;
  const parts: SQL[] = [];
  if (words.every((match) => !match.corrected) && words.length > 1) {
    const phrase = words.map((match) => match.word).join(" ");
    parts.push(sql`(case when strpos(${title}, ${` ${phrase}`}) > 0 then 4
      when strpos(d.search_text, ${phrase}) > 0 then 2 else 0 end)`);
  }
  for (const match of words) {
    const weight = match.corrected ? 0.5 : 1;
    const whole = match.alternatives.map((word) => sql`strpos(${title}, ${` ${word} `}) > 0`);
    parts.push(sql`(case when ${sql.join(whole, sql` or `)} then ${weight}::float8 else 0 end)`);
    if (match.prefix)
      parts.push(sql`(case when strpos(${title}, ${` ${match.word}`}) > 0 then 0.5::float8 else 0 end)`);
  }
  return sql.join(parts, sql` + `);
}

export function orderBy(sort: SearchSort): SQL {
  switch (sort) {
    case "relevance":
      return sql`score desc, d.published_at desc, d.id desc`;
    case "newest":
      return sql`d.published_at desc, d.id desc`;
    case "price-asc":
      return sql`d.price_dong asc nulls last, d.published_at desc, d.id desc`;
    case "price-desc":
      return sql`d.price_dong desc nulls last, d.published_at desc, d.id desc`;
  }
}

export type Row = {
  doc_type: SearchItem["type"];
  doc_id: number | string;
  province_id: number;
  enterprise_id: number;
  slug: string;
  title: string;
  title_en: string | null;
  summary: string;
  enterprise_name: string;
  offer_kind: "sell" | "buy" | null;
  ocop_stars: number | null;
  verified: boolean;
  price_dong: string | number | null;
  expires_on: string | Date | null;
  published_at: string | Date;
  address_province_name: string | null;
  commune_name: string | null;
  /** With `placeNames: false`, the ids the names are taken from (place-names.ts). */
  address_province_id?: number | null;
  commune_id?: number | null;
  storage_key: string | null;
  thumbnail_key: string | null;
  score: number | string;
  candidates?: number | string;
};

export type CountColumns = { count_product: number; count_offer: number; count_enterprise: number };

/** The totals alone (sorted by price: the page is read from the documents). */
export function countsQuery(matched: SQL, type: SearchType): SQL {
  return sql`with ${matched}, ${countsOfMatched(type)}
    select product as count_product, offer as count_offer, enterprise as count_enterprise, null as doc_type
    from counts`;
}

/**
 * The page: `from` (search_documents or the window's candidates) filtered by `where`, ordered, with the names of
 * the address province and commune and the image; `candidates` counts the rows before the limit. With `counts`
 * (the bitmaps' `counts` table expression), each row also carries the totals, and one row (without a document)
 * is returned when the page is empty.
 */
export function pageQuery(options: {
  with: SQL | null;
  from: SQL;
  where: SQL;
  sort: SearchSort;
  score: SQL;
  limit: number;
  offset: number;
  countCandidates: boolean;
  counts: boolean;
  /** false: the ids of the address province and commune instead of their names. */
  placeNames?: boolean;
}): SQL {
  const ctes = options.with === null ? sql`with` : sql`with ${options.with},`;
  const candidates = options.countCandidates ? sql`count(*) over ()` : sql`null::bigint`;
  // `offset 0` keeps the title's words a subquery computed once per row: inlined, PostgreSQL computed them again in
  // every strpos of the score. The names are read by key per row of the page: as joins, the generic plan (which
  // expects one row) scanned every province for each row.
  const page = sql`page as (
      select d.*, (${options.score})::float8 as score, ${candidates} as candidates from ${options.from} d
      cross join lateral (select ' ' || translate(left(d.search_text, char_length(d.title)), ',.;:()/-&+''"',
        '            ') || ' ' as title_words offset 0) w
      where ${options.where}
      order by ${orderBy(options.sort)}
      limit ${options.limit} offset ${options.offset}
    )`;
  const select = sql`select d.doc_type, d.doc_id, d.province_id, d.enterprise_id, d.slug, d.title, d.title_en,
      d.summary, d.enterprise_name, d.offer_kind, d.ocop_stars, d.verified, d.price_dong::text as price_dong,
      d.expires_on::text as expires_on, d.published_at,
      ${
        options.placeNames === false
          ? sql`d.address_province_id, d.commune_id`
          : sql`(select ap.name from provinces ap where ap.id = d.address_province_id) as address_province_name,
      (select cm.name from communes cm where cm.id = d.commune_id) as commune_name`
      },
      f.storage_key, f.thumbnail_key, d.score, d.candidates,
      row_number() over (order by ${orderBy(options.sort)}) as position
    from page d
    left join uploaded_files f on f.id = d.image_file_id`;
  if (!options.counts) return sql`${ctes} ${page} ${select} order by position`;
  return sql`${ctes} ${page}
    select c.product as count_product, c.offer as count_offer, c.enterprise as count_enterprise, p.*
    from counts c left join (${select}) p on true
    order by p.position`;
}

/** The highest score `scoreExpression` can give: every part of it earned. */
export function maximumScore(words: readonly WordMatch[]): number {
  let best = words.length > 1 && words.every((match) => !match.corrected) ? 4 : 0;
  for (const match of words) best += (match.corrected ? 0.5 : 1) + (match.prefix ? 0.5 : 0);
  return best;
}

/**
 * Whether the page found among the newest documents is the page over all matches. It is when the window holds
 * every match, or when the page is full and its last row has the highest possible score: a match outside the
 * window is older than every row inside, so it can only come after rows of the same (highest) score, and the
 * rows ranked before the page are those of the window too. (Sorted by newest, a full page suffices.)
 */
export function isWindowEnough(
  page: readonly { score: number | string; candidates?: number | string }[],
  expected: { total: number; wanted: number; best: number },
): boolean {
  const candidates = Number(page[0]?.candidates ?? 0);
  if (candidates >= expected.total) return true;
  if (candidates < expected.wanted) return false;
  const last = page.at(-1);
  return last !== undefined && Number(last.score) >= expected.best - 1e-9;
}
