// Reading the few PDF objects an incremental update needs (ISO 32000-1 §7.5: file structure, §7.3: objects).
// It handles the classic cross-reference tables that pdfkit/pdfmake write; cross-reference streams
// (PDF 1.5 object streams) are refused with a clear error rather than misread.

export class PdfStructureError extends Error {}

export type XrefIndex = {
  /** object number → byte offset of its latest version */
  offsets: Map<number, number>;
  trailer: string;
  startXref: number;
};

const latin1 = (bytes: Buffer, start = 0, end = bytes.length) => bytes.toString("latin1", start, end);

export function findStartXref(pdf: Buffer): number {
  const tail = latin1(pdf, Math.max(0, pdf.length - 1024));
  const matches = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new PdfStructureError("no startxref: not a complete PDF file");
  return Number(last[1]);
}

/** Reads the xref table at `offset` and the older ones it points to with /Prev (§7.5.6). */
export function readXref(pdf: Buffer): XrefIndex {
  const startXref = findStartXref(pdf);
  const offsets = new Map<number, number>();
  let trailer: string | undefined;
  const visited = new Set<number>();
  let offset: number | undefined = startXref;
  while (offset !== undefined) {
    if (visited.has(offset) || offset >= pdf.length) throw new PdfStructureError("broken xref chain");
    visited.add(offset);
    const section = latin1(pdf, offset, Math.min(pdf.length, offset + 2_000_000));
    if (!section.startsWith("xref")) {
      throw new PdfStructureError("cross-reference streams are not supported (expected an xref table)");
    }
    const trailerAt = section.indexOf("trailer");
    if (trailerAt < 0) throw new PdfStructureError("xref table without trailer");
    const lines = section
      .slice(4, trailerAt)
      .trim()
      .split(/\r\n|\r|\n/);
    let objectNumber = 0;
    for (const line of lines) {
      const header = /^(\d+) (\d+)\s*$/.exec(line);
      if (header) {
        objectNumber = Number(header[1]);
        continue;
      }
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
      if (!entry) throw new PdfStructureError(`bad xref entry "${line}"`);
      // The newest section is read first, so an object already seen keeps its newer offset.
      if (entry[3] === "n" && !offsets.has(objectNumber)) offsets.set(objectNumber, Number(entry[1]));
      objectNumber += 1;
    }
    const dictionaryStart = section.indexOf("<<", trailerAt);
    const sectionTrailer = section.slice(dictionaryStart, matchDictionaryEnd(section, dictionaryStart));
    trailer ??= sectionTrailer;
    const previous = /\/Prev\s+(\d+)/.exec(sectionTrailer);
    offset = previous ? Number(previous[1]) : undefined;
  }
  return { offsets, trailer: trailer ?? "", startXref };
}

/** Index just past the ">>" closing the dictionary that opens at `start`, skipping strings. */
export function matchDictionaryEnd(text: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === "(") {
      index = skipLiteralString(text, index);
      continue;
    }
    if (text.startsWith("<<", index)) {
      depth += 1;
      index += 2;
      continue;
    }
    if (text.startsWith(">>", index)) {
      depth -= 1;
      index += 2;
      if (depth === 0) return index;
      continue;
    }
    index += 1;
  }
  throw new PdfStructureError("unterminated dictionary");
}

function skipLiteralString(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (char === "\\") index += 1;
    else if (char === "(") depth += 1;
    else if (char === ")") {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  throw new PdfStructureError("unterminated string");
}

/** The dictionary text ("<< … >>") of indirect object `objectNumber`. */
export function readObjectDictionary(pdf: Buffer, xref: XrefIndex, objectNumber: number): string {
  const offset = xref.offsets.get(objectNumber);
  if (offset === undefined) throw new PdfStructureError(`object ${objectNumber} is not in the xref table`);
  const text = latin1(pdf, offset, Math.min(pdf.length, offset + 200_000));
  const header = new RegExp(`^${objectNumber}\\s+\\d+\\s+obj\\s*`).exec(text);
  if (!header || !text.startsWith("<<", header[0].length)) {
    throw new PdfStructureError(`object ${objectNumber} is not a dictionary at its xref offset`);
  }
  return text.slice(header[0].length, matchDictionaryEnd(text, header[0].length));
}

export function referenceIn(dictionary: string, key: string): number | undefined {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : undefined;
}

/** A PDF text string (§7.9.2.2) as UTF-16BE with a byte order mark, so Vietnamese survives any reader. */
export function encodeTextString(text: string): string {
  const utf16 = Buffer.from(text, "utf16le").swap16();
  return `<FEFF${utf16.toString("hex").toUpperCase()}>`;
}

/** Decodes a literal "( … )" or hex "< … >" string token, UTF-16BE when it has the BOM, else PDFDocEncoding. */
export function decodeTextString(token: string): string {
  let bytes: Buffer;
  if (token.startsWith("<")) {
    bytes = Buffer.from(token.slice(1, -1).replace(/\s+/g, ""), "hex");
  } else {
    const body = token.slice(1, -1);
    const out: number[] = [];
    for (let index = 0; index < body.length; index += 1) {
      const char = body[index]!;
      if (char !== "\\") {
        out.push(char.charCodeAt(0));
        continue;
      }
      index += 1;
      const next = body[index] ?? "";
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
      if (next in escapes) out.push(escapes[next]!);
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(body.slice(index))![0];
        out.push(Number.parseInt(octal, 8) & 0xff);
        index += octal.length - 1;
      }
    }
    bytes = Buffer.from(out);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  return bytes.toString("latin1");
}

/** The string value of `/Key` in a dictionary, literal or hex. */
export function textEntryIn(dictionary: string, key: string): string | undefined {
  const at = new RegExp(`/${key}\\s*([(<])`).exec(dictionary);
  if (!at || at.index === undefined) return undefined;
  const start = at.index + at[0].length - 1;
  if (at[1] === "<") {
    const end = dictionary.indexOf(">", start);
    return end < 0 ? undefined : decodeTextString(dictionary.slice(start, end + 1));
  }
  try {
    return decodeTextString(dictionary.slice(start, skipLiteralString(dictionary, start)));
  } catch {
    return undefined;
  }
}

/** PDF date (§7.9.4) in Vietnam's time zone, UTC+07:00 all year (no daylight saving). */
export function formatPdfDate(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3600 * 1000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `D:${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}${pad(
    local.getUTCHours(),
  )}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}+07'00'`;
}

export function parsePdfDate(value: string): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!match) return undefined;
  const [, year, month = "01", day = "01", hour = "00", minute = "00", second = "00", zone = "Z"] = match;
  const utc = Date.UTC(+year!, +month - 1, +day, +hour, +minute, +second);
  if (zone === "Z") return new Date(utc);
  const sign = zone.startsWith("-") ? -1 : 1;
  const [zoneHours, zoneMinutes] = zone.slice(1).replace(/'/g, "").match(/\d{2}/g) ?? ["00", "00"];
  return new Date(utc - sign * (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000);
}
