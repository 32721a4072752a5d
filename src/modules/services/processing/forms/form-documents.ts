import { inArray } from "drizzle-orm";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { RenderPdfOptions } from "../../../../platform/pdf.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { formatDate, formatDateTime } from "../../../../platform/vn-format.ts";
import { units } from "../../../identity/schema.ts";
import { renderAdministrativePdf } from "../../documents/administrative-pdf.ts";
import {
  type DossierRow,
  getDossierForApplicant,
  getDossierForStaff,
  loadVersionWorkflow,
  readDossierHistory,
  replayDossier,
  summarizeDossierClockFor,
} from "../../dossiers/index.ts";
import { FORMS } from "../../workflow/index.ts";
import { buildControlSlip } from "./control-slip.ts";
import { type LetterContext, letterFormOf, renderFormLetter } from "./form-letters.ts";

/** Where the applicant downloads a letter addressed to them (area B links here from the dossier page). */
export const applicantFormLetterPath = (slug: string, dossierId: number, seq: number) =>
  `/${slug}/my/dossiers/${dossierId}/forms/${seq}.pdf`;
export const staffFormLetterPath = (slug: string, dossierId: number, seq: number) =>
  `/${slug}/admin/services/dossiers/${dossierId}/forms/${seq}.pdf`;
export const controlSlipPdfPath = (slug: string, dossierId: number) =>
  `/${slug}/admin/services/dossiers/${dossierId}/control-slip.pdf`;

async function unitNamesOf(ctx: ServiceContext, unitIds: string[]) {
  const rows = await ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, unitIds.map(Number)));
  return new Map(rows.map((row) => [String(row.id), row.name]));
}

async function loadLetterContext(ctx: ServiceContext, dossier: DossierRow): Promise<LetterContext> {
  const { version, workflow } = await loadVersionWorkflow(ctx.db, dossier.procedureVersionId);
  const names = await unitNamesOf(ctx, [workflow.receptionUnitId, workflow.approvalUnitId]);
  const clock = await summarizeDossierClockFor(ctx.db, dossier, new Date());
  return {
    province: ctx.province,
    dossier,
    procedureName: version.name,
    departmentName: names.get(workflow.approvalUnitId) ?? "Sở Công Thương",
    receptionUnitName: names.get(workflow.receptionUnitId) ?? "Bộ phận Một cửa",
    history: await readDossierHistory(ctx.db, dossier.id),
    legalDueDate: clock?.dueDate ?? null,
  };
}

/** A letter (forms 02–05) for the staff: any dossier of the province they may process. */
export async function renderStaffFormLetter(ctx: ServiceContext, dossierId: number, seq: number) {
  const dossier = await getDossierForStaff(ctx, dossierId);
  return renderFormLetter(await loadLetterContext(ctx, dossier), seq);
}

/** A letter for the applicant: only their own dossier (another's is not found), and only letters 02–05. */
export async function renderApplicantFormLetter(ctx: ServiceContext, dossierId: number, seq: number) {
  const dossier = await getDossierForApplicant(ctx, dossierId);
  return renderFormLetter(await loadLetterContext(ctx, dossier), seq);
}

/** The letters a dossier's history issued, for links on the applicant's page: `{ seq, form, title, at }`. */
export async function listFormLetters(ctx: ServiceContext, dossier: DossierRow) {
  const history = await readDossierHistory(ctx.db, dossier.id);
  return history.flatMap((line) => {
    const form = letterFormOf(line);
    return form ? [{ seq: line.seq, form, title: FORMS[form], at: line.at }] : [];
  });
}

const STATUS_TEXT = { early: "Trước hạn", "on-time": "Đúng hạn", late: "Quá hạn" } as const;

/** Form 06 as a PDF: one row per stay at a unit, with the early / on-time / late result. */
export async function renderControlSlipPdf(
  ctx: ServiceContext,
  dossierId: number,
  now = new Date(),
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const dossier = await getDossierForStaff(ctx, dossierId);
  const { version, workflow } = await loadVersionWorkflow(ctx.db, dossier.procedureVersionId);
  const { status } = await replayDossier(ctx.db, dossier, workflow);
  const slip = await buildControlSlip(ctx.db, { dossier, version, workflow, status, now });
  const unitIds = [
    workflow.receptionUnitId,
    workflow.approvalUnitId,
    ...workflow.steps.map((step) => step.unitId),
  ];
  const names = await unitNamesOf(ctx, unitIds);
  const header = ["TT", "Bộ phận / bước xử lý", "Nhận hồ sơ", "Hạn xử lý", "Giao hồ sơ", "Kết quả"].map(
    (text): TableCell => ({ text, bold: true, alignment: "center", fontSize: 10 }),
  );
  const cell = (text: string, alignment?: "center"): TableCell => ({
    text,
    fontSize: 10,
    ...(alignment ? { alignment } : {}),
  });
  const rows: TableCell[][] = (slip?.lines ?? []).map((line, index) => [
    cell(String(index + 1), "center"),
    cell(
      `${names.get(String(line.unitId)) ?? ""}${line.stepName ? ` – ${line.stepName}` : " – Phê duyệt"} (${line.allottedWorkingDays} ngày làm việc)`,
    ),
    cell(formatDateTime(new Date(line.startedAt))),
    cell(formatDate(line.dueDate)),
    cell(line.finishedAt ? formatDateTime(new Date(line.finishedAt)) : ""),
    cell(line.status ? STATUS_TEXT[line.status] : line.isOverdue ? "Đang xử lý, quá hạn" : "Đang xử lý"),
  ]);
  const body: Content[] = [
    { text: `Tên thủ tục: ${version.name}`, margin: [0, 2, 0, 2] },
    { text: `Người nộp: ${dossier.applicantName}`, margin: [0, 2, 0, 2] },
    {
      text: `Tiếp nhận: ${dossier.receivedAt ? formatDateTime(dossier.receivedAt) : "chưa tiếp nhận"}; thời hạn giải quyết: ${version.processingWorkingDays} ngày làm việc${dossier.dueDate ? `; hẹn trả: ${formatDate(dossier.dueDate)}` : ""}`,
      margin: [0, 2, 0, 8],
    },
    rows.length === 0
      ? { text: "Hồ sơ chưa được chuyển xử lý.", italics: true }
      : {
          table: { headerRows: 1, widths: [20, "*", 70, 55, 70, 60], body: [header, ...rows] },
          layout: "lightHorizontalLines",
        },
  ];
  return renderAdministrativePdf(
    {
      parentBody: `UBND ${ctx.province.kind} ${ctx.province.name}`,
      issuingBody: names.get(workflow.approvalUnitId) ?? "Sở Công Thương",
      place: ctx.province.name,
      issuedOn: now,
      title: FORMS["06"].toUpperCase(),
      subtitle: [`Mã hồ sơ: ${dossier.code ?? ""}`],
      body,
      documentTitle: `${FORMS["06"]} – ${dossier.code ?? ""}`,
      pageOrientation: "landscape",
    },
    options,
  );
}
