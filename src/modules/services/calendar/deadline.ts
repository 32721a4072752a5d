/**
 * The dossier clock of the one-stop shop (Decree 118/2025/NĐ-CP; forms of Circular 03/2025/TT-VPCP, which
 * follow Circular 01/2018/TT-VPCP: 01 receipt and appointment slip, 02 request for supplement, 06
 * processing control slip with its "early / on time / late" column).
 *
 * Counting rules, each a decision recorded in the README:
 * - The processing time runs in working days from the day the complete dossier is received; that day is not
 *   counted (Civil Code 2015 Art. 147 cl. 2), so a 0-day procedure is due the same day.
 * - A dossier received after the cut-off hour, or on a day that is not a working day, is received on the
 *   next working day (the province's one-stop regulation sets the hour; 16:00 is only our default).
 * - While the applicant is asked for a supplement (form 02) the clock stops: the working days after the day
 *   of the request, up to the day the supplement counts as received (same cut-off rule), are not counted.
 * - Due at the end of the due working day, 24:00 UTC+7 (Civil Code 2015 Art. 148 cl. 6): finished before
 *   that day = early, on it = on time, after it = late.
 */
import { ValidationError } from "../../../platform/errors.ts";
import {
  addDays,
  formatLocalInstant,
  type IsoDate,
  parseInstant,
  startOfLocalDay,
  toLocalDateTime,
} from "./dates.ts";
import type { WorkingCalendar } from "./working-days.ts";

export type ClockStatus = "early" | "on-time" | "late";

/** A request for supplement: from `pausedAt` until the applicant supplied it at `resumedAt` (open if absent). */
export type ClockPause = { pausedAt: string; resumedAt?: string };

export type ClockOptions = {
  /** Local time "HH:MM" from which a dossier counts as received the next working day (default "16:00"). */
  cutOff?: string;
  pauses?: readonly ClockPause[];
  /** The moment of computation; an open pause is counted until then (required when a pause is open). */
  asOf?: string;
};

export type DossierDeadline = {
  startDate: IsoDate;
  dueDate: IsoDate;
  /** The first instant that is late (local midnight ending the due day), in UTC+7 notation. */
  lateFrom: string;
  /** Working days not counted because of pauses, in order. */
  pausedDates: IsoDate[];
  /** A pause is still open at `asOf`: the due date is provisional and moves while it stays open. */
  isPaused: boolean;
};

export const DEFAULT_CUT_OFF = "16:00";

function parseCutOff(cutOff: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutOff);
  if (!match) throw new ValidationError([{ field: "cutOff", messageKey: "calendar.invalidCutOff" }]);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The working day an instant counts as: its own day if a working day before the cut-off, else the next. */
export function findReceiptWorkingDate(
  calendar: WorkingCalendar,
  instant: string,
  cutOff = DEFAULT_CUT_OFF,
): IsoDate {
  const { date, minuteOfDay } = toLocalDateTime(parseInstant(instant));
  return calendar.isWorkingDay(date) && minuteOfDay < parseCutOff(cutOff)
    ? date
    : calendar.findNextWorkingDay(date);
}

/** The working days not counted because of pauses (overlapping pauses count once). */
function listPausedDates(calendar: WorkingCalendar, options: ClockOptions) {
  const dates = new Set<IsoDate>();
  const intervals: { requestDate: IsoDate; resumeDate: IsoDate }[] = [];
  let isPaused = false;
  (options.pauses ?? []).forEach((pause, index) => {
    const pausedAtMs = parseInstant(pause.pausedAt, `pauses.${index}.pausedAt`);
    let resumedAt = pause.resumedAt;
    if (resumedAt === undefined) {
      if (options.asOf === undefined) {
        throw new ValidationError([{ field: "asOf", messageKey: "calendar.openPauseNeedsAsOf" }]);
      }
      isPaused ||= parseInstant(options.asOf, "asOf") >= pausedAtMs;
      resumedAt = options.asOf;
    }
    if (parseInstant(resumedAt, `pauses.${index}.resumedAt`) < pausedAtMs) {
      throw new ValidationError([
        { field: `pauses.${index}.resumedAt`, messageKey: "calendar.resumeBeforePause" },
      ]);
    }
    const requestDate = toLocalDateTime(pausedAtMs).date;
    const resumeDate = findReceiptWorkingDate(calendar, resumedAt, options.cutOff);
    intervals.push({ requestDate, resumeDate });
    for (let date = addDays(requestDate, 1); date <= resumeDate; date = addDays(date, 1)) {
      if (calendar.isWorkingDay(date)) dates.add(date);
    }
  });
  return { dates, intervals, isPaused };
}

/** The `n`-th counted working day after `start`, skipping paused days. */
function countForward(calendar: WorkingCalendar, start: IsoDate, n: number, paused: Set<IsoDate>) {
  let date = start;
  const skipped: IsoDate[] = [];
  for (let counted = 0; counted < n; ) {
    date = calendar.findNextWorkingDay(date);
    if (paused.has(date)) skipped.push(date);
    else counted += 1;
  }
  return { date, skipped };
}

function assertWholeDays(days: number, field: string) {
  if (!Number.isInteger(days) || days < 0)
    throw new ValidationError([{ field, messageKey: "calendar.notWholeDays" }]);
}

/** Due date of a clock started at `startedAt` with `workingDays` to run (the dossier, or one step of it). */
export function calculateDeadline(
  calendar: WorkingCalendar,
  startedAt: string,
  workingDays: number,
  options: ClockOptions = {},
): DossierDeadline {
  assertWholeDays(workingDays, "processingWorkingDays");
  const startDate = findReceiptWorkingDate(calendar, startedAt, options.cutOff);
  const paused = listPausedDates(calendar, options);
  const { date: dueDate, skipped } = countForward(calendar, startDate, workingDays, paused.dates);
  // A request made on the due day (or, for a 0-day procedure, on the day of receipt) stops the clock with
  // part of that day left: the dossier is then due on the day the supplement counts as received.
  let finalDue = dueDate;
  for (let moved = true; moved; ) {
    moved = false;
    for (const { requestDate, resumeDate } of paused.intervals) {
      if (requestDate <= finalDue && resumeDate > finalDue) {
        finalDue = resumeDate;
        moved = true;
      }
    }
  }
  const pausedDates = [
    ...skipped,
    ...[...paused.dates].filter((date) => date > dueDate && date <= finalDue),
  ].sort();
  return {
    startDate,
    dueDate: finalDue,
    lateFrom: formatLocalInstant(startOfLocalDay(addDays(finalDue, 1))),
    pausedDates,
    isPaused: paused.isPaused,
  };
}

/** Working days left at `at`: 0 on the due day, negative (working days overdue) after it. */
export function countWorkingDaysLeft(
  calendar: WorkingCalendar,
  deadline: DossierDeadline,
  at: string,
): number {
  const today = toLocalDateTime(parseInstant(at, "at")).date;
  // `0 -` rather than unary minus: no -0 when the days since the due day are all days off.
  if (today > deadline.dueDate) return 0 - calendar.workingDaysBetween(deadline.dueDate, today);
  const paused = new Set(deadline.pausedDates);
  let left = 0;
  for (let date = addDays(today, 1); date <= deadline.dueDate; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date) && !paused.has(date)) left += 1;
  }
  return left;
}

/** Early before the due day, on time during it, late from `lateFrom` (the minute boundaries are exact). */
export function classifyCompletion(deadline: DossierDeadline, completedAt: string): ClockStatus {
  const completedMs = parseInstant(completedAt, "completedAt");
  if (completedMs < startOfLocalDay(deadline.dueDate)) return "early";
  return completedMs < parseInstant(deadline.lateFrom) ? "on-time" : "late";
}

export type DossierClockInput = ClockOptions & {
  receivedAt: string;
  processingWorkingDays: number;
  completedAt?: string;
  /** Now: required, since "days left" and "overdue" only mean something at a moment. */
  asOf: string;
};

export type DossierClockSummary = DossierDeadline & {
  /** At completion for a completed dossier, else at `asOf`. */
  workingDaysLeft: number;
  /** Set once the dossier is completed. */
  status?: ClockStatus;
  /** Not completed and past the due day at `asOf`. */
  isOverdue: boolean;
};

/** What a dossier page and the officer inbox show: due date, working days left, early / on time / late. */
export function summarizeDossierClock(
  calendar: WorkingCalendar,
  input: DossierClockInput,
): DossierClockSummary {
  const deadline = calculateDeadline(calendar, input.receivedAt, input.processingWorkingDays, input);
  const at = input.completedAt ?? input.asOf;
  return {
    ...deadline,
    workingDaysLeft: countWorkingDaysLeft(calendar, deadline, at),
    status: input.completedAt === undefined ? undefined : classifyCompletion(deadline, input.completedAt),
    isOverdue:
      input.completedAt === undefined && parseInstant(input.asOf, "asOf") >= parseInstant(deadline.lateFrom),
  };
}
