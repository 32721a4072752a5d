import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import QRCode from "qrcode";
import { PDF_FONT_FAMILY, type RenderPdfOptions, renderPdf } from "../../../platform/pdf.ts";

// A one-page licence in the Vietnamese administrative format, to demonstrate and test signing: Decree
// 30/2020/NĐ-CP Appendix I (national title and motto, issuing body, number and symbol "Số: …/GP-SCT", place
// and date, title, "Nơi nhận", signer's position) and the QR code issue 4 asks for, pointing at the public
// verification page. Wholesale alcohol licences are the Department's under Decree 105/2017/NĐ-CP Art. 25(2)
// (retail licences belong to a lower level), so the sample is one of those.

const POINTS_PER_MM = 72 / 25.4;
const mm = (millimetres: number) => millimetres * POINTS_PER_MM;
const QR_SIZE = mm(24);

export type SampleLicenceInput = {
  /** The public verification page this result's QR code opens, e.g. https://…/xac-thuc/000.00.12.H20-261122-0001 */
  verificationUrl: string;
  parentBody?: string;
  issuingBody?: string;
  /** "12/GP-SCT" */
  numberAndSymbol?: string;
  place?: string;
  issuedOn?: Date;
  licenseeName?: string;
  signerPosition?: string;
  signerName?: string;
};

/** "ngày 05 tháng 02 năm 2026": Decree 30/2020 Appendix I writes days below 10 and months 1–2 with a 0. */
export function formatAdministrativeDate(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3600 * 1000);
  const day = String(local.getUTCDate()).padStart(2, "0");
  const month = local.getUTCMonth() + 1;
  const monthText = month <= 2 ? `0${month}` : String(month);
  return `ngày ${day} tháng ${monthText} năm ${local.getUTCFullYear()}`;
}

/** The QR code as SVG (vector, sharp at any zoom); error correction M survives a printed, folded copy. */
export async function verificationQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

export async function buildSampleLicencePdf(
  input: SampleLicenceInput,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const issuedOn = input.issuedOn ?? new Date();
  const place = input.place ?? "Đồng Tháp";
  const qrSvg = await verificationQrSvg(input.verificationUrl);
  const header: Content = {
    columns: [
      {
        width: mm(70),
        alignment: "center",
        stack: [
          { text: (input.parentBody ?? "UBND tỉnh Đồng Tháp").toUpperCase(), fontSize: 12.5 },
          { text: (input.issuingBody ?? "Sở Công Thương").toUpperCase(), bold: true, fontSize: 12.5 },
          { text: `Số: ${input.numberAndSymbol ?? "12/GP-SCT"}`, margin: [0, 8, 0, 0] },
        ],
      },
      {
        width: "*",
        alignment: "center",
        stack: [
          { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: 12 },
          { text: "Độc lập - Tự do - Hạnh phúc", bold: true, fontSize: 13, decoration: "underline" },
          { text: `${place}, ${formatAdministrativeDate(issuedOn)}`, italics: true, margin: [0, 10, 0, 0] },
        ],
      },
    ],
  };
  const body: Content[] = [
    { text: "GIẤY PHÉP", bold: true, fontSize: 14, alignment: "center", margin: [0, 24, 0, 0] },
    { text: "Bán buôn sản phẩm rượu", bold: true, fontSize: 14, alignment: "center", margin: [0, 0, 0, 12] },
    { text: `Cho phép: ${input.licenseeName ?? "Công ty TNHH Thương mại Sen Hồng"}`, margin: [0, 0, 0, 6] },
    "Được phép bán buôn sản phẩm rượu theo Nghị định số 105/2017/NĐ-CP ngày 14 tháng 9 năm 2017 của Chính phủ.",
    { text: "Giấy phép có thời hạn 05 năm kể từ ngày ký.", margin: [0, 6, 0, 0] },
  ];
  const footer: Content = {
    margin: [0, 24, 0, 0],
    columns: [
      {
        width: "*",
        stack: [
          { text: "Nơi nhận:", bold: true, italics: true, fontSize: 12 },
          { text: "- Thương nhân được cấp phép;", fontSize: 11 },
          { text: "- UBND tỉnh (để báo cáo);", fontSize: 11 },
          { text: "- Lưu: VT, QLTM.", fontSize: 11 },
          { svg: qrSvg, width: QR_SIZE, height: QR_SIZE, margin: [0, 12, 0, 2] },
          {
            text: `Kiểm tra chữ ký số: ${input.verificationUrl}`,
            link: input.verificationUrl,
            fontSize: 9,
          },
        ],
      },
      {
        width: mm(75),
        alignment: "center",
        stack: [
          { text: (input.signerPosition ?? "Giám đốc").toUpperCase(), bold: true },
          { text: "(Đã ký số)", italics: true, margin: [0, 24, 0, 24] },
          { text: input.signerName ?? "Nguyễn Văn A", bold: true },
        ],
      },
    ],
  };
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    // Decree 30/2020 Appendix I: top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm.
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    language: "vi-VN",
    info: { title: "Giấy phép bán buôn sản phẩm rượu", creator: "Cổng TMĐT", creationDate: issuedOn },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 13, lineHeight: 1.15 },
    content: [header, ...body, footer],
  };
  return renderPdf(definition, options);
}
