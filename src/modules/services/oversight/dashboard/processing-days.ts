import type { WorkingCalendar } from "../../calendar/index.ts";

/**
 * How many working days a decided dossier took: from the working day its receipt counts as (the receipt
 * day itself if it is a working day and the dossier came before the cut-off hour, else the next working
 * day — the deadline engine's rule) to the local day of the decision, the first day not counted (Civil Code
 * 2015 Art. 147 cl. 2). Decided on the day it counts from → 0.
 *
 * The dashboard aggregates dossiers in SQL into (receipt day, after cut-off, decision day) groups with a count,
 * so the calendar runs once per distinct group, not once per dossier: a year of a province has a few
 * thousand groups whatever the number of dossiers. Days waiting for a supplement are included (the snapshot
 * does not hold the pauses); the deadline engine's early/on-time/late column does exclude them.
 */
export type ProcessingDaysGroup = {
  receivedDate: string;
  receivedAfterCutOff: boolean;
  decidedDate: string;
  count: number;
};

export function countProcessingWorkingDays(
  calendar: WorkingCalendar,
  group: Pick<ProcessingDaysGroup, "receivedDate" | "receivedAfterCutOff" | "decidedDate">,
): number {
  const start =
    calendar.isWorkingDay(group.receivedDate) && !group.receivedAfterCutOff
      ? group.receivedDate
      : calendar.findNextWorkingDay(group.receivedDate);
  return Math.max(0, calendar.workingDaysBetween(start, group.decidedDate));
}

/** The mean over the groups' dossiers, rounded to one decimal; null when there is none. */
export function averageProcessingWorkingDays(
  calendar: WorkingCalendar,
  groups: readonly ProcessingDaysGroup[],
): number | null {
  let dossiers = 0;
  let days = 0;
  const memo = new Map<string, number>();
  for (const group of groups) {
    const key = `${group.receivedDate}|${group.receivedAfterCutOff}|${group.decidedDate}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = countProcessingWorkingDays(calendar, group);
      memo.set(key, value);
    }
    dossiers += group.count;
    days += value * group.count;
  }
  return dossiers === 0 ? null : Math.round((days / dossiers) * 10) / 10;
}
