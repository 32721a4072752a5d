import type { ProcedureKind, SubsidyTerms } from "../../schema.ts";
import type { VersionDraft } from "../version-draft.ts";

/** The Department's units a seeded procedure refers to by role; the seeding resolves them to unit ids. */
export type UnitRole = "trade" | "safety" | "promotion";

export type SeedStep = { id: string; name: string; unit: UnitRole; workingDays: number };

/** A procedure as entered from its legal sources, with units by role and the plan line by activity. */
export type CatalogueEntry = Omit<
  VersionDraft,
  "implementingUnitId" | "workflow" | "subsidy" | "budgetLineId"
> & {
  code: string;
  kind: ProcedureKind;
  /** The office in charge (đơn vị chủ trì giải quyết); the directorate approves every procedure. */
  unit: UnitRole;
  steps: [SeedStep, ...SeedStep[]];
  /** A subsidy programme: its terms and the plan activity whose provincial budget line pays it. */
  subsidy?: { terms: SubsidyTerms; planActivityNumber: string };
};
