import type { Translate } from "../../../platform/i18n.ts";
import {
  CHART_AXIS_COLOR as AXIS_COLOR,
  renderChartSvg as render,
  CHART_TEXT_COLOR as TEXT_COLOR,
  countValueAxis as valueAxis,
} from "../../../platform/svg-chart.ts";
import { formatNumber } from "../../../platform/vn-format.ts";
import { type FloorStats, monthLabel } from "./queries.ts";

/**
 * The floor statistics' charts: ECharts rendered to SVG on the server, as the plans' budget chart is, with the
 * plans' `withoutInlineStyles` so the page's Content-Security-Policy (no inline styles) keeps them intact.
 * Each SVG has role="img", a <title> and a <desc> with every figure; the page also shows each as a table.
 */

export function renderCategoryChart(stats: FloorStats, t: Translate, locale: "vi" | "en"): string {
  const rows = [...stats.byCategory].reverse();
  const label = (row: FloorStats["byCategory"][number]) => (locale === "en" ? row.nameEn : row.name);
  const description = stats.byCategory
    .map((row) =>
      t("floorStats.chart.categoryRow", {
        category: label(row),
        products: formatNumber(row.products),
        offers: formatNumber(row.offers),
      }),
    )
    .join("; ");
  return render(
    {
      legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOR } },
      grid: { left: 16, right: 32, top: 48, bottom: 40, containLabel: true },
      yAxis: {
        type: "category",
        data: rows.map(label),
        axisLabel: { color: TEXT_COLOR, fontSize: 11, width: 200, overflow: "truncate" },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      xAxis: valueAxis,
      series: [
        {
          name: t("floorStats.products"),
          type: "bar",
          stack: "listings",
          silent: true,
          data: rows.map((row) => row.products),
        },
        {
          name: t("floorStats.offers"),
          type: "bar",
          stack: "listings",
          silent: true,
          data: rows.map((row) => row.offers),
        },
      ],
    },
    "floor-stats-categories",
    t("floorStats.byCategory"),
    description || t("floorStats.none"),
  );
}

export function renderMonthlyChart(stats: FloorStats, t: Translate): string {
  const months = stats.monthly.map((row) => monthLabel(row.month));
  const description = stats.monthly
    .map((row) =>
      t("floorStats.chart.monthRow", {
        month: monthLabel(row.month),
        sell: formatNumber(row.sellOffers),
        buy: formatNumber(row.buyOffers),
        inquiries: formatNumber(row.inquiries),
        quotes: formatNumber(row.quotes),
      }),
    )
    .join("; ");
  return render(
    {
      legend: { bottom: 0, selectedMode: false, textStyle: { color: TEXT_COLOR } },
      grid: { left: 16, right: 24, top: 48, bottom: 48, containLabel: true },
      xAxis: {
        type: "category",
        data: months,
        axisLabel: { color: TEXT_COLOR, fontSize: 11 },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      yAxis: valueAxis,
      series: [
        {
          name: t("floorStats.sellOffers"),
          type: "bar",
          silent: true,
          data: stats.monthly.map((row) => row.sellOffers),
        },
        {
          name: t("floorStats.buyOffers"),
          type: "bar",
          silent: true,
          data: stats.monthly.map((row) => row.buyOffers),
        },
        {
          name: t("floorStats.inquiries"),
          type: "line",
          silent: true,
          symbol: "circle",
          data: stats.monthly.map((row) => row.inquiries),
        },
        {
          name: t("floorStats.quotes"),
          type: "line",
          silent: true,
          symbol: "diamond",
          lineStyle: { type: "dashed" },
          data: stats.monthly.map((row) => row.quotes),
        },
      ],
    },
    "floor-stats-monthly",
    t("floorStats.monthly"),
    description,
  );
}

export function renderOcopChart(stats: FloorStats, t: Translate): string {
  const description = stats.ocopByStars
    .map((row) => t("floorStats.chart.ocopRow", { stars: row.stars, products: formatNumber(row.products) }))
    .join("; ");
  return render(
    {
      grid: { left: 16, right: 24, top: 48, bottom: 24, containLabel: true },
      xAxis: {
        type: "category",
        data: stats.ocopByStars.map((row) => t("floorStats.stars", { stars: row.stars })),
        axisLabel: { color: TEXT_COLOR },
        axisLine: { lineStyle: { color: AXIS_COLOR } },
      },
      yAxis: valueAxis,
      series: [
        {
          name: t("floorStats.products"),
          type: "bar",
          silent: true,
          barMaxWidth: 72,
          label: { show: true, position: "top", color: TEXT_COLOR },
          data: stats.ocopByStars.map((row) => row.products),
        },
      ],
    },
    "floor-stats-ocop",
    t("floorStats.ocop"),
    description,
  );
}
