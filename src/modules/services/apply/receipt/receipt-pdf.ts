import type { Content } from "pdfmake/interfaces.js";
import type { RenderPdfOptions } from "../../../../platform/pdf.ts";
import { renderAdministrativePdf } from "../../documents/administrative-pdf.ts";
import type { CopyKind } from "../../schema.ts";

// Form 01 of Circular 03/2025/TT-VPCP: the receipt and appointment slip the one-stop section gives for a
// dossier (Circular 01/2018/TT-VPCP's form 01 before it). Its numbered lines follow that form: the documents
// received with their form and number, the number of sets, the legal processing time, when it was received,
// when the result is due, and where the applicant collects it. Always printed in Vietnamese: it is an
// administrative document.

export type ReceiptData = {
  /** "tỉnh" or "thành phố", and the name: the parent body "UBND TỈNH ĐỒNG THÁP". */
  provinceKind: string;
  provinceName: string;
  /** The issuing body ("Sở Công Thương") and the receiving section ("Bộ phận Một cửa Sở Công Thương"). */
  issuingBody: string;
  receivingUnit: string;
  code: string;
  applicant: {
    name: string;
    taxCode: string | null;
    idNumber: string | null;
    address: string;
    phone: string;
    email: string;
  };
  procedureName: string;
  components: { name: string; copyKind: CopyKind; fileCount: number }[];
  suppliedFileCount: number;
  processingWorkingDays: number;
  submittedAt: Date;
  /** Null while the one-stop section has not received it yet: the appointment is then provisional. */
  receivedAt: Date | null;
  appointmentDate: string | null;
  deliveryMethod: "counter" | "online" | "post";
  deliveryAddress: string | null;
  receiverName: string | null;
  lookupUrl: string;
};

const copyKindLabels: Record<CopyKind, string> = {
  original: "Bản chính",
  "certified-copy": "Bản sao có chứng thực",
  copy: "Bản sao",
  "original-or-certified-copy": "Bản chính hoặc bản sao có chứng thực",
};

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (value: number) => String(value).padStart(2, "0");

/** "09 giờ 05 phút, ngày 23 tháng 11 năm 2026" in Vietnam time (UTC+7, no daylight saving). */
export function formatReceiptInstant(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return `${two(local.getUTCHours())} giờ ${two(local.getUTCMinutes())} phút, ngày ${two(local.getUTCDate())} tháng ${two(local.getUTCMonth() + 1)} năm ${local.getUTCFullYear()}`;
}

/** "ngày 27 tháng 11 năm 2026" for an ISO calendar date. */
export function formatReceiptDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `ngày ${day} tháng ${month} năm ${year}`;
}

function deliveryText(data: ReceiptData): string {
  switch (data.deliveryMethod) {
    case "online":
      return "Trực tuyến, trên tài khoản dịch vụ công của người nộp hồ sơ";
    case "counter":
      return `Trực tiếp tại ${data.receivingUnit}`;
    case "post":
      return `Qua dịch vụ bưu chính công ích, địa chỉ: ${data.deliveryAddress ?? data.applicant.address}`;
  }
}

function componentTable(data: ReceiptData): Content {
  const received = data.components.filter((component) => component.fileCount > 0);
  const rows = received.map((component, index) => [
    { text: String(index + 1), alignment: "center" },
    component.name,
    `${copyKindLabels[component.copyKind]} (bản điện tử)`,
    { text: String(component.fileCount), alignment: "center" },
  ]);
  if (data.suppliedFileCount > 0) {
    rows.push([
      { text: String(rows.length + 1), alignment: "center" },
      "Tài liệu bổ sung theo yêu cầu",
      "Bản điện tử",
      { text: String(data.suppliedFileCount), alignment: "center" },
    ]);
  }
  const header = ["STT", "Tên giấy tờ", "Hình thức", "Số tệp"].map((text) => ({
    text,
    bold: true,
    alignment: "center",
  }));
  return {
    table: { headerRows: 1, widths: [28, "*", 120, 40], body: [header, ...rows] },
    fontSize: 11,
    margin: [0, 4, 0, 8],
  } as Content;
}

export function buildReceiptBody(data: ReceiptData): Content[] {
  const identity = data.applicant.taxCode
    ? `Mã số thuế: ${data.applicant.taxCode}`
    : `Số định danh cá nhân: ${data.applicant.idNumber ?? ""}`;
  const line = (text: string | Content[]): Content => ({ text, margin: [0, 2, 0, 2] }) as Content;
  const timeLine = data.receivedAt
    ? `4. Thời gian nhận hồ sơ: ${formatReceiptInstant(data.receivedAt)}`
    : `4. Thời gian nộp hồ sơ trực tuyến: ${formatReceiptInstant(data.submittedAt)} (đang chờ kiểm tra, tiếp nhận)`;
  const appointment = data.appointmentDate
    ? `5. Thời gian trả kết quả giải quyết hồ sơ: ${formatReceiptDate(data.appointmentDate)}${data.receivedAt ? "" : " (dự kiến, nếu hồ sơ được tiếp nhận trong ngày nộp)"}`
    : "5. Thời gian trả kết quả giải quyết hồ sơ: theo thông báo khi tiếp nhận";
  return [
    line(`${data.receivingUnit} tiếp nhận hồ sơ của: ${data.applicant.name}`),
    line(identity),
    line(`Địa chỉ: ${data.applicant.address}`),
    line(`Số điện thoại: ${data.applicant.phone}    Thư điện tử: ${data.applicant.email}`),
    line(`Nội dung yêu cầu giải quyết: ${data.procedureName}`),
    line("1. Thành phần hồ sơ nộp gồm:"),
    componentTable(data),
    line("2. Số lượng hồ sơ: 01 (bộ)"),
    line(`3. Thời gian giải quyết hồ sơ theo quy định: ${data.processingWorkingDays} ngày làm việc`),
    line(timeLine),
    line(appointment),
    line(`6. Đăng ký nhận kết quả tại: ${deliveryText(data)}`),
    {
      text: "Người nộp hồ sơ tra cứu tình trạng giải quyết bằng mã hồ sơ tại địa chỉ in dưới mã QR.",
      italics: true,
      fontSize: 11,
      margin: [0, 6, 0, 0],
    },
  ];
}

export function renderReceiptPdf(data: ReceiptData, options: RenderPdfOptions = {}): Promise<Buffer> {
  return renderAdministrativePdf(
    {
      parentBody: `UBND ${data.provinceKind} ${data.provinceName}`,
      issuingBody: data.issuingBody,
      place: data.provinceName,
      issuedOn: data.receivedAt ?? data.submittedAt,
      title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
      subtitle: [`Mã hồ sơ: ${data.code}`],
      body: buildReceiptBody(data),
      // Before receipt no officer has checked the dossier yet: the slip is the system's, with no signer.
      ...(data.receiverName
        ? { signer: { position: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: data.receiverName } }
        : {}),
      qr: { url: data.lookupUrl, caption: "Tra cứu hồ sơ" },
      documentTitle: `Giấy tiếp nhận hồ sơ ${data.code}`,
    },
    options,
  );
}
