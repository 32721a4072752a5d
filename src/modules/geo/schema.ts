import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Provinces before and after the 2025 reform (Resolution 202/2025/QH15, in force 01/07/2025).
 * A former province points to the current province that absorbed it. A hosted province runs its own portal.
 * Reference data, not tenant-owned: every installation ships all 97 rows.
 */
export const provinces = pgTable(
  "provinces",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** "tỉnh" or "thành phố" (centrally governed city) as officially written. */
    kind: text("kind").notNull(),
    status: text("status", { enum: ["current", "former"] }).notNull(),
    /** General Statistics Office code of a former province; null for current ones (codes not yet verified). */
    gsoCode: text("gso_code"),
    successorId: integer("successor_id"),
    /** The day a former province ceased to exist / a current one came into force. */
    changedOn: date("changed_on"),
    isHosted: boolean("is_hosted").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("provinces_slug_key").on(table.slug),
    index("provinces_successor_idx").on(table.successorId),
  ],
);

/** Communes (xã, phường, đặc khu) of a current province, with the former district kept where known. */
export const communes = pgTable(
  "communes",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    formerDistrict: text("former_district"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("communes_province_code_key").on(table.provinceId, table.code)],
);
