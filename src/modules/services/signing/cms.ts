import {
  childrenOf,
  contentOf,
  DER_TAG,
  DerError,
  decodeOid,
  decodeTime,
  expectTag,
  rawOf,
  readDer,
} from "./der.ts";

// Parses the detached CMS SignedData (RFC 5652 §5) that a PDF signature's /Contents holds. Only reading:
// verify-pdf.ts checks digests and signatures with node:crypto over the exact bytes returned here.

export const OID = {
  signedData: "1.2.840.113549.1.7.2",
  data: "1.2.840.113549.1.7.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

const SHA256 = "2.16.840.1.101.3.4.2.1";

export type SignerIdentifier =
  | { kind: "issuerAndSerialNumber"; issuerName: Buffer; serialNumber: Buffer }
  | { kind: "subjectKeyIdentifier"; keyIdentifier: Buffer };

export type CmsSignerInfo = {
  signerIdentifier: SignerIdentifier;
  digestAlgorithm: string;
  /** DER of the signed attributes re-tagged as SET OF (RFC 5652 §5.4): the bytes the signature covers. */
  signedAttributes: Buffer | undefined;
  contentType: string | undefined;
  messageDigest: Buffer | undefined;
  signingTime: Date | undefined;
  /** ESS signing-certificate-v2 (RFC 5035): the hash of the certificate the signer meant to sign with. */
  signingCertificate: { hashAlgorithm: string; hash: Buffer } | undefined;
  signatureAlgorithm: string;
  signature: Buffer;
};

export type DetachedCms = {
  certificates: Buffer[];
  signerInfos: CmsSignerInfo[];
  /** true when encapContentInfo carries the content (not a detached signature). */
  hasEncapsulatedContent: boolean;
};

export class CmsFormatError extends Error {}

export function parseDetachedCms(bytes: Buffer): DetachedCms {
  try {
    // /Contents is zero-padded: the DER length of ContentInfo says where the CMS ends.
    const contentInfo = expectTag(readDer(bytes), DER_TAG.sequence, "ContentInfo");
    const [typeNode, explicitContent] = childrenOf(bytes, contentInfo);
    const contentType = decodeOid(bytes, expectTag(typeNode, DER_TAG.oid, "contentType"));
    if (contentType !== OID.signedData)
      throw new CmsFormatError(`content type ${contentType} is not SignedData`);
    const [signedData] = childrenOf(bytes, expectTag(explicitContent, 0xa0, "[0] content"));
    const fields = childrenOf(bytes, expectTag(signedData, DER_TAG.sequence, "SignedData"));
    const encapsulated = childrenOf(bytes, expectTag(fields[2], DER_TAG.sequence, "EncapsulatedContentInfo"));
    const certificateSet = fields.find((field) => field.tag === 0xa0);
    const certificates = certificateSet
      ? childrenOf(bytes, certificateSet)
          .filter((node) => node.tag === DER_TAG.sequence)
          .map((node) => rawOf(bytes, node))
      : [];
    const signerInfoSet = expectTag(fields[fields.length - 1], DER_TAG.set, "SignerInfos");
    return {
      certificates,
      signerInfos: childrenOf(bytes, signerInfoSet).map((node) => parseSignerInfo(bytes, node)),
      hasEncapsulatedContent: encapsulated.length > 1,
    };
  } catch (error) {
    if (error instanceof CmsFormatError) throw error;
    if (error instanceof DerError) throw new CmsFormatError(error.message);
    throw error;
  }
}

function parseSignerInfo(bytes: Buffer, node: ReturnType<typeof readDer>): CmsSignerInfo {
  const fields = childrenOf(bytes, expectTag(node, DER_TAG.sequence, "SignerInfo"));
  const sidNode = fields[1];
  let signerIdentifier: SignerIdentifier;
  if (sidNode?.tag === DER_TAG.sequence) {
    const [issuer, serial] = childrenOf(bytes, sidNode);
    signerIdentifier = {
      kind: "issuerAndSerialNumber",
      issuerName: rawOf(bytes, expectTag(issuer, DER_TAG.sequence, "issuer")),
      serialNumber: contentOf(bytes, expectTag(serial, DER_TAG.integer, "serialNumber")),
    };
  } else if (sidNode?.tag === 0x80) {
    signerIdentifier = { kind: "subjectKeyIdentifier", keyIdentifier: contentOf(bytes, sidNode) };
  } else {
    throw new CmsFormatError("unknown SignerIdentifier");
  }
  const [digestOid] = childrenOf(bytes, expectTag(fields[2], DER_TAG.sequence, "digestAlgorithm"));
  let index = 3;
  let signedAttributes: Buffer | undefined;
  let contentType: string | undefined;
  let messageDigest: Buffer | undefined;
  let signingTime: Date | undefined;
  let signingCertificate: CmsSignerInfo["signingCertificate"];
  if (fields[index]?.tag === 0xa0) {
    const attributesNode = fields[index]!;
    // The signature is over the attributes encoded as SET OF, not as the [0] IMPLICIT they travel in.
    signedAttributes = rawOf(bytes, attributesNode);
    signedAttributes[0] = DER_TAG.set;
    for (const attribute of childrenOf(bytes, attributesNode)) {
      const [typeNode, valuesNode] = childrenOf(bytes, attribute);
      const type = decodeOid(bytes, expectTag(typeNode, DER_TAG.oid, "attrType"));
      const [value] = childrenOf(bytes, expectTag(valuesNode, DER_TAG.set, "attrValues"));
      if (!value) continue;
      if (type === OID.contentType) contentType = decodeOid(bytes, value);
      if (type === OID.messageDigest) messageDigest = contentOf(bytes, value);
      if (type === OID.signingTime) signingTime = decodeTime(bytes, value);
      if (type === OID.signingCertificateV2) signingCertificate = readSigningCertificate(bytes, value);
    }
    index += 1;
  }
  const [signatureOid] = childrenOf(bytes, expectTag(fields[index], DER_TAG.sequence, "signatureAlgorithm"));
  const signature = expectTag(fields[index + 1], DER_TAG.octetString, "signature");
  return {
    signerIdentifier,
    digestAlgorithm: decodeOid(bytes, expectTag(digestOid, DER_TAG.oid, "digest OID")),
    signedAttributes,
    contentType,
    messageDigest,
    signingTime,
    signingCertificate,
    signatureAlgorithm: decodeOid(bytes, expectTag(signatureOid, DER_TAG.oid, "signature OID")),
    signature: contentOf(bytes, signature),
  };
}

function readSigningCertificate(bytes: Buffer, value: ReturnType<typeof readDer>) {
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, … }; the first names the signer.
  const [certificateIds] = childrenOf(bytes, expectTag(value, DER_TAG.sequence, "SigningCertificateV2"));
  const [first] = childrenOf(bytes, expectTag(certificateIds, DER_TAG.sequence, "certs"));
  const parts = childrenOf(bytes, expectTag(first, DER_TAG.sequence, "ESSCertIDv2"));
  // hashAlgorithm DEFAULT id-sha256 is absent when it is SHA-256.
  const hasAlgorithm = parts[0]?.tag === DER_TAG.sequence;
  const hashAlgorithm = hasAlgorithm
    ? decodeOid(bytes, expectTag(childrenOf(bytes, parts[0]!)[0], DER_TAG.oid, "hashAlgorithm"))
    : SHA256;
  const hash = expectTag(parts[hasAlgorithm ? 1 : 0], DER_TAG.octetString, "certHash");
  return { hashAlgorithm, hash: contentOf(bytes, hash) };
}
