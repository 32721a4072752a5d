import { createHash, type KeyObject, sign } from "node:crypto";
import { Signer } from "@signpdf/utils";
import { readCertificate } from "./certificate-info.ts";
import { OID } from "./cms.ts";
import { DER_TAG, encodeDer, encodeOid, encodeSetOf } from "./der.ts";

// Builds the detached CMS SignedData (RFC 5652 §5) for a PAdES baseline B-B signature (ETSI EN 319 142-1
// §6.3, SubFilter ETSI.CAdES.detached): signed attributes content-type, message-digest and ESS
// signing-certificate-v2 (RFC 5035), no signing-time attribute (PAdES puts the claimed time in /M).
//
// Written with node:crypto rather than node-forge's pkcs7: forge re-encodes the issuer Name of
// IssuerAndSerialNumber from its parsed form and encodes UTF8String values twice, so a certificate with a
// Vietnamese issuer name (every Vietnamese CA's) produced a SignerInfo that matches no certificate. Here the
// issuer and certificates are copied byte for byte from the certificate DER.

const SHA256 = "2.16.840.1.101.3.4.2.1";
const SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
const SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47";

const NULL = Buffer.from([0x05, 0x00]);
const sequence = (...parts: Buffer[]) => encodeDer(DER_TAG.sequence, ...parts);
const attribute = (type: string, value: Buffer) => sequence(encodeOid(type), encodeSetOf([value]));

export type CmsSigningKey = {
  privateKey: KeyObject;
  /** DER of the signer's certificate, then the CA certificates to embed (nearest first). */
  certificate: Buffer;
  chain: Buffer[];
};

export function createDetachedCms(content: Buffer, key: CmsSigningKey): Buffer {
  const certificate = readCertificate(key.certificate);
  const integer = encodeDer(DER_TAG.integer, certificate.serialNumber);
  const issuerAndSerialNumber = sequence(certificate.issuerName, integer);
  // ESSCertIDv2 with the default hash (SHA-256, so hashAlgorithm is omitted) and IssuerSerial, whose issuer
  // is GeneralNames { directoryName [4] Name }.
  const issuerSerial = sequence(sequence(encodeDer(0xa4, certificate.issuerName)), integer);
  const certificateHash = createHash("sha256").update(key.certificate).digest();
  const signingCertificate = sequence(
    sequence(sequence(encodeDer(DER_TAG.octetString, certificateHash), issuerSerial)),
  );
  const signedAttributes = encodeSetOf([
    attribute(OID.contentType, encodeOid(OID.data)),
    attribute(
      OID.messageDigest,
      encodeDer(DER_TAG.octetString, createHash("sha256").update(content).digest()),
    ),
    attribute(SIGNING_CERTIFICATE_V2, signingCertificate),
  ]);
  const isEcdsa = key.privateKey.asymmetricKeyType === "ec";
  const signature = isEcdsa
    ? sign("sha256", signedAttributes, { key: key.privateKey, dsaEncoding: "der" })
    : sign("sha256", signedAttributes, key.privateKey);
  const signatureAlgorithm = isEcdsa
    ? sequence(encodeOid(ECDSA_WITH_SHA256))
    : sequence(encodeOid(SHA256_WITH_RSA), NULL);
  const digestAlgorithm = sequence(encodeOid(SHA256));

  const signerInfo = sequence(
    encodeDer(DER_TAG.integer, Buffer.from([1])),
    issuerAndSerialNumber,
    digestAlgorithm,
    // signedAttrs travel as [0] IMPLICIT SET OF: same content, context tag.
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    signatureAlgorithm,
    encodeDer(DER_TAG.octetString, signature),
  );
  const signedData = sequence(
    encodeDer(DER_TAG.integer, Buffer.from([1])),
    encodeSetOf([digestAlgorithm]),
    sequence(encodeOid(OID.data)),
    encodeDer(0xa0, key.certificate, ...key.chain),
    encodeSetOf([signerInfo]),
  );
  return sequence(encodeOid(OID.signedData), encodeDer(0xa0, signedData));
}

/** The @signpdf Signer that hands SignPdf our CMS. */
export class DetachedCmsSigner extends Signer {
  constructor(private readonly key: CmsSigningKey) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return createDetachedCms(pdfBuffer, this.key);
  }
}
