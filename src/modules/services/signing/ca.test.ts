import { generateKeyPairSync, sign, verify, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CertificateAuthority,
  certificateToDer,
  createDevelopmentCa,
  exportPem,
  exportPkcs12,
  importPem,
  issueDepartmentCertificate,
  loadPkcs12,
  type SigningCredential,
  toCmsSigningKey,
} from "./ca.ts";
import { readCertificate } from "./certificate-info.ts";
import { SigningCredentialError } from "./errors.ts";

const NOW = new Date("2026-11-22T03:00:00Z");
const PASSWORD = "Mật-khẩu-thử-2026";
const DEPARTMENT = "Sở Công Thương tỉnh Đồng Tháp";

let ca: CertificateAuthority;
let department: SigningCredential;
let departmentFile: Buffer;

beforeAll(() => {
  ca = createDevelopmentCa({ province: "Đồng Tháp", now: NOW });
  department = issueDepartmentCertificate({
    ca,
    departmentName: DEPARTMENT,
    province: "Đồng Tháp",
    now: NOW,
  });
  departmentFile = exportPkcs12(department, PASSWORD);
});

function problemOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof SigningCredentialError) return error.problem;
    throw error;
  }
  return undefined;
}

/** A certificate forge builds with the given key usage, issued by the development CA. */
function customCertificate(keyUsage: Record<string, boolean>) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  );
  const key = { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = key.publicKey;
  certificate.serialNumber = "01";
  certificate.validity.notBefore = new Date("2026-01-01T00:00:00Z");
  certificate.validity.notAfter = new Date("2028-01-01T00:00:00Z");
  certificate.setSubject([{ shortName: "CN", value: "Test" }]);
  certificate.setIssuer(ca.certificate.subject.attributes);
  certificate.setExtensions([{ name: "keyUsage", critical: true, ...keyUsage }]);
  certificate.sign(ca.privateKey, forge.md.sha256.create());
  return { certificate, key };
}

describe("development CA", () => {
  it("is a self-signed RSA-2048 CA limited to issuing certificates, valid ten years", () => {
    const der = certificateToDer(ca.certificate);
    const info = readCertificate(der);
    const x509 = new X509Certificate(der);
    expect(info.isCertificateAuthority).toBe(true);
    expect(info.keyUsage).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(info.notAfter.toISOString()).toBe("2036-11-22T03:00:00.000Z");
    expect(info.subject).toContainEqual({ type: "ST", value: "Đồng Tháp" });
  });
});

describe("Department certificate", () => {
  it("is issued by the CA, names the Department in UTF8String and may only sign", () => {
    const der = certificateToDer(department.certificate);
    const info = readCertificate(der);
    const caX509 = new X509Certificate(certificateToDer(ca.certificate));
    const x509 = new X509Certificate(der);
    expect(x509.checkIssued(caX509)).toBe(true);
    expect(x509.verify(caX509.publicKey)).toBe(true);
    expect(info.isCertificateAuthority).toBe(false);
    expect(info.keyUsage).toEqual({
      digitalSignature: true,
      nonRepudiation: true,
      keyEncipherment: false,
      keyCertSign: false,
      cRLSign: false,
    });
    expect(info.subject).toEqual([
      { type: "C", value: "VN" },
      { type: "ST", value: "Đồng Tháp" },
      { type: "O", value: DEPARTMENT },
      { type: "CN", value: DEPARTMENT },
    ]);
    // 0x0c = UTF8String tag followed by the length of the UTF-8 bytes of the Department's name.
    const utf8Name = Buffer.from(DEPARTMENT, "utf8");
    expect(info.subjectName.includes(Buffer.concat([Buffer.from([0x0c, utf8Name.length]), utf8Name]))).toBe(
      true,
    );
    expect(info.notBefore.toISOString()).toBe("2026-11-22T02:55:00.000Z");
    expect(info.notAfter.toISOString()).toBe("2029-11-22T03:00:00.000Z");
    expect(info.serialNumber.length).toBeLessThanOrEqual(20);
    expect(info.serialNumber[0]! & 0x80).toBe(0);
  });
});

describe("PKCS#12 and PEM", () => {
  it("round-trips through PKCS#12 with the key, the certificate and the CA", () => {
    const loaded = loadPkcs12(departmentFile, PASSWORD, { now: NOW });
    expect(certificateToDer(loaded.certificate)).toEqual(certificateToDer(department.certificate));
    expect(loaded.chain.map(certificateToDer)).toEqual([certificateToDer(ca.certificate)]);
    const key = toCmsSigningKey(loaded);
    const signature = sign("sha256", Buffer.from("giấy phép"), key.privateKey);
    const publicKey = new X509Certificate(certificateToDer(department.certificate)).publicKey;
    expect(verify("sha256", Buffer.from("giấy phép"), publicKey, signature)).toBe(true);
  });

  it("refuses a PKCS#12 password shorter than 8 characters", () => {
    expect(() => exportPkcs12(department, "short")).toThrow(RangeError);
  });

  it("round-trips through PEM with an encrypted private key", () => {
    const bundle = exportPem(department, PASSWORD);
    expect(bundle.privateKeyPem).toContain("BEGIN ENCRYPTED PRIVATE KEY");
    const imported = importPem(bundle, PASSWORD, { now: NOW });
    expect(certificateToDer(imported.certificate)).toEqual(certificateToDer(department.certificate));
    expect(imported.chain).toHaveLength(1);
    expect(problemOf(() => importPem(bundle, "wrong password", { now: NOW }))).toBe("wrong_password");
  });
});

describe("loading an administrator's PKCS#12", () => {
  it("reports a wrong password", () => {
    expect(problemOf(() => loadPkcs12(departmentFile, "sai-mat-khau", { now: NOW }))).toBe("wrong_password");
  });

  it("reports a file that is not PKCS#12", () => {
    expect(problemOf(() => loadPkcs12(Buffer.from("%PDF-1.7 not a certificate"), PASSWORD))).toBe(
      "not_pkcs12",
    );
  });

  it("reports an expired certificate and one not valid yet", () => {
    const file = departmentFile;
    const afterExpiry = new Date("2029-11-22T03:00:01Z");
    expect(problemOf(() => loadPkcs12(file, PASSWORD, { now: afterExpiry }))).toBe("certificate_expired");
    const beforeIssue = new Date("2026-11-22T02:54:59Z");
    expect(problemOf(() => loadPkcs12(file, PASSWORD, { now: beforeIssue }))).toBe(
      "certificate_not_yet_valid",
    );
    expect(
      problemOf(() => loadPkcs12(file, PASSWORD, { now: new Date("2029-11-22T02:59:59Z") })),
    ).toBeUndefined();
  });

  it("reports a certificate whose key usage does not include digitalSignature", () => {
    const { certificate, key } = customCertificate({ keyEncipherment: true });
    const file = Buffer.from(
      forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key.privateKey, [certificate], PASSWORD)).getBytes(),
      "binary",
    );
    expect(problemOf(() => loadPkcs12(file, PASSWORD, { now: NOW }))).toBe("missing_digital_signature");
  });

  it("reports a private key that matches none of the certificates", () => {
    const { certificate } = customCertificate({ digitalSignature: true });
    const file = Buffer.from(
      forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(department.privateKey, [certificate], PASSWORD)).getBytes(),
      "binary",
    );
    expect(problemOf(() => loadPkcs12(file, PASSWORD, { now: NOW }))).toBe("key_mismatch");
  });

  it("reports a file with certificates but no private key", () => {
    const file = Buffer.from(
      forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(null, [department.certificate], PASSWORD)).getBytes(),
      "binary",
    );
    expect(problemOf(() => loadPkcs12(file, PASSWORD, { now: NOW }))).toBe("no_private_key");
  });

  it("gives the Vietnamese message key and an English message", () => {
    const error = new SigningCredentialError("wrong_password");
    expect(error.messageKey).toBe("services.signing.wrong_password");
    expect(error.statusCode).toBe(422);
    expect(error.message).toBe("The PKCS#12 password is wrong.");
  });
});
