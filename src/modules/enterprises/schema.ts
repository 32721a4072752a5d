import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { communes, provinces } from "../geo/schema.ts";
import { users } from "../identity/schema.ts";

export const legalForms = [
  "private-enterprise",
  "llc-single-member",
  "llc-multi-member",
  "joint-stock",
  "partnership",
  "cooperative",
  "household-business",
  "branch",
  "state-owned",
  "other",
] as const;
export type LegalForm = (typeof legalForms)[number];

export const enterpriseStatuses = ["pending", "verified", "suspended"] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];

export const sizeClasses = ["micro", "small", "medium", "large"] as const;

/** The e-commerce readiness facts the annual surveys ask about (null: not known). */
export const readinessFields = [
  "usesEmail",
  "hasWebsite",
  "onMarketplaces",
  "acceptsOnlinePayment",
  "usesESignature",
  "usesManagementSoftware",
] as const;
export type ReadinessField = (typeof readinessFields)[number];

/**
 * An enterprise in a province's registry, keyed by its tax code (MST) within the province.
 * `provinceId` is the tenant (the portal that keeps the record); `addressProvinceId` is where it is based,
 * a current province; `formerDistrict` keeps the district abolished on 01/07/2025 where it is known.
 */
export const enterprises = pgTable(
  "enterprises",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    /** Normalised: 10 digits, or 10 digits + "-" + 3 for a dependent unit (branch). */
    taxCode: text("tax_code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    shortName: text("short_name"),
    legalForm: text("legal_form", { enum: legalForms }).notNull(),
    /** VSIC 2018 section letter (A–U); picks the Decree 80/2021 sector group. */
    vsicSection: text("vsic_section").notNull(),
    /** Main business line code (VSIC level 4 or 5) as registered, when known. */
    vsicCode: text("vsic_code"),
    productsDescription: text("products_description").notNull().default(""),
    productsDescriptionEn: text("products_description_en"),
    addressLine: text("address_line").notNull().default(""),
    addressProvinceId: integer("address_province_id").references(() => provinces.id),
    communeId: integer("commune_id").references(() => communes.id),
    formerDistrict: text("former_district"),
    representativeName: text("representative_name"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    foundedYear: smallint("founded_year"),
    /** Annual average of workers covered by social insurance (Decree 80/2021 Art. 6). */
    employees: integer("employees"),
    revenueDong: bigint("revenue_dong", { mode: "bigint" }),
    capitalDong: bigint("capital_dong", { mode: "bigint" }),
    /** Computed on every save by `classifyEnterpriseSize` (Decree 80/2021 Art. 5); null when unknown. */
    sizeClass: text("size_class", { enum: sizeClasses }),
    usesEmail: boolean("uses_email"),
    hasWebsite: boolean("has_website"),
    onMarketplaces: boolean("on_marketplaces"),
    acceptsOnlinePayment: boolean("accepts_online_payment"),
    usesESignature: boolean("uses_e_signature"),
    usesManagementSoftware: boolean("uses_management_software"),
    /** Exporters' directory (VNEX-style): listed when true. */
    isExporter: boolean("is_exporter").notNull().default(false),
    exportMarkets: text("export_markets").array().notNull().default(sql`'{}'::text[]`),
    hsCodes: text("hs_codes").array().notNull().default(sql`'{}'::text[]`),
    status: text("status", { enum: enterpriseStatuses }).notNull().default("pending"),
    statusReason: text("status_reason"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    statusChangedBy: integer("status_changed_by").references(() => users.id),
    source: text("source", { enum: ["registration", "import", "officer", "demo"] }).notNull(),
    /** SHA-256 of the imported row's normalised values: a re-import of an unchanged row changes nothing. */
    importDigest: text("import_digest"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("enterprises_province_tax_code_key").on(table.provinceId, table.taxCode),
    index("enterprises_province_status_idx").on(table.provinceId, table.status),
    index("enterprises_name_trgm_idx").using("gin", sql`fold_vietnamese(${table.name}) gin_trgm_ops`),
  ],
);

/**
 * People acting for an enterprise. A representative who registers a new enterprise is its owner at once;
 * one who claims an existing record waits ("pending") until an officer approves the claim.
 */
export const enterpriseMembers = pgTable(
  "enterprise_members",
  {
    enterpriseId: integer("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "staff"] }).notNull(),
    status: text("status", { enum: ["pending", "active", "rejected"] }).notNull(),
    /** What the claimant wrote to support a claim (position, document number…). */
    claimNote: text("claim_note"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.enterpriseId, table.userId] }),
    index("enterprise_members_user_idx").on(table.userId),
  ],
);

/**
 * One upload of the business register (XLSX/CSV from Sở Kế hoạch và Đầu tư / Sở Tài chính). Parsed rows wait
 * in `rows` between the preview and the officer's confirmation; the run then updates the counters so the page
 * can show progress.
 */
export const enterpriseImports = pgTable(
  "enterprise_imports",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: ["previewed", "running", "done", "failed", "cancelled"] }).notNull(),
    totalRows: integer("total_rows").notNull(),
    validRows: integer("valid_rows").notNull(),
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    unchangedCount: integer("unchanged_count").notNull().default(0),
    /** Row-level problems: [{ row, column, messageKey, params }]. */
    problems: jsonb("problems").notNull().default(sql`'[]'::jsonb`),
    /** Normalised valid rows waiting for confirmation; emptied once the import has run. */
    rows: jsonb("rows").notNull().default(sql`'[]'::jsonb`),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("enterprise_imports_province_idx").on(table.provinceId, table.createdAt)],
);
