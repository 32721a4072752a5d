import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import QRCode from "qrcode";
import { PDF_FONT_FAMILY, type RenderPdfOptions, renderPdf } from "../../../platform/pdf.ts";

// The one layout of every document the one-stop shop prints: forms 01–06 of Circular 03/2025/TT-VPCP and the
// results (licences, certificates, decisions). Decree 30/2020/NĐ-CP Appendix I: the parent body and issuing
// body top left with "Số: …" under them, the national title and motto top right with place and date, the
// title centred, then the body, "Nơi nhận" bottom left and the signer's block bottom right.

const POINTS_PER_MM = 72 / 25.4;
export const mm = (millimetres: number) => millimetres * POINTS_PER_MM;
const QR_SIZE = mm(24);

export type AdministrativeDocument = {
  /** "UBND TỈNH ĐỒNG THÁP" (printed upper case). */
  parentBody: string;
  /** "SỞ CÔNG THƯƠNG" (printed upper case, bold). */
  issuingBody: string;
  /** "12/GP-SCT"; omitted on forms that carry no number (form 06). */
  numberAndSymbol?: string;
  /** "Đồng Tháp" */
  place: string;
  issuedOn: Date;
  /** "GIẤY PHÉP", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" */
  title: string;
  /** Lines under the title ("Bán buôn sản phẩm rượu", "Mã hồ sơ: …"). */
  subtitle?: string[];
  body: Content[];
  /** "Nơi nhận" lines; omitted on slips handed to the applicant. */
  recipients?: string[];
  /** The signer's block: position ("GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "NGƯỜI TIẾP NHẬN"), name. */
  signer?: { position: string; name: string; signedDigitally?: boolean };
  /** A QR code under the recipients, with the link printed beside it (verification or lookup page). */
  qr?: { url: string; caption: string };
  /** PDF metadata title. */
  documentTitle: string;
  pageOrientation?: "portrait" | "landscape";
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
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

/** A document in the administrative format, as pdfmake content (for callers that add pages of their own). */
export async function buildAdministrativeDefinition(
  doc: AdministrativeDocument,
): Promise<TDocumentDefinitions> {
  const header: Content = {
    columns: [
      {
        width: mm(70),
        alignment: "center",
        stack: [
          { text: doc.parentBody.toUpperCase(), fontSize: 12.5 },
          { text: doc.issuingBody.toUpperCase(), bold: true, fontSize: 12.5 },
          ...(doc.numberAndSymbol ? [{ text: `Số: ${doc.numberAndSymbol}`, margin: [0, 8, 0, 0] }] : []),
        ] as Content[],
      },
      {
        width: "*",
        alignment: "center",
        stack: [
          { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: 12 },
          { text: "Độc lập - Tự do - Hạnh phúc", bold: true, fontSize: 13, decoration: "underline" },
          {
            text: `${doc.place}, ${formatAdministrativeDate(doc.issuedOn)}`,
            italics: true,
            margin: [0, 10, 0, 0],
          },
        ],
      },
    ],
  };
  const title: Content[] = [
    { text: doc.title, bold: true, fontSize: 14, alignment: "center", margin: [0, 24, 0, 0] },
    ...(doc.subtitle ?? []).map(
      (line): Content => ({ text: line, bold: true, fontSize: 13, alignment: "center" }),
    ),
    { text: "", margin: [0, 0, 0, 10] },
  ];
  const left: Content[] = [];
  if (doc.recipients && doc.recipients.length > 0) {
    left.push({ text: "Nơi nhận:", bold: true, italics: true, fontSize: 12 });
    for (const line of doc.recipients) left.push({ text: `- ${line}`, fontSize: 11 });
  }
  if (doc.qr) {
    left.push({ svg: await qrSvg(doc.qr.url), width: QR_SIZE, height: QR_SIZE, margin: [0, 12, 0, 2] });
    left.push({ text: `${doc.qr.caption}: ${doc.qr.url}`, link: doc.qr.url, fontSize: 9 });
  }
  const footer: Content = {
    margin: [0, 24, 0, 0],
    unbreakable: true,
    columns: [
      { width: "*", stack: left },
      {
        width: mm(75),
        alignment: "center",
        stack: doc.signer
          ? [
              { text: doc.signer.position.toUpperCase(), bold: true },
              {
                text: doc.signer.signedDigitally ? "(Đã ký số)" : "(Ký, ghi rõ họ tên)",
                italics: true,
                margin: [0, 24, 0, 24],
              },
              { text: doc.signer.name, bold: true },
            ]
          : [],
      },
    ],
  };
  return {
    pageSize: "A4",
    pageOrientation: doc.pageOrientation ?? "portrait",
    // Decree 30/2020 Appendix I: top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm.
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    language: "vi-VN",
    info: { title: doc.documentTitle, creator: "Cổng TMĐT", creationDate: doc.issuedOn },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 13, lineHeight: 1.15 },
    content: [header, ...title, ...doc.body, footer],
  };
}

export async function renderAdministrativePdf(
  doc: AdministrativeDocument,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  return renderPdf(await buildAdministrativeDefinition(doc), options);
}
