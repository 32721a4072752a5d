import type { Translate } from "../../../../platform/i18n.ts";
import { formatNumber, formatPercent } from "../../../../platform/vn-format.ts";
import type { MonthKey, ProgressFigures } from "./queries.ts";

/**
 * The shares the page, the chart descriptions and the workbook print, computed in one place so they never
 * disagree. A share over nothing is null ("—"), not 0%: no dossiers is not a bad score.
 */

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Decision 766 counts early and on-time dossiers together as "on time" (đúng hạn). */
export const onTimeTotal = (figures: ProgressFigures) => figures.early + figures.onTime;

export const shares = (figures: ProgressFigures) => ({
  online: percentOf(figures.receivedOnline, figures.received),
  onTime: percentOf(onTimeTotal(figures), figures.processed),
  late: percentOf(figures.late, figures.processed),
  paidOnline: percentOf(figures.paidOnline, figures.withFee),
});

export function formatShare(value: number | null): string {
  return value === null ? "—" : formatPercent(value);
}

export function formatDays(value: number | null): string {
  return value === null ? "—" : formatNumber(value, { maximumFractionDigits: 1 });
}

/** "03/2026" for a month key. */
export function monthLabel(key: MonthKey): string {
  const [year, month] = key.split("-");
  return `${month}/${year}`;
}

export function scoreLabel(score: number, t: Translate): string {
  return t(`services.rating.score${score}`);
}
