import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { offers, products, storefronts } from "../schema.ts";
import {
  refreshEnterpriseDocument,
  refreshEnterpriseListings,
  refreshOfferDocument,
  refreshProductDocument,
} from "../search/documents.ts";

/**
 * The three kinds of listing officers moderate, seen through one shape: what a decision needs to read
 * (status, owner, whether the owner is verified) and the one update it makes. Every read is scoped to the
 * portal's provinces, so a listing of another province is simply not found.
 */
export const listingTypes = ["storefront", "product", "offer"] as const;
export type ListingType = (typeof listingTypes)[number];

export function isListingType(value: unknown): value is ListingType {
  return typeof value === "string" && (listingTypes as readonly string[]).includes(value);
}

export type ListingStatusValue = "draft" | "pending" | "published" | "hidden" | "closed";

export type ModeratedListing = {
  type: ListingType;
  id: number;
  provinceId: number;
  enterpriseId: number;
  enterpriseName: string;
  enterpriseStatus: "pending" | "verified" | "suspended";
  title: string;
  /** What an officer reads before deciding: introduction, description or specification. */
  description: string;
  slug: string;
  status: ListingStatusValue;
  moderationReason: string | null;
  publishedAt: Date | null;
  /** Storefronts only. */
  badgeGrantedAt: Date | null;
  /** Offers only: last day open. */
  expiresOn: string | null;
  kind: "sell" | "buy" | null;
};

export async function loadListing(
  db: Executor,
  type: ListingType,
  id: number,
  scopeIds: readonly number[],
  options: { forUpdate?: boolean } = {},
): Promise<ModeratedListing | null> {
  const enterprise = {
    enterpriseName: enterprises.name,
    enterpriseStatus: enterprises.status,
  };
  switch (type) {
    case "storefront": {
      const query = db
        .select({ row: storefronts, ...enterprise })
        .from(storefronts)
        .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
        .where(and(eq(storefronts.id, id), inArray(storefronts.provinceId, [...scopeIds])));
      const [found] = options.forUpdate ? await query.for("update", { of: storefronts }) : await query;
      if (!found) return null;
      const { row } = found;
      return {
        type,
        id: row.id,
        provinceId: row.provinceId,
        enterpriseId: row.enterpriseId,
        enterpriseName: found.enterpriseName,
        enterpriseStatus: found.enterpriseStatus,
        title: found.enterpriseName,
        description: row.introduction,
        slug: row.slug,
        status: row.status,
        moderationReason: row.moderationReason,
        publishedAt: row.publishedAt,
        badgeGrantedAt: row.badgeGrantedAt,
        expiresOn: null,
        kind: null,
      };
    }
    case "product": {
      const query = db
        .select({ row: products, ...enterprise })
        .from(products)
        .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
        .where(and(eq(products.id, id), inArray(products.provinceId, [...scopeIds])));
      const [found] = options.forUpdate ? await query.for("update", { of: products }) : await query;
      if (!found) return null;
      const { row } = found;
      return {
        type,
        id: row.id,
        provinceId: row.provinceId,
        enterpriseId: row.enterpriseId,
        enterpriseName: found.enterpriseName,
        enterpriseStatus: found.enterpriseStatus,
        title: row.name,
        description: row.description,
        slug: row.slug,
        status: row.status,
        moderationReason: row.moderationReason,
        publishedAt: row.publishedAt,
        badgeGrantedAt: null,
        expiresOn: null,
        kind: null,
      };
    }
    case "offer": {
      const query = db
        .select({ row: offers, ...enterprise })
        .from(offers)
        .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
        .where(and(eq(offers.id, id), inArray(offers.provinceId, [...scopeIds])));
      const [found] = options.forUpdate ? await query.for("update", { of: offers }) : await query;
      if (!found) return null;
      const { row } = found;
      return {
        type,
        id: row.id,
        provinceId: row.provinceId,
        enterpriseId: row.enterpriseId,
        enterpriseName: found.enterpriseName,
        enterpriseStatus: found.enterpriseStatus,
        title: row.title,
        description: row.specification,
        slug: row.slug,
        status: row.status,
        moderationReason: row.moderationReason,
        publishedAt: row.publishedAt,
        badgeGrantedAt: null,
        expiresOn: row.expiresOn,
        kind: row.kind,
      };
    }
  }
}

export type ListingChange = {
  status?: "published" | "hidden";
  moderationReason?: string | null;
  publishedAt?: Date;
  badgeGrantedAt?: Date | null;
  badgeGrantedBy?: number | null;
};

export async function updateListing(
  db: Executor,
  type: ListingType,
  id: number,
  change: ListingChange,
): Promise<void> {
  const values = { ...change, updatedAt: new Date() };
  switch (type) {
    case "storefront":
      await db.update(storefronts).set(values).where(eq(storefronts.id, id));
      return;
    case "product": {
      const { badgeGrantedAt: _at, badgeGrantedBy: _by, ...rest } = values;
      await db.update(products).set(rest).where(eq(products.id, id));
      return;
    }
    case "offer": {
      const { badgeGrantedAt: _at, badgeGrantedBy: _by, ...rest } = values;
      await db.update(offers).set(rest).where(eq(offers.id, id));
      return;
    }
  }
}

/**
 * Brings the search documents in step after a decision. A storefront's document is its enterprise's; the
 * badge is copied into every document of the enterprise (`verified`), so a badge change refreshes them all.
 */
export async function refreshListingDocuments(
  db: Executor,
  listing: ModeratedListing,
  options: { badgeChanged?: boolean } = {},
): Promise<void> {
  if (options.badgeChanged) return refreshEnterpriseListings(db, listing.enterpriseId);
  switch (listing.type) {
    case "storefront":
      return refreshEnterpriseDocument(db, listing.enterpriseId);
    case "product":
      return refreshProductDocument(db, listing.id);
    case "offer":
      return refreshOfferDocument(db, listing.id);
  }
}

/** The public page of a listing (for links in the queue, mails and reports). */
export function listingPath(provinceSlug: string, listing: { type: ListingType; slug: string }): string {
  const segment = { storefront: "storefronts", product: "products", offer: "offers" }[listing.type];
  return `/${provinceSlug}/${segment}/${listing.slug}`;
}
