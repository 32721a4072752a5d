import type { FieldIssue } from "../../../../platform/errors.ts";
import { parseVietnameseDate, todayInVietnam } from "../../../../platform/vn-format.ts";
import { addDays, isValidIsoDate, toDayNumber } from "../../calendar/dates.ts";

/** A register covers at most a (leap) year: longer periods are exported year by year. */
export const REGISTER_MAX_PERIOD_DAYS = 366;

export type RegisterFilters = {
  /** ISO calendar dates in Vietnam time, both included. */
  from: string;
  to: string;
  procedure: number | null;
  unit: number | null;
};

/** The current month in Vietnam, first to last day. */
export function currentMonthInVietnam(now = new Date()): { from: string; to: string } {
  const today = todayInVietnam(now);
  const from = `${today.slice(0, 8)}01`;
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return { from, to: addDays(nextMonth, -1) };
}

/** `2026-03-31` (what a date input sends) or `31/03/2026` (what people type where the input is plain text). */
function parseDate(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isValidIsoDate(text) ? text : null;
  return parseVietnameseDate(text);
}

const idOf = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? "") ? Number(value) : null);

/**
 * The register's filters from the query string. An empty period means the current month; a date that is not
 * a date, a period that ends before it starts or one longer than 366 days is an issue (the page shows it and
 * lists nothing). Unknown procedure or unit ids simply match nothing.
 */
export function readRegisterFilters(
  query: Record<string, string | undefined>,
  now = new Date(),
): { filters: RegisterFilters; values: Record<string, string>; issues: FieldIssue[] } {
  const month = currentMonthInVietnam(now);
  const issues: FieldIssue[] = [];
  const dateOf = (name: "from" | "to") => {
    const text = (query[name] ?? "").trim();
    if (!text) return month[name];
    const date = parseDate(text);
    if (date === null) issues.push({ field: name, messageKey: "services.processing.register.error.date" });
    return date;
  };
  const from = dateOf("from");
  const to = dateOf("to");
  if (from !== null && to !== null) {
    if (from > to) {
      issues.push({ field: "to", messageKey: "services.processing.register.error.order" });
    } else if (toDayNumber(to) - toDayNumber(from) + 1 > REGISTER_MAX_PERIOD_DAYS) {
      issues.push({
        field: "to",
        messageKey: "services.processing.register.error.span",
        params: { days: REGISTER_MAX_PERIOD_DAYS },
      });
    }
  }
  const filters: RegisterFilters = {
    from: from ?? month.from,
    to: to ?? month.to,
    procedure: idOf(query.procedure),
    unit: idOf(query.unit),
  };
  const values = {
    // A date input shows only ISO dates: a date that parsed is written back as one, a wrong one as typed.
    from: from ?? query.from?.trim() ?? "",
    to: to ?? query.to?.trim() ?? "",
    procedure: filters.procedure === null ? "" : String(filters.procedure),
    unit: filters.unit === null ? "" : String(filters.unit),
  };
  return { filters, values, issues };
}

/** The filters as a query string (page links, the export link); the period is always written out. */
export function registerQueryString(values: Record<string, string>, page?: number): string {
  const params = new URLSearchParams();
  for (const name of ["from", "to", "procedure", "unit"]) if (values[name]) params.set(name, values[name]);
  if (page !== undefined && page > 1) params.set("page", String(page));
  return params.toString();
}
