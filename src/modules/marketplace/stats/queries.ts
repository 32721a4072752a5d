import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { assertCan } from "../../../platform/authorization.ts";
import type { Translate } from "../../../platform/i18n.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";

/**
 * The floor's figures for officers, leaders and the plans' reports: enterprises on the floor, listings by
 * top-level category, offers (sell/buy), inquiries and quotes per month over twelve months, OCOP products by
 * stars. Months are counted in Vietnam's time zone. "On the floor" means what visitors can see (the search
 * documents: published listings of verified enterprises, open offers).
 */

export type MonthKey = string; // "2025-07"

export type FloorStats = {
  /** The twelve months shown: a calendar year, or the twelve months up to this one. */
  period: { kind: "year"; year: number } | { kind: "last12"; from: MonthKey; to: MonthKey };
  months: MonthKey[];
  enterprisesOnFloor: number;
  verifiedEnterprises: number;
  badgeHolders: number;
  byCategory: { slug: string; name: string; nameEn: string; products: number; offers: number }[];
  monthly: { month: MonthKey; sellOffers: number; buyOffers: number; inquiries: number; quotes: number }[];
  ocopByStars: { stars: number; products: number }[];
  /** Years that have any offer, inquiry or quote, for the year selector (always includes this year). */
  years: number[];
};

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

function idList(ids: readonly number[]) {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

function vietnamNow(now: Date): { year: number; month: number } {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

const monthKey = (year: number, month: number): MonthKey => `${year}-${String(month).padStart(2, "0")}`;

/** The twelve month keys of a year, or the twelve months ending with the current one. */
export function statsMonths(year: number | null, now = new Date()): MonthKey[] {
  if (year !== null) return Array.from({ length: 12 }, (_, index) => monthKey(year, index + 1));
  const current = vietnamNow(now);
  return Array.from({ length: 12 }, (_, index) => {
    const offset = current.month - 12 + index; // -11 … 0 relative months, 1-based below
    const total = current.year * 12 + offset;
    return monthKey(Math.floor(total / 12), (total % 12) + 1);
  });
}

async function countsByMonth(db: Executor, query: ReturnType<typeof sql>): Promise<Map<string, number>> {
  const rows = rowsOf<{ month: string; n: number | string }>(await db.execute(query));
  return new Map(rows.map((row) => [row.month, Number(row.n)]));
}

export async function getFloorStats({
  ctx,
  year,
  now = new Date(),
}: {
  ctx: ServiceContext;
  year: number | null;
  now?: Date;
}): Promise<FloorStats> {
  assertCan(ctx.actor, "marketplace.stats", ctx.province);
  const db = ctx.db;
  const scope = idList(ctx.province.scopeIds);
  const months = statsMonths(year, now);
  const first = `${months[0]}-01`;
  const [lastYear, lastMonth] = months[11]!.split("-").map(Number) as [number, number];
  const end = lastMonth === 12 ? `${lastYear + 1}-01-01` : `${monthKey(lastYear, lastMonth + 1)}-01`;
  // Local (Vietnam) month of a timestamp, and the period's bounds as local dates.
  const local = (column: ReturnType<typeof sql>) =>
    sql`to_char(${column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`;
  const inPeriod = (column: ReturnType<typeof sql>) =>
    sql`(${column} at time zone 'Asia/Ho_Chi_Minh') >= ${first}::date and (${column} at time zone 'Asia/Ho_Chi_Minh') < ${end}::date`;

  const [summary] = rowsOf<{ on_floor: number | string; verified: number | string; badges: number | string }>(
    await db.execute(sql`
      select
        (select count(*) from storefronts s join enterprises e on e.id = s.enterprise_id
          where s.province_id in (${scope}) and s.status = 'published' and e.status = 'verified') as on_floor,
        (select count(*) from enterprises e where e.province_id in (${scope}) and e.status = 'verified') as verified,
        (select count(*) from storefronts s join enterprises e on e.id = s.enterprise_id
          where s.province_id in (${scope}) and s.status = 'published' and e.status = 'verified'
            and s.badge_granted_at is not null) as badges`),
  );

  const byCategory = rowsOf<{
    slug: string;
    name: string;
    name_en: string;
    products: number | string;
    offers: number | string;
  }>(
    await db.execute(sql`
      select c.slug, c.name, c.name_en,
        count(*) filter (where d.doc_type = 'product') as products,
        count(*) filter (where d.doc_type = 'offer') as offers
      from search_documents d
      join categories c on c.id = d.category_ids[1]
      where d.province_id in (${scope}) and d.doc_type in ('product', 'offer')
      group by c.id, c.slug, c.name, c.name_en, c.position
      order by count(*) desc, c.position`),
  ).map((row) => ({
    slug: row.slug,
    name: row.name,
    nameEn: row.name_en,
    products: Number(row.products),
    offers: Number(row.offers),
  }));

  const offerRows = rowsOf<{ month: string; kind: string; n: number | string }>(
    await db.execute(sql`
      select ${local(sql`published_at`)} as month, kind, count(*) as n from offers
      where province_id in (${scope}) and published_at is not null and ${inPeriod(sql`published_at`)}
      group by 1, 2`),
  );
  const inquiryCounts = await countsByMonth(
    db,
    sql`select ${local(sql`created_at`)} as month, count(*) as n from inquiries
      where province_id in (${scope}) and ${inPeriod(sql`created_at`)} group by 1`,
  );
  const quoteCounts = await countsByMonth(
    db,
    sql`select ${local(sql`created_at`)} as month, count(*) as n from quotes
      where province_id in (${scope}) and ${inPeriod(sql`created_at`)} group by 1`,
  );
  const offerCount = (month: string, kind: string) =>
    Number(offerRows.find((row) => row.month === month && row.kind === kind)?.n ?? 0);

  const ocop = rowsOf<{ stars: number; n: number | string }>(
    await db.execute(sql`
      select ocop_stars as stars, count(*) as n from search_documents
      where province_id in (${scope}) and doc_type = 'product' and ocop_stars is not null
      group by 1 order by 1`),
  );
  const yearRows = rowsOf<{ year: number | string }>(
    await db.execute(sql`
      select distinct extract(year from published_at at time zone 'Asia/Ho_Chi_Minh')::int as year from offers
      where province_id in (${scope}) and published_at is not null
      union select distinct extract(year from created_at at time zone 'Asia/Ho_Chi_Minh')::int from inquiries
      where province_id in (${scope})`),
  );
  const thisYear = vietnamNow(now).year;
  const years = [...new Set([thisYear, ...yearRows.map((row) => Number(row.year))])].sort((a, b) => b - a);

  return {
    period: year === null ? { kind: "last12", from: months[0]!, to: months[11]! } : { kind: "year", year },
    months,
    enterprisesOnFloor: Number(summary?.on_floor ?? 0),
    verifiedEnterprises: Number(summary?.verified ?? 0),
    badgeHolders: Number(summary?.badges ?? 0),
    byCategory,
    monthly: months.map((month) => ({
      month,
      sellOffers: offerCount(month, "sell"),
      buyOffers: offerCount(month, "buy"),
      inquiries: inquiryCounts.get(month) ?? 0,
      quotes: quoteCounts.get(month) ?? 0,
    })),
    ocopByStars: [3, 4, 5].map((stars) => ({
      stars,
      products: Number(ocop.find((row) => Number(row.stars) === stars)?.n ?? 0),
    })),
    years,
  };
}

/** "07/2025" for a month key. */
export function monthLabel(key: MonthKey): string {
  const [year, month] = key.split("-");
  return `${month}/${year}`;
}

export function periodLabel(stats: FloorStats, t: Translate): string {
  return stats.period.kind === "year"
    ? t("floorStats.periodYear", { year: stats.period.year })
    : t("floorStats.periodLast12", { from: monthLabel(stats.period.from), to: monthLabel(stats.period.to) });
}
