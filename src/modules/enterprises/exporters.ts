import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { HostedProvince } from "../../platform/request-context.ts";
import { foldVietnamese } from "../../platform/text.ts";
import { communes, provinces } from "../geo/schema.ts";
import { hsChapterName } from "../marketplace/hs-code.ts";
import { likePattern, type Page } from "./queries.ts";
import { enterprises } from "./schema.ts";

/*
 * The English exporters' directory (VNEX-style): verified enterprises that export, with what they sell, their
 * HS codes, markets and contacts. Public; English text where the enterprise gave it, Vietnamese otherwise.
 */

export type ExporterFilters = { q: string; chapter: string; market: string };

export function readExporterFilters(query: Record<string, string | undefined>): ExporterFilters {
  const chapter = (query.chapter ?? "").trim();
  return {
    q: (query.q ?? "").trim().slice(0, 200),
    chapter: /^\d{2}$/.test(chapter) ? chapter : "",
    market: (query.market ?? "").trim().slice(0, 60),
  };
}

export type ExporterEntry = {
  id: number;
  taxCode: string;
  name: string;
  nameVi: string;
  products: string;
  hsCodes: { code: string; chapter: string; chapterName: string | null }[];
  markets: string[];
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  foundedYear: number | null;
  employees: number | null;
};

function conditions(province: HostedProvince, filters: ExporterFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [
    inArray(enterprises.provinceId, [...province.scopeIds]),
    eq(enterprises.status, "verified"),
    eq(enterprises.isExporter, true),
  ];
  const folded = foldVietnamese(filters.q);
  if (folded) {
    const pattern = likePattern(folded);
    where.push(
      sql`(fold_vietnamese(${enterprises.name}) ilike ${pattern} or fold_vietnamese(coalesce(${enterprises.nameEn}, '')) ilike ${pattern}
        or fold_vietnamese(${enterprises.productsDescription}) ilike ${pattern}
        or fold_vietnamese(coalesce(${enterprises.productsDescriptionEn}, '')) ilike ${pattern})`,
    );
  }
  if (filters.chapter) {
    where.push(
      sql`exists (select 1 from unnest(${enterprises.hsCodes}) as code where code like ${`${filters.chapter}%`})`,
    );
  }
  if (filters.market) {
    where.push(
      sql`exists (select 1 from unnest(${enterprises.exportMarkets}) as market where fold_vietnamese(market) = ${foldVietnamese(filters.market)})`,
    );
  }
  return and(...where);
}

async function selectExporters(db: Executor, where: SQL | undefined, limit?: number, offset = 0) {
  const query = db
    .select({
      enterprise: enterprises,
      communeName: communes.name,
      communeKind: communes.kind,
      provinceName: provinces.name,
    })
    .from(enterprises)
    .leftJoin(communes, eq(communes.id, enterprises.communeId))
    .leftJoin(provinces, eq(provinces.id, enterprises.addressProvinceId))
    .where(where)
    .orderBy(
      asc(sql`fold_vietnamese(coalesce(${enterprises.nameEn}, ${enterprises.name}))`),
      asc(enterprises.id),
    );
  const rows = limit === undefined ? await query : await query.limit(limit).offset(offset);
  return rows.map(
    ({ enterprise, communeName, communeKind, provinceName }): ExporterEntry => ({
      id: enterprise.id,
      taxCode: enterprise.taxCode,
      name: enterprise.nameEn || enterprise.name,
      nameVi: enterprise.name,
      products: enterprise.productsDescriptionEn || enterprise.productsDescription,
      hsCodes: enterprise.hsCodes.map((code) => ({
        code,
        chapter: code.slice(0, 2),
        chapterName: hsChapterName(code.slice(0, 2))?.en ?? null,
      })),
      markets: enterprise.exportMarkets,
      address: [
        enterprise.addressLine,
        communeName ? `${communeKind} ${communeName}` : "",
        provinceName ?? "",
      ]
        .filter(Boolean)
        .join(", "),
      phone: enterprise.phone,
      email: enterprise.email,
      website: enterprise.website,
      foundedYear: enterprise.foundedYear,
      employees: enterprise.employees,
    }),
  );
}

export const EXPORTERS_PAGE_SIZE = 20;

export async function listExporters(
  db: Executor,
  province: HostedProvince,
  filters: ExporterFilters,
  page: number,
): Promise<Page<ExporterEntry>> {
  const where = conditions(province, filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(enterprises).where(where);
  const items = await selectExporters(db, where, EXPORTERS_PAGE_SIZE, (page - 1) * EXPORTERS_PAGE_SIZE);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / EXPORTERS_PAGE_SIZE)) };
}

/** Every exporter matching the filters, for the CSV and XLSX downloads. */
export async function listAllExporters(
  db: Executor,
  province: HostedProvince,
  filters: ExporterFilters,
): Promise<ExporterEntry[]> {
  return selectExporters(db, conditions(province, filters));
}
