import { constants, createHash, verify as verifySignature, X509Certificate } from "node:crypto";
import { findNameAttribute, readCertificate } from "./certificate-info.ts";
import { CmsFormatError, type CmsSignerInfo, OID, parseDetachedCms } from "./cms.ts";
import { DerError } from "./der.ts";
import { matchDictionaryEnd, parsePdfDate, textEntryIn } from "./pdf-objects.ts";
import { problem, type VerificationProblem } from "./verification-problems.ts";

// Verifies the Department's signature on a result PDF (issue 4: the public QR verification page). The checks
// follow ISO 32000-1 §12.8.1 (ByteRange covers the whole file but /Contents), RFC 5652 §5.4 and §5.6 (message
// digest and signature over the signed attributes) and RFC 5280 §6 (a chain to a trust anchor the caller
// names: the installation's CA, or the real CA's root). Revocation (CRL/OCSP) is not checked: see README.

const DIGESTS: Record<string, { name: string; weak?: boolean }> = {
  "1.3.14.3.2.26": { name: "sha1", weak: true },
  "2.16.840.1.101.3.4.2.1": { name: "sha256" },
  "2.16.840.1.101.3.4.2.2": { name: "sha384" },
  "2.16.840.1.101.3.4.2.3": { name: "sha512" },
};
const RSA_SIGNATURES = new Set([
  "1.2.840.113549.1.1.1", // rsaEncryption, the digest named by digestAlgorithm (what forge and Adobe write)
  "1.2.840.113549.1.1.5",
  "1.2.840.113549.1.1.11",
  "1.2.840.113549.1.1.12",
  "1.2.840.113549.1.1.13",
]);
const ECDSA_SIGNATURES = new Set([
  "1.2.840.10045.2.1",
  "1.2.840.10045.4.3.2",
  "1.2.840.10045.4.3.3",
  "1.2.840.10045.4.3.4",
]);
const MAX_CHAIN_LENGTH = 6;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type VerifyPdfInput = {
  pdf: Buffer;
  /** Trust anchors: PEM text or DER of the CA certificates whose signatures count. */
  trustedCertificates: Array<string | Buffer>;
  now?: Date;
};

export type PdfVerificationResult = {
  valid: boolean;
  signer: { commonName: string | null; organization: string | null } | null;
  signedAt: Date | null;
  reason: string | null;
  location: string | null;
  problems: VerificationProblem[];
  /** Facts that do not invalidate the signature, e.g. the certificate expired after signing. */
  notes: string[];
};

type SignatureField = {
  byteRange: number[];
  dictionary: string;
  contents: Buffer;
  contentsStart: number;
  contentsEnd: number;
};

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

function findSignatureFields(pdf: Buffer): SignatureField[] {
  const text = pdf.toString("latin1");
  const fields: SignatureField[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const objectStart = text.lastIndexOf("obj", match.index);
    const dictionaryStart = text.indexOf("<<", objectStart);
    let dictionaryEnd: number;
    try {
      dictionaryEnd = matchDictionaryEnd(text, dictionaryStart);
    } catch {
      continue;
    }
    const dictionary = text.slice(dictionaryStart, dictionaryEnd);
    const contents = /\/Contents\s*<([0-9A-Fa-f]*)>/.exec(dictionary);
    const contentsStart = contents ? dictionaryStart + contents.index + contents[0].indexOf("<") : -1;
    fields.push({
      byteRange: match.slice(1, 5).map(Number),
      dictionary,
      contents: Buffer.from(contents?.[1] ?? "", "hex"),
      contentsStart,
      contentsEnd: contents ? contentsStart + (contents[1]?.length ?? 0) + 2 : -1,
    });
  }
  return fields;
}

export function verifyPdf(input: VerifyPdfInput): PdfVerificationResult {
  const result: PdfVerificationResult = {
    valid: false,
    signer: null,
    signedAt: null,
    reason: null,
    location: null,
    problems: [],
    notes: [],
  };
  try {
    verifyInto(result, input);
  } catch (error) {
    // A certificate inside the CMS that does not parse: a damaged or hostile file, never a crash.
    if (!(error instanceof DerError) && !String((error as { code?: unknown }).code).startsWith("ERR_OSSL")) {
      throw error;
    }
    result.valid = false;
    result.problems.push(problem("malformed_signature", (error as Error).message));
  }
  return result;
}

function verifyInto(result: PdfVerificationResult, input: VerifyPdfInput): void {
  const now = input.now ?? new Date();
  const fields = findSignatureFields(input.pdf);
  const field = fields[0];
  if (!field) {
    result.problems.push(problem("no_signature"));
    return;
  }
  if (fields.length > 1) result.problems.push(problem("multiple_signatures", `${fields.length}`));
  result.reason = textEntryIn(field.dictionary, "Reason") ?? null;
  result.location = textEntryIn(field.dictionary, "Location") ?? null;
  const claimedTime = textEntryIn(field.dictionary, "M");
  result.signedAt = claimedTime ? (parsePdfDate(claimedTime) ?? null) : null;

  const signedContent = checkByteRange(input.pdf, field, result.problems);
  if (!signedContent) return;

  let signerInfo: CmsSignerInfo;
  let certificates: Buffer[];
  try {
    const cms = parseDetachedCms(field.contents);
    if (cms.signerInfos.length !== 1 || cms.hasEncapsulatedContent) {
      throw new CmsFormatError("expected one signer and detached content");
    }
    signerInfo = cms.signerInfos[0]!;
    certificates = cms.certificates;
  } catch (error) {
    if (!(error instanceof CmsFormatError)) throw error;
    result.problems.push(problem("malformed_signature", error.message));
    return;
  }
  if (signerInfo.signingTime) result.signedAt = signerInfo.signingTime;

  const signerCertificate = findSignerCertificate(certificates, signerInfo);
  if (!signerCertificate) {
    result.problems.push(problem("signer_certificate_missing"));
    return;
  }
  const signerInfoFields = readCertificate(signerCertificate.raw);
  result.signer = {
    commonName: findNameAttribute(signerInfoFields.subject, "CN") ?? null,
    organization: findNameAttribute(signerInfoFields.subject, "O") ?? null,
  };

  checkCryptography(signedContent, signerInfo, signerCertificate, result.problems);
  checkSigningCertificateAttribute(signerInfo, signerCertificate, result.problems);
  const referenceTime = result.signedAt ?? now;
  if (referenceTime.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    result.problems.push(problem("signing_time_in_future", referenceTime.toISOString()));
  }
  const usage = signerInfoFields.keyUsage;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) {
    result.problems.push(problem("certificate_not_for_signing"));
  }
  checkChain(signerCertificate, certificates, input.trustedCertificates, referenceTime, result.problems);
  if (signerInfoFields.notAfter < now && referenceTime <= signerInfoFields.notAfter) {
    result.notes.push(
      `certificate expired on ${signerInfoFields.notAfter.toISOString()}, after the signing time`,
    );
  }
  result.valid = result.problems.length === 0;
}

/** ISO 32000-1 §12.8.1: [0, start of <Contents>, end of <Contents>, rest of the file]. */
function checkByteRange(
  pdf: Buffer,
  field: SignatureField,
  problems: VerificationProblem[],
): Buffer | undefined {
  const [start, firstLength, secondStart, secondLength] = field.byteRange as [number, number, number, number];
  const coversContents =
    start === 0 && firstLength === field.contentsStart && secondStart === field.contentsEnd;
  if (!coversContents || secondStart + secondLength > pdf.length || field.contents.length === 0) {
    problems.push(problem("byte_range_invalid", field.byteRange.join(" ")));
    return undefined;
  }
  if (secondStart + secondLength < pdf.length) {
    problems.push(problem("content_appended", `${pdf.length - secondStart - secondLength} bytes`));
  }
  return Buffer.concat([
    pdf.subarray(start, firstLength),
    pdf.subarray(secondStart, secondStart + secondLength),
  ]);
}

function findSignerCertificate(
  certificates: Buffer[],
  signerInfo: CmsSignerInfo,
): X509Certificate | undefined {
  const identifier = signerInfo.signerIdentifier;
  const der = certificates.find((certificate) => {
    const info = readCertificate(certificate);
    return identifier.kind === "issuerAndSerialNumber"
      ? info.issuerName.equals(identifier.issuerName) && info.serialNumber.equals(identifier.serialNumber)
      : info.subjectKeyIdentifier?.equals(identifier.keyIdentifier) === true;
  });
  return der ? new X509Certificate(der) : undefined;
}

function checkCryptography(
  content: Buffer,
  signerInfo: CmsSignerInfo,
  certificate: X509Certificate,
  problems: VerificationProblem[],
): void {
  const digest = DIGESTS[signerInfo.digestAlgorithm];
  if (!digest) {
    problems.push(problem("unsupported_algorithm", signerInfo.digestAlgorithm));
    return;
  }
  if (digest.weak) problems.push(problem("weak_algorithm"));
  const contentDigest = createHash(digest.name).update(content).digest();
  if (signerInfo.signedAttributes) {
    // RFC 5652 §5.3: with signed attributes, contentType and messageDigest are mandatory.
    if (signerInfo.contentType !== OID.data || !signerInfo.messageDigest) {
      problems.push(problem("malformed_signature", "contentType or messageDigest attribute missing"));
      return;
    }
    if (!signerInfo.messageDigest.equals(contentDigest)) problems.push(problem("content_modified"));
  }
  const signedBytes = signerInfo.signedAttributes ?? content;
  let isValid: boolean;
  if (RSA_SIGNATURES.has(signerInfo.signatureAlgorithm)) {
    isValid = verifySignature(
      digest.name,
      signedBytes,
      { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
      signerInfo.signature,
    );
  } else if (ECDSA_SIGNATURES.has(signerInfo.signatureAlgorithm)) {
    isValid = verifySignature(
      digest.name,
      signedBytes,
      { key: certificate.publicKey, dsaEncoding: "der" },
      signerInfo.signature,
    );
  } else {
    problems.push(problem("unsupported_algorithm", signerInfo.signatureAlgorithm));
    return;
  }
  // Without signed attributes the signature is over the content itself: a failure there is a modification.
  if (!isValid)
    problems.push(problem(signerInfo.signedAttributes ? "signature_invalid" : "content_modified"));
}

/** RFC 5035 §3: the signed hash of the signer's certificate stops a certificate substitution. */
function checkSigningCertificateAttribute(
  signerInfo: CmsSignerInfo,
  certificate: X509Certificate,
  problems: VerificationProblem[],
): void {
  const reference = signerInfo.signingCertificate;
  if (!reference) return;
  const digest = DIGESTS[reference.hashAlgorithm];
  if (!digest) {
    problems.push(problem("unsupported_algorithm", reference.hashAlgorithm));
    return;
  }
  if (!createHash(digest.name).update(certificate.raw).digest().equals(reference.hash)) {
    problems.push(problem("signature_invalid", "signing-certificate-v2 names another certificate"));
  }
}

function toCertificate(value: string | Buffer): X509Certificate {
  return new X509Certificate(value);
}

function checkValidity(certificate: X509Certificate, at: Date, problems: VerificationProblem[]): void {
  const info = readCertificate(certificate.raw);
  const name = findNameAttribute(info.subject, "CN") ?? "";
  if (at > info.notAfter)
    problems.push(problem("certificate_expired", `${name}: ${info.notAfter.toISOString()}`));
  if (at < info.notBefore) {
    problems.push(problem("certificate_not_yet_valid", `${name}: ${info.notBefore.toISOString()}`));
  }
}

/** Walks signer → embedded intermediates → a trust anchor, each link checked by name and signature. */
function checkChain(
  signer: X509Certificate,
  embedded: Buffer[],
  trusted: Array<string | Buffer>,
  at: Date,
  problems: VerificationProblem[],
): void {
  const anchors = trusted.map(toCertificate);
  const intermediates = embedded.map(toCertificate).filter((certificate) => certificate.ca);
  const issues = (issuer: X509Certificate, subject: X509Certificate) =>
    subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  let current = signer;
  checkValidity(current, at, problems);
  for (let depth = 0; depth < MAX_CHAIN_LENGTH; depth += 1) {
    if (anchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) return;
    const anchor = anchors.find((candidate) => issues(candidate, current));
    if (anchor) {
      checkValidity(anchor, at, problems);
      return;
    }
    const next = intermediates.find(
      (candidate) => candidate.fingerprint256 !== current.fingerprint256 && issues(candidate, current),
    );
    if (!next) break;
    checkValidity(next, at, problems);
    current = next;
  }
  problems.push(problem("chain_untrusted"));
}
