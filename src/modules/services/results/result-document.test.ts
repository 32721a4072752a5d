import { describe, expect, it } from "vitest";
import { createDevelopmentCa, issueDepartmentCertificate } from "../signing/index.ts";
import { chooseTrustAnchor } from "./credential-store.ts";
import { documentSymbol, formatDocumentNumber } from "./document-number.ts";
import { resultFilename } from "./queries.ts";
import { buildResultDocument, type ResultDocumentInput, validUntilDate } from "./result-document.ts";

const input: ResultDocumentInput = {
  kind: "grant",
  province: { name: "Đồng Tháp", kind: "tỉnh" },
  numberAndSymbol: "07/GP-SCT",
  issuedOn: new Date("2026-03-05T03:00:00Z"),
  version: {
    name: "Cấp Giấy phép bán buôn sản phẩm rượu",
    resultType: "licence",
    resultName: "Giấy phép bán buôn sản phẩm rượu",
    legalBasis: ["Nghị định số 105/2017/NĐ-CP ngày 14/9/2017 của Chính phủ về kinh doanh rượu"],
    resultValidityMonths: 60,
  },
  procedureCode: "2.000620",
  dossier: {
    code: "000.00.21.H20-260305-0003",
    applicantName: "Công ty TNHH Rượu Sa Đéc",
    applicantTaxCode: "1400123456",
    applicantIdNumber: null,
    applicantAddress: "12 Hùng Vương, phường Sa Đéc",
    applicantPhone: "0277 3861 234",
    receivedAt: new Date("2026-02-20T02:00:00Z"),
  },
  answers: [{ label: "Địa điểm kho hàng", value: "Khu công nghiệp Sa Đéc" }],
  validUntil: "2031-03-04",
  signerName: "Nguyễn Văn An",
  verificationUrl: "https://congtmdt.example/dong-thap/verify/abc",
};

const textOf = (value: unknown): string => JSON.stringify(value);

describe("the result document", () => {
  it("prints a licence with its bases, holder, content, validity and verification QR", () => {
    const document = buildResultDocument(input);
    expect(document).toMatchObject({
      parentBody: "UBND tỉnh Đồng Tháp",
      issuingBody: "Sở Công Thương",
      numberAndSymbol: "07/GP-SCT",
      title: "GIẤY PHÉP BÁN BUÔN SẢN PHẨM RƯỢU",
      place: "Đồng Tháp",
      qr: { url: input.verificationUrl },
      signer: { name: "Nguyễn Văn An", signedDigitally: true },
    });
    const body = textOf(document.body);
    expect(body).toContain("Căn cứ Nghị định số 105/2017/NĐ-CP");
    expect(body).toContain("Xét hồ sơ mã số 000.00.21.H20-260305-0003 tiếp nhận ngày 20/02/2026");
    expect(body).toContain("1400123456");
    expect(body).toContain("Địa điểm kho hàng: Khu công nghiệp Sa Đéc");
    expect(body).toContain("đến hết ngày 04/03/2031");
  });

  it("prints a refusal as a notice with the reason", () => {
    const document = buildResultDocument({
      ...input,
      kind: "refusal",
      numberAndSymbol: "03/TB-SCT",
      reason: "Kho hàng không đủ diện tích tối thiểu",
    });
    expect(document.title).toBe("THÔNG BÁO");
    expect(document.subtitle).toEqual([
      "Về việc không giải quyết hồ sơ cấp Giấy phép bán buôn sản phẩm rượu",
    ]);
    expect(textOf(document.body)).toContain("Kho hàng không đủ diện tích tối thiểu");
    expect(textOf(document.body)).not.toContain("hiệu lực");
  });

  it("titles a decision as QUYẾT ĐỊNH about its subject", () => {
    const document = buildResultDocument({
      ...input,
      version: {
        ...input.version,
        resultType: "decision",
        resultName: "Xác nhận đăng ký chương trình khuyến mại",
      },
    });
    expect(document.title).toBe("QUYẾT ĐỊNH");
    expect(document.subtitle).toEqual(["Về việc xác nhận đăng ký chương trình khuyến mại"]);
  });
});

describe("numbers, validity and names", () => {
  it("numbers with two digits and the type's symbol; a refusal is always a notice", () => {
    expect(formatDocumentNumber(3, documentSymbol("grant", "licence"))).toBe("03/GP-SCT");
    expect(formatDocumentNumber(115, documentSymbol("grant", "certificate"))).toBe("115/GCN-SCT");
    expect(documentSymbol("grant", "decision")).toBe("QĐ-SCT");
    expect(documentSymbol("refusal", "licence")).toBe("TB-SCT");
    expect(resultFilename({ documentNumber: "12/QĐ-SCT" })).toBe("12-QD-SCT.pdf");
  });

  it("ends validity the day before the anniversary, at the end of a short month when needed", () => {
    expect(validUntilDate("2026-03-15", 60)).toBe("2031-03-14");
    expect(validUntilDate("2026-01-31", 1)).toBe("2026-02-28");
    expect(validUntilDate("2028-02-29", 12)).toBe("2029-02-28");
    expect(validUntilDate("2026-03-01", 12)).toBe("2027-02-28");
    expect(validUntilDate("2026-03-15", null)).toBeNull();
  });

  it("trusts the root of an installed chain, or pins the certificate when the file holds no chain", () => {
    const ca = createDevelopmentCa({ province: "Đồng Tháp" });
    const credential = issueDepartmentCertificate({
      ca,
      departmentName: "Sở Công Thương",
      province: "Đồng Tháp",
    });
    const anchor = chooseTrustAnchor(credential);
    expect(anchor).toContain("BEGIN CERTIFICATE");
    const caOnly = chooseTrustAnchor({ ...credential, chain: [] });
    expect(caOnly).not.toBe(anchor);
    expect(chooseTrustAnchor({ ...credential, chain: [ca.certificate] })).toBe(anchor);
  });
});
