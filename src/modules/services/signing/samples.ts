import type { RenderPdfOptions } from "../../../platform/pdf.ts";
import { formatAdministrativeDate, qrSvg, renderAdministrativePdf } from "../documents/administrative-pdf.ts";

// A one-page licence in the Vietnamese administrative format, to demonstrate and test signing: Decree
// 30/2020/NĐ-CP Appendix I (national title and motto, issuing body, number and symbol "Số: …/GP-SCT", place
// and date, title, "Nơi nhận", signer's position) and the QR code issue 4 asks for, pointing at the public
// verification page. Wholesale alcohol licences are the Department's under Decree 105/2017/NĐ-CP Art. 25(2)
// (retail licences belong to a lower level), so the sample is one of those.

export { formatAdministrativeDate };

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

/** The QR code as SVG (vector, sharp at any zoom); error correction M survives a printed, folded copy. */
export const verificationQrSvg = qrSvg;

export function buildSampleLicencePdf(
  input: SampleLicenceInput,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  return renderAdministrativePdf(
    {
      parentBody: input.parentBody ?? "UBND tỉnh Đồng Tháp",
      issuingBody: input.issuingBody ?? "Sở Công Thương",
      numberAndSymbol: input.numberAndSymbol ?? "12/GP-SCT",
      place: input.place ?? "Đồng Tháp",
      issuedOn: input.issuedOn ?? new Date(),
      title: "GIẤY PHÉP",
      subtitle: ["Bán buôn sản phẩm rượu"],
      body: [
        {
          text: `Cho phép: ${input.licenseeName ?? "Công ty TNHH Thương mại Sen Hồng"}`,
          margin: [0, 0, 0, 6],
        },
        "Được phép bán buôn sản phẩm rượu theo Nghị định số 105/2017/NĐ-CP ngày 14 tháng 9 năm 2017 của Chính phủ.",
        { text: "Giấy phép có thời hạn 05 năm kể từ ngày ký.", margin: [0, 6, 0, 0] },
      ],
      recipients: ["Thương nhân được cấp phép;", "UBND tỉnh (để báo cáo);", "Lưu: VT, QLTM."],
      signer: {
        position: input.signerPosition ?? "Giám đốc",
        name: input.signerName ?? "Nguyễn Văn A",
        signedDigitally: true,
      },
      qr: { url: input.verificationUrl, caption: "Kiểm tra chữ ký số" },
      documentTitle: "Giấy phép bán buôn sản phẩm rượu",
    },
    options,
  );
}
