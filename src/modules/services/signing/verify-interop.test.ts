import { generateKeyPairSync } from "node:crypto";
import { SignPdf } from "@signpdf/signpdf";
import { Signer } from "@signpdf/utils";
import forge from "node-forge";
import { describe, expect, it } from "vitest";
import { buildSampleLicencePdf } from "./samples.ts";
import { addSignaturePlaceholder } from "./sign-pdf.ts";
import { verifyPdf } from "./verify-pdf.ts";

// The verification page must also accept results signed by other software with the real certificate, e.g.
// the classic adbe.pkcs7.detached form: rsaEncryption, a CMS signing-time attribute and no ESS attribute.
// node-forge's pkcs7 writes exactly that (names in ASCII: it double-encodes UTF8String issuers).

const SIGNED_AT = new Date("2026-11-22T03:15:42Z");

class ForgePkcs7Signer extends Signer {
  constructor(
    private readonly key: forge.pki.rsa.PrivateKey,
    private readonly certificate: forge.pki.Certificate,
  ) {
    super();
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const message = forge.pkcs7.createSignedData();
    message.content = forge.util.createBuffer(pdf.toString("binary"));
    message.addCertificate(this.certificate);
    message.addSigner({
      key: this.key,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: SIGNED_AT as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    message.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(message.toAsn1()).getBytes(), "binary");
  }
}

describe("verifyPdf on a signature from other software", () => {
  it("accepts a forge adbe.pkcs7.detached signature and reads its signing-time attribute", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    ) as forge.pki.rsa.PrivateKey;
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    certificate.serialNumber = "0a1b";
    certificate.validity.notBefore = new Date("2026-01-01T00:00:00Z");
    certificate.validity.notAfter = new Date("2028-01-01T00:00:00Z");
    const name = [
      { shortName: "CN", value: "So Cong Thuong Dong Thap" },
      { shortName: "O", value: "UBND tinh Dong Thap" },
    ];
    certificate.setSubject(name);
    certificate.setIssuer(name);
    certificate.setExtensions([{ name: "keyUsage", critical: true, digitalSignature: true }]);
    certificate.sign(key, forge.md.sha256.create());

    const pdf = await buildSampleLicencePdf({
      verificationUrl: "https://example.test/1",
      issuedOn: SIGNED_AT,
    });
    // /M says one time, the signed CMS attribute another: the signed attribute wins.
    const prepared = addSignaturePlaceholder(pdf, {
      reason: "Ký thử",
      location: "Đồng Tháp",
      signingTime: new Date("2026-11-22T09:00:00Z"),
    });
    const signed = await new SignPdf().sign(prepared, new ForgePkcs7Signer(key, certificate));
    const result = verifyPdf({
      pdf: signed,
      trustedCertificates: [forge.pki.certificateToPem(certificate)],
      now: new Date("2026-12-01T00:00:00Z"),
    });
    expect(result.problems).toEqual([]);
    expect(result.signedAt).toEqual(SIGNED_AT);
    expect(result.signer).toEqual({
      commonName: "So Cong Thuong Dong Thap",
      organization: "UBND tinh Dong Thap",
    });
  });
});
