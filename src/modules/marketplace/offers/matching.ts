import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import { foldVietnamese } from "../../../platform/text.ts";
import { formatDate, formatNumber } from "../../../platform/vn-format.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { provinces } from "../../geo/schema.ts";
import { offerMatches, offers } from "../schema.ts";
import { marketplaceLink } from "./links.ts";
import { mailEnterprise } from "./recipients.ts";

/** How many matches are kept per offer. */
export const matchLimit = 20;

/**
 * Words that say what kind of listing it is rather than what is traded ("cần mua 50 tấn cà phê" → "ca phe").
 * They are removed from the buy offer's title before it is compared with listings, so every RFQ does not look
 * alike to the trigram measure. Folded (no diacritics), longest first.
 */
const listingWords = [
  "tim nha cung cap",
  "can tim mua",
  "can mua gap",
  "chao mua",
  "chao ban",
  "can mua",
  "can ban",
  "thu mua",
  "cung cap",
  "dat hang",
  "nhu cau",
  "want to buy",
  "looking for",
  "request for quotation",
  "wanted",
  "buying",
  "supply",
  "mua",
  "ban",
  "rfq",
];
const listingWordsPattern = new RegExp(`\\b(?:${listingWords.join("|")})\\b`, "g");
/** Quantities with their units ("50 tan", "1.000 kg", "20 cont") say nothing about the goods either. */
const quantityPattern =
  /\b\d[\d.,]*\s*(?:tan|ta|kg|g|tan\/thang|cont(?:ainer)?s?|thung|bao|chiec|cai|m2|m3|m|lit|l|t)?\b/g;

/** The folded words of a title that name the goods: "Cần mua 50 tấn Cà phê Robusta" → "ca phe robusta". */
export function goodsText(title: string): string {
  const folded = foldVietnamese(title);
  const stripped = folded
    .replace(listingWordsPattern, " ")
    .replace(quantityPattern, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return stripped.length >= 3 ? stripped : folded;
}

/**
 * A full-text query that finds the listings naming the goods, for the candidate set (the GIN index on
 * `to_tsvector('simple', search_text)` answers it): adjacent syllables as phrases, since Vietnamese words are
 * made of syllables ("ca phe robusta" → "ca <-> phe | phe <-> robusta"); a single syllable alone. Null when the
 * title names nothing searchable.
 */
export function goodsQuery(goods: string): string | null {
  const words = goods
    .split(" ")
    .filter((word) => /^[a-z0-9]{1,30}$/.test(word))
    .slice(0, 8);
  if (words.length === 0) return null;
  if (words.length === 1) return words[0]!;
  return words
    .slice(1)
    .map((word, index) => `${words[index]} <-> ${word}`)
    .join(" | ");
}

/** The least text score at which a listing of an unrelated category still counts as a match. */
const textOnlyThreshold = 0.45;

type Candidate = {
  doc_type: "product" | "offer";
  doc_id: number;
  enterprise_id: number;
  title: string;
  category_score: number;
  text_score: number;
  same_province: boolean;
  score: number;
};

/**
 * Ranks the listings an offer matches. A buy offer looks for published products and sell offers; a sell offer
 * for open buy offers. Both read `search_documents`, which holds only public listings (published, of verified
 * enterprises, offers not closed and not past their last day).
 *
 * The score (0…1) combines:
 * - category (weight 0.4): 1 for the same category, 0.8 for a listing in a sub-category of the offer's,
 *   0.6 for one filed under an ancestor of the offer's category, 0.3 for one sharing only the top-level
 *   group (`categories.path`, copied into `search_documents.category_ids` as the ancestors of the listing);
 * - text (weight 0.5): pg_trgm's `word_similarity` between the goods named in the offer's title (listing words
 *   and quantities removed) and the listing's folded text, or between the listing's title and the offer's
 *   title and specification, whichever is higher (a product "Cà phê Robusta" inside "Cần mua cà phê Robusta
 *   loại 1, sàng 18");
 * - province (weight 0.1): the listing is on this portal or its enterprise is based in the offer's province.
 *
 * Candidates come through indexes only (GIN on `category_ids`, GIN on the 'simple' tsvector of `search_text`):
 * listings in the offer's category, below it or above it, and listings naming the goods (see `goodsQuery`);
 * the trigram scores are computed for those alone, so matching stays fast on a floor of a million listings.
 * A candidate counts when its category is the same, below or above the offer's (category score ≥ 0.6), or when
 * its text is close enough on its own (≥ 0.45). The offer's own enterprise is never matched.
 */
async function rankCandidates(
  db: Executor,
  offer: {
    id: number;
    kind: "sell" | "buy";
    enterpriseId: number;
    provinceId: number;
    categoryPath: number[];
    addressProvinceId: number | null;
    title: string;
    specification: string;
  },
): Promise<Candidate[]> {
  const categoryId = offer.categoryPath[offer.categoryPath.length - 1] ?? 0;
  const rootId = offer.categoryPath[0] ?? 0;
  const path = sql`array[${sql.join(
    offer.categoryPath.map((id) => sql`${id}::int`),
    sql`, `,
  )}]::int[]`;
  const goods = goodsText(offer.title);
  const textQuery = goodsQuery(goods);
  const full = foldVietnamese(`${offer.title} ${offer.specification.slice(0, 400)}`);
  const wanted =
    offer.kind === "buy"
      ? sql`(sd.doc_type = 'product' or (sd.doc_type = 'offer' and sd.offer_kind = 'sell'))`
      : sql`(sd.doc_type = 'offer' and sd.offer_kind = 'buy')`;
  const result = await db.execute(sql`
    with scored as (
      select sd.doc_type, sd.doc_id, sd.enterprise_id, sd.title, sd.published_at,
        case
          when sd.category_ids[array_upper(sd.category_ids, 1)] = ${categoryId} then 1.0
          when sd.category_ids @> array[${categoryId}::int] then 0.8
          when sd.category_ids[array_upper(sd.category_ids, 1)] = any(${path}) then 0.6
          when sd.category_ids[1] = ${rootId} then 0.3
          else 0
        end as category_score,
        greatest(word_similarity(${goods}, sd.search_text),
          word_similarity(fold_vietnamese(sd.title), ${full})) as text_score,
        (sd.province_id = ${offer.provinceId}
          or sd.address_province_id is not distinct from ${offer.addressProvinceId}::int
            and ${offer.addressProvinceId}::int is not null) as same_province
      from search_documents sd
      where ${wanted}
        and sd.enterprise_id <> ${offer.enterpriseId}
        and not (sd.doc_type = 'offer' and sd.doc_id = ${offer.id})
        and (sd.expires_on is null or sd.expires_on >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)
        and (sd.category_ids @> array[${categoryId}::int]
          or (sd.category_ids <@ ${path} and cardinality(sd.category_ids) > 0)
          or ${textQuery === null ? sql`false` : sql`to_tsvector('simple'::regconfig, sd.search_text) @@ to_tsquery('simple'::regconfig, ${textQuery})`})
    )
    select doc_type, doc_id, enterprise_id, title, category_score::float8 as category_score,
      text_score::float8 as text_score, same_province,
      (0.4 * category_score + 0.5 * text_score + case when same_province then 0.1 else 0 end)::float8 as score
    from scored
    where category_score >= 0.6 or text_score >= ${textOnlyThreshold}
    order by score desc, published_at desc, doc_id
    limit ${matchLimit}`);
  // Both drivers (node-postgres, PGlite) answer raw SQL with `{ rows }`.
  return (result as unknown as { rows: Candidate[] }).rows.map((row) => ({
    ...row,
    doc_id: Number(row.doc_id),
    enterprise_id: Number(row.enterprise_id),
    score: Number(row.score),
  }));
}

/**
 * Called by moderation, in its transaction, right after an offer becomes `published` and its search document
 * has been refreshed. Computes the offer's matches and stores them in `offer_matches` (replacing the previous
 * ones when an edited offer is published again). For a buy offer, every matched enterprise not yet told about
 * this offer receives ONE e-mail (to its active members and its storefront's contact address) with a link to
 * the offer, and its matches are marked `notifiedAt`. A sell offer's matches (open buy offers) are only shown
 * to the seller. Returns the number of matches stored and of enterprises notified.
 */
export async function onOfferPublished(
  db: Executor,
  ctx: { provinceId: number },
  offerId: number,
): Promise<{ matches: number; notified: number }> {
  const [offer] = await db
    .select({
      id: offers.id,
      provinceId: offers.provinceId,
      enterpriseId: offers.enterpriseId,
      kind: offers.kind,
      slug: offers.slug,
      title: offers.title,
      specification: offers.specification,
      quantity: offers.quantity,
      unit: offers.unit,
      expiresOn: offers.expiresOn,
      status: offers.status,
      categoryPath: sql<number[]>`(select c.path from categories c where c.id = ${offers.categoryId})`,
      buyerName: enterprises.name,
      addressProvinceId: enterprises.addressProvinceId,
      provinceSlug: provinces.slug,
    })
    .from(offers)
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .innerJoin(provinces, eq(provinces.id, offers.provinceId))
    // The portal's own offers, or those of a former province merged into it.
    .where(
      and(
        eq(offers.id, offerId),
        sql`${offers.provinceId} in (select p.id from provinces p where p.id = ${ctx.provinceId}
          or p.successor_id = ${ctx.provinceId})`,
      ),
    );
  if (offer?.status !== "published") return { matches: 0, notified: 0 };

  const candidates = await rankCandidates(db, { ...offer, categoryPath: offer.categoryPath ?? [] });

  // Keep the rows (and their notifiedAt) of listings that still match; drop the others; add the new ones.
  const keep = candidates.map((row) => `${row.doc_type}:${row.doc_id}`);
  const existing = await db
    .select({ id: offerMatches.id, matchType: offerMatches.matchType, matchedId: offerMatches.matchedId })
    .from(offerMatches)
    .where(eq(offerMatches.offerId, offer.id));
  const stale = existing.filter((row) => !keep.includes(`${row.matchType}:${row.matchedId}`));
  if (stale.length > 0) {
    await db.delete(offerMatches).where(
      inArray(
        offerMatches.id,
        stale.map((row) => row.id),
      ),
    );
  }
  for (const row of candidates) {
    await db
      .insert(offerMatches)
      .values({
        offerId: offer.id,
        matchType: row.doc_type,
        matchedId: row.doc_id,
        enterpriseId: row.enterprise_id,
        score: row.score,
      })
      .onConflictDoUpdate({
        target: [offerMatches.offerId, offerMatches.matchType, offerMatches.matchedId],
        set: { score: row.score, enterpriseId: row.enterprise_id },
      });
  }
  if (offer.kind !== "buy" || candidates.length === 0) return { matches: candidates.length, notified: 0 };

  // One message per enterprise, only to enterprises never told about this offer before.
  const alreadyTold = new Set(
    (
      await db
        .selectDistinct({ enterpriseId: offerMatches.enterpriseId })
        .from(offerMatches)
        .where(and(eq(offerMatches.offerId, offer.id), isNotNull(offerMatches.notifiedAt)))
    ).map((row) => row.enterpriseId),
  );
  const byEnterprise = new Map<number, Candidate[]>();
  for (const row of candidates) {
    if (alreadyTold.has(row.enterprise_id)) continue;
    byEnterprise.set(row.enterprise_id, [...(byEnterprise.get(row.enterprise_id) ?? []), row]);
  }
  const t = createTranslator("vi");
  const link = marketplaceLink(`/${offer.provinceSlug}/offers/${offer.slug}`);
  let notified = 0;
  for (const [enterpriseId, rows] of byEnterprise) {
    const sent = await mailEnterprise(db, {
      provinceId: offer.provinceId,
      enterpriseId,
      subject: t("offers.mail.match.subject", { title: offer.title }),
      text: t("offers.mail.match.body", {
        buyer: offer.buyerName,
        title: offer.title,
        quantity: formatNumber(offer.quantity, { maximumFractionDigits: 3 }),
        unit: offer.unit,
        expiresOn: formatDate(offer.expiresOn),
        matched: rows.map((row) => `- ${row.title}`).join("\n"),
        link,
      }),
    });
    if (!sent) continue;
    notified += 1;
    await db
      .update(offerMatches)
      .set({ notifiedAt: new Date() })
      .where(and(eq(offerMatches.offerId, offer.id), eq(offerMatches.enterpriseId, enterpriseId)));
  }
  return { matches: candidates.length, notified };
}
