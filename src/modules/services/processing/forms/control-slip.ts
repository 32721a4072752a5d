import type { Executor } from "../../../../db/client.ts";
import { formatLocalInstant } from "../../calendar/dates.ts";
import { type ClockStatus, classifyProcessingSteps, type ProcessingStep } from "../../calendar/index.ts";
import {
  type DossierRow,
  getServiceSettings,
  loadWorkingCalendar,
  type ProcedureVersionRow,
} from "../../dossiers/index.ts";
import type { DossierStatus, ProcedureWorkflow } from "../../workflow/index.ts";

// Form 06, the processing control slip (phiếu kiểm soát quá trình giải quyết hồ sơ): one line per stay of the
// dossier at a unit, each with its own allotted working days and its early / on-time / late result, computed
// by calendar/control-slip.ts. Lines: each visit of a processing step (a send-back makes a second visit), then
// the leader's approval, allotted what the steps leave of the procedure's processing time.

export type ControlSlipLine = {
  unitId: number;
  /** "step" lines name the step; the approval line is the directorate's. */
  kind: "step" | "approval";
  stepName: string | null;
  allottedWorkingDays: number;
  startedAt: string;
  dueDate: string;
  finishedAt: string | null;
  status: ClockStatus | null;
  isOverdue: boolean;
};

export type ControlSlip = { receivedAt: string; lines: ControlSlipLine[] };

const toInstant = (iso: string) => formatLocalInstant(Date.parse(iso));

/** The slip of a received dossier (null before receipt: no clock runs yet). */
export async function buildControlSlip(
  db: Executor,
  input: {
    dossier: DossierRow;
    version: ProcedureVersionRow;
    workflow: ProcedureWorkflow;
    status: DossierStatus;
    now: Date;
  },
): Promise<ControlSlip | null> {
  const { status, workflow } = input;
  if (status.receivedAt === null) return null;
  const stepsById = new Map(workflow.steps.map((step) => [step.id, step]));
  const lines: Omit<ControlSlipLine, "startedAt" | "dueDate" | "status" | "isOverdue">[] =
    status.stepVisits.map((visit) => ({
      unitId: Number(visit.unitId),
      kind: "step",
      stepName: stepsById.get(visit.stepId)?.name ?? visit.stepId,
      allottedWorkingDays: stepsById.get(visit.stepId)?.workingDays ?? 0,
      finishedAt: visit.to,
    }));
  const reachedApproval = status.stepVisits.length > 0 && status.stepVisits.at(-1)!.to !== null;
  if (reachedApproval && ["proposed", "approved", "rejected", "completed"].includes(status.state)) {
    const allottedToSteps = workflow.steps.reduce((sum, step) => sum + step.workingDays, 0);
    lines.push({
      unitId: Number(workflow.approvalUnitId),
      kind: "approval",
      stepName: null,
      allottedWorkingDays: Math.max(0, input.version.processingWorkingDays - allottedToSteps),
      finishedAt: status.decidedAt,
    });
  }
  if (lines.length === 0) return { receivedAt: status.receivedAt, lines: [] };
  const settings = await getServiceSettings(db, input.dossier.provinceId);
  const calendar = await loadWorkingCalendar(db, input.dossier.provinceId);
  const steps: ProcessingStep[] = lines.map((line) => ({
    name: line.stepName ?? "approval",
    allottedWorkingDays: line.allottedWorkingDays,
    ...(line.finishedAt ? { finishedAt: toInstant(line.finishedAt) } : {}),
  }));
  const results = classifyProcessingSteps(calendar, {
    receivedAt: toInstant(status.receivedAt),
    steps,
    pauses: status.pauses.map((pause) => ({
      pausedAt: toInstant(pause.from),
      ...(pause.to ? { resumedAt: toInstant(pause.to) } : {}),
    })),
    cutOff: settings.cutOffTime,
    asOf: formatLocalInstant(input.now.getTime()),
  });
  return {
    receivedAt: status.receivedAt,
    lines: results.map((result, index) => ({
      ...lines[index]!,
      startedAt: result.startedAt,
      dueDate: result.deadline.dueDate,
      status: result.status ?? null,
      isOverdue: result.isOverdue,
    })),
  };
}
