import { formatMillionDong, formatNumber } from "../../platform/vn-format.ts";
import type { PlanDetail } from "./plan-detail.ts";
import type { FundingSource } from "./plan-document.ts";

export type BudgetColumn = number | "whole";
export type BudgetRow = {
  /** The activity number, or the funding source for documents that budget by source only. */
  key: string;
  kind: "activity" | "source";
  label: string;
  cells: Map<BudgetColumn, bigint>;
  total: bigint;
};
export type BudgetTable = {
  columns: BudgetColumn[];
  rows: BudgetRow[];
  columnTotals: Map<BudgetColumn, bigint>;
  grandTotal: bigint;
};

/**
 * The plan's budget as the document lays it out: activities (or sources, when the plan budgets by source only)
 * by year, with a whole-period column when some amounts have no year.
 */
export function buildBudgetTable(plan: PlanDetail): BudgetTable {
  const hasYears = plan.budgetLines.some((line) => line.year !== null);
  const columns: BudgetColumn[] = [];
  if (hasYears) for (let year = plan.periodStart; year <= plan.periodEnd; year++) columns.push(year);
  if (plan.budgetLines.some((line) => line.year === null)) columns.push("whole");
  const rows = new Map<string, BudgetRow>();
  for (const activity of plan.activities) {
    rows.set(`activity:${activity.number}`, {
      key: activity.number,
      kind: "activity",
      label: activity.title,
      cells: new Map(),
      total: 0n,
    });
  }
  const columnTotals = new Map<BudgetColumn, bigint>();
  let grandTotal = 0n;
  for (const line of plan.budgetLines) {
    const rowKey = line.activityNumber === null ? `source:${line.source}` : `activity:${line.activityNumber}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = {
        key: line.activityNumber ?? line.source,
        kind: line.activityNumber === null ? "source" : "activity",
        label: "",
        cells: new Map(),
        total: 0n,
      };
      rows.set(rowKey, row);
    }
    const column: BudgetColumn = line.year ?? "whole";
    row.cells.set(column, (row.cells.get(column) ?? 0n) + line.amountDong);
    row.total += line.amountDong;
    columnTotals.set(column, (columnTotals.get(column) ?? 0n) + line.amountDong);
    grandTotal += line.amountDong;
  }
  const budgeted = [...rows.values()].filter((row) => row.kind === "source" || row.total > 0n);
  return { columns, rows: budgeted, columnTotals, grandTotal };
}

export function sourcesOf(plan: PlanDetail): FundingSource[] {
  return [...new Set(plan.budgetLines.map((line) => line.source))];
}

/** An amount in the unit the plan's document uses: "2.224,5" (triệu đồng) or "3.050.000.000" (đồng). */
export function formatPlanAmount(plan: Pick<PlanDetail, "budgetDisplayUnit">, dong: bigint): string {
  return plan.budgetDisplayUnit === "million" ? formatMillionDong(dong) : formatNumber(dong);
}
