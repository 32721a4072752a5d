// A minimal DER reader (ITU-T X.690 §8 and §10) for the few structures verification needs: CMS SignedData
// (RFC 5652), X.509 names and extensions (RFC 5280). It returns byte offsets, never re-encodes, so the exact
// signed bytes (the signed attributes, a certificate) can be handed to node:crypto unchanged.

export type DerNode = {
  /** The identifier octet: class, constructed bit and tag number (only low tag numbers occur here). */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just past the last content octet. */
  end: number;
};

export const DER_TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

export class DerError extends Error {}

/** Reads the TLV at `offset`; refuses indefinite lengths (BER) and lengths past `limit`. */
export function readDer(bytes: Uint8Array, offset = 0, limit = bytes.length): DerNode {
  if (offset + 2 > limit) throw new DerError("truncated DER header");
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError("high tag numbers are not used by these structures");
  let lengthByte = bytes[offset + 1]!;
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const lengthOctets = lengthByte & 0x7f;
    if (lengthOctets === 0) throw new DerError("indefinite length is not DER");
    if (lengthOctets > 4 || cursor + lengthOctets > limit) throw new DerError("unsupported DER length");
    length = 0;
    for (let index = 0; index < lengthOctets; index += 1) {
      lengthByte = bytes[cursor + index]!;
      length = length * 256 + lengthByte;
    }
    cursor += lengthOctets;
  }
  const end = cursor + length;
  if (end > limit) throw new DerError("DER value runs past its container");
  return { tag, start: offset, contentStart: cursor, end };
}

/** The children of a constructed node. */
export function childrenOf(bytes: Uint8Array, node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new DerError("not a constructed value");
  const children: DerNode[] = [];
  let offset = node.contentStart;
  while (offset < node.end) {
    const child = readDer(bytes, offset, node.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

export const rawOf = (bytes: Uint8Array, node: DerNode): Buffer =>
  Buffer.from(bytes.subarray(node.start, node.end));

export const contentOf = (bytes: Uint8Array, node: DerNode): Buffer =>
  Buffer.from(bytes.subarray(node.contentStart, node.end));

/** Dotted form of an OBJECT IDENTIFIER (X.690 §8.19). */
export function decodeOid(bytes: Uint8Array, node: DerNode): string {
  const content = bytes.subarray(node.contentStart, node.end);
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join(".");
}

/** UTCTime (two-digit years 50–99 are 19xx, RFC 5280 §4.1.2.5.1) or GeneralizedTime, both in UTC "Z". */
export function decodeTime(bytes: Uint8Array, node: DerNode): Date {
  const text = contentOf(bytes, node).toString("latin1");
  const match =
    node.tag === DER_TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new DerError(`unsupported time ${text}`);
  const [, yearText, month, day, hour, minute, second] = match;
  let year = Number(yearText);
  if (node.tag === DER_TAG.utcTime) year += year >= 50 ? 1900 : 2000;
  return new Date(
    Date.UTC(year, Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
  );
}

/** The directory string types that occur in names: UTF8String, PrintableString, IA5String, BMPString. */
export function decodeString(bytes: Uint8Array, node: DerNode): string {
  const content = contentOf(bytes, node);
  if (node.tag === DER_TAG.bmpString) return content.swap16().toString("utf16le");
  if (node.tag === DER_TAG.utf8String) return content.toString("utf8");
  return content.toString("latin1");
}

// Writing: only what the CMS signer needs (definite lengths, low tag numbers).

export function encodeDer(tag: number, ...contents: Buffer[]): Buffer {
  const content = Buffer.concat(contents);
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const lengthBytes: number[] = [];
    for (let remaining = length; remaining > 0; remaining = Math.floor(remaining / 256)) {
      lengthBytes.unshift(remaining % 256);
    }
    header = Buffer.from([tag, 0x80 | lengthBytes.length, ...lengthBytes]);
  }
  return Buffer.concat([header, content]);
}

export function encodeOid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      group.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...group);
  }
  return encodeDer(DER_TAG.oid, Buffer.from(bytes));
}

/** DER SET OF: the element encodings sorted as octet strings (X.690 §11.6). */
export const encodeSetOf = (elements: Buffer[]): Buffer =>
  encodeDer(DER_TAG.set, ...[...elements].sort(Buffer.compare));
