import { SignPdf } from "@signpdf/signpdf";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CertificateAuthority,
  certificateToDer,
  createDevelopmentCa,
  exportPem,
  issueDepartmentCertificate,
  type SigningCredential,
  toCmsSigningKey,
} from "./ca.ts";
import { DetachedCmsSigner } from "./cms-signer.ts";
import { PdfStructureError } from "./pdf-objects.ts";
import { buildSampleLicencePdf } from "./samples.ts";
import { addSignaturePlaceholder, signPdf } from "./sign-pdf.ts";
import { type PdfVerificationResult, verifyPdf } from "./verify-pdf.ts";

const ISSUED_AT = new Date("2026-11-20T02:00:00Z");
const SIGNED_AT = new Date("2026-11-22T03:15:42Z");
const VERIFIED_AT = new Date("2026-12-01T00:00:00Z");
const DEPARTMENT = "Sở Công Thương tỉnh Đồng Tháp";
const URL = "https://dichvucong.dongthap.example/xac-thuc/000.00.12.H20-261122-0001";

let ca: CertificateAuthority;
let department: SigningCredential;
let trusted: string[];
let unsigned: Buffer;
let signed: Buffer;

const sign = (pdf: Buffer, credential = department, signingTime = SIGNED_AT) =>
  signPdf({
    pdf,
    credential,
    reason: "Cấp Giấy phép bán buôn sản phẩm rượu",
    location: "Đồng Tháp",
    signingTime,
  });
const codes = (result: PdfVerificationResult) => result.problems.map((problem) => problem.code);
const verify = (pdf: Buffer, now = VERIFIED_AT) => verifyPdf({ pdf, trustedCertificates: trusted, now });
const byteRangeOf = (pdf: Buffer) =>
  /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString("latin1"))!.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];

beforeAll(async () => {
  ca = createDevelopmentCa({ province: "Đồng Tháp", now: ISSUED_AT });
  department = issueDepartmentCertificate({
    ca,
    departmentName: DEPARTMENT,
    province: "Đồng Tháp",
    now: ISSUED_AT,
  });
  trusted = [exportPem(ca).certificatePem];
  unsigned = await buildSampleLicencePdf({ verificationUrl: URL, issuedOn: SIGNED_AT });
  signed = await sign(unsigned);
});

describe("signPdf", () => {
  it("refuses to sign with a certificate that has expired at the signing time", async () => {
    await expect(sign(unsigned, department, new Date("2029-11-21T00:00:00Z"))).rejects.toMatchObject({
      problem: "certificate_expired",
    });
  });

  it("adds one PAdES signature whose ByteRange covers the whole file but the signature", () => {
    const text = signed.toString("latin1");
    expect(text).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(text).toContain("/M (D:20261122101542+07'00')");
    const [start, firstLength, secondStart, secondLength] = byteRangeOf(signed);
    expect(start).toBe(0);
    expect(text[firstLength]).toBe("<");
    expect(text[secondStart - 1]).toBe(">");
    expect(secondStart + secondLength).toBe(signed.length);
    // The original bytes are kept unchanged in front: an incremental update.
    expect(signed.subarray(0, unsigned.length - 1)).toEqual(unsigned.subarray(0, unsigned.length - 1));
  });

  it("refuses to sign a PDF that already carries a signature", () => {
    expect(() =>
      addSignaturePlaceholder(signed, { reason: "x", location: "y", signingTime: SIGNED_AT }),
    ).toThrow(PdfStructureError);
  });

  it("places a visible field when a rectangle is given", async () => {
    const visible = await signPdf({
      pdf: unsigned,
      credential: department,
      reason: "Cấp giấy phép",
      location: "Đồng Tháp",
      signingTime: SIGNED_AT,
      widget: { pageIndex: 0, rectangle: [330, 90, 560, 170] },
    });
    expect(visible.toString("latin1")).toContain("/Rect [330 90 560 170]");
    expect(verify(visible).valid).toBe(true);
  });
});

describe("verifyPdf", () => {
  it("accepts the signed licence and names the signer, time, reason and place", () => {
    const result = verify(signed);
    expect(result).toEqual({
      valid: true,
      signer: { commonName: DEPARTMENT, organization: DEPARTMENT },
      signedAt: SIGNED_AT,
      reason: "Cấp Giấy phép bán buôn sản phẩm rượu",
      location: "Đồng Tháp",
      problems: [],
      notes: [],
    });
  });

  it("rejects a file with one byte changed in the first signed range", () => {
    const tampered = Buffer.from(signed);
    const [, firstLength] = byteRangeOf(signed);
    tampered[Math.floor(firstLength / 2)]! ^= 0x01;
    const result = verify(tampered);
    expect(result.valid).toBe(false);
    expect(codes(result)).toEqual(["content_modified"]);
    expect(result.problems[0]!.vi).toBe("Nội dung văn bản đã bị thay đổi sau khi ký.");
  });

  it("rejects a file with the signed reason changed after the signature", () => {
    // The signature dictionary is covered too: "Cấp" → "Cáp" in the UTF-16 /Reason.
    const text = signed.toString("latin1");
    const at = text.indexOf("/Reason <FEFF0043") + "/Reason <FEFF0043".length;
    const tampered = Buffer.from(signed);
    tampered.write("00E1", at, "latin1");
    const result = verify(tampered);
    expect(result.reason).toBe("Cáp Giấy phép bán buôn sản phẩm rượu");
    expect(codes(result)).toEqual(["content_modified"]);
  });

  it("rejects a file with bytes appended after the signature", () => {
    const appended = Buffer.concat([signed, Buffer.from("\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")]);
    const result = verify(appended);
    expect(result.valid).toBe(false);
    expect(codes(result)).toEqual(["content_appended"]);
    expect(result.problems[0]!.en).toMatch(/appended after signing/);
  });

  it("rejects a second signature dictionary added by an incremental update", () => {
    const second = Buffer.from(
      "\n90 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] /Contents <3000> >>\nendobj\n",
    );
    const result = verify(Buffer.concat([signed, second]));
    expect(codes(result)).toEqual(["multiple_signatures", "content_appended"]);
  });

  it("rejects a ByteRange that does not start at the beginning of the file", () => {
    const text = signed.toString("latin1");
    const at = text.indexOf("/ByteRange [0 ") + "/ByteRange [".length;
    const tampered = Buffer.from(signed);
    tampered.write("1", at, "latin1");
    expect(codes(verify(tampered))).toEqual(["byte_range_invalid"]);
  });

  it("rejects damaged signature data", () => {
    const [, firstLength] = byteRangeOf(signed);
    const tampered = Buffer.from(signed);
    tampered.write("31", firstLength + 1, "latin1");
    expect(codes(verify(tampered))).toEqual(["malformed_signature"]);
  });

  it("rejects a signature whose embedded certificate was swapped for another key", () => {
    const certificateHex = certificateToDer(department.certificate).toString("hex");
    const text = signed.toString("latin1");
    const at = text.indexOf(certificateHex);
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(signed);
    // A hex digit in the middle of the certificate: inside the RSA modulus.
    const digit = at + Math.floor(certificateHex.length / 2);
    tampered.write(text[digit] === "0" ? "1" : "0", digit, "latin1");
    const result = verify(tampered);
    expect(result.valid).toBe(false);
    expect(codes(result)).toContain("signature_invalid");
    expect(codes(result)).toContain("chain_untrusted");
  });

  it("reports an embedded certificate that does not parse as a malformed signature, not a crash", () => {
    const certificateHex = certificateToDer(department.certificate).toString("hex");
    const at = signed.toString("latin1").indexOf(certificateHex);
    const tampered = Buffer.from(signed);
    // The TBSCertificate SEQUENCE tag (after "308204xx") becomes a SET.
    tampered.write("31", at + 8, "latin1");
    expect(codes(verify(tampered))).toEqual(["malformed_signature"]);
  });

  it("reports an unsigned PDF", () => {
    const result = verify(unsigned);
    expect(result.valid).toBe(false);
    expect(codes(result)).toEqual(["no_signature"]);
  });

  it("rejects a certificate from another CA and accepts it when that CA is trusted", async () => {
    const otherCa = createDevelopmentCa({ province: "Đồng Tháp", now: ISSUED_AT });
    const impostor = issueDepartmentCertificate({
      ca: otherCa,
      departmentName: DEPARTMENT,
      province: "Đồng Tháp",
      now: ISSUED_AT,
    });
    const forged = await sign(unsigned, impostor);
    const result = verify(forged);
    expect(result.valid).toBe(false);
    expect(result.signer?.commonName).toBe(DEPARTMENT);
    expect(codes(result)).toEqual(["chain_untrusted"]);
    const trustingOther = verifyPdf({
      pdf: forged,
      trustedCertificates: [exportPem(otherCa).certificatePem],
      now: VERIFIED_AT,
    });
    expect(trustingOther.valid).toBe(true);
  });

  it("rejects a signature made after the certificate expired", async () => {
    // signPdf refuses to do this, so the file is made the way other software could make it.
    const afterExpiry = new Date("2029-11-21T00:00:00Z");
    const prepared = addSignaturePlaceholder(unsigned, {
      reason: "Cấp giấy phép",
      location: "Đồng Tháp",
      signingTime: afterExpiry,
    });
    const late = await new SignPdf().sign(prepared, new DetachedCmsSigner(toCmsSigningKey(department)));
    expect(codes(verify(late, new Date("2029-11-22T00:00:00Z")))).toEqual(["certificate_expired"]);
  });

  it("keeps a signature made while the certificate was valid valid after it expires, with a note", () => {
    const result = verify(signed, new Date("2031-01-01T00:00:00Z"));
    expect(result.valid).toBe(true);
    expect(result.notes).toEqual(["certificate expired on 2029-11-20T02:00:00.000Z, after the signing time"]);
  });

  it("rejects a signing time in the future", () => {
    expect(codes(verify(signed, new Date("2026-11-22T03:00:00Z")))).toEqual(["signing_time_in_future"]);
  });
});
