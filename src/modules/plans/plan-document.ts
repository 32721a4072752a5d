import { z } from "zod";

/**
 * A plan as an official document states it: the shape shared by the seed data, the importer, the
 * exporters and the consistency check. Amounts are integer đồng (bigint); figures "as printed" are kept
 * as the exact text of the document so that malformed numbers (e.g. "150.0000.000") survive entry and
 * the consistency check can report them.
 */

export const fundingSources = ["central", "provincial", "enterprise", "other", "unspecified"] as const;
export const FundingSource = z.enum(fundingSources);
export type FundingSource = z.infer<typeof FundingSource>;

/** Where a figure or statement appears in the document (e.g. "Quyết định, Điều 1, mục II.1", "Kế hoạch kèm theo, mục III.1"). */
export const DocumentLocation = z.string().min(1).max(300);

export const UnitReference = z.object({
  /** Stable code of the unit inside the province, e.g. "SCT", "STTTT", "TTXTTMDT", "ECOMVIET". */
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(300),
  nameEn: z.string().max(300).optional(),
  /** provincial: an agency of the province; central: a ministry body; other: associations, banks, enterprises. */
  kind: z.enum(["provincial", "central", "other"]),
});
export type UnitReference = z.infer<typeof UnitReference>;

export const TargetVariant = z.object({
  /** The same target as stated elsewhere in the document when it differs, e.g. the decision vs the annex. */
  location: DocumentLocation,
  valueText: z.string().min(1).max(100),
});

export const PlanTarget = z.object({
  code: z.string().max(20),
  description: z.string().min(1).max(2000),
  /** The numeric value when the target has one (100, 80, 1000); null for qualitative targets. */
  value: z.number().nullable(),
  /** The value exactly as printed ("100%", "khoảng 1.000 lượt", "trên 80%"). */
  valueText: z.string().max(100).nullable(),
  unit: z.string().max(40).nullable(),
  comparator: z.enum(["eq", "gte", "gt", "lte", "about"]).nullable(),
  targetYear: z.number().int().min(2000).max(2100).nullable(),
  location: DocumentLocation,
  variants: z.array(TargetVariant).default([]),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

export const PlanObjective = z.object({
  code: z.string().max(20),
  title: z.string().min(1).max(2000),
  targets: z.array(PlanTarget),
});
export type PlanObjective = z.infer<typeof PlanObjective>;

export const PlanActivity = z.object({
  /** Number as in the document's budget table or headings ("1", "4.b", "5.a"). Unique within a plan. */
  number: z.string().min(1).max(20),
  title: z.string().min(1).max(1000),
  description: z.string().max(20000).default(""),
  leadUnitCodes: z.array(z.string()).default([]),
  coordinatingUnitCodes: z.array(z.string()).default([]),
});
export type PlanActivity = z.infer<typeof PlanActivity>;

export const BudgetLine = z.object({
  /** The activity this line funds; null when the document budgets by source only (BR-VT 2021–2025). */
  activityNumber: z.string().nullable(),
  /** The year; null when the document gives only a whole-period amount for the activity. */
  year: z.number().int().min(2000).max(2100).nullable(),
  source: FundingSource,
  amountDong: z.bigint().nonnegative(),
  /** Cost breakdown where the document gives one: "20.400.000 VNĐ/lớp x 5 lớp". */
  label: z.string().max(500).nullable().default(null),
  unitPriceDong: z.bigint().nonnegative().nullable().default(null),
  quantity: z.number().nonnegative().nullable().default(null),
  quantityUnit: z.string().max(40).nullable().default(null),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

/** A total as the document prints it. `printed` is the exact text; `amountDong` is what it was meant to say when readable. */
export const StatedTotal = z.object({
  scope: z.enum(["grand", "year", "source", "activity", "activity-source"]),
  /** year ("2011"), source ("central"), activity number ("12"), or "12:provincial"; "" for grand. */
  key: z.string().max(40),
  printed: z.string().min(1).max(60),
  /** The unit the printed figure is in. */
  printedUnit: z.enum(["dong", "million"]),
  location: DocumentLocation,
});
export type StatedTotal = z.infer<typeof StatedTotal>;

export const StatedWords = z.object({
  /** The amount in words exactly as printed, typos included. */
  text: z.string().min(1).max(300),
  location: DocumentLocation,
});

export const DecisionCitation = z.object({
  /** A decision number as another part of the document cites it, e.g. the annex's "Ban hành kèm theo Quyết định số …". */
  number: z.string().min(1).max(60),
  location: DocumentLocation,
});

export const Assignment = z.object({
  unitCode: z.string(),
  duties: z.array(z.string().min(1)),
});

export const PlanDocument = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /**
   * GSO code of the (former) province that issued the plan: "77" Bà Rịa – Vũng Tàu, "87" Đồng Tháp. Seed data
   * names the province this way; plans created in the platform belong to the portal's province instead.
   */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  title: z.string().min(1).max(500),
  titleEn: z.string().max(500).optional(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  decisionNumber: z.string().min(1).max(60),
  decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuer: z.string().min(1).max(200),
  signerName: z.string().min(1).max(120),
  signerTitle: z.string().min(1).max(120),
  /** The unit the document's budget table uses. */
  budgetDisplayUnit: z.enum(["dong", "million"]),
  summary: z.string().max(5000).default(""),
  units: z.array(UnitReference),
  objectives: z.array(PlanObjective),
  activities: z.array(PlanActivity),
  budgetLines: z.array(BudgetLine),
  statedTotals: z.array(StatedTotal),
  statedWords: z.array(StatedWords),
  decisionCitations: z.array(DecisionCitation).default([]),
  assignments: z.array(Assignment).default([]),
});
export type PlanDocument = z.infer<typeof PlanDocument>;
