import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { foldVietnamese } from "../../../platform/text.ts";
import { formatDate, formatNumber, formatVnd } from "../../../platform/vn-format.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { categories, listingReports, offers, products, storefronts } from "../schema.ts";
import { type ListingType, listingTypes, loadListing, type ModeratedListing } from "./listings.ts";

export const queueTabs = ["storefronts", "products", "offers", "published", "hidden", "reports"] as const;
export type QueueTab = (typeof queueTabs)[number];

export function isQueueTab(value: unknown): value is QueueTab {
  return typeof value === "string" && (queueTabs as readonly string[]).includes(value);
}

export type QueueItem = {
  type: ListingType;
  id: number;
  title: string;
  slug: string;
  enterpriseName: string;
  enterpriseVerified: boolean;
  categoryName: string | null;
  kind: "sell" | "buy" | null;
  status: string;
  /** When it was submitted for review (its last change), published, or hidden. */
  date: Date;
  moderationReason: string | null;
  hasBadge: boolean;
};

export type ReportItem = {
  id: number;
  type: ListingType;
  listingId: number;
  reason: string;
  details: string;
  reporterEmail: string | null;
  createdAt: Date;
  listingTitle: string | null;
  listingSlug: string | null;
  listingStatus: string | null;
};

export type QueueFilter = { q: string; type: ListingType | "" };

const pageSize = 25;

type Source = {
  type: ListingType;
  select: (where: SQL[], order: "oldest" | "newest", limit: number, offset: number) => Promise<QueueItem[]>;
  count: (where: SQL[]) => Promise<number>;
  statusColumn: SQL;
  textColumn: SQL;
};

function sources(ctx: ServiceContext): Record<ListingType, Source> {
  const db = ctx.db;
  const scope = [...ctx.province.scopeIds];
  return {
    storefront: {
      type: "storefront",
      statusColumn: sql`${storefronts.status}`,
      textColumn: sql`${enterprises.name}`,
      select: async (where, order, limit, offset) => {
        const rows = await db
          .select({
            id: storefronts.id,
            slug: storefronts.slug,
            title: enterprises.name,
            enterpriseStatus: enterprises.status,
            status: storefronts.status,
            date: storefronts.updatedAt,
            moderationReason: storefronts.moderationReason,
            badge: storefronts.badgeGrantedAt,
          })
          .from(storefronts)
          .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
          .where(and(inArray(storefronts.provinceId, scope), ...where))
          .orderBy(
            order === "oldest" ? asc(storefronts.updatedAt) : desc(storefronts.updatedAt),
            asc(storefronts.id),
          )
          .limit(limit)
          .offset(offset);
        return rows.map((row) => ({
          type: "storefront" as const,
          id: row.id,
          title: row.title,
          slug: row.slug,
          enterpriseName: row.title,
          enterpriseVerified: row.enterpriseStatus === "verified",
          categoryName: null,
          kind: null,
          status: row.status,
          date: row.date,
          moderationReason: row.moderationReason,
          hasBadge: row.badge !== null,
        }));
      },
      count: async (where) =>
        (
          await db
            .select({ n: count() })
            .from(storefronts)
            .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
            .where(and(inArray(storefronts.provinceId, scope), ...where))
        )[0]!.n,
    },
    product: {
      type: "product",
      statusColumn: sql`${products.status}`,
      textColumn: sql`concat_ws(' ', ${products.name}, ${enterprises.name})`,
      select: async (where, order, limit, offset) => {
        const rows = await db
          .select({
            id: products.id,
            slug: products.slug,
            title: products.name,
            enterpriseName: enterprises.name,
            enterpriseStatus: enterprises.status,
            categoryName: categories.name,
            status: products.status,
            date: products.updatedAt,
            moderationReason: products.moderationReason,
          })
          .from(products)
          .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
          .innerJoin(categories, eq(categories.id, products.categoryId))
          .where(and(inArray(products.provinceId, scope), ...where))
          .orderBy(order === "oldest" ? asc(products.updatedAt) : desc(products.updatedAt), asc(products.id))
          .limit(limit)
          .offset(offset);
        return rows.map((row) => ({
          type: "product" as const,
          ...row,
          enterpriseVerified: row.enterpriseStatus === "verified",
          kind: null,
          hasBadge: false,
        }));
      },
      count: async (where) =>
        (
          await db
            .select({ n: count() })
            .from(products)
            .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
            .where(and(inArray(products.provinceId, scope), ...where))
        )[0]!.n,
    },
    offer: {
      type: "offer",
      statusColumn: sql`${offers.status}`,
      textColumn: sql`concat_ws(' ', ${offers.title}, ${enterprises.name})`,
      select: async (where, order, limit, offset) => {
        const rows = await db
          .select({
            id: offers.id,
            slug: offers.slug,
            title: offers.title,
            enterpriseName: enterprises.name,
            enterpriseStatus: enterprises.status,
            categoryName: categories.name,
            kind: offers.kind,
            status: offers.status,
            date: offers.updatedAt,
            moderationReason: offers.moderationReason,
          })
          .from(offers)
          .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
          .innerJoin(categories, eq(categories.id, offers.categoryId))
          .where(and(inArray(offers.provinceId, scope), ...where))
          .orderBy(order === "oldest" ? asc(offers.updatedAt) : desc(offers.updatedAt), asc(offers.id))
          .limit(limit)
          .offset(offset);
        return rows.map((row) => ({
          type: "offer" as const,
          ...row,
          enterpriseVerified: row.enterpriseStatus === "verified",
          hasBadge: false,
        }));
      },
      count: async (where) =>
        (
          await db
            .select({ n: count() })
            .from(offers)
            .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
            .where(and(inArray(offers.provinceId, scope), ...where))
        )[0]!.n,
    },
  };
}

const tabSource: Partial<Record<QueueTab, ListingType>> = {
  storefronts: "storefront",
  products: "product",
  offers: "offer",
};

export type ModerationQueue = {
  tab: QueueTab;
  counts: Record<QueueTab, number>;
  items: QueueItem[];
  reports: ReportItem[];
  page: number;
  pageCount: number;
  filter: QueueFilter;
};

/**
 * The officers' queue: the pending storefronts, products and offers (oldest first), the listings on the floor
 * (to hide; searchable), the hidden ones (to restore) and the open reports, with a count per tab.
 */
export async function getModerationQueue({
  ctx,
  tab: requestedTab,
  page,
  filter,
}: {
  ctx: ServiceContext;
  /** Null: the first work queue that has something in it (storefronts, products, offers, reports). */
  tab: QueueTab | null;
  page: number;
  filter: QueueFilter;
}): Promise<ModerationQueue> {
  assertCan(ctx.actor, "marketplace.moderate", ctx.province);
  const all = sources(ctx);
  const status = (source: Source, value: string) => sql`${source.statusColumn} = ${value}`;
  const textCondition = (source: Source): SQL[] =>
    filter.q ? [sql`fold_vietnamese(${source.textColumn}) like ${`%${foldVietnamese(filter.q)}%`}`] : [];

  const pendingCounts = await Promise.all(
    listingTypes.map((type) => all[type].count([status(all[type], "pending")])),
  );
  const countOf = async (value: string) =>
    (await Promise.all(listingTypes.map((type) => all[type].count([status(all[type], value)])))).reduce(
      (sum, n) => sum + n,
      0,
    );
  const [openReports] = await ctx.db
    .select({ n: count() })
    .from(listingReports)
    .where(
      and(inArray(listingReports.provinceId, [...ctx.province.scopeIds]), eq(listingReports.status, "open")),
    );
  const counts: Record<QueueTab, number> = {
    storefronts: pendingCounts[0]!,
    products: pendingCounts[1]!,
    offers: pendingCounts[2]!,
    published: await countOf("published"),
    hidden: await countOf("hidden"),
    reports: openReports!.n,
  };

  const tab =
    requestedTab ??
    (["storefronts", "products", "offers", "reports"] as const).find((name) => counts[name] > 0) ??
    "products";
  const offset = (page - 1) * pageSize;
  let items: QueueItem[] = [];
  let total = 0;
  let reports: ReportItem[] = [];
  const single = tabSource[tab];
  if (single) {
    const where = [status(all[single], "pending")];
    items = await all[single].select(where, "oldest", pageSize, offset);
    total = counts[tab];
  } else if (tab === "published" || tab === "hidden") {
    // One kind at a time keeps paging exact; the filter picks it (products by default: the most numerous).
    const type = filter.type || "product";
    const where = [status(all[type], tab), ...textCondition(all[type])];
    items = await all[type].select(where, "newest", pageSize, offset);
    total = await all[type].count(where);
  } else {
    reports = await openReportItems(ctx, pageSize, offset);
    total = counts.reports;
  }
  return {
    tab,
    counts,
    items,
    reports,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    filter: {
      q: filter.q,
      type: tab === "published" || tab === "hidden" ? filter.type || "product" : filter.type,
    },
  };
}

async function openReportItems(ctx: ServiceContext, limit: number, offset: number): Promise<ReportItem[]> {
  const rows = await ctx.db
    .select()
    .from(listingReports)
    .where(
      and(inArray(listingReports.provinceId, [...ctx.province.scopeIds]), eq(listingReports.status, "open")),
    )
    .orderBy(asc(listingReports.createdAt), asc(listingReports.id))
    .limit(limit)
    .offset(offset);
  const byType = (type: ListingType) =>
    rows.filter((row) => row.listingType === type).map((row) => row.listingId);
  const titles = new Map<string, { title: string; slug: string; status: string }>();
  const productIds = byType("product");
  if (productIds.length > 0)
    for (const row of await ctx.db
      .select({ id: products.id, title: products.name, slug: products.slug, status: products.status })
      .from(products)
      .where(inArray(products.id, productIds)))
      titles.set(`product:${row.id}`, row);
  const offerIds = byType("offer");
  if (offerIds.length > 0)
    for (const row of await ctx.db
      .select({ id: offers.id, title: offers.title, slug: offers.slug, status: offers.status })
      .from(offers)
      .where(inArray(offers.id, offerIds)))
      titles.set(`offer:${row.id}`, row);
  const storefrontIds = byType("storefront");
  if (storefrontIds.length > 0)
    for (const row of await ctx.db
      .select({
        id: storefronts.id,
        title: enterprises.name,
        slug: storefronts.slug,
        status: storefronts.status,
      })
      .from(storefronts)
      .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
      .where(inArray(storefronts.id, storefrontIds)))
      titles.set(`storefront:${row.id}`, row);
  return rows.map((row) => {
    const listing = titles.get(`${row.listingType}:${row.listingId}`);
    return {
      id: row.id,
      type: row.listingType,
      listingId: row.listingId,
      reason: row.reason,
      details: row.details,
      reporterEmail: row.reporterEmail,
      createdAt: row.createdAt,
      listingTitle: listing?.title ?? null,
      listingSlug: listing?.slug ?? null,
      listingStatus: listing?.status ?? null,
    };
  });
}

/** One listing as an officer reviews it, with the open reports about it. */
export async function getListingReview({
  ctx,
  type,
  id,
}: {
  ctx: ServiceContext;
  type: ListingType;
  id: number;
}): Promise<{
  listing: ModeratedListing;
  facts: ReviewFact[];
  reports: (typeof listingReports.$inferSelect)[];
}> {
  assertCan(ctx.actor, "marketplace.moderate", ctx.province);
  const listing = await loadListing(ctx.db, type, id, ctx.province.scopeIds);
  if (!listing) throw new NotFoundError("moderation.errors.notFound");
  const facts = await reviewFacts(ctx, listing);
  const reports = await ctx.db
    .select()
    .from(listingReports)
    .where(
      and(
        eq(listingReports.listingType, type),
        eq(listingReports.listingId, id),
        inArray(listingReports.provinceId, [...ctx.province.scopeIds]),
      ),
    )
    .orderBy(desc(listingReports.createdAt));
  return { listing, facts, reports };
}

/** A fact an officer checks before deciding: a catalogue key for its label and the value as shown. */
export type ReviewFact = {
  labelKey: string;
  value: string | null;
  /** The value is a catalogue key (translated when shown). */
  isKey?: boolean;
};

/** What the owner declared, as the public page would show it: category, price, unit, HS code, OCOP, contact. */
async function reviewFacts(ctx: ServiceContext, listing: ModeratedListing): Promise<ReviewFact[]> {
  const price = (dong: bigint | null): ReviewFact =>
    dong === null
      ? { labelKey: "moderation.fact.price", value: "moderation.fact.priceOnRequest", isKey: true }
      : { labelKey: "moderation.fact.price", value: formatVnd(dong) };
  switch (listing.type) {
    case "product": {
      const [row] = await ctx.db
        .select({ product: products, category: categories.name })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(eq(products.id, listing.id));
      if (!row) return [];
      const { product } = row;
      return [
        { labelKey: "moderation.column.category", value: row.category },
        price(product.priceDong),
        { labelKey: "moderation.fact.unit", value: product.unit },
        {
          labelKey: "moderation.fact.minOrder",
          value: product.minOrderQuantity === null ? null : formatNumber(product.minOrderQuantity),
        },
        { labelKey: "moderation.fact.hsCode", value: product.hsCode },
        { labelKey: "moderation.fact.origin", value: product.origin },
        {
          labelKey: "moderation.fact.ocop",
          value:
            product.ocopStars === null
              ? null
              : [
                  `${product.ocopStars}★`,
                  product.ocopCertificateNumber,
                  product.ocopCertifiedOn ? formatDate(product.ocopCertifiedOn) : null,
                  product.ocopExpiresOn ? `→ ${formatDate(product.ocopExpiresOn)}` : null,
                ]
                  .filter(Boolean)
                  .join(" · "),
        },
      ];
    }
    case "offer": {
      const [row] = await ctx.db
        .select({ offer: offers, category: categories.name })
        .from(offers)
        .innerJoin(categories, eq(categories.id, offers.categoryId))
        .where(eq(offers.id, listing.id));
      if (!row) return [];
      const { offer } = row;
      return [
        { labelKey: "moderation.column.category", value: row.category },
        { labelKey: "moderation.fact.quantity", value: `${formatNumber(offer.quantity)} ${offer.unit}` },
        price(offer.priceDong),
        {
          labelKey: "moderation.fact.delivery",
          value: [offer.deliveryTerms, offer.deliveryPlace].filter(Boolean).join(", ") || null,
        },
      ];
    }
    case "storefront": {
      const [row] = await ctx.db
        .select({ storefront: storefronts, taxCode: enterprises.taxCode })
        .from(storefronts)
        .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
        .where(eq(storefronts.id, listing.id));
      if (!row) return [];
      const { storefront } = row;
      return [
        { labelKey: "moderation.fact.taxCode", value: row.taxCode },
        {
          labelKey: "moderation.fact.contact",
          value:
            [storefront.contactName, storefront.contactPhone, storefront.contactEmail]
              .filter(Boolean)
              .join(" · ") || null,
        },
        { labelKey: "moderation.fact.video", value: storefront.videoUrl },
      ];
    }
  }
}

/** One report as the officer closes it, with its listing (null when the listing is gone). */
export async function getReport({ ctx, reportId }: { ctx: ServiceContext; reportId: number }) {
  assertCan(ctx.actor, "marketplace.moderate", ctx.province);
  const [report] = await ctx.db
    .select()
    .from(listingReports)
    .where(
      and(eq(listingReports.id, reportId), inArray(listingReports.provinceId, [...ctx.province.scopeIds])),
    );
  if (!report) throw new NotFoundError("moderation.errors.reportNotFound");
  const listing = await loadListing(ctx.db, report.listingType, report.listingId, ctx.province.scopeIds);
  return { report, listing };
}
