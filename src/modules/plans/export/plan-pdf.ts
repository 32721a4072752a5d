import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Translate } from "../../../platform/i18n.ts";
import { PDF_FONT_FAMILY, type RenderPdfOptions, renderPdf } from "../../../platform/pdf.ts";
import { amountInWords, formatDate, formatMillionDong, formatNumber } from "../../../platform/vn-format.ts";
import { checkPlanConsistency, describeFinding } from "../consistency.ts";
import { type PlanDetail, toPlanDocument } from "../plan-detail.ts";
import {
  type BudgetTable,
  budgetColumnHeading,
  budgetRowHeading,
  buildBudgetTableByActivity,
  buildBudgetTableBySource,
} from "./budget-chart.ts";

/**
 * The plan as a Vietnamese administrative document, laid out after Decree 30/2020/NĐ-CP (công tác văn
 * thư), Appendix I: A4 portrait, national title and motto top right, issuing body top left, number and
 * symbol, place and date, the title, the body and the signature block.
 */

// Decree 30/2020 Appendix I (phông chữ, cỡ chữ): 13–14 pt. The font is platform/pdf.ts's (why it is not
// Times New Roman is explained there).
const BODY_FONT_SIZE = 13;

// Fixed legal text (Decree 30/2020 Appendix I: Quốc hiệu and Tiêu ngữ), not UI text: it is
// printed in Vietnamese whatever the reader's language, so it is a constant and not a catalogue message.
const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

const POINTS_PER_MM = 72 / 25.4;
const mm = (millimetres: number): number => millimetres * POINTS_PER_MM;
const A4_WIDTH = mm(210);
// Decree 30/2020 Appendix I (định lề trang): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const PAGE_MARGINS: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];
const CONTENT_WIDTH = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const HEADER_LEFT_WIDTH = mm(62);
const HEADER_RIGHT_WIDTH = CONTENT_WIDTH - HEADER_LEFT_WIDTH;

export type PlanPdfOptions = RenderPdfOptions;

/** A horizontal rule `length` points long, centred in its column (pdfmake centres a canvas by its width). */
function centredRule(length: number, marginTop = 2): Content {
  return {
    canvas: [{ type: "line", x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }],
    alignment: "center",
    margin: [0, marginTop, 0, 0],
  };
}

/**
 * "ỦY BAN NHÂN DÂN" / "TỈNH BÀ RỊA – VŨNG TÀU": the issuing body in capitals, broken before the province.
 * A decision the Chairman signs is still issued under the committee's name, so "Chủ tịch" is dropped.
 */
function issuingBodyLines(issuer: string): string[] {
  const body = issuer.replace(/^chủ tịch\s+/i, "").toLocaleUpperCase("vi");
  const provinceStart = body.search(/\s(TỈNH|THÀNH PHỐ)\s/);
  return provinceStart > 0 ? [body.slice(0, provinceStart), body.slice(provinceStart + 1)] : [body];
}

/** The place name of the date line: the province of the issuing body, else the plan's province. */
function placeName(plan: PlanDetail): string {
  const match = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(plan.issuer);
  return match?.[1]?.trim() ?? plan.province.name;
}

/**
 * Decree 30/2020 Appendix I (địa danh và thời gian ban hành): a day below 10 and the months 1 and 2 take a
 * leading zero ("ngày 05 tháng 3", "ngày 14 tháng 01").
 */
function placeAndDate(plan: PlanDetail, t: Translate): string {
  const [year, month, day] = plan.decisionDate.split("-").map(Number) as [number, number, number];
  return t("planExport.pdf.placeDate", {
    place: placeName(plan),
    day: String(day).padStart(2, "0"),
    month: month <= 2 ? String(month).padStart(2, "0") : String(month),
    year,
  });
}

function documentHeader(plan: PlanDetail, t: Translate): Content {
  return {
    columns: [
      {
        width: HEADER_LEFT_WIDTH,
        stack: [
          ...issuingBodyLines(plan.issuer).map((line) => ({ text: line, bold: true, fontSize: 12.5 })),
          centredRule(HEADER_LEFT_WIDTH / 3),
          { text: t("planExport.pdf.numberLabel", { number: plan.decisionNumber }), margin: [0, 8, 0, 0] },
        ],
        alignment: "center",
      },
      {
        width: HEADER_RIGHT_WIDTH,
        stack: [
          { text: NATIONAL_TITLE, bold: true, fontSize: 11.5 },
          // The decree wants a rule as long as the motto under it; an underline is exactly that long.
          {
            text: NATIONAL_MOTTO,
            bold: true,
            fontSize: 12.5,
            decoration: "underline",
            decorationThickness: 0.6,
          },
          { text: placeAndDate(plan, t), italics: true, margin: [0, 10, 0, 0] },
        ],
        alignment: "center",
      },
    ],
    columnGap: 0,
  };
}

/** "Phát triển thương mại điện tử …": the title under "KẾ HOẠCH", without repeating the document type. */
function titleWithoutDocumentType(title: string): string {
  const rest = title.replace(/^kế hoạch\s+/i, "");
  return rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1);
}

function documentTitle(plan: PlanDetail, t: Translate): Content {
  return {
    stack: [
      { text: t("planExport.pdf.documentType"), bold: true, fontSize: 14 },
      { text: titleWithoutDocumentType(plan.title), bold: true, fontSize: 14 },
      {
        text: t("planExport.pdf.issuedWith", {
          number: plan.decisionNumber,
          date: formatDate(plan.decisionDate),
          issuer: plan.issuer,
        }),
        italics: true,
        margin: [0, 4, 0, 0],
      },
      centredRule(CONTENT_WIDTH / 4, 6),
    ],
    alignment: "center",
    margin: [0, 24, 0, 12],
  };
}

const ROMAN_NUMERALS = ["I", "II", "III", "IV", "V", "VI"] as const;

function sectionHeading(index: number, title: string): Content {
  return {
    text: `${ROMAN_NUMERALS[index]}. ${title.toLocaleUpperCase("vi")}`,
    bold: true,
    margin: [0, 10, 0, 4],
    headlineLevel: KEEP_WITH_NEXT,
  };
}

function paragraph(text: string): Content {
  // Decree 30/2020 Appendix I (nội dung văn bản): first line indented 1–1,27 cm, justified.
  return { text, leadingIndent: mm(10), alignment: "justify", margin: [0, 0, 0, 4] };
}

function objectivesSection(plan: PlanDetail, t: Translate): Content[] {
  return plan.objectives.flatMap((objective) => [
    paragraph(`${objective.code}. ${objective.title}`),
    ...objective.targets.map((target) => {
      const value = target.valueText ? `: ${target.valueText}` : "";
      const year =
        target.targetYear === null ? "" : ` ${t("planExport.pdf.targetYear", { year: target.targetYear })}`;
      return paragraph(`- ${target.code}. ${target.description}${value}${year}.`);
    }),
  ]);
}

function unitNames(plan: PlanDetail, codes: readonly string[]): string {
  const names = new Map(plan.units.map((unit) => [unit.code, unit.name]));
  return codes.map((code) => names.get(code) ?? code).join("; ");
}

function activitiesSection(plan: PlanDetail, t: Translate): Content[] {
  return plan.activities.flatMap((activity) => [
    {
      text: `${activity.number}. ${activity.title}`,
      bold: true,
      margin: [0, 4, 0, 2],
      headlineLevel: KEEP_WITH_NEXT,
    },
    ...(activity.description ? [paragraph(activity.description)] : []),
    ...(activity.leadUnitCodes.length > 0
      ? [paragraph(t("planExport.pdf.leadUnits", { units: unitNames(plan, activity.leadUnitCodes) }))]
      : []),
    ...(activity.coordinatingUnitCodes.length > 0
      ? [
          paragraph(
            t("planExport.pdf.coordinatingUnits", { units: unitNames(plan, activity.coordinatingUnitCodes) }),
          ),
        ]
      : []),
  ]);
}

function formatAmount(dong: bigint, unit: PlanDetail["budgetDisplayUnit"]): string {
  return unit === "million" ? formatMillionDong(dong) : formatNumber(dong);
}

const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A caption or heading that must not be left alone at the bottom of a page (see `pageBreakBefore`). */
const KEEP_WITH_NEXT = 1;

function budgetTable(caption: string, table: BudgetTable, plan: PlanDetail, t: Translate): Content[] {
  const unit = plan.budgetDisplayUnit;
  // With a single amount column ("Cả giai đoạn") a total column would repeat it.
  const hasTotalColumn = table.columns.length > 1;
  const amountCell = (amount: bigint | null, bold = false): TableCell => ({
    text: amount === null ? "" : formatAmount(amount, unit),
    alignment: "right",
    noWrap: true,
    bold,
  });
  const header: TableCell[] = [
    t("planExport.column.number"),
    t("planExport.column.budgetItem"),
    ...table.columns.map((column) => budgetColumnHeading(column, t)),
    ...(hasTotalColumn ? [t("planExport.column.total")] : []),
  ].map((text) => ({ text, bold: true, alignment: "center" }));
  const body: TableCell[][] = table.rows.map((row) => {
    const [number, label] = budgetRowHeading(row, t);
    return [
      { text: number, alignment: "center" },
      label,
      ...row.amounts.map((amount) => amountCell(amount)),
      ...(hasTotalColumn ? [amountCell(row.total, true)] : []),
    ];
  });
  const totals: TableCell[] = [
    "",
    { text: t("planExport.row.total"), bold: true },
    ...table.columnTotals.map((amount) => amountCell(amount, true)),
    ...(hasTotalColumn ? [amountCell(table.grandTotal, true)] : []),
  ];
  return [
    { text: caption, bold: true, margin: [0, 6, 0, 2], headlineLevel: KEEP_WITH_NEXT },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [30, "*", ...header.slice(2).map(() => "auto" as const)],
        body: [header, ...body, totals],
      },
      layout: TABLE_LAYOUT,
      // Tables may use a smaller size than the body text; đồng figures are wider.
      fontSize: unit === "dong" ? 10 : 11,
    },
  ];
}

function budgetSection(plan: PlanDetail, t: Translate): Content[] {
  const byActivity = buildBudgetTableByActivity(plan);
  const bySource = buildBudgetTableBySource(plan);
  const [onlySource] = bySource.rows;
  // A plan with one source (BR-VT 2011–2015: not stated) says so in a sentence instead of a one-row table.
  const sourceContent: Content[] =
    byActivity && bySource.rows.length === 1 && onlySource?.heading.kind === "source"
      ? [
          paragraph(
            t("planExport.pdf.singleSource", { source: t(`fundingSource.${onlySource.heading.source}`) }),
          ),
        ]
      : budgetTable(t("planExport.budget.bySource"), bySource, plan, t);
  return [
    { text: t(`planExport.unitNote.${plan.budgetDisplayUnit}`), italics: true, alignment: "right" },
    ...(byActivity ? budgetTable(t("planExport.budget.byActivity"), byActivity, plan, t) : []),
    ...sourceContent,
    {
      text: t("planExport.amountInWords", { words: amountInWords(bySource.grandTotal) }),
      italics: true,
      margin: [0, 6, 0, 0],
    },
  ];
}

function findingsSection(plan: PlanDetail, t: Translate): Content[] {
  const findings = checkPlanConsistency(toPlanDocument(plan));
  return findings.map((finding, index) =>
    paragraph(
      `${index + 1}. [${t(`consistency.severity.${finding.severity}`)}] ${describeFinding(finding, t)} (${finding.location})`,
    ),
  );
}

function signatureBlock(plan: PlanDetail): Content {
  // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" is stored on one line; the block prints the authority and the title apart.
  const titleLines = plan.signerTitle.split(/\s*\/\s*/);
  return {
    columns: [
      { width: "*", text: "" },
      {
        width: mm(80),
        stack: [
          ...titleLines.map((line) => ({ text: line.toLocaleUpperCase("vi"), bold: true })),
          { text: plan.signerName, bold: true, margin: [0, 70, 0, 0] },
        ],
        alignment: "center",
      },
    ],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
}

/**
 * The signature block never stands alone on a page: it is kept together with the paragraph before it (the
 * amount in words or the last finding, both short), as a signed page must carry part of the text.
 */
function withSignature(body: Content[], signature: Content): Content[] {
  const last = body.at(-1);
  if (last === undefined) return [signature];
  return [...body.slice(0, -1), { stack: [last, signature], unbreakable: true }];
}

function documentDefinition(plan: PlanDetail, t: Translate): TDocumentDefinitions {
  const findings = findingsSection(plan, t);
  const sections: [string, Content[]][] = [
    [t("planExport.pdf.section.objectives"), objectivesSection(plan, t)],
    [t("planExport.pdf.section.activities"), activitiesSection(plan, t)],
    [t("planExport.pdf.section.budget"), budgetSection(plan, t)],
    ...(findings.length > 0 ? [[t("consistency.title"), findings] as [string, Content[]]] : []),
  ];
  const body = sections.flatMap(([title, content], index) => [sectionHeading(index, title), ...content]);
  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: PAGE_MARGINS,
    language: "vi-VN",
    info: {
      title: plan.title,
      subject: t("planExport.pdf.issuedWith", {
        number: plan.decisionNumber,
        date: formatDate(plan.decisionDate),
        issuer: plan.issuer,
      }),
      author: plan.issuer,
      creator: "Cổng TMĐT",
      // The plan's timestamp, not "now", so the same plan gives the same metadata.
      creationDate: plan.updatedAt,
      modDate: plan.updatedAt,
    },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: BODY_FONT_SIZE, lineHeight: 1.15 },
    // Decree 30/2020 Appendix I (số trang): numbers centred in the top margin, none on the first page. Top,
    // not bottom, because that is where the decree puts them.
    header: (currentPage) =>
      currentPage === 1
        ? null
        : { text: String(currentPage), alignment: "center", margin: [0, mm(10), 0, 0] },
    // A heading or caption that would end a page moves to the next one with what it introduces.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === KEEP_WITH_NEXT && nodes.getFollowingNodesOnPage().length === 0,
    content: [documentHeader(plan, t), documentTitle(plan, t), ...withSignature(body, signatureBlock(plan))],
  };
}

export async function exportPlanPdf(
  plan: PlanDetail,
  t: Translate,
  options: PlanPdfOptions = {},
): Promise<Buffer> {
  return renderPdf(documentDefinition(plan, t), options);
}
