import { describe, expect, it } from "vitest";
import { extractPdfText } from "../testing.ts";
import { formatReceiptInstant, type ReceiptData, renderReceiptPdf } from "./receipt-pdf.ts";

const data: ReceiptData = {
  provinceKind: "tỉnh",
  provinceName: "Đồng Tháp",
  issuingBody: "Sở Công Thương",
  receivingUnit: "Bộ phận Một cửa Sở Công Thương",
  code: "000.00.21.H56-261123-0007",
  applicant: {
    name: "Công ty TNHH Xoài Cát Hòa Lộc",
    taxCode: "1400123456",
    idNumber: null,
    address: "12 Nguyễn Huệ, phường Cao Lãnh",
    phone: "0912345678",
    email: "lien.he@xoaicat.vn",
  },
  procedureName: "Cấp Giấy phép bán buôn sản phẩm rượu",
  components: [
    { name: "Đơn đề nghị cấp giấy phép", copyKind: "original", fileCount: 2 },
    { name: "Giấy tờ không nộp", copyKind: "copy", fileCount: 0 },
  ],
  suppliedFileCount: 1,
  processingWorkingDays: 10,
  submittedAt: new Date("2026-11-23T02:05:00Z"),
  receivedAt: new Date("2026-11-23T03:30:00Z"),
  appointmentDate: "2026-12-07",
  deliveryMethod: "post",
  deliveryAddress: "45 Lý Thường Kiệt, phường Mỹ Tho",
  receiverName: "Võ Thị Hồng",
  lookupUrl: "https://congtmdt.example.vn/dong-thap/services/lookup?code=000.00.21.H56-261123-0007",
};

describe("form 01 (receipt and appointment slip)", () => {
  it("prints the code, the applicant, the documents received with counts, the times and the delivery", async () => {
    const pdf = await renderReceiptPdf(data);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = extractPdfText(pdf);
    expect(text).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    expect(text).toContain("Mã hồ sơ: 000.00.21.H56-261123-0007");
    expect(text).toContain("UBND TỈNH ĐỒNG THÁP");
    expect(text).toContain("Công ty TNHH Xoài Cát Hòa Lộc");
    expect(text).toContain("Mã số thuế: 1400123456");
    expect(text).toContain("Đơn đề nghị cấp giấy phép");
    expect(text).not.toContain("Giấy tờ không nộp");
    expect(text).toContain("Tài liệu bổ sung theo yêu cầu");
    expect(text).toContain("10 ngày làm việc");
    expect(text).toContain("10 giờ 30 phút, ngày 23 tháng 11 năm 2026");
    expect(text).toContain("ngày 07 tháng 12 năm 2026");
    expect(text).toContain("45 Lý Thường Kiệt");
    expect(text).toContain("Võ Thị Hồng");
    // pdfmake breaks the printed link at its slashes; the QR code carries it whole.
    expect(text).toContain("lookup? code=000.00.21.H56-261123-0007");
  });

  it("before receipt, says the appointment is provisional and names no receiving officer", async () => {
    const text = extractPdfText(await renderReceiptPdf({ ...data, receivedAt: null, receiverName: null }));
    expect(text).toContain("Thời gian nộp hồ sơ trực tuyến: 09 giờ 05 phút, ngày 23 tháng 11 năm 2026");
    expect(text).toContain("dự kiến");
    expect(text).not.toContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
  });

  it("prints times in Vietnam time whatever the server's zone (17:00 UTC is midnight)", () => {
    expect(formatReceiptInstant(new Date("2026-12-31T17:00:00Z"))).toBe(
      "00 giờ 00 phút, ngày 01 tháng 01 năm 2027",
    );
  });
});
