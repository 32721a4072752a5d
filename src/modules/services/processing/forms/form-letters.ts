import type { Content } from "pdfmake/interfaces.js";
import { NotFoundError } from "../../../../platform/errors.ts";
import type { RenderPdfOptions } from "../../../../platform/pdf.ts";
import type { HostedProvince } from "../../../../platform/request-context.ts";
import { formatDate, formatDateTime } from "../../../../platform/vn-format.ts";
import { renderAdministrativePdf } from "../../documents/administrative-pdf.ts";
import { type DossierRow, type HistoryLine, lookupUrl } from "../../dossiers/index.ts";
import { FORMS, type FormNumber, WORKFLOW_TABLE } from "../../workflow/index.ts";

// Forms 02–05 of Circular 03/2025/TT-VPCP, printed from the history entry that issued them, so a letter can be
// printed again at any time and always says what was decided then. The wording follows the forms as quoted in
// public one-stop documents (the circular's own text could not be read here; see workflow/README.md): the
// title, who received what, the content or reason, and for form 04 the apology and the new appointment.

/** The letters the applicant receives, by the action that issues them. */
export const LETTER_FORMS = ["02", "03", "04", "05"] as const satisfies readonly FormNumber[];
export type LetterForm = (typeof LETTER_FORMS)[number];

/** The form a history line issued, when it is one of the letters 02–05. */
export function letterFormOf(line: Pick<HistoryLine, "action">): LetterForm | null {
  const form = WORKFLOW_TABLE[line.action]?.form ?? null;
  return form !== null && (LETTER_FORMS as readonly string[]).includes(form) ? (form as LetterForm) : null;
}

export type LetterContext = {
  province: Pick<HostedProvince, "slug" | "kind" | "name">;
  dossier: DossierRow;
  procedureName: string;
  /** The Department (the approval unit), printed as the issuing body. */
  departmentName: string;
  receptionUnitName: string;
  history: HistoryLine[];
  /** The legal due date, for form 04 when no earlier extension moved it. */
  legalDueDate: string | null;
};

const paragraph = (text: string): Content => ({ text, margin: [0, 3, 0, 3], alignment: "justify" });

function applicantLines(dossier: DossierRow): Content[] {
  const identity = dossier.applicantTaxCode
    ? `Mã số thuế: ${dossier.applicantTaxCode}`
    : dossier.applicantIdNumber
      ? `Số định danh cá nhân: ${dossier.applicantIdNumber}`
      : null;
  return [
    paragraph(`Ông/Bà/Tổ chức: ${dossier.applicantName}`),
    ...(identity ? [paragraph(identity)] : []),
    paragraph(`Địa chỉ: ${dossier.applicantAddress}`),
    paragraph(`Số điện thoại: ${dossier.applicantPhone}    Thư điện tử: ${dossier.applicantEmail}`),
  ];
}

/** The appointment that form 04 moves: the previous extension's date, or the legal due date. */
function previousAppointment(context: LetterContext, seq: number): string | null {
  const earlier = context.history.filter((line) => line.seq < seq && line.entry.action === "extend");
  const last = earlier.at(-1)?.entry;
  return last && last.action === "extend" ? last.newDueDate : context.legalDueDate;
}

function bodyOf(form: LetterForm, line: HistoryLine, context: LetterContext): Content[] {
  const { dossier } = context;
  const comment = line.comment ?? "";
  const code = dossier.code ?? "";
  const received = dossier.receivedAt ? formatDateTime(dossier.receivedAt) : null;
  switch (form) {
    case "02":
      return [
        paragraph(`${context.receptionUnitName} đã nhận hồ sơ mã số ${code} của:`),
        ...applicantLines(dossier),
        paragraph(`Nội dung yêu cầu giải quyết: ${context.procedureName}`),
        paragraph("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
        { text: comment, margin: [12, 3, 0, 3] },
        paragraph(
          "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với cơ quan tiếp nhận để được hướng dẫn. Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết.",
        ),
        paragraph("Xin trân trọng cảm ơn."),
      ];
    case "03":
      return [
        paragraph(`${context.receptionUnitName} đã nhận hồ sơ mã số ${code} của:`),
        ...applicantLines(dossier),
        paragraph(`Nội dung yêu cầu giải quyết: ${context.procedureName}`),
        paragraph("Cơ quan không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"),
        { text: comment, margin: [12, 3, 0, 3] },
        paragraph("Xin thông báo để Ông/Bà được biết và thực hiện."),
      ];
    case "04": {
      const entry = line.entry;
      const newDate = entry.action === "extend" ? entry.newDueDate : "";
      const previous = previousAppointment(context, line.seq);
      return [
        paragraph(
          `${received ? `Ngày ${received}` : "Trước đây"}, ${context.departmentName} tiếp nhận hồ sơ mã số ${code} của ${dossier.applicantName} về việc: ${context.procedureName}.`,
        ),
        paragraph(
          `Thời hạn trả kết quả giải quyết hồ sơ theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ngày ${previous ? formatDate(previous) : "…"}. Tuy nhiên, đến nay ${context.departmentName} chưa trả kết quả giải quyết hồ sơ, lý do:`,
        ),
        { text: comment, margin: [12, 3, 0, 3] },
        paragraph(
          `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${context.departmentName} xin lỗi Ông/Bà và hẹn trả kết quả vào ngày ${newDate ? formatDate(newDate) : "…"}.`,
        ),
        paragraph("Xin trân trọng cảm ơn."),
      ];
    }
    case "05":
      return [
        paragraph(
          `${context.departmentName} thông báo dừng giải quyết hồ sơ mã số ${code} của ${dossier.applicantName} về việc: ${context.procedureName}${received ? `, tiếp nhận ngày ${received}` : ""}.`,
        ),
        paragraph("Lý do dừng giải quyết hồ sơ:"),
        { text: comment, margin: [12, 3, 0, 3] },
        paragraph("Xin thông báo để Ông/Bà được biết."),
      ];
  }
}

const signerPosition: Record<LetterForm, string> = {
  "02": "NGƯỜI HƯỚNG DẪN",
  "03": "NGƯỜI TIẾP NHẬN HỒ SƠ",
  "04": "THỦ TRƯỞNG CƠ QUAN",
  "05": "THỦ TRƯỞNG CƠ QUAN",
};

/** The PDF of the letter issued by history entry `seq`; 404 when that entry issued no letter. */
export async function renderFormLetter(
  context: LetterContext,
  seq: number,
  options: RenderPdfOptions = {},
): Promise<{ form: LetterForm; bytes: Buffer }> {
  const line = context.history.find((candidate) => candidate.seq === seq);
  const form = line ? letterFormOf(line) : null;
  if (!line || !form) throw new NotFoundError();
  const code = context.dossier.code ?? "";
  const bytes = await renderAdministrativePdf(
    {
      parentBody: `UBND ${context.province.kind} ${context.province.name}`,
      issuingBody: context.departmentName,
      place: context.province.name,
      issuedOn: line.at,
      title: FORMS[form].toUpperCase(),
      subtitle: [`Mã hồ sơ: ${code}`],
      body: bodyOf(form, line, context),
      recipients: [context.dossier.applicantName, "Lưu: VT, hồ sơ."],
      signer: { position: signerPosition[form], name: line.actorName ?? "" },
      ...(code ? { qr: { url: lookupUrl(context.province.slug, code), caption: "Tra cứu hồ sơ" } } : {}),
      documentTitle: `${FORMS[form]} – ${code}`,
    },
    options,
  );
  return { form, bytes };
}
