import type {
  BudgetLine,
  PlanActivity,
  PlanDocument,
  PlanObjective,
  PlanTarget,
  UnitReference,
} from "./plan-document.ts";

/** A stored plan: the document's content with the row ids that pages and forms need, and where it belongs. */
export type PlanDetail = Omit<PlanDocument, "objectives" | "activities" | "budgetLines" | "units"> & {
  id: number;
  province: { id: number; slug: string; name: string; kind: string; status: "current" | "former" };
  units: (UnitReference & { id: number })[];
  objectives: (Omit<PlanObjective, "targets"> & { id: number; targets: (PlanTarget & { id: number })[] })[];
  activities: (PlanActivity & { id: number })[];
  budgetLines: (BudgetLine & { id: number })[];
  updatedAt: Date;
};

/** Drops the row ids: the document as the consistency check, the exporters and the API's stated part see it. */
export function toPlanDocument(detail: PlanDetail): PlanDocument {
  return {
    slug: detail.slug,
    ...(detail.provinceCode ? { provinceCode: detail.provinceCode } : {}),
    title: detail.title,
    ...(detail.titleEn ? { titleEn: detail.titleEn } : {}),
    periodStart: detail.periodStart,
    periodEnd: detail.periodEnd,
    decisionNumber: detail.decisionNumber,
    decisionDate: detail.decisionDate,
    issuer: detail.issuer,
    signerName: detail.signerName,
    signerTitle: detail.signerTitle,
    budgetDisplayUnit: detail.budgetDisplayUnit,
    summary: detail.summary,
    units: detail.units.map(({ id: _id, ...unit }) => unit),
    objectives: detail.objectives.map(({ id: _id, targets, ...objective }) => ({
      ...objective,
      targets: targets.map(({ id: _targetId, ...target }) => target),
    })),
    activities: detail.activities.map(({ id: _id, ...activity }) => activity),
    budgetLines: detail.budgetLines.map(({ id: _id, ...line }) => line),
    statedTotals: detail.statedTotals,
    statedWords: detail.statedWords,
    decisionCitations: detail.decisionCitations,
    assignments: detail.assignments,
  };
}
