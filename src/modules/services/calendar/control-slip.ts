/**
 * The processing control slip (phiếu kiểm soát quá trình giải quyết hồ sơ, form 06 of Circular
 * 01/2018/TT-VPCP, kept by Circular 03/2025/TT-VPCP): each unit that holds the dossier has its own allotted
 * working days, and the slip records, per handover, whether that step finished early, on time or late.
 *
 * A step's clock starts when it receives the dossier (the receipt for the first step, the previous step's
 * finish for the next ones), with the same cut-off and the same supplement pauses as the dossier clock.
 */
import { ValidationError } from "../../../platform/errors.ts";
import { parseInstant } from "./dates.ts";
import {
  type ClockPause,
  type ClockStatus,
  calculateDeadline,
  classifyCompletion,
  type DossierDeadline,
} from "./deadline.ts";
import type { WorkingCalendar } from "./working-days.ts";

export type ProcessingStep = { name: string; allottedWorkingDays: number; finishedAt?: string };

export type StepResult = {
  name: string;
  startedAt: string;
  deadline: DossierDeadline;
  finishedAt?: string;
  /** undefined while the step is still running. */
  status?: ClockStatus;
  /** Still running and past its due day at `asOf`. */
  isOverdue: boolean;
};

export type ControlSlipInput = {
  receivedAt: string;
  steps: readonly ProcessingStep[];
  pauses?: readonly ClockPause[];
  cutOff?: string;
  /** Now, for the running step (and for an open pause). */
  asOf?: string;
};

export function classifyProcessingSteps(calendar: WorkingCalendar, input: ControlSlipInput): StepResult[] {
  const results: StepResult[] = [];
  let startedAt = input.receivedAt;
  for (const [index, step] of input.steps.entries()) {
    const deadline = calculateDeadline(calendar, startedAt, step.allottedWorkingDays, {
      cutOff: input.cutOff,
      pauses: input.pauses,
      asOf: input.asOf,
    });
    if (step.finishedAt === undefined) {
      const isOverdue =
        input.asOf !== undefined && parseInstant(input.asOf, "asOf") >= parseInstant(deadline.lateFrom);
      results.push({ name: step.name, startedAt, deadline, isOverdue });
      break; // later steps have not received the dossier yet
    }
    if (parseInstant(step.finishedAt, `steps.${index}.finishedAt`) < parseInstant(startedAt)) {
      throw new ValidationError([
        { field: `steps.${index}.finishedAt`, messageKey: "calendar.finishBeforeStart" },
      ]);
    }
    results.push({
      name: step.name,
      startedAt,
      deadline,
      finishedAt: step.finishedAt,
      status: classifyCompletion(deadline, step.finishedAt),
      isOverdue: false,
    });
    startedAt = step.finishedAt;
  }
  return results;
}
