import type { Content } from "pdfmake/interfaces.js";
import { formatDate } from "../../../platform/vn-format.ts";
import type { AdministrativeDocument } from "../documents/administrative-pdf.ts";
import type { procedureVersions } from "../schema.ts";

// The text of a result in the administrative format (documents/administrative-pdf.ts): a grant (licence,
// certificate, decision or notice, per the procedure version's resultType) on approval, a written refusal
// with the reason on rejection. The wording follows the common shape of the Department's licences (bases,
// the holder's identity, the content, the validity) rather than the specific form of each decree's appendix,
// which the catalogue does not hold (see README).

type VersionFacts = Pick<
  typeof procedureVersions.$inferSelect,
  "name" | "resultType" | "resultName" | "legalBasis" | "resultValidityMonths"
>;

export type ResultDocumentInput = {
  kind: "grant" | "refusal";
  province: { name: string; kind: string };
  numberAndSymbol: string;
  issuedOn: Date;
  version: VersionFacts;
  procedureCode: string;
  dossier: {
    code: string;
    applicantName: string;
    applicantTaxCode: string | null;
    applicantIdNumber: string | null;
    applicantAddress: string;
    applicantPhone: string;
    receivedAt: Date | null;
  };
  /** The applicant's answers to the version's questions, as labels and readable values. */
  answers: { label: string; value: string }[];
  /** YYYY-MM-DD, or null when the result does not expire. */
  validUntil: string | null;
  /** The leader's reason (required to reject). */
  reason?: string;
  signerName: string;
  verificationUrl: string;
};

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);

function titleOf(input: ResultDocumentInput): { title: string; subtitle: string[] } {
  if (input.kind === "refusal") {
    return {
      title: "THÔNG BÁO",
      subtitle: [`Về việc không giải quyết hồ sơ ${lowerFirst(input.version.name)}`],
    };
  }
  switch (input.version.resultType) {
    case "decision":
      return { title: "QUYẾT ĐỊNH", subtitle: [`Về việc ${lowerFirst(input.version.resultName)}`] };
    case "notice":
      return { title: "THÔNG BÁO", subtitle: [lowerFirst(input.version.resultName)] };
    default:
      return { title: input.version.resultName.toLocaleUpperCase("vi"), subtitle: [] };
  }
}

function holderLines(input: ResultDocumentInput): Content[] {
  const { dossier } = input;
  const line = (label: string, value: string): Content => ({
    text: [{ text: `${label}: ` }, { text: value, bold: true }],
    margin: [12, 0, 0, 2],
  });
  return [
    line("Tên tổ chức, cá nhân", dossier.applicantName),
    ...(dossier.applicantTaxCode ? [line("Mã số thuế", dossier.applicantTaxCode)] : []),
    ...(!dossier.applicantTaxCode && dossier.applicantIdNumber
      ? [line("Số định danh cá nhân", dossier.applicantIdNumber)]
      : []),
    line("Địa chỉ", dossier.applicantAddress),
    line("Điện thoại", dossier.applicantPhone),
  ];
}

function basisLines(input: ResultDocumentInput): Content[] {
  const received = input.dossier.receivedAt ? ` tiếp nhận ngày ${formatDate(input.dossier.receivedAt)}` : "";
  return [
    ...input.version.legalBasis.map((basis): Content => ({ text: `Căn cứ ${basis};`, italics: true })),
    {
      text: `Xét hồ sơ mã số ${input.dossier.code}${received} của ${input.dossier.applicantName},`,
      italics: true,
      margin: [0, 0, 0, 8],
    },
  ];
}

function grantBody(input: ResultDocumentInput): Content[] {
  const validity = input.validUntil
    ? `${input.version.resultName} có hiệu lực từ ngày ${formatDate(input.issuedOn)} đến hết ngày ${formatDate(input.validUntil)}.`
    : `${input.version.resultName} có hiệu lực kể từ ngày ký.`;
  return [
    ...basisLines(input),
    {
      text: `SỞ CÔNG THƯƠNG ${input.province.kind.toLocaleUpperCase("vi")} ${input.province.name.toLocaleUpperCase("vi")} CẤP ${input.version.resultName.toLocaleUpperCase("vi")} CHO:`,
      bold: true,
      margin: [0, 0, 0, 4],
    },
    ...holderLines(input),
    { text: `Nội dung: ${input.version.name} (thủ tục ${input.procedureCode}).`, margin: [0, 8, 0, 2] },
    ...input.answers.map(
      (answer): Content => ({ text: `${answer.label}: ${answer.value}`, margin: [12, 0, 0, 2] }),
    ),
    { text: validity, margin: [0, 8, 0, 2] },
    {
      text: `${input.dossier.applicantName} có trách nhiệm thực hiện đúng các quy định của pháp luật có liên quan.`,
    },
  ];
}

function refusalBody(input: ResultDocumentInput): Content[] {
  const department = `Sở Công Thương ${input.province.kind} ${input.province.name}`;
  return [
    ...basisLines(input),
    {
      text: `${department} thông báo không giải quyết hồ sơ đề nghị ${lowerFirst(input.version.name)} của:`,
      margin: [0, 0, 0, 4],
    },
    ...holderLines(input),
    { text: "Lý do:", bold: true, margin: [0, 8, 0, 2] },
    { text: input.reason ?? "", margin: [12, 0, 0, 8] },
    {
      text: `${input.dossier.applicantName} có quyền khiếu nại, khởi kiện theo quy định của pháp luật. Thông báo này được gửi kèm hồ sơ mã số ${input.dossier.code}.`,
    },
  ];
}

/** The result as an administrative document: one layout for grants and refusals, with the verification QR. */
export function buildResultDocument(input: ResultDocumentInput): AdministrativeDocument {
  const { title, subtitle } = titleOf(input);
  return {
    parentBody: `UBND ${input.province.kind} ${input.province.name}`,
    issuingBody: "Sở Công Thương",
    numberAndSymbol: input.numberAndSymbol,
    place: input.province.name,
    issuedOn: input.issuedOn,
    title,
    subtitle,
    body: input.kind === "grant" ? grantBody(input) : refusalBody(input),
    recipients: [`${input.dossier.applicantName};`, "Lưu: VT, Bộ phận Một cửa."],
    signer: { position: "Giám đốc", name: input.signerName, signedDigitally: true },
    qr: { url: input.verificationUrl, caption: "Xác thực văn bản" },
    documentTitle: `${title} ${input.numberAndSymbol}`,
  };
}

/** The last day a result granted on `issuedOn` is valid: the same day `months` later, less one (clamped). */
export function validUntilDate(issuedOn: string, months: number | null): string | null {
  if (months === null || months <= 0) return null;
  const [year, month, day] = issuedOn.split("-").map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastDayOfTarget = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const sameDay = new Date(Date.UTC(year, targetMonth, Math.min(day, lastDayOfTarget)));
  // "Có hiệu lực 05 năm kể từ ngày cấp": from 15/03/2026 to the end of 14/03/2031.
  if (day <= lastDayOfTarget) sameDay.setUTCDate(sameDay.getUTCDate() - 1);
  return sameDay.toISOString().slice(0, 10);
}
