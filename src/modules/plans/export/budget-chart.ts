import * as echarts from "echarts";
import type { Translate } from "../../../platform/i18n.ts";
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

const TEXT_COLOR = "#1f2328"; // 15.8:1 on white
const AXIS_COLOR = "#545b64";
const FONT_FAMILY = "'Be Vietnam Pro', Arial, sans-serif";

const toMillions = (dong: bigint): number => Number(dong) / 1_000_000;

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

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

/**
 * Adds role="img", <title> and <desc> to the root element and renames zrender's class names ("zr7-cls-12":
 * both numbers count what the process rendered before) after the chart's id, numbered by first use, so the same
 * chart always gives the same SVG and two charts on one page never share a class name. The floor statistics'
 * charts use it too.
 */
export function accessibleSvg(svg: string, idPrefix: string, title: string, description: string): string {
  const classNames = new Map<string, string>();
  const stable = svg.replace(/zr\d+-cls-\d+/g, (name) => {
    const renamed = classNames.get(name) ?? `${idPrefix}-cls-${classNames.size}`;
    classNames.set(name, renamed);
    return renamed;
  });
  const openingTag = /^<svg\b([^>]*)>/.exec(stable);
  if (!openingTag) throw new Error("ECharts did not return an SVG document");
  const accessibleTag =
    `<svg${openingTag[1]} role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc">` +
    `<title id="${idPrefix}-title">${escapeXml(title)}</title>` +
    `<desc id="${idPrefix}-desc">${escapeXml(description)}</desc>`;
  return accessibleTag + stable.slice(openingTag[0].length);
}

// ---------------------------------------------------------------------------------------------------------
// No inline styles
// ---------------------------------------------------------------------------------------------------------

/**
 * CSS properties that SVG also accepts as presentation attributes (SVG 1.1 and SVG 2), which the
 * Content-Security-Policy (`style-src 'self'`) lets through where it drops `style="…"` and `<style>`.
 * `transform` is left out: its CSS syntax differs from the attribute's.
 */
const PRESENTATION_ATTRIBUTES = new Set([
  "alignment-baseline",
  "baseline-shift",
  "clip",
  "clip-path",
  "clip-rule",
  "color",
  "color-interpolation",
  "color-interpolation-filters",
  "color-rendering",
  "cursor",
  "direction",
  "display",
  "dominant-baseline",
  "fill",
  "fill-opacity",
  "fill-rule",
  "filter",
  "flood-color",
  "flood-opacity",
  "font-family",
  "font-size",
  "font-size-adjust",
  "font-stretch",
  "font-style",
  "font-variant",
  "font-weight",
  "image-rendering",
  "letter-spacing",
  "lighting-color",
  "marker-end",
  "marker-mid",
  "marker-start",
  "mask",
  "opacity",
  "overflow",
  "paint-order",
  "pointer-events",
  "shape-rendering",
  "stop-color",
  "stop-opacity",
  "stroke",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "stroke-opacity",
  "stroke-width",
  "text-anchor",
  "text-decoration",
  "text-rendering",
  "unicode-bidi",
  "vector-effect",
  "visibility",
  "word-spacing",
  "writing-mode",
]);

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlAttribute(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? entity;
  });
}

/** Splits `text` on `separator` outside quotes and parentheses (a font list, a url(…) with ";"). */
function splitCss(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quote = "";
  let depth = 0;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = "";
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "(") depth += 1;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** "font-size:12px;font-family:'A', B;" → [["font-size", "12px"], ["font-family", "'A', B"]], presentation properties only. */
function presentationDeclarations(css: string): [string, string][] {
  const declarations: [string, string][] = [];
  for (const declaration of splitCss(css.replace(/\/\*[\s\S]*?\*\//g, ""), ";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, "")
      .trim();
    if (value !== "" && PRESENTATION_ATTRIBUTES.has(property)) declarations.push([property, value]);
  }
  return declarations;
}

/**
 * The declarations of the rules whose selector is one plain class (".zr0-cls-3"), by class name. Rules that
 * only apply in a state (":hover"), at-rules (@keyframes, @media) and other selectors cannot become
 * attributes and are dropped; for the static chart zrender only writes hover rules for elements that
 * ignore the pointer anyway.
 */
function classRules(css: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  const text = css.replace(/<!\[CDATA\[|\]\]>/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf("{", position);
    if (open < 0) break;
    const selector = text.slice(position, open).trim();
    let depth = 1;
    let close = open + 1;
    for (; close < text.length && depth > 0; close += 1) {
      if (text[close] === "{") depth += 1;
      else if (text[close] === "}") depth -= 1;
    }
    const body = text.slice(open + 1, close - 1);
    position = close;
    if (selector.startsWith("@")) continue;
    for (const single of selector.split(",")) {
      const match = /^\.(-?[_a-zA-Z][\w-]*)$/.exec(single.trim());
      if (!match) continue;
      const className = match[1]!;
      rules.set(className, [...(rules.get(className) ?? []), ...presentationDeclarations(body)]);
    }
  }
  return rules;
}

/**
 * Rewrites ECharts' SVG so that it needs no inline CSS: each `style="…"` attribute and each plain class rule
 * of the `<style>` element become presentation attributes (`font-size="12px"`), in CSS order of precedence
 * (the style attribute over class rules over the attributes already there), and the `<style>` element is
 * removed. Properties that have no presentation attribute are dropped. Attributes keep their order, new ones
 * are added where the style attribute was, so the output stays deterministic.
 */
export function withoutInlineStyles(svg: string): string {
  let rules = new Map<string, [string, string][]>();
  const withoutStyleElements = svg.replace(
    /<style\b[^>]*?(?:\/>|>([\s\S]*?)<\/style\s*>)/g,
    (_element, css: string | undefined) => {
      for (const [className, declarations] of classRules(css ?? "")) {
        rules.set(className, [...(rules.get(className) ?? []), ...declarations]);
      }
      return "";
    },
  );
  rules = new Map([...rules].filter(([, declarations]) => declarations.length > 0));
  return withoutStyleElements.replace(
    /<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)(\s*\/?)>/g,
    (tag, name: string, attributeText: string, end: string) => {
      const attributes = [...attributeText.matchAll(/\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(
        // Written back in double quotes: a single-quoted value may hold a bare '"'.
        (match) => ({ name: match[1]!, value: match[2] ?? match[3]!.replaceAll('"', "&quot;") }),
      );
      const style = attributes.find((attribute) => attribute.name === "style");
      const classes = (attributes.find((attribute) => attribute.name === "class")?.value ?? "")
        .split(/\s+/)
        .filter((className) => rules.has(className));
      if (!style && classes.length === 0) return tag;
      const declarations = new Map<string, string>();
      for (const className of classes) {
        for (const [property, value] of rules.get(className) ?? []) declarations.set(property, value);
      }
      if (style) {
        for (const [property, value] of presentationDeclarations(decodeXmlAttribute(style.value))) {
          declarations.set(property, value);
        }
      }
      const output: string[] = [];
      const added = new Set<string>();
      const addDeclarations = () => {
        for (const [property, value] of declarations) {
          if (added.has(property) || attributes.some((attribute) => attribute.name === property)) continue;
          added.add(property);
          output.push(`${property}="${escapeXml(value)}"`);
        }
      };
      for (const attribute of attributes) {
        if (attribute.name === "style") {
          addDeclarations();
          continue;
        }
        const replacement = declarations.get(attribute.name);
        output.push(
          replacement === undefined
            ? `${attribute.name}="${attribute.value}"`
            : `${attribute.name}="${escapeXml(replacement)}"`,
        );
      }
      addDeclarations();
      return `<${name}${output.map((attribute) => ` ${attribute}`).join("")}${end.trim()}>`;
    },
  );
}
