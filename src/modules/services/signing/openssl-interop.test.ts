import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { certificateToDer, loadPkcs12 } from "./ca.ts";
import { buildSampleLicencePdf } from "./samples.ts";
import { signPdf } from "./sign-pdf.ts";
import { verifyPdf } from "./verify-pdf.ts";

// An administrator's certificate comes from another tool (a CA's portal, Windows, OpenSSL), not from us:
// these files were written by OpenSSL 3 (see fixtures/README.md).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const CERTIFICATE_PEM = fixture("openssl-certificate.pem").toString();
const NOW = new Date("2027-03-01T02:00:00Z");
const COMMON_NAME = "Sở Công Thương tỉnh Đồng Tháp (OpenSSL fixture)";

describe.each(["openssl3-default.p12", "openssl-legacy-3des.p12"])("an OpenSSL PKCS#12 (%s)", (file) => {
  it("loads, keeps the certificate byte for byte and signs a licence that verifies", async () => {
    const credential = loadPkcs12(fixture(file), "fixture-password", { now: NOW });
    expect(certificateToDer(credential.certificate)).toEqual(new X509Certificate(CERTIFICATE_PEM).raw);
    const pdf = await buildSampleLicencePdf({
      verificationUrl: "https://example.test/xac-thuc/1",
      issuedOn: NOW,
    });
    const signed = await signPdf({
      pdf,
      credential,
      reason: "Cấp giấy phép",
      location: "Đồng Tháp",
      signingTime: NOW,
    });
    const result = verifyPdf({ pdf: signed, trustedCertificates: [CERTIFICATE_PEM], now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.signer?.commonName).toBe(COMMON_NAME);
  });

  it("refuses a wrong password", () => {
    expect(() => loadPkcs12(fixture(file), "not-the-password", { now: NOW })).toThrow(/password is wrong/);
  });
});

describe("an OpenSSL ECDSA P-256 key", () => {
  it("signs through node:crypto and verifies", async () => {
    const certificatePem = fixture("ecdsa-p256-certificate.pem").toString();
    const credential = {
      privateKey: createPrivateKey(fixture("ecdsa-p256-key.pem")),
      certificate: new X509Certificate(certificatePem).raw,
      chain: [],
    };
    const pdf = await buildSampleLicencePdf({
      verificationUrl: "https://example.test/xac-thuc/2",
      issuedOn: NOW,
    });
    const signed = await signPdf({
      pdf,
      credential,
      reason: "Cấp giấy phép",
      location: "Đồng Tháp",
      signingTime: NOW,
    });
    const result = verifyPdf({ pdf: signed, trustedCertificates: [certificatePem], now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.signer).toEqual({
      commonName: "ECDSA P-256 (OpenSSL fixture)",
      organization: "Sở Công Thương tỉnh Đồng Tháp",
    });
    const tampered = Buffer.from(signed);
    tampered[100]! ^= 0x01;
    expect(
      verifyPdf({ pdf: tampered, trustedCertificates: [certificatePem], now: NOW }).problems.map(
        (p) => p.code,
      ),
    ).toEqual(["content_modified"]);
  });
});
