import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";

/**
 * Keeps `search_documents` in step with the floor. Each function rewrites the document of one thing from its
 * current rows (or removes it when the thing is no longer public); services call them in the transaction that
 * made the change. The folded text is built by the database's `fold_vietnamese`, the same folding the queries use.
 *
 * Public means: a published product of a verified enterprise; a published buy or sell offer of a verified
 * enterprise, not closed and not past its last day; a verified enterprise whose storefront is published.
 */
const insertColumns = sql`insert into search_documents (
      province_id, doc_type, doc_id, enterprise_id, slug, title, title_en, summary, enterprise_name, category_ids,
      offer_kind, address_province_id, commune_id, ocop_stars, verified, price_dong, image_file_id, expires_on,
      published_at, search_text)`;

const productDocuments = (condition: SQL) => sql`
    ${insertColumns}
    select p.province_id, 'product', p.id, e.id, p.slug, p.name, p.name_en, left(p.description, 300), e.name,
      c.path, null, e.address_province_id, e.commune_id,
      case when p.ocop_expires_on is null or p.ocop_expires_on >= current_date then p.ocop_stars end,
      s.badge_granted_at is not null, p.price_dong,
      (select pi.file_id from product_images pi where pi.product_id = p.id order by pi.position limit 1),
      null, coalesce(p.published_at, now()),
      fold_vietnamese(concat_ws(' ', p.name, p.name_en, c.name, c.name_en, p.hs_code, p.origin, e.name,
        left(p.description, 2000)))
    from products p
    join enterprises e on e.id = p.enterprise_id
    join categories c on c.id = p.category_id
    left join storefronts s on s.enterprise_id = e.id
    where ${condition} and p.status = 'published' and e.status = 'verified'`;

/**
 * Adds the words of the matching documents to `search_words`, the vocabulary the typo fallback corrects against
 * (see query.ts). Only words of letters: numbers and codes are not corrected.
 */
const recordWords = (condition: SQL) => sql`
    insert into search_words (word)
    select distinct w from search_documents d,
      unnest(tsvector_to_array(to_tsvector('simple'::regconfig, d.search_text))) as w
    where ${condition} and w ~ '^[a-z]{2,30}$'
    on conflict do nothing`;

/**
 * Removes the documents `documents` selects, writes the `inserts` again from the current rows and records their
 * words: the one way every function below changes `search_documents`. The database's triggers (migration 0008)
 * do the rest in the same transaction: they update the search bitmaps and increment search_state.generation,
 * which marks the change for the result cache (query.ts) exactly when readers can see the new documents.
 */
async function replaceDocuments(db: Executor, documents: SQL, inserts: readonly SQL[]): Promise<void> {
  await db.execute(sql`delete from search_documents d where ${documents}`);
  for (const insert of inserts) await db.execute(insert);
  await db.execute(recordWords(documents));
}

export async function refreshProductDocument(db: Executor, productId: number): Promise<void> {
  await replaceDocuments(db, sql`d.doc_type = 'product' and d.doc_id = ${productId}`, [
    productDocuments(sql`p.id = ${productId}`),
  ]);
}

const offerDocuments = (condition: SQL) => sql`
    ${insertColumns}
    select o.province_id, 'offer', o.id, e.id, o.slug, o.title, o.title_en, left(o.specification, 300), e.name,
      c.path, o.kind, e.address_province_id, e.commune_id, null, s.badge_granted_at is not null, o.price_dong,
      null, o.expires_on, coalesce(o.published_at, now()),
      fold_vietnamese(concat_ws(' ', o.title, o.title_en, c.name, c.name_en, e.name, left(o.specification, 2000)))
    from offers o
    join enterprises e on e.id = o.enterprise_id
    join categories c on c.id = o.category_id
    left join storefronts s on s.enterprise_id = e.id
    where ${condition} and o.status = 'published' and e.status = 'verified'
      and o.expires_on >= (now() at time zone 'Asia/Ho_Chi_Minh')::date`;

export async function refreshOfferDocument(db: Executor, offerId: number): Promise<void> {
  await replaceDocuments(db, sql`d.doc_type = 'offer' and d.doc_id = ${offerId}`, [
    offerDocuments(sql`o.id = ${offerId}`),
  ]);
}

const enterpriseDocuments = (condition: SQL) => sql`
    ${insertColumns}
    select e.province_id, 'enterprise', e.id, e.id, s.slug, e.name, e.name_en, left(e.products_description, 300),
      e.name,
      coalesce((select array_agg(distinct cid) from products p join categories c on c.id = p.category_id,
        unnest(c.path) cid where p.enterprise_id = e.id and p.status = 'published'), '{}'),
      null, e.address_province_id, e.commune_id, null, s.badge_granted_at is not null, null, s.logo_file_id, null,
      coalesce(s.published_at, now()),
      fold_vietnamese(concat_ws(' ', e.name, e.name_en, e.short_name, e.tax_code, e.products_description,
        e.products_description_en))
    from enterprises e
    join storefronts s on s.enterprise_id = e.id
    where ${condition} and e.status = 'verified' and s.status = 'published'`;

export async function refreshEnterpriseDocument(db: Executor, enterpriseId: number): Promise<void> {
  await replaceDocuments(db, sql`d.doc_type = 'enterprise' and d.doc_id = ${enterpriseId}`, [
    enterpriseDocuments(sql`e.id = ${enterpriseId}`),
  ]);
}

/** Rebuilds every document of the given provinces' floors in three set-based statements (demo data, bulk loads). */
export async function rebuildSearchDocuments(db: Executor, provinceIds: readonly number[]): Promise<void> {
  if (provinceIds.length === 0) return;
  const ids = sql.join(
    provinceIds.map((id) => sql`${id}`),
    sql`, `,
  );
  await replaceDocuments(db, sql`d.province_id in (${ids})`, [
    productDocuments(sql`p.province_id in (${ids})`),
    offerDocuments(sql`o.province_id in (${ids})`),
    enterpriseDocuments(sql`e.province_id in (${ids})`),
  ]);
}

/**
 * After an enterprise changes (name, verification, suspension, address): its own document and those of all
 * its listings, whose visibility and copied fields depend on it — set-based, whatever the number of listings.
 */
export async function refreshEnterpriseListings(db: Executor, enterpriseId: number): Promise<void> {
  await replaceDocuments(db, sql`d.enterprise_id = ${enterpriseId}`, [
    productDocuments(sql`p.enterprise_id = ${enterpriseId}`),
    offerDocuments(sql`o.enterprise_id = ${enterpriseId}`),
    enterpriseDocuments(sql`e.id = ${enterpriseId}`),
  ]);
}
