import { and, asc, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { StoredFile } from "../../../platform/files.ts";
import type { Actor } from "../../../platform/request-context.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import { type EnterpriseRow, isMemberOf } from "../../enterprises/index.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { categories, offers, products, searchDocuments, storefronts } from "../schema.ts";
import {
  loadProductCertificates,
  loadProductImages,
  type ProductCertificate,
  type ProductImage,
  type ProductRow,
} from "./services/products.ts";
import { type GalleryImage, loadGallery, type StorefrontRow } from "./services/storefront.ts";

export type CategoryNode = {
  id: number;
  slug: string;
  name: string;
  nameEn: string;
  listingCount: number;
  children: CategoryNode[];
};

export type ListingCard = {
  id: number;
  slug: string;
  title: string;
  titleEn: string | null;
  enterpriseName: string;
  priceDong: bigint | null;
  ocopStars: number | null;
  verified: boolean;
  image: Pick<StoredFile, "storageKey" | "thumbnailKey"> | null;
};

/** Published product counts per category (a parent counts its children's products: category_ids holds the path). */
async function categoryCounts(db: Executor, scopeIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db.execute<{ category_id: number; total: string | number }>(sql`
    select cid as category_id, count(*) as total
    from search_documents, unnest(category_ids) as cid
    where doc_type = 'product' and ${inArray(searchDocuments.provinceId, [...scopeIds])}
    group by cid`);
  return new Map(
    rowsOf<{ category_id: number; total: string | number }>(rows).map((row) => [
      Number(row.category_id),
      Number(row.total),
    ]),
  );
}

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export async function loadCategoryTree(db: Executor, scopeIds: readonly number[]): Promise<CategoryNode[]> {
  const [all, counts] = await Promise.all([
    db.select().from(categories).orderBy(asc(categories.depth), asc(categories.position)),
    categoryCounts(db, scopeIds),
  ]);
  const nodes = new Map<number, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const row of all) {
    const node: CategoryNode = {
      id: row.id,
      slug: row.slug,
      name: row.name,
      nameEn: row.nameEn,
      listingCount: counts.get(row.id) ?? 0,
      children: [],
    };
    nodes.set(row.id, node);
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent) parent.children.push(node);
    else if (row.parentId === null) roots.push(node);
  }
  return roots;
}

async function newestDocuments(
  db: Executor,
  scopeIds: readonly number[],
  docType: "product" | "enterprise",
  limit: number,
): Promise<ListingCard[]> {
  const rows = await db
    .select({ doc: searchDocuments, file: uploadedFiles })
    .from(searchDocuments)
    .leftJoin(uploadedFiles, eq(uploadedFiles.id, searchDocuments.imageFileId))
    .where(and(eq(searchDocuments.docType, docType), inArray(searchDocuments.provinceId, [...scopeIds])))
    .orderBy(desc(searchDocuments.publishedAt), desc(searchDocuments.id))
    .limit(limit);
  return rows.map(({ doc, file }) => ({
    id: doc.docId,
    slug: doc.slug,
    title: doc.title,
    titleEn: doc.titleEn,
    enterpriseName: doc.enterpriseName,
    priceDong: doc.priceDong,
    ocopStars: doc.ocopStars,
    verified: doc.verified,
    image: file,
  }));
}

export async function loadFloorHome(db: Executor, scopeIds: readonly number[]) {
  const [tree, newestProducts, newestStorefronts] = await Promise.all([
    loadCategoryTree(db, scopeIds),
    newestDocuments(db, scopeIds, "product", 8),
    newestDocuments(db, scopeIds, "enterprise", 6),
  ]);
  return { tree, newestProducts, newestStorefronts };
}

/** Changes whenever a document of the floor is added, rewritten or removed (refreshes delete and insert). */
export async function floorVersion(db: Executor, scopeIds: readonly number[]): Promise<string> {
  const [row] = await db
    .select({ total: count(), last: sql<string>`coalesce(max(${searchDocuments.id}), 0)::text` })
    .from(searchDocuments)
    .where(inArray(searchDocuments.provinceId, [...scopeIds]));
  return `${row?.total ?? 0}-${row?.last ?? 0}`;
}

export type PublicStorefront = {
  storefront: StorefrontRow;
  enterprise: EnterpriseRow;
  logo: StoredFile | null;
  gallery: GalleryImage[];
  /** A member of the enterprise looking at a listing the public cannot see yet. */
  isPreview: boolean;
};

function isPublic(status: string, enterpriseStatus: string): boolean {
  return status === "published" && enterpriseStatus === "verified";
}

export async function findStorefrontBySlug(
  db: Executor,
  scopeIds: readonly number[],
  slug: string,
  actor: Actor | null,
): Promise<PublicStorefront | null> {
  const [row] = await db
    .select({ storefront: storefronts, enterprise: enterprises, logo: uploadedFiles })
    .from(storefronts)
    .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
    .leftJoin(uploadedFiles, eq(uploadedFiles.id, storefronts.logoFileId))
    .where(and(eq(storefronts.slug, slug), inArray(storefronts.provinceId, [...scopeIds])))
    .limit(1);
  if (!row) return null;
  const visible = isPublic(row.storefront.status, row.enterprise.status);
  if (!visible && !(await isMemberOf(db, actor, row.enterprise.id))) return null;
  return {
    storefront: row.storefront,
    enterprise: row.enterprise,
    logo: row.logo,
    gallery: await loadGallery({ db }, row.storefront.id),
    isPreview: !visible,
  };
}

export async function storefrontVersion(
  db: Executor,
  scopeIds: readonly number[],
  slug: string,
): Promise<string> {
  const [row] = await db
    .select({
      storefront: storefronts.updatedAt,
      status: storefronts.status,
      badge: storefronts.badgeGrantedAt,
      enterprise: enterprises.updatedAt,
      enterpriseStatus: enterprises.status,
      enterpriseId: enterprises.id,
    })
    .from(storefronts)
    .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
    .where(and(eq(storefronts.slug, slug), inArray(storefronts.provinceId, [...scopeIds])))
    .limit(1);
  if (!row) return "none";
  const [docs] = await db
    .select({ total: count(), last: sql<string>`coalesce(max(${searchDocuments.id}), 0)::text` })
    .from(searchDocuments)
    .where(eq(searchDocuments.enterpriseId, row.enterpriseId));
  return JSON.stringify([row, docs]);
}

export type ProductSummary = Pick<
  ProductRow,
  "id" | "slug" | "name" | "nameEn" | "priceDong" | "unit" | "ocopStars" | "ocopExpiresOn"
> & { image: StoredFile | null };

const storefrontPageSize = 12;

/** An enterprise's published products, newest first, with their first image. */
export async function listEnterpriseProducts(
  db: Executor,
  enterpriseId: number,
  page: number,
): Promise<{ items: ProductSummary[]; total: number; pageCount: number; page: number }> {
  const where = and(eq(products.enterpriseId, enterpriseId), eq(products.status, "published"));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(products).where(where);
  const pageCount = Math.max(1, Math.ceil(total / storefrontPageSize));
  const current = Math.min(page, pageCount);
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      nameEn: products.nameEn,
      priceDong: products.priceDong,
      unit: products.unit,
      ocopStars: products.ocopStars,
      ocopExpiresOn: products.ocopExpiresOn,
      image: uploadedFiles,
    })
    .from(products)
    .leftJoin(
      uploadedFiles,
      eq(
        uploadedFiles.id,
        sql`(select pi.file_id from product_images pi where pi.product_id = ${products.id} order by pi.position limit 1)`,
      ),
    )
    .where(where)
    .orderBy(desc(products.publishedAt), desc(products.id))
    .limit(storefrontPageSize)
    .offset((current - 1) * storefrontPageSize);
  return { items: rows, total, pageCount, page: current };
}

export async function listOpenOffers(db: Executor, enterpriseId: number) {
  return db
    .select({
      id: offers.id,
      slug: offers.slug,
      kind: offers.kind,
      title: offers.title,
      titleEn: offers.titleEn,
      quantity: offers.quantity,
      unit: offers.unit,
      expiresOn: offers.expiresOn,
    })
    .from(offers)
    .where(
      and(
        eq(offers.enterpriseId, enterpriseId),
        eq(offers.status, "published"),
        gte(offers.expiresOn, todayInVietnam()),
      ),
    )
    .orderBy(desc(offers.publishedAt))
    .limit(20);
}

export type PublicProduct = {
  product: ProductRow;
  enterprise: EnterpriseRow;
  category: typeof categories.$inferSelect;
  storefront: Pick<
    StorefrontRow,
    "slug" | "status" | "badgeGrantedAt" | "contactName" | "contactPhone" | "contactEmail"
  > | null;
  images: ProductImage[];
  certificates: ProductCertificate[];
  isPreview: boolean;
};

export async function findProductBySlug(
  db: Executor,
  scopeIds: readonly number[],
  slug: string,
  actor: Actor | null,
): Promise<PublicProduct | null> {
  const [row] = await db
    .select({ product: products, enterprise: enterprises, category: categories })
    .from(products)
    .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), inArray(products.provinceId, [...scopeIds])))
    .limit(1);
  if (!row) return null;
  const visible = isPublic(row.product.status, row.enterprise.status);
  if (!visible && !(await isMemberOf(db, actor, row.enterprise.id))) return null;
  const [storefront] = await db
    .select({
      slug: storefronts.slug,
      status: storefronts.status,
      badgeGrantedAt: storefronts.badgeGrantedAt,
      contactName: storefronts.contactName,
      contactPhone: storefronts.contactPhone,
      contactEmail: storefronts.contactEmail,
    })
    .from(storefronts)
    .where(eq(storefronts.enterpriseId, row.enterprise.id));
  return {
    ...row,
    storefront: storefront ?? null,
    images: await loadProductImages(db, row.product.id),
    certificates: await loadProductCertificates(db, row.product.id),
    isPreview: !visible,
  };
}

export async function productVersion(
  db: Executor,
  scopeIds: readonly number[],
  slug: string,
): Promise<string> {
  const [row] = await db
    .select({
      product: products.updatedAt,
      status: products.status,
      enterprise: enterprises.updatedAt,
      enterpriseStatus: enterprises.status,
      storefront: storefronts.updatedAt,
      storefrontStatus: storefronts.status,
      badge: storefronts.badgeGrantedAt,
    })
    .from(products)
    .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
    .leftJoin(storefronts, eq(storefronts.enterpriseId, enterprises.id))
    .where(and(eq(products.slug, slug), inArray(products.provinceId, [...scopeIds])))
    .limit(1);
  // The OCOP badge turns "expired" at midnight: the day is part of the version.
  return row ? JSON.stringify([row, todayInVietnam()]) : "none";
}
