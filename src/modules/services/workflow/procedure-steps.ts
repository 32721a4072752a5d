// A procedure customises the common table with its own list of processing steps: one step for a simple
// licence, two for one that needs an appraisal and a technical check, or a step at another agency
// (một cửa liên thông, Decree 118/2025/NĐ-CP). The table decides WHICH actions exist; the step list decides
// WHERE forward / send-back / propose may go and WHICH unit must act at each stage.

import { WorkflowDefinitionError } from "./errors.ts";
import type { DossierState, Role } from "./transitions.ts";

export type ProcessingStep = {
  /** Stable id stored in history entries, e.g. "appraisal". */
  readonly id: string;
  readonly name: string;
  /** The unit (or other agency, for inter-agency steps) whose processing officers work this step. */
  readonly unitId: string;
  /** The step's share of the processing time, shown on form 06 (early / on time / late per step). */
  readonly workingDays: number;
};

export type ProcedureWorkflow = {
  /** The one-stop section that receives dossiers and returns results. */
  readonly receptionUnitId: string;
  /** At least one processing step, in order. */
  readonly steps: readonly [ProcessingStep, ...ProcessingStep[]];
  /** The unit whose leader signs results (usually the Department's directorate). */
  readonly approvalUnitId: string;
};

/** Validates a step list (saved with the procedure version, so a received dossier keeps its steps). */
export function defineProcedureWorkflow(workflow: ProcedureWorkflow): ProcedureWorkflow {
  if (workflow.steps.length === 0) throw new WorkflowDefinitionError("no-steps");
  const ids = new Set<string>();
  for (const step of workflow.steps) {
    if (step.id.trim() === "") throw new WorkflowDefinitionError("empty-step-id");
    if (ids.has(step.id)) throw new WorkflowDefinitionError(`duplicate-step:${step.id}`);
    if (!Number.isInteger(step.workingDays) || step.workingDays < 0) {
      throw new WorkflowDefinitionError(`bad-working-days:${step.id}`);
    }
    ids.add(step.id);
  }
  return workflow;
}

export function getStepIndex(workflow: ProcedureWorkflow, stepId: string | null): number {
  if (stepId === null) return -1;
  return workflow.steps.findIndex((step) => step.id === stepId);
}

/** Who handles a dossier in a given state: the unit that must act and the staff role that holds it. */
export type Stage = { readonly unitId: string; readonly role: Role } | null;

export function getStage(workflow: ProcedureWorkflow, state: DossierState, stepId: string | null): Stage {
  switch (state) {
    case "submitted":
    case "received":
    case "approved":
    case "rejected":
      return { unitId: workflow.receptionUnitId, role: "reception-officer" };
    case "in-review":
    case "awaiting-supplement": {
      const step = workflow.steps[getStepIndex(workflow, stepId)];
      return step ? { unitId: step.unitId, role: "processing-officer" } : null;
    }
    case "proposed":
      return { unitId: workflow.approvalUnitId, role: "leader" };
    case "draft":
    case "needs-completion":
    case "completed":
    case "refused":
    case "stopped":
    case "withdrawn":
      return null;
  }
}
