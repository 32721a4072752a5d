import * as echarts from "echarts";
import { formatNumber } from "./vn-format.ts";

/**
 * Charts drawn on the server: ECharts rendered to SVG, made accessible (role="img", <title>, <desc> with every
 * figure) and stripped of inline styles, which the page's Content-Security-Policy (no inline styles) would drop.
 * The plans' budget chart, the floor statistics and the services dashboard all draw through here.
 */

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
export const CHART_TEXT_COLOR = "#1f2328"; // 15.8:1 on white
export const CHART_AXIS_COLOR = "#545b64";
export const CHART_FONT_FAMILY = "'Be Vietnam Pro', Arial, sans-serif";
/** Each at least 4.5:1 against white, so bars and lines stay visible in greyscale print. */
export const CHART_COLORS = ["#1f4e99", "#a14900", "#2e6b30", "#6a1b9a", "#545b64"];

/** A value axis counting whole things (dossiers, listings), labelled in Vietnamese number format. */
export const countValueAxis = {
  type: "value",
  minInterval: 1,
  axisLabel: { color: CHART_TEXT_COLOR, formatter: (value: number) => formatNumber(value) },
  splitLine: { lineStyle: { color: "#d0d7de" } },
};

/** Renders one chart (720 × 360, the house colours and font, a centred title) as an accessible SVG string. */
export function renderChartSvg(
  option: echarts.EChartsCoreOption,
  id: string,
  title: string,
  description: string,
): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      color: CHART_COLORS,
      textStyle: { fontFamily: CHART_FONT_FAMILY, color: CHART_TEXT_COLOR },
      title: {
        text: title,
        left: "center",
        textStyle: { fontSize: 15, color: CHART_TEXT_COLOR, fontFamily: CHART_FONT_FAMILY },
      },
      ...option,
    });
    return accessibleSvg(withoutInlineStyles(chart.renderToSVGString()), id, title, description);
  } finally {
    chart.dispose();
  }
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
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
