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
