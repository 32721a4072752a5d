import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { communes, provinces } from "../geo/schema.ts";
import { nameOrTaxCodeMatches, type Page } from "./queries.ts";
import { enterprises } from "./schema.ts";
import type { EnterpriseRow } from "./services/membership.ts";
import { VSIC_SECTIONS } from "./vsic.ts";

/** What the public sees of a verified enterprise: identity, line of business and contacts; no finances. */
export type PublicEnterprise = {
  id: number;
  taxCode: string;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  legalForm: EnterpriseRow["legalForm"];
  vsicSection: string;
  vsicSectionName: string;
  vsicCode: string | null;
  productsDescription: string;
  productsDescriptionEn: string | null;
  addressLine: string;
  commune: string | null;
  province: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  foundedYear: number | null;
  sizeClass: EnterpriseRow["sizeClass"];
  isExporter: boolean;
  exportMarkets: string[];
  hsCodes: string[];
};

async function selectPublic(db: Executor, where: SQL | undefined, limit: number, offset: number) {
  const rows = await db
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
    .orderBy(asc(sql`fold_vietnamese(${enterprises.name})`), asc(enterprises.id))
    .limit(limit)
    .offset(offset);
  return rows.map(
    ({ enterprise: row, communeName, communeKind, provinceName }): PublicEnterprise => ({
      id: row.id,
      taxCode: row.taxCode,
      name: row.name,
      nameEn: row.nameEn,
      shortName: row.shortName,
      legalForm: row.legalForm,
      vsicSection: row.vsicSection,
      vsicSectionName: VSIC_SECTIONS.find((entry) => entry.section === row.vsicSection)?.nameVi ?? "",
      vsicCode: row.vsicCode,
      productsDescription: row.productsDescription,
      productsDescriptionEn: row.productsDescriptionEn,
      addressLine: row.addressLine,
      commune: communeName ? `${communeKind} ${communeName}` : null,
      province: provinceName,
      phone: row.phone,
      email: row.email,
      website: row.website,
      foundedYear: row.foundedYear,
      sizeClass: row.sizeClass,
      isExporter: row.isExporter,
      exportMarkets: row.exportMarkets,
      hsCodes: row.hsCodes,
    }),
  );
}

export const API_PAGE_SIZE = 50;

export async function listVerifiedEnterprises(
  db: Executor,
  scopeIds: readonly number[],
  query: string,
  page: number,
): Promise<Page<PublicEnterprise>> {
  const where = and(
    inArray(enterprises.provinceId, [...scopeIds]),
    eq(enterprises.status, "verified"),
    query ? nameOrTaxCodeMatches(query) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(enterprises).where(where);
  const items = await selectPublic(db, where, API_PAGE_SIZE, (page - 1) * API_PAGE_SIZE);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / API_PAGE_SIZE)) };
}

/** A verified enterprise of a hosted portal; undefined otherwise (pending and suspended ones are not public). */
export async function findVerifiedEnterprise(
  db: Executor,
  scopeIds: readonly number[],
  id: number,
): Promise<PublicEnterprise | undefined> {
  const [row] = await selectPublic(
    db,
    and(
      eq(enterprises.id, id),
      eq(enterprises.status, "verified"),
      inArray(enterprises.provinceId, [...scopeIds]),
    ),
    1,
    0,
  );
  return row;
}
