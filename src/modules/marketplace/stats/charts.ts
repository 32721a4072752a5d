import * as echarts from "echarts";
import type { Translate } from "../../../platform/i18n.ts";
import { formatNumber } from "../../../platform/vn-format.ts";
import { accessibleSvg, withoutInlineStyles } from "../../plans/export/budget-chart.ts";
import { type FloorStats, monthLabel } from "./queries.ts";

/**
 * The floor statistics' charts: ECharts rendered to SVG on the server, as the plans' budget chart is, with the
 * plans' `withoutInlineStyles` so the page's Content-Security-Policy (no inline styles) keeps them intact.
 * Each SVG has role="img", a <title> and a <desc> with every figure; the page also shows each as a table.
 */

const WIDTH = 720;
const HEIGHT = 360;
const TEXT_COLOR = "#1f2328";
const AXIS_COLOR = "#545b64";
const FONT_FAMILY = "'Be Vietnam Pro', Arial, sans-serif";
/** Each at least 4.5:1 against white, so bars and lines stay visible in greyscale print. */
const COLORS = ["#1f4e99", "#a14900", "#2e6b30", "#6a1b9a"];

function render(option: echarts.EChartsCoreOption, id: string, title: string, description: string): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      color: COLORS,
      textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR },
      title: {
        text: title,
        left: "center",
        textStyle: { fontSize: 15, color: TEXT_COLOR, fontFamily: FONT_FAMILY },
      },
      ...option,
    });
    return accessibleSvg(withoutInlineStyles(chart.renderToSVGString()), id, title, description);
  } finally {
    chart.dispose();
  }
}

const valueAxis = {
  type: "value",
  minInterval: 1,
  axisLabel: { color: TEXT_COLOR, formatter: (value: number) => formatNumber(value) },
  splitLine: { lineStyle: { color: "#d0d7de" } },
};

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
