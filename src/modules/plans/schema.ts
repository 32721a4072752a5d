import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { provinces } from "../geo/schema.ts";
import { units } from "../identity/schema.ts";
import { fundingSources } from "./plan-document.ts";

/**
 * A plan as issued (title, period, decision) and everything it contains. `provinceId` is the province that
 * issued it, which may be a former province (Bà Rịa – Vũng Tàu); its successor's portal sees it too.
 */
export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    titleEn: text("title_en"),
    periodStart: integer("period_start").notNull(),
    periodEnd: integer("period_end").notNull(),
    decisionNumber: text("decision_number").notNull(),
    decisionDate: date("decision_date").notNull(),
    issuer: text("issuer").notNull(),
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title").notNull(),
    budgetDisplayUnit: text("budget_display_unit", { enum: ["dong", "million"] }).notNull(),
    summary: text("summary").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("plans_province_slug_key").on(table.provinceId, table.slug)],
);

const planColumns = () => ({
  planId: integer("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" }),
  provinceId: integer("province_id")
    .notNull()
    .references(() => provinces.id),
});

export const planObjectives = pgTable(
  "plan_objectives",
  {
    id: serial("id").primaryKey(),
    ...planColumns(),
    position: integer("position").notNull(),
    code: text("code").notNull(),
    title: text("title").notNull(),
  },
  (table) => [index("plan_objectives_plan_idx").on(table.planId, table.position)],
);

export const planTargets = pgTable(
  "plan_targets",
  {
    id: serial("id").primaryKey(),
    ...planColumns(),
    objectiveId: integer("objective_id")
      .notNull()
      .references(() => planObjectives.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    code: text("code").notNull(),
    description: text("description").notNull(),
    value: doublePrecision("value"),
    valueText: text("value_text"),
    unit: text("unit"),
    comparator: text("comparator", { enum: ["eq", "gte", "gt", "lte", "about"] }),
    targetYear: integer("target_year"),
    location: text("location").notNull(),
    /** The same target as stated elsewhere in the document when it differs: [{ location, valueText }]. */
    variants: jsonb("variants").$type<{ location: string; valueText: string }[]>().notNull().default([]),
  },
  (table) => [index("plan_targets_objective_idx").on(table.objectiveId, table.position)],
);

export const planActivities = pgTable(
  "plan_activities",
  {
    id: serial("id").primaryKey(),
    ...planColumns(),
    position: integer("position").notNull(),
    number: text("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
  },
  (table) => [uniqueIndex("plan_activities_plan_number_key").on(table.planId, table.number)],
);

export const planActivityUnits = pgTable(
  "plan_activity_units",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => planActivities.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ["lead", "coordinating"] }).notNull(),
    position: integer("position").notNull(),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.unitId, table.role] })],
);

export const planBudgetLines = pgTable(
  "plan_budget_lines",
  {
    id: serial("id").primaryKey(),
    ...planColumns(),
    activityId: integer("activity_id").references(() => planActivities.id, { onDelete: "cascade" }),
    year: integer("year"),
    source: text("source", { enum: fundingSources }).notNull(),
    amountDong: bigint("amount_dong", { mode: "bigint" }).notNull(),
    label: text("label"),
    unitPriceDong: bigint("unit_price_dong", { mode: "bigint" }),
    quantity: doublePrecision("quantity"),
    quantityUnit: text("quantity_unit"),
    position: integer("position").notNull(),
  },
  (table) => [index("plan_budget_lines_plan_idx").on(table.planId, table.position)],
);

/** Totals and amounts in words exactly as the document prints them (typos kept) for the consistency check. */
export const planStatedTotals = pgTable(
  "plan_stated_totals",
  {
    id: serial("id").primaryKey(),
    ...planColumns(),
    scope: text("scope", { enum: ["grand", "year", "source", "activity", "activity-source"] }).notNull(),
    key: text("key").notNull(),
    printed: text("printed").notNull(),
    printedUnit: text("printed_unit", { enum: ["dong", "million"] }).notNull(),
    location: text("location").notNull(),
    position: integer("position").notNull(),
  },
  (table) => [index("plan_stated_totals_plan_idx").on(table.planId, table.position)],
);

export const planStatedWords = pgTable("plan_stated_words", {
  id: serial("id").primaryKey(),
  ...planColumns(),
  text: text("text").notNull(),
  location: text("location").notNull(),
  position: integer("position").notNull(),
});

export const planDecisionCitations = pgTable("plan_decision_citations", {
  id: serial("id").primaryKey(),
  ...planColumns(),
  number: text("number").notNull(),
  location: text("location").notNull(),
  position: integer("position").notNull(),
});

/** Section "Tổ chức thực hiện": the duties the plan gives each agency. */
export const planAssignments = pgTable("plan_assignments", {
  id: serial("id").primaryKey(),
  ...planColumns(),
  unitId: integer("unit_id")
    .notNull()
    .references(() => units.id),
  duties: jsonb("duties").$type<string[]>().notNull(),
  position: integer("position").notNull(),
});
