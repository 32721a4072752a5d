import type { Translate } from "../../../../platform/i18n.ts";
import {
  CHART_AXIS_COLOR as AXIS_COLOR,
  renderChartSvg as render,
  CHART_TEXT_COLOR as TEXT_COLOR,
  countValueAxis as valueAxis,
} from "../../../../platform/svg-chart.ts";
import { formatNumber } from "../../../../platform/vn-format.ts";
import type { ServiceDashboard } from "./queries.ts";
import { monthLabel, onTimeTotal, scoreLabel } from "./shares.ts";

/**
 * The dashboard's charts, drawn like the floor statistics': ECharts rendered to SVG on the server, without
 * inline styles (the page's CSP forbids them), each with role="img", a <title> and a <desc> listing every
 * figure; the page shows the same figures as a table under each chart.
 */

export function renderMonthlyChart(dashboard: ServiceDashboard, t: Translate): string {
  const description = dashboard.byMonth
    .map((row) =>
      t("services.dashboard.chart.monthRow", {
        month: monthLabel(row.month),
        received: formatNumber(row.received),
        onTime: formatNumber(onTimeTotal(row)),
        late: formatNumber(row.late),
      }),
    )
    .join("; ");
  return render(
    {
      legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOR } },
      grid: { left: 16, right: 24, top: 48, bottom: 48, containLabel: true },
      xAxis: {
        type: "category",
        data: dashboard.byMonth.map((row) => monthLabel(row.month)),
        axisLabel: { color: TEXT_COLOR, fontSize: 11 },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      yAxis: valueAxis,
      series: [
        {
          name: t("services.dashboard.processedOnTime"),
          type: "bar",
          stack: "processed",
          silent: true,
          data: dashboard.byMonth.map(onTimeTotal),
        },
        {
          name: t("services.dashboard.processedLate"),
          type: "bar",
          stack: "processed",
          silent: true,
          data: dashboard.byMonth.map((row) => row.late),
        },
        {
          name: t("services.dashboard.received"),
          type: "line",
          silent: true,
          symbol: "circle",
          data: dashboard.byMonth.map((row) => row.received),
        },
      ],
    },
    "services-dashboard-monthly",
    t("services.dashboard.byMonth"),
    description,
  );
}

export function renderProcedureChart(dashboard: ServiceDashboard, t: Translate, locale: "vi" | "en"): string {
  const rows = [...dashboard.byProcedure].reverse();
  const label = (row: ServiceDashboard["byProcedure"][number]) => (locale === "en" ? row.nameEn : row.name);
  const description = dashboard.byProcedure
    .map((row) =>
      t("services.dashboard.chart.procedureRow", {
        procedure: `${row.code} ${label(row)}`,
        received: formatNumber(row.received),
        onTime: formatNumber(onTimeTotal(row)),
        late: formatNumber(row.late),
      }),
    )
    .join("; ");
  return render(
    {
      legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOR } },
      grid: { left: 16, right: 32, top: 48, bottom: 40, containLabel: true },
      yAxis: {
        type: "category",
        data: rows.map((row) => row.code),
        axisLabel: { color: TEXT_COLOR, fontSize: 11 },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      xAxis: valueAxis,
      series: [
        {
          name: t("services.dashboard.processedOnTime"),
          type: "bar",
          stack: "processed",
          silent: true,
          data: rows.map(onTimeTotal),
        },
        {
          name: t("services.dashboard.processedLate"),
          type: "bar",
          stack: "processed",
          silent: true,
          data: rows.map((row) => row.late),
        },
      ],
    },
    "services-dashboard-procedures",
    t("services.dashboard.byProcedure"),
    description || t("services.dashboard.none"),
  );
}

export function renderSatisfactionChart(dashboard: ServiceDashboard, t: Translate): string {
  const { distribution } = dashboard.satisfaction;
  const description = distribution
    .map((row) =>
      t("services.dashboard.chart.scoreRow", {
        score: scoreLabel(row.score, t),
        count: formatNumber(row.count),
      }),
    )
    .join("; ");
  return render(
    {
      grid: { left: 16, right: 24, top: 48, bottom: 24, containLabel: true },
      xAxis: {
        type: "category",
        data: distribution.map((row) => String(row.score)),
        axisLabel: { color: TEXT_COLOR },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      yAxis: valueAxis,
      series: [
        {
          name: t("services.dashboard.ratings"),
          type: "bar",
          silent: true,
          barMaxWidth: 72,
          label: { show: true, position: "top", color: TEXT_COLOR },
          data: distribution.map((row) => row.count),
        },
      ],
    },
    "services-dashboard-satisfaction",
    t("services.dashboard.satisfaction"),
    description,
  );
}
