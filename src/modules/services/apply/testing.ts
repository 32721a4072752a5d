import { inflateSync } from "node:zlib";

// Test support: the text of a PDF as pdfmake writes it (pdfkit: Flate-compressed streams, glyph ids in
// hex strings that only each font's ToUnicode map turns back into characters).

type PdfObject = { dictionary: string; stream: string | null };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    const body = match[2]!;
    const streamStart = /stream\r?\n/.exec(body);
    if (!streamStart) {
      objects.set(Number(match[1]), { dictionary: body, stream: null });
      continue;
    }
    const dictionary = body.slice(0, streamStart.index);
    const raw = body.slice(streamStart.index + streamStart[0].length, body.lastIndexOf("endstream"));
    const bytes = Buffer.from(raw, "latin1");
    let stream: string;
    try {
      stream = dictionary.includes("/FlateDecode") ? inflateSync(bytes).toString("latin1") : raw;
    } catch {
      stream = "";
    }
    objects.set(Number(match[1]), { dictionary, stream });
  }
  return objects;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  for (const [, start, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
    [...entries!.matchAll(/<([0-9a-f]+)>/gi)].forEach((entry, index) => {
      map.set(Number.parseInt(start!, 16) + index, utf16(entry[1]!));
    });
  }
  for (const [, id, value] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) {
    if (!map.has(Number.parseInt(id!, 16))) map.set(Number.parseInt(id!, 16), utf16(value!));
  }
  return map;
}

/**
 * All text drawn on the PDF's pages, runs joined with one space (pdfkit draws a line word by word, each word
 * with its trailing space, so spaces are collapsed) — for `toContain` checks.
 */
export function extractPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const allText = pdf.toString("latin1");
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name, id] of allText.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(id))?.dictionary ?? "")?.[1];
    const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : null;
    if (cmap) fonts.set(name!, toUnicodeMap(cmap));
  }
  const runs: string[] = [];
  for (const object of objects.values()) {
    if (!object.stream?.includes("BT")) continue;
    for (const [, block = ""] of object.stream.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      const glyphs = fonts.get(/\/(F\d+) [\d.]+ Tf/.exec(block)?.[1] ?? "") ?? new Map<number, string>();
      let text = "";
      for (const [, array = ""] of block.matchAll(/\[([^\]]*)\] TJ/g)) {
        for (const [, hex = ""] of array.matchAll(/<([0-9a-f]+)>/gi)) {
          for (const id of hex.match(/.{4}/g) ?? []) text += glyphs.get(Number.parseInt(id, 16)) ?? "\ufffd";
        }
      }
      runs.push(text);
    }
  }
  return runs.join(" ").replace(/\s+/g, " ");
}

/** A multipart body as a browser sends it (text fields and files), for posts built by hand. */
/** The smallest file the content check recognises as a PDF. */
export const samplePdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
/** A Windows executable (the "MZ" header) wearing a .pdf name. */
export const executableBytes = Buffer.concat([
  Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1"),
  Buffer.alloc(400),
]);
