import { boolean, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { provinces } from "../modules/geo/schema.ts";

/** Mail waiting to be sent, or kept for an administrator to read when no SMTP server is configured. */
export const mailOutbox = pgTable("mail_outbox", {
  id: serial("id").primaryKey(),
  provinceId: integer("province_id").references(() => provinces.id),
  recipient: text("recipient").notNull(),
  subject: text("subject").notNull(),
  bodyText: text("body_text").notNull(),
  /** The body carries a secret (a password-reset link): administrators never see it in production. */
  isSensitive: boolean("is_sensitive").notNull().default(false),
  status: text("status", { enum: ["kept", "queued", "sent", "failed"] }).notNull(),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});

/** Installation facts such as which demo-data version was loaded (keeps seeding idempotent). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An uploaded file, checked by content (not by its name) and size before it is stored. `storageKey` names it
 * in the file store (a directory under DATA_DIR by default); images also get a thumbnail (`thumbnailKey`).
 */
export const uploadedFiles = pgTable("uploaded_files", {
  id: serial("id").primaryKey(),
  provinceId: integer("province_id").references(() => provinces.id),
  ownerUserId: integer("owner_user_id"),
  storageKey: text("storage_key").notNull().unique(),
  thumbnailKey: text("thumbnail_key"),
  originalName: text("original_name").notNull(),
  contentType: text("content_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  sha256: text("sha256").notNull(),
  width: integer("width"),
  height: integer("height"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
