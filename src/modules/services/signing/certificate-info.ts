import {
  childrenOf,
  contentOf,
  DER_TAG,
  decodeOid,
  decodeString,
  decodeTime,
  expectTag,
  rawOf,
  readDer,
} from "./der.ts";

// Reads the fields of an X.509 certificate (RFC 5280 §4.1) straight from its DER, so names keep their
// Vietnamese text whatever string type the issuing CA chose (UTF8String, BMPString, PrintableString).

const NAME_ATTRIBUTE_OIDS: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.5": "serialNumber",
  "2.5.4.12": "title",
  "1.2.840.113549.1.9.1": "emailAddress",
  // Vietnamese CAs put the tax code ("MST:…") or budget-unit code ("MNS:…") of an organisation in UID.
  "0.9.2342.19200300.100.1.1": "UID",
};

export type NameAttribute = { type: string; value: string };

/** RFC 5280 §4.2.1.3 KeyUsage bits (bit 0 is the most significant bit of the first octet). */
export type KeyUsage = {
  digitalSignature: boolean;
  nonRepudiation: boolean;
  keyEncipherment: boolean;
  keyCertSign: boolean;
  cRLSign: boolean;
};

export type CertificateInfo = {
  der: Buffer;
  /** The raw INTEGER content of the serial number and the raw issuer Name: CMS IssuerAndSerialNumber. */
  serialNumber: Buffer;
  issuerName: Buffer;
  subjectName: Buffer;
  subject: NameAttribute[];
  issuer: NameAttribute[];
  notBefore: Date;
  notAfter: Date;
  /** undefined when the certificate has no keyUsage extension. */
  keyUsage: KeyUsage | undefined;
  /** basicConstraints cA (RFC 5280 §4.2.1.9). */
  isCertificateAuthority: boolean;
  subjectKeyIdentifier: Buffer | undefined;
};

function readName(bytes: Uint8Array, nameNode: ReturnType<typeof readDer>): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const relativeName of childrenOf(bytes, nameNode)) {
    for (const typeAndValue of childrenOf(bytes, relativeName)) {
      const [typeNode, valueNode] = childrenOf(bytes, typeAndValue);
      const oid = decodeOid(bytes, expectTag(typeNode, DER_TAG.oid, "attribute type"));
      if (!valueNode) continue;
      attributes.push({ type: NAME_ATTRIBUTE_OIDS[oid] ?? oid, value: decodeString(bytes, valueNode) });
    }
  }
  return attributes;
}

export const findNameAttribute = (name: NameAttribute[], type: string): string | undefined =>
  name.find((attribute) => attribute.type === type)?.value;

function readKeyUsage(bitString: Buffer): KeyUsage {
  // BIT STRING content: one octet of unused-bit count, then the bits.
  const first = bitString[1] ?? 0;
  return {
    digitalSignature: (first & 0x80) !== 0,
    nonRepudiation: (first & 0x40) !== 0,
    keyEncipherment: (first & 0x20) !== 0,
    keyCertSign: (first & 0x04) !== 0,
    cRLSign: (first & 0x02) !== 0,
  };
}

export function readCertificate(der: Uint8Array): CertificateInfo {
  const certificate = expectTag(readDer(der), DER_TAG.sequence, "Certificate");
  const [tbs] = childrenOf(der, certificate);
  const fields = childrenOf(der, expectTag(tbs, DER_TAG.sequence, "TBSCertificate"));
  // version is [0] EXPLICIT and optional (absent for v1 certificates).
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = expectTag(fields[offset], DER_TAG.integer, "serialNumber");
  const issuer = expectTag(fields[offset + 2], DER_TAG.sequence, "issuer");
  const validity = childrenOf(der, expectTag(fields[offset + 3], DER_TAG.sequence, "validity"));
  const subject = expectTag(fields[offset + 4], DER_TAG.sequence, "subject");

  let keyUsage: KeyUsage | undefined;
  let isCertificateAuthority = false;
  let subjectKeyIdentifier: Buffer | undefined;
  const extensionsWrapper = fields.find((field) => field.tag === 0xa3);
  if (extensionsWrapper) {
    const [extensionList] = childrenOf(der, extensionsWrapper);
    for (const extension of childrenOf(der, expectTag(extensionList, DER_TAG.sequence, "Extensions"))) {
      const parts = childrenOf(der, extension);
      const oid = decodeOid(der, expectTag(parts[0], DER_TAG.oid, "extnID"));
      const value = expectTag(parts[parts.length - 1], DER_TAG.octetString, "extnValue");
      const inner = readDer(der, value.contentStart, value.end);
      if (oid === "2.5.29.15") keyUsage = readKeyUsage(contentOf(der, inner));
      if (oid === "2.5.29.19") {
        const [flag] = childrenOf(der, inner);
        isCertificateAuthority = flag?.tag === DER_TAG.boolean && der[flag.contentStart] !== 0;
      }
      if (oid === "2.5.29.14") subjectKeyIdentifier = contentOf(der, inner);
    }
  }

  return {
    der: rawOf(der, certificate),
    serialNumber: contentOf(der, serial),
    issuerName: rawOf(der, issuer),
    subjectName: rawOf(der, subject),
    subject: readName(der, subject),
    issuer: readName(der, issuer),
    notBefore: decodeTime(der, validity[0]!),
    notAfter: decodeTime(der, validity[1]!),
    keyUsage,
    isCertificateAuthority,
    subjectKeyIdentifier,
  };
}
