import { createPrivateKey, generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { readCertificate } from "./certificate-info.ts";
import type { CmsSigningKey } from "./cms-signer.ts";
import { SigningCredentialError } from "./errors.ts";

// The installation's signing credentials. On first start the platform creates a development CA and a
// Department certificate issued by it (issue 4); an administrator later installs the real certificate as a
// PKCS#12 file (loadPkcs12), which replaces them.
//
// Key type: RSA 2048 with SHA-256. The licensed Vietnamese public CAs (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA…)
// and the Government CA of the Ban Cơ yếu Chính phủ issue RSA keys on tokens/HSMs, so a real certificate the
// Department installs will be RSA; Adobe Acrobat and every PAdES validator accept RSA PKCS#1 v1.5 signatures
// (ETSI TS 119 312 keeps RSA ≥ 1900 bits suitable), and @signpdf's PKCS#7 signer (node-forge) only signs with
// RSA. ECDSA P-256 would give smaller signatures but nothing here needs that.

const RSA_BITS = 2048;
// RFC 7292 §4.2 bag types.
const KEY_BAG = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG = "1.2.840.113549.1.12.10.1.3";
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type CertificateAuthority = {
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
};

/** A signing key with its certificate and the CA certificates above it (nearest first). */
export type SigningCredential = CertificateAuthority & { chain: forge.pki.Certificate[] };

export type CreateDevelopmentCaInput = {
  /** e.g. "Đồng Tháp" */
  province: string;
  now?: Date;
  validityYears?: number;
};

export type IssueDepartmentCertificateInput = {
  ca: CertificateAuthority;
  /** e.g. "Sở Công Thương tỉnh Đồng Tháp" */
  departmentName: string;
  province: string;
  now?: Date;
  validityYears?: number;
};

function generateRsaKey(): forge.pki.rsa.PrivateKey {
  // node:crypto generates the key (native, ~100 ms); forge, needed for X.509 and PKCS#12, would take seconds.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: RSA_BITS, publicExponent: 0x10001 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
}

/** RFC 5280 §4.1.2.2: positive, at most 20 octets; 127 random bits so serials cannot be predicted. */
function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString("hex");
}

// Vietnamese names are UTF8String (RFC 5280 §4.1.2.4 asks for UTF8String in new certificates); the country
// code stays PrintableString (ISO 3166 alpha-2).
const utf8 = (shortName: string, value: string): forge.pki.CertificateField =>
  ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 }) as unknown as forge.pki.CertificateField;

function validityWindow(certificate: forge.pki.Certificate, now: Date, years: number): void {
  certificate.validity.notBefore = new Date(now.getTime() - CLOCK_SKEW_MS);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  certificate.validity.notAfter = notAfter;
}

export function createDevelopmentCa(input: CreateDevelopmentCaInput): CertificateAuthority {
  const privateKey = generateRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  certificate.serialNumber = randomSerialNumber();
  validityWindow(certificate, input.now ?? new Date(), input.validityYears ?? 10);
  const name = [
    { shortName: "C", value: "VN" },
    utf8("ST", input.province),
    utf8("O", "Cổng TMĐT – môi trường phát triển"),
    utf8("CN", "CA phát triển Cổng TMĐT (không dùng cho văn bản thật)"),
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    // pathLen 0: the development CA issues end-entity certificates only.
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());
  return { certificate, privateKey };
}

export function issueDepartmentCertificate(input: IssueDepartmentCertificateInput): SigningCredential {
  const privateKey = generateRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  certificate.serialNumber = randomSerialNumber();
  validityWindow(certificate, input.now ?? new Date(), input.validityYears ?? 3);
  certificate.setSubject([
    { shortName: "C", value: "VN" },
    utf8("ST", input.province),
    utf8("O", input.departmentName),
    utf8("CN", input.departmentName),
  ]);
  certificate.setIssuer(input.ca.certificate.subject.attributes);
  certificate.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    // digitalSignature + nonRepudiation (contentCommitment): the key signs documents, not TLS or e-mail.
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
    {
      name: "authorityKeyIdentifier",
      keyIdentifier: input.ca.certificate.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  certificate.sign(input.ca.privateKey, forge.md.sha256.create());
  return { certificate, privateKey, chain: [input.ca.certificate] };
}

/** The form cms-signer.ts signs with: a node:crypto key and the certificates' DER. */
export function toCmsSigningKey(credential: SigningCredential): CmsSigningKey {
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(credential.privateKey)),
    certificate: certificateToDer(credential.certificate),
    chain: credential.chain.map(certificateToDer),
  };
}

export const certificateToDer = (certificate: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), "binary");

export type ExportPkcs12Options = { friendlyName?: string; now?: Date };

/**
 * PKCS#12 (RFC 7292) protected by `password`: key and certificates encrypted with PBES2/AES-256-CBC,
 * integrity by HMAC-SHA1 over 10,000 PBKDF iterations (node-forge cannot write a SHA-256 MAC; OpenSSL 3,
 * Windows and macOS all import this form).
 */
export function exportPkcs12(
  credential: SigningCredential,
  password: string,
  options: ExportPkcs12Options = {},
) {
  if (password.length < 8) throw new RangeError("a PKCS#12 password has at least 8 characters");
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    credential.privateKey,
    [credential.certificate, ...credential.chain],
    password,
    {
      algorithm: "aes256",
      count: 10_000,
      generateLocalKeyId: true,
      friendlyName: options.friendlyName ?? "Department signing key",
    },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

export type PemBundle = { certificatePem: string; chainPem: string; privateKeyPem: string };

/** PEM export; the private key is PKCS#8, encrypted with AES-256-CBC (node:crypto) when a password is given. */
export function exportPem(
  credential: SigningCredential | CertificateAuthority,
  password?: string,
): PemBundle {
  const plainKey = createPrivateKey(forge.pki.privateKeyToPem(credential.privateKey));
  const privateKeyPem = password
    ? plainKey
        .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: password })
        .toString()
    : plainKey.export({ type: "pkcs8", format: "pem" }).toString();
  const chain = "chain" in credential ? credential.chain : [];
  return {
    certificatePem: forge.pki.certificateToPem(credential.certificate),
    chainPem: chain.map((certificate) => forge.pki.certificateToPem(certificate)).join(""),
    privateKeyPem,
  };
}

export type LoadOptions = { now?: Date };

function splitPemCertificates(pem: string): forge.pki.Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((block) =>
    forge.pki.certificateFromPem(block),
  );
}

/** Imports a PEM bundle (as written by exportPem) and checks it exactly like loadPkcs12. */
export function importPem(
  bundle: PemBundle,
  password?: string,
  options: LoadOptions = {},
): SigningCredential {
  let keyPem: string;
  try {
    keyPem = createPrivateKey(
      password ? { key: bundle.privateKeyPem, passphrase: password } : bundle.privateKeyPem,
    )
      .export({ type: "pkcs8", format: "pem" })
      .toString();
  } catch (error) {
    throw new SigningCredentialError("wrong_password", (error as Error).message);
  }
  const privateKey = toRsaPrivateKey(() => forge.pki.privateKeyFromPem(keyPem));
  const certificates = splitPemCertificates(`${bundle.certificatePem}\n${bundle.chainPem}`);
  return checkedCredential(privateKey, certificates, options);
}

function toRsaPrivateKey(read: () => forge.pki.PrivateKey): forge.pki.rsa.PrivateKey {
  try {
    return read() as forge.pki.rsa.PrivateKey;
  } catch (error) {
    throw new SigningCredentialError("unsupported_key_type", (error as Error).message);
  }
}

/**
 * Loads an administrator's PKCS#12 (a real certificate from a licensed CA) and refuses it with a typed
 * SigningCredentialError when it cannot sign results today.
 */
export function loadPkcs12(
  bytes: Uint8Array,
  password: string,
  options: LoadOptions = {},
): SigningCredential {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
  } catch (error) {
    throw new SigningCredentialError("not_pkcs12", (error as Error).message);
  }
  let pkcs12: forge.pkcs12.Pkcs12Pfx;
  try {
    pkcs12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = (error as Error).message;
    // forge reports a failed MAC check (RFC 7292 §5.2) or a failed decryption for a wrong password.
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message)) {
      throw new SigningCredentialError("wrong_password");
    }
    if (/private key|OID is not RSA|Unknown OID|unsupported/i.test(message)) {
      throw new SigningCredentialError("unsupported_key_type", message);
    }
    throw new SigningCredentialError("not_pkcs12", message);
  }
  const bagsOf = (bagType: string) => pkcs12.getBags({ bagType })[bagType] ?? [];
  const keyBags = [...bagsOf(SHROUDED_KEY_BAG), ...bagsOf(KEY_BAG)];
  const keyBag = keyBags.find((bag) => bag.key);
  if (!keyBag?.key) {
    // forge leaves `key` empty and keeps the ASN.1 when the key is not RSA (EC keys on some tokens).
    if (keyBags.length > 0) throw new SigningCredentialError("unsupported_key_type");
    throw new SigningCredentialError("no_private_key");
  }
  const certificates = bagsOf(CERT_BAG)
    .map((bag) => bag.cert)
    .filter((certificate): certificate is forge.pki.Certificate => certificate !== undefined);
  return checkedCredential(keyBag.key as forge.pki.rsa.PrivateKey, certificates, options);
}

function checkedCredential(
  privateKey: forge.pki.rsa.PrivateKey,
  certificates: forge.pki.Certificate[],
  options: LoadOptions,
): SigningCredential {
  if (certificates.length === 0) throw new SigningCredentialError("no_certificate");
  if (!privateKey.n || !privateKey.e) throw new SigningCredentialError("unsupported_key_type");
  const certificate = certificates.find((candidate) => {
    const publicKey = candidate.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.equals(privateKey.n) && publicKey.e?.equals(privateKey.e);
  });
  if (!certificate) throw new SigningCredentialError("key_mismatch");
  assertUsableForSigning(certificateToDer(certificate), options.now ?? new Date());
  return { certificate, privateKey, chain: certificates.filter((other) => other !== certificate) };
}

/** The checks that make a certificate fit to sign results at `now` (RFC 5280 §4.1.2.5 and §4.2.1.3). */
export function assertUsableForSigning(certificateDer: Uint8Array, now: Date): void {
  const info = readCertificate(certificateDer);
  if (now < info.notBefore) {
    throw new SigningCredentialError("certificate_not_yet_valid", info.notBefore.toISOString());
  }
  if (now > info.notAfter)
    throw new SigningCredentialError("certificate_expired", info.notAfter.toISOString());
  // A certificate without keyUsage is unrestricted (RFC 5280 §4.2.1.3); one that has it must allow signing.
  if (info.keyUsage && !info.keyUsage.digitalSignature) {
    throw new SigningCredentialError("missing_digital_signature");
  }
}
