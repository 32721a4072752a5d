import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { uploadedFiles } from "../../platform/schema.ts";
import { enterprises } from "../enterprises/schema.ts";
import { communes, provinces } from "../geo/schema.ts";
import { users } from "../identity/schema.ts";

/** Listing life cycle: the owner drafts, submits for review; an officer publishes or hides (with a reason). */
export const listingStatuses = ["draft", "pending", "published", "hidden"] as const;
export type ListingStatus = (typeof listingStatuses)[number];

/**
 * The category tree, shared by every province (seeded from `category-tree.ts`: the seeds' sectors and the
 * six OCOP groups of Decision 148/2023). `path` lists the ids from the root down to this category.
 */
export const categories = pgTable(
  "categories",
  {
    id: serial("id").primaryKey(),
    parentId: integer("parent_id"),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    position: integer("position").notNull(),
    depth: smallint("depth").notNull(),
    path: integer("path").array().notNull(),
    isOcopGroup: boolean("is_ocop_group").notNull().default(false),
  },
  (table) => [index("categories_parent_idx").on(table.parentId, table.position)],
);

/** An enterprise's storefront (gian hàng) on its province's floor; at most one per enterprise. */
export const storefronts = pgTable(
  "storefronts",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .unique()
      .references(() => enterprises.id),
    slug: text("slug").notNull(),
    introduction: text("introduction").notNull().default(""),
    introductionEn: text("introduction_en"),
    logoFileId: integer("logo_file_id").references(() => uploadedFiles.id),
    videoUrl: text("video_url"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    status: text("status", { enum: listingStatuses }).notNull().default("draft"),
    moderationReason: text("moderation_reason"),
    /** "Đã xác thực bởi Sở Công Thương": granted by an officer, audited. */
    badgeGrantedAt: timestamp("badge_granted_at", { withTimezone: true }),
    badgeGrantedBy: integer("badge_granted_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("storefronts_province_slug_key").on(table.provinceId, table.slug),
    index("storefronts_province_status_idx").on(table.provinceId, table.status),
  ],
);

export const storefrontImages = pgTable(
  "storefront_images",
  {
    storefrontId: integer("storefront_id")
      .notNull()
      .references(() => storefronts.id, { onDelete: "cascade" }),
    fileId: integer("file_id")
      .notNull()
      .references(() => uploadedFiles.id),
    position: integer("position").notNull(),
    caption: text("caption"),
  },
  (table) => [primaryKey({ columns: [table.storefrontId, table.fileId] })],
);

export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    description: text("description").notNull().default(""),
    descriptionEn: text("description_en"),
    /** Integer đồng per `unit`; null means "liên hệ" (price on request). */
    priceDong: bigint("price_dong", { mode: "bigint" }),
    unit: text("unit").notNull(),
    minOrderQuantity: doublePrecision("min_order_quantity"),
    hsCode: text("hs_code"),
    origin: text("origin"),
    ocopStars: smallint("ocop_stars"),
    ocopCertificateNumber: text("ocop_certificate_number"),
    ocopCertifiedOn: date("ocop_certified_on"),
    /** 36 months after certification (Decision 148/2023/QĐ-TTg), computed by `ocopCertificateExpiry`. */
    ocopExpiresOn: date("ocop_expires_on"),
    status: text("status", { enum: listingStatuses }).notNull().default("draft"),
    moderationReason: text("moderation_reason"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("products_province_slug_key").on(table.provinceId, table.slug),
    index("products_enterprise_idx").on(table.enterpriseId, table.status),
    index("products_province_status_idx").on(table.provinceId, table.status, table.publishedAt),
    index("products_category_idx").on(table.categoryId),
  ],
);

export const productImages = pgTable(
  "product_images",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    fileId: integer("file_id")
      .notNull()
      .references(() => uploadedFiles.id),
    position: integer("position").notNull(),
    alt: text("alt"),
  },
  (table) => [primaryKey({ columns: [table.productId, table.fileId] })],
);

/** CO (origin), CQ (quality), other quality documents of a product. OCOP stars live on the product. */
export const productCertificates = pgTable(
  "product_certificates",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["co", "cq", "quality", "other"] }).notNull(),
    title: text("title").notNull(),
    number: text("number"),
    issuer: text("issuer"),
    issuedOn: date("issued_on"),
    expiresOn: date("expires_on"),
    fileId: integer("file_id").references(() => uploadedFiles.id),
  },
  (table) => [index("product_certificates_product_idx").on(table.productId)],
);

/** Sell offers (chào bán) and buy offers (chào mua, RFQ). A buy offer closes when its buyer accepts a quote. */
export const offers = pgTable(
  "offers",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    kind: text("kind", { enum: ["sell", "buy"] }).notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    productId: integer("product_id").references(() => products.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    /** The specification: quality, size, packing… */
    specification: text("specification").notNull().default(""),
    specificationEn: text("specification_en"),
    quantity: doublePrecision("quantity").notNull(),
    unit: text("unit").notNull(),
    /** Indicative price per unit in đồng; null: to be quoted / on request. */
    priceDong: bigint("price_dong", { mode: "bigint" }),
    deliveryTerms: text("delivery_terms"),
    deliveryPlace: text("delivery_place"),
    /** Last day the offer is open (inclusive, Asia/Ho_Chi_Minh). */
    expiresOn: date("expires_on").notNull(),
    status: text("status", { enum: [...listingStatuses, "closed"] })
      .notNull()
      .default("draft"),
    moderationReason: text("moderation_reason"),
    acceptedQuoteId: integer("accepted_quote_id"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("offers_province_slug_key").on(table.provinceId, table.slug),
    index("offers_province_status_idx").on(table.provinceId, table.status, table.publishedAt),
    index("offers_enterprise_idx").on(table.enterpriseId),
    index("offers_product_idx").on(table.productId),
    index("offers_category_idx").on(table.categoryId),
  ],
);

export const offerAttachments = pgTable(
  "offer_attachments",
  {
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    fileId: integer("file_id")
      .notNull()
      .references(() => uploadedFiles.id),
    position: integer("position").notNull(),
  },
  (table) => [primaryKey({ columns: [table.offerId, table.fileId] })],
);

/** A seller's answer to a buy offer. Refused after the offer's expiry or once it is closed. */
export const quotes = pgTable(
  "quotes",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    priceDong: bigint("price_dong", { mode: "bigint" }).notNull(),
    quantity: doublePrecision("quantity").notNull(),
    unit: text("unit").notNull(),
    validUntil: date("valid_until").notNull(),
    message: text("message").notNull().default(""),
    status: text("status", { enum: ["submitted", "accepted", "declined", "withdrawn"] })
      .notNull()
      .default("submitted"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("quotes_offer_idx").on(table.offerId, table.createdAt),
    index("quotes_enterprise_idx").on(table.enterpriseId, table.createdAt),
    uniqueIndex("quotes_offer_enterprise_open_key")
      .on(table.offerId, table.enterpriseId)
      .where(sql`status = 'submitted'`),
  ],
);

/** What matched a buy offer when it was published, and whether the matched seller was notified. */
export const offerMatches = pgTable(
  "offer_matches",
  {
    id: serial("id").primaryKey(),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    matchType: text("match_type", { enum: ["product", "offer"] }).notNull(),
    matchedId: integer("matched_id").notNull(),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    score: real("score").notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("offer_matches_key").on(table.offerId, table.matchType, table.matchedId),
    index("offer_matches_enterprise_idx").on(table.enterpriseId),
  ],
);

/**
 * A conversation between a buyer (a visitor or a signed-in user) and an enterprise about its storefront,
 * a product or an offer. A visitor continues the thread through a secret link (only its hash is kept).
 */
export const inquiries = pgTable(
  "inquiries",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    productId: integer("product_id").references(() => products.id),
    offerId: integer("offer_id").references(() => offers.id),
    senderUserId: integer("sender_user_id").references(() => users.id),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email").notNull(),
    senderPhone: text("sender_phone"),
    senderCompany: text("sender_company"),
    subject: text("subject").notNull(),
    accessTokenHash: text("access_token_hash").notNull().unique(),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("inquiries_enterprise_idx").on(table.enterpriseId, table.lastMessageAt),
    index("inquiries_sender_idx").on(table.senderUserId),
    index("inquiries_product_idx").on(table.productId),
    index("inquiries_offer_idx").on(table.offerId),
  ],
);

export const inquiryMessages = pgTable(
  "inquiry_messages",
  {
    id: serial("id").primaryKey(),
    inquiryId: integer("inquiry_id")
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    side: text("side", { enum: ["buyer", "seller"] }).notNull(),
    authorUserId: integer("author_user_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("inquiry_messages_inquiry_idx").on(table.inquiryId, table.createdAt)],
);

/** A visitor's report of a listing (fraud, wrong category, prohibited goods…), for officers to review. */
export const listingReports = pgTable(
  "listing_reports",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    listingType: text("listing_type", { enum: ["storefront", "product", "offer"] }).notNull(),
    listingId: integer("listing_id").notNull(),
    reason: text("reason", {
      enum: ["fraud", "prohibited", "counterfeit", "wrong-information", "other"],
    }).notNull(),
    details: text("details").notNull().default(""),
    reporterEmail: text("reporter_email"),
    reporterUserId: integer("reporter_user_id").references(() => users.id),
    status: text("status", { enum: ["open", "resolved", "dismissed"] })
      .notNull()
      .default("open"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("listing_reports_province_status_idx").on(table.provinceId, table.status),
    index("listing_reports_listing_idx").on(table.listingType, table.listingId),
  ],
);

/** Subscribers to the daily "trade opportunities" digest; confirmed by a link (double opt-in). */
export const digestSubscriptions = pgTable(
  "digest_subscriptions",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    email: text("email").notNull(),
    locale: text("locale", { enum: ["vi", "en"] })
      .notNull()
      .default("vi"),
    /** Empty: every category. */
    categoryIds: integer("category_ids").array().notNull().default(sql`'{}'::int[]`),
    offerKinds: text("offer_kinds").array().notNull().default(sql`'{sell,buy}'::text[]`),
    tokenHash: text("token_hash").notNull().unique(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    lastSentOn: date("last_sent_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("digest_subscriptions_province_email_key").on(table.provinceId, sql`lower(${table.email})`),
  ],
);

/**
 * One row per searchable thing on the floor (published product, published open offer, enterprise with a
 * published storefront), kept in step by the services that change them, in the same transaction.
 * `searchText` is the folded (no diacritics, lower case) text the search indexes; filters are columns.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    docType: text("doc_type", { enum: ["product", "offer", "enterprise"] }).notNull(),
    docId: integer("doc_id").notNull(),
    enterpriseId: integer("enterprise_id").notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    summary: text("summary").notNull().default(""),
    enterpriseName: text("enterprise_name").notNull(),
    /** The category and its ancestors, so a filter on a parent finds its children. */
    categoryIds: integer("category_ids").array().notNull().default(sql`'{}'::int[]`),
    offerKind: text("offer_kind", { enum: ["sell", "buy"] }),
    addressProvinceId: integer("address_province_id"),
    communeId: integer("commune_id").references(() => communes.id),
    ocopStars: smallint("ocop_stars"),
    verified: boolean("verified").notNull().default(false),
    priceDong: bigint("price_dong", { mode: "bigint" }),
    imageFileId: integer("image_file_id"),
    expiresOn: date("expires_on"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    searchText: text("search_text").notNull(),
  },
  (table) => [
    uniqueIndex("search_documents_doc_key").on(table.docType, table.docId),
    index("search_documents_enterprise_idx").on(table.enterpriseId),
  ],
);
