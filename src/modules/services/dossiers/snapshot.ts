import { formatLocalInstant, startOfLocalDay } from "../calendar/dates.ts";
import {
  addDays,
  type ClockPause,
  calculateDeadline,
  classifyCompletion,
  countWorkingDaysLeft,
  type DossierDeadline,
  type WorkingCalendar,
} from "../calendar/index.ts";
import type { DossierContext, DossierStatus } from "../workflow/index.ts";
import { getStageOf } from "../workflow/index.ts";
import type { DossierRow } from "./listeners.ts";

const toDate = (instant: string | null) => (instant === null ? null : new Date(instant));
/** The calendar engine wants instants with an explicit offset; stored instants are printed in UTC+7. */
export const toInstant = (date: Date) => formatLocalInstant(date.getTime());

function pausesOf(status: DossierStatus): ClockPause[] {
  return status.pauses.map((pause) => ({
    pausedAt: toInstant(new Date(pause.from)),
    ...(pause.to === null ? {} : { resumedAt: toInstant(new Date(pause.to)) }),
  }));
}

/**
 * The dossier's legal deadline. The clock starts when the complete dossier is received (before that, on
 * submission, the appointment is provisional: what form 01 promises if it is received that day), skips the
 * days waiting for a supplement, and counts working days from the province's calendar and cut-off hour.
 * An extension (form 04) moves the appointment but not the deadline the dossier is judged against: a dossier
 * finished after its original due day counts as late even when an apology moved the date (Decision 766 counts
 * it among the late ones).
 */
export function computeDeadline(input: {
  calendar: WorkingCalendar;
  status: DossierStatus;
  processingWorkingDays: number;
  cutOff: string;
  now: Date;
}): DossierDeadline | null {
  const { status } = input;
  const start = status.receivedAt ?? status.submittedAt;
  if (start === null) return null;
  return calculateDeadline(input.calendar, toInstant(new Date(start)), input.processingWorkingDays, {
    cutOff: input.cutOff,
    pauses: pausesOf(status),
    asOf: toInstant(input.now),
  });
}

/** The appointment shown to the applicant: the extended date when form 04 moved it. */
export function appointmentOf(deadline: DossierDeadline | null, status: DossierStatus): string | null {
  if (status.extendedDueDate !== null) return status.extendedDueDate;
  return deadline?.dueDate ?? null;
}

export type DossierSnapshot = Pick<
  DossierRow,
  | "state"
  | "currentStepId"
  | "stageUnitId"
  | "stageRole"
  | "holderUserId"
  | "submittedAt"
  | "receivedAt"
  | "dueDate"
  | "pausedAt"
  | "decidedAt"
  | "completedAt"
  | "timeliness"
  | "eventCount"
  | "lastActionAt"
>;

/** The columns the inbox, lookups and dashboards read, computed from the replayed status. */
export function snapshotOf(input: {
  status: DossierStatus;
  context: DossierContext;
  deadline: DossierDeadline | null;
}): DossierSnapshot {
  const { status, context, deadline } = input;
  const stage = status.state === "draft" ? null : getStageOf(status, context);
  const openPause = status.pauses.at(-1);
  const decided = status.decidedAt !== null && status.receivedAt !== null;
  return {
    state: status.state,
    currentStepId: status.currentStepId,
    stageUnitId: stage ? Number(stage.unitId) : null,
    stageRole: stage?.role ?? null,
    holderUserId: status.holder ? Number(status.holder.userId) : null,
    submittedAt: toDate(status.submittedAt),
    receivedAt: toDate(status.receivedAt),
    dueDate: appointmentOf(deadline, status),
    pausedAt: openPause && openPause.to === null ? new Date(openPause.from) : null,
    decidedAt: toDate(status.decidedAt),
    completedAt: toDate(status.completedAt),
    timeliness:
      decided && deadline ? classifyCompletion(deadline, toInstant(new Date(status.decidedAt!))) : null,
    eventCount: status.entryCount,
    lastActionAt: toDate(status.lastActionAt),
  };
}

export type DossierClock = {
  startDate: string;
  /** The legal due day (before any extension). */
  dueDate: string;
  /** What the applicant was promised last: the extended date, or the due day. */
  appointmentDate: string;
  workingDaysLeft: number;
  isPaused: boolean;
  isOverdue: boolean;
  /** Once decided: early, on time or late against the legal due day. */
  timeliness: "early" | "on-time" | "late" | null;
};

export function clockOf(input: {
  calendar: WorkingCalendar;
  status: DossierStatus;
  deadline: DossierDeadline | null;
  now: Date;
}): DossierClock | null {
  const { deadline, status, calendar } = input;
  if (!deadline) return null;
  const decidedAt = status.decidedAt === null ? null : toInstant(new Date(status.decidedAt));
  const appointment = appointmentOf(deadline, status)!;
  const at = decidedAt ?? toInstant(input.now);
  const target = { ...deadline, dueDate: appointment };
  const lateFrom = startOfLocalDay(addDays(deadline.dueDate, 1));
  return {
    startDate: deadline.startDate,
    dueDate: deadline.dueDate,
    appointmentDate: appointment,
    workingDaysLeft: countWorkingDaysLeft(calendar, target, at),
    isPaused: deadline.isPaused,
    isOverdue: decidedAt === null && status.receivedAt !== null && input.now.getTime() >= lateFrom,
    timeliness: decidedAt && status.receivedAt !== null ? classifyCompletion(deadline, decidedAt) : null,
  };
}
