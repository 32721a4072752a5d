import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";

/**
 * What search engines read: robots.txt, the sitemap index of the hosted provinces and each province's sitemap
 * (the floor's fixed pages and every public storefront, product and open offer, with its last change).
 * Public means what the floor's search documents hold (published, of a verified enterprise, offers open),
 * so the sitemap never lists a page that answers 404.
 */

/** The sitemap protocol's limit per file (sitemaps.org: 50,000 URLs). */
export const sitemapPageSize = 50_000;

/**
 * The floor's fixed public pages of a province, after `/{slug}`. The search page is left out on purpose: it
 * asks robots not to index it (`noindex, follow`, endless query combinations), and a sitemap must not list a
 * page that refuses indexing; robots still reach every listing through the floor pages and this sitemap.
 */
export const floorPages = ["/floor", "/offers", "/opportunities", "/exporters"] as const;

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

export type SitemapEntry = { path: string; lastmod: Date | null };

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** How many listing URLs a province's sitemap has (to split it into files of `sitemapPageSize`). */
export async function countSitemapListings(db: Executor, scopeIds: readonly number[]): Promise<number> {
  if (scopeIds.length === 0) return 0;
  const ids = sql.join(
    scopeIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n from search_documents where province_id in (${ids})`),
  );
  return Number(row?.n ?? 0);
}

/** The number of sitemap files of a province: the fixed pages share the first file with the listings. */
export function sitemapPageCount(listingCount: number): number {
  return Math.max(1, Math.ceil((listingCount + floorPages.length) / sitemapPageSize));
}

/**
 * One file of a province's sitemap: the fixed pages (first file only), then storefronts, products and offers
 * in a stable order, each with the time its row last changed.
 */
export async function sitemapEntries(
  db: Executor,
  province: { slug: string; scopeIds: readonly number[] },
  page: number,
): Promise<SitemapEntry[]> {
  const fixed: SitemapEntry[] =
    page === 1 ? floorPages.map((path) => ({ path: `/${province.slug}${path}`, lastmod: null })) : [];
  const offset = Math.max(0, (page - 1) * sitemapPageSize - floorPages.length);
  const limit = sitemapPageSize - fixed.length;
  const ids = sql.join(
    province.scopeIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = rowsOf<{ doc_type: string; slug: string; lastmod: Date | string | null }>(
    await db.execute(sql`
      select d.doc_type, d.slug,
        case d.doc_type
          when 'product' then (select p.updated_at from products p where p.id = d.doc_id)
          when 'offer' then (select o.updated_at from offers o where o.id = d.doc_id)
          else (select greatest(s.updated_at, e.updated_at) from storefronts s join enterprises e
                on e.id = s.enterprise_id where s.enterprise_id = d.doc_id)
        end as lastmod
      from search_documents d
      where d.province_id in (${ids})
      order by case d.doc_type when 'enterprise' then 0 when 'product' then 1 else 2 end, d.doc_id
      limit ${limit} offset ${offset}`),
  );
  const segment: Record<string, string> = { enterprise: "storefronts", product: "products", offer: "offers" };
  return [
    ...fixed,
    ...rows.map((row) => ({
      path: `/${province.slug}/${segment[row.doc_type]}/${encodeURIComponent(row.slug)}`,
      lastmod: row.lastmod === null ? null : new Date(row.lastmod),
    })),
  ];
}

/** W3C datetime, as the protocol asks: "2025-07-01T08:30:00Z". */
function w3cDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function renderUrlSet(baseUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(baseUrl + entry.path)}</loc>${entry.lastmod ? `<lastmod>${w3cDate(entry.lastmod)}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function renderSitemapIndex(baseUrl: string, paths: readonly string[]): string {
  const items = paths.map((path) => `<sitemap><loc>${escapeXml(baseUrl + path)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}

/** The sitemap files of a province: `/{slug}/sitemap.xml`, then `?page=2`… when it is split. */
export function provinceSitemapPaths(slug: string, pageCount: number): string[] {
  return Array.from({ length: pageCount }, (_, index) =>
    index === 0 ? `/${slug}/sitemap.xml` : `/${slug}/sitemap.xml?page=${index + 1}`,
  );
}

export function renderRobots(baseUrl: string, sitemapPaths: readonly string[]): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /api/",
    "Disallow: /*/admin",
    "Disallow: /*/my",
    "Disallow: /*/sign-in",
    "Disallow: /*/inquiries/t/",
    "Allow: /api/docs",
    "",
    ...sitemapPaths.map((path) => `Sitemap: ${baseUrl}${path}`),
    "",
  ].join("\n");
}
