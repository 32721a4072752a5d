import * as echarts from "echarts";
import type { Translate } from "../../../platform/i18n.ts";
import {
  CHART_AXIS_COLOR as AXIS_COLOR,
  accessibleSvg,
  CHART_FONT_FAMILY as FONT_FAMILY,
  CHART_TEXT_COLOR as TEXT_COLOR,
  withoutInlineStyles,
} from "../../../platform/svg-chart.ts";
import { formatMillionDong, formatNumber } from "../../../platform/vn-format.ts";
import { computeTotals } from "../consistency.ts";
import { type PlanDetail, toPlanDocument } from "../plan-detail.ts";
import { type BudgetLine, type FundingSource, fundingSources, type PlanDocument } from "../plan-document.ts";

/**
 * The budget figures every export prints (the XLSX and PDF tables, the chart and its text alternative),
 * laid out as tables of rows × columns. Every sum comes from `computeTotals`, run on the lines of one
 * column at a time, so an export can never add up differently from the consistency check.
 */

/** A column of a budget table: one year, or the amounts the plan gives for the whole period only. */
export type BudgetColumn = { kind: "year"; year: number } | { kind: "wholePeriod" };

export type BudgetRowHeading =
  | { kind: "activity"; number: string; title: string }
  /** Lines without an activity in a plan whose other lines name one: the row keeps the totals whole. */
  | { kind: "unallocated" }
  | { kind: "source"; source: FundingSource };

export type BudgetTableRow = {
  heading: BudgetRowHeading;
  /** One amount per column, in đồng; null where the plan has no line (printed as an empty cell). */
  amounts: (bigint | null)[];
  total: bigint;
};

export type BudgetTable = {
  columns: BudgetColumn[];
  rows: BudgetTableRow[];
  /** Column totals, in the order of `columns`. */
  columnTotals: bigint[];
  grandTotal: bigint;
};

function budgetColumns(lines: readonly BudgetLine[]): BudgetColumn[] {
  const years = [...new Set(lines.flatMap((line) => (line.year === null ? [] : [line.year])))].sort(
    (a, b) => a - b,
  );
  const columns: BudgetColumn[] = years.map((year) => ({ kind: "year", year }));
  if (lines.some((line) => line.year === null)) columns.push({ kind: "wholePeriod" });
  return columns;
}

function isInColumn(line: BudgetLine, column: BudgetColumn): boolean {
  return column.kind === "wholePeriod" ? line.year === null : line.year === column.year;
}

type TotalsByColumn = {
  doc: PlanDocument;
  columns: BudgetColumn[];
  overall: ReturnType<typeof computeTotals>;
  perColumn: ReturnType<typeof computeTotals>[];
};

function totalsByColumn(plan: PlanDetail): TotalsByColumn {
  const doc = toPlanDocument(plan);
  const columns = budgetColumns(doc.budgetLines);
  const perColumn = columns.map((column) =>
    computeTotals({ ...doc, budgetLines: doc.budgetLines.filter((line) => isInColumn(line, column)) }),
  );
  return { doc, columns, overall: computeTotals(doc), perColumn };
}

function columnTotals({ columns, overall }: TotalsByColumn): bigint[] {
  return columns.map((column) =>
    column.kind === "wholePeriod" ? overall.wholePeriod : (overall.byYear.get(column.year) ?? 0n),
  );
}

/**
 * Activities × years (and "whole period"), as the plan's budget table prints it; null when no line names
 * an activity. Activities without a budget line are left out, like the printed table leaves them out.
 */
export function buildBudgetTableByActivity(plan: PlanDetail): BudgetTable | null {
  const totals = totalsByColumn(plan);
  const { doc, overall, perColumn } = totals;
  if (overall.byActivity.size === 0) return null;
  const titles = new Map(doc.activities.map((activity) => [activity.number, activity.title]));
  // The plan's own order first; a line naming an activity the plan does not list still gets its row.
  const numbers = [
    ...doc.activities.map((activity) => activity.number).filter((number) => overall.byActivity.has(number)),
    ...[...overall.byActivity.keys()].filter((number) => !titles.has(number)),
  ];
  const rows: BudgetTableRow[] = numbers.map((number) => ({
    heading: { kind: "activity", number, title: titles.get(number) ?? number },
    amounts: perColumn.map((column) => column.byActivity.get(number) ?? null),
    total: overall.byActivity.get(number) ?? 0n,
  }));
  const unallocatedLines = doc.budgetLines.filter((line) => line.activityNumber === null);
  if (unallocatedLines.length > 0) {
    const unallocated = computeTotals({ ...doc, budgetLines: unallocatedLines });
    rows.push({
      heading: { kind: "unallocated" },
      amounts: totals.columns.map((column) =>
        column.kind === "wholePeriod"
          ? unallocated.wholePeriod
          : (unallocated.byYear.get(column.year) ?? null),
      ),
      total: unallocated.grand,
    });
  }
  return { columns: totals.columns, rows, columnTotals: columnTotals(totals), grandTotal: overall.grand };
}

/** Funding sources × years (and "whole period"): the rows are the sources the plan uses, in a fixed order. */
export function buildBudgetTableBySource(plan: PlanDetail): BudgetTable {
  const totals = totalsByColumn(plan);
  const { overall, perColumn } = totals;
  const rows: BudgetTableRow[] = fundingSources
    .filter((source) => overall.bySource.has(source))
    .map((source) => ({
      heading: { kind: "source", source },
      amounts: perColumn.map((column) => column.bySource.get(source) ?? null),
      total: overall.bySource.get(source) ?? 0n,
    }));
  return { columns: totals.columns, rows, columnTotals: columnTotals(totals), grandTotal: overall.grand };
}

/** The chart's data, also its text alternative: sources × years, amounts in đồng. */
export function budgetChartTable(plan: PlanDetail): BudgetTable {
  return buildBudgetTableBySource(plan);
}

/** "Năm 2011" in table headings, "Cả giai đoạn" for whole-period amounts. */
export function budgetColumnHeading(column: BudgetColumn, t: Translate): string {
  return column.kind === "wholePeriod"
    ? t("planExport.column.wholePeriod")
    : t("planExport.column.year", { year: column.year });
}

/** The number and label cells of a row: "7" and the activity's title, or "" and the source's name. */
export function budgetRowHeading(row: BudgetTableRow, t: Translate): [number: string, label: string] {
  switch (row.heading.kind) {
    case "activity":
      return [row.heading.number, row.heading.title];
    case "unallocated":
      return ["", t("planExport.row.unallocated")];
    case "source":
      return ["", t(`fundingSource.${row.heading.source}`)];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Chart
// ---------------------------------------------------------------------------------------------------------

export const BUDGET_CHART_WIDTH = 720;
export const BUDGET_CHART_HEIGHT = 360;

/**
 * One colour per source, each at least 4.5:1 against white (WCAG AA for text, above the 3:1 that
 * graphical objects need), so the legend swatches and the bars stay visible when printed in greyscale too.
 * Adjacent stacked segments are further separated by a white border.
 */
export const fundingSourceColors: Record<FundingSource, string> = {
  central: "#1f4e99",
  provincial: "#a14900",
  enterprise: "#2e6b30",
  other: "#6a1b9a",
  unspecified: "#545b64",
};

const toMillions = (dong: bigint): number => Number(dong) / 1_000_000;

function categoryLabel(column: BudgetColumn, t: Translate): string {
  return column.kind === "wholePeriod" ? t("planExport.column.wholePeriod") : String(column.year);
}

/** "Năm 2011: 770 triệu đồng (Chưa xác định nguồn: 770). … Tổng cộng: 3.030 triệu đồng." */
function describeBudgetChart(table: BudgetTable, t: Translate): string {
  const unit = t("planExport.unit.million");
  const parts = table.columns.map((column, index) => {
    const bySource = table.rows
      .filter((row) => row.amounts[index] !== null)
      .map((row) =>
        t("planExport.chart.sourceAmount", {
          source: row.heading.kind === "source" ? t(`fundingSource.${row.heading.source}`) : "",
          amount: formatMillionDong(row.amounts[index] ?? 0n),
        }),
      )
      .join("; ");
    return t("planExport.chart.columnSummary", {
      column: budgetColumnHeading(column, t),
      amount: formatMillionDong(table.columnTotals[index] ?? 0n),
      unit,
      sources: bySource,
    });
  });
  const total = t("planExport.chart.totalSummary", { amount: formatMillionDong(table.grandTotal), unit });
  return [...parts, total].join(" ");
}

/**
 * Stacked bars of the budget by year and funding source, in triệu đồng, as a standalone SVG string
 * (ECharts server-side rendering). Plans that budget only for the whole period get one bar per source
 * side by side under "Cả giai đoạn". The SVG carries role="img", a <title> and a <desc> with every figure,
 * so a screen reader gets the data the bars show.
 */
export function renderBudgetChartSvg(plan: PlanDetail, t: Translate): string {
  const table = budgetChartTable(plan);
  const isWholePeriodOnly = table.columns.length === 1 && table.columns[0]?.kind === "wholePeriod";
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: BUDGET_CHART_WIDTH,
    height: BUDGET_CHART_HEIGHT,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR },
      title: {
        text: t("planExport.chart.title"),
        left: "center",
        textStyle: { fontSize: 15, color: TEXT_COLOR, fontFamily: FONT_FAMILY },
      },
      legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOR, fontSize: 12 } },
      grid: { left: 24, right: 24, top: 56, bottom: 40, containLabel: true },
      xAxis: {
        type: "category",
        data: table.columns.map((column) => categoryLabel(column, t)),
        axisLabel: { color: TEXT_COLOR, fontSize: 12 },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      yAxis: {
        type: "value",
        name: t("planExport.unit.million"),
        nameTextStyle: { color: TEXT_COLOR, align: "left" },
        axisLabel: {
          color: TEXT_COLOR,
          formatter: (value: number) => formatNumber(value, { maximumFractionDigits: 3 }),
        },
        splitLine: { lineStyle: { color: "#d0d7de" } },
      },
      series: table.rows.map((row) => {
        const source = row.heading.kind === "source" ? row.heading.source : "unspecified";
        return {
          name: t(`fundingSource.${source}`),
          type: "bar",
          ...(isWholePeriodOnly ? {} : { stack: "budget" }),
          silent: true,
          barMaxWidth: 72,
          itemStyle: { color: fundingSourceColors[source], borderColor: "#ffffff", borderWidth: 1 },
          data: row.amounts.map((amount) => (amount === null ? 0 : toMillions(amount))),
        };
      }),
    });
    return accessibleSvg(
      withoutInlineStyles(chart.renderToSVGString()),
      `budget-chart-${plan.id}`,
      t("planExport.chart.title"),
      describeBudgetChart(table, t),
    );
  } finally {
    chart.dispose();
  }
}
