import { SignPdf } from "@signpdf/signpdf";
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import { assertUsableForSigning, type SigningCredential, toCmsSigningKey } from "./ca.ts";
import { type CmsSigningKey, DetachedCmsSigner } from "./cms-signer.ts";
import {
  encodeTextString,
  formatPdfDate,
  PdfStructureError,
  readObjectDictionary,
  readXref,
  referenceIn,
} from "./pdf-objects.ts";

// Signs a result PDF (bytes from pdfmake) with the Department's key: an incremental update (ISO 32000-1
// §7.5.6) adds a signature field and a signature dictionary whose /Contents receives a detached CMS
// SignedData (RFC 5652) over the /ByteRange: a PAdES baseline B-B signature (ETSI EN 319 142-1, SubFilter
// ETSI.CAdES.detached; ISO 32000-2 §12.8.3.4), built by cms-signer.ts. @signpdf/signpdf fills in the
// ByteRange and the /Contents. We write the placeholder ourselves: @signpdf/placeholder-plain drags in
// pdfkit 0.10 and crypto-js 3 for the same few objects.

/** Room for the CMS: the Department certificate, its CA chain (up to ~4 certificates) and later a timestamp. */
export const SIGNATURE_CONTENTS_BYTES = 16_384;

export type SignatureWidget = {
  /** 0-based page the visible field sits on. */
  pageIndex: number;
  /** [left, bottom, right, top] in PDF points, over the signature block the layout printed. */
  rectangle: [number, number, number, number];
};

export type SignPdfInput = {
  pdf: Buffer;
  /**
   * The Department credential (ca.ts: issueDepartmentCertificate, loadPkcs12 or importPem), or a node:crypto
   * key with certificate DER (e.g. an ECDSA key, which node-forge cannot hold).
   */
  credential: SigningCredential | CmsSigningKey;
  /** e.g. "Cấp giấy phép bán lẻ sản phẩm rượu" */
  reason: string;
  /** e.g. "Đồng Tháp" */
  location: string;
  signerName?: string;
  contactInfo?: string;
  signingTime?: Date;
  /** Omitted: an invisible signature (a zero-size widget on the first page). */
  widget?: SignatureWidget;
};

/**
 * Refuses (SigningCredentialError) a certificate that is expired, not yet valid or not for signing at the
 * signing time: the Department must not issue a result that fails verification the moment it is issued.
 */
export async function signPdf(input: SignPdfInput): Promise<Buffer> {
  const signingTime = input.signingTime ?? new Date();
  const key = Buffer.isBuffer(input.credential.certificate)
    ? (input.credential as CmsSigningKey)
    : toCmsSigningKey(input.credential as SigningCredential);
  assertUsableForSigning(key.certificate, signingTime);
  const prepared = addSignaturePlaceholder(input.pdf, { ...input, signingTime });
  return new SignPdf().sign(prepared, new DetachedCmsSigner(key));
}

type PlaceholderOptions = Omit<SignPdfInput, "pdf" | "credential"> & { signingTime: Date };

function pageObjectNumber(pdf: Buffer, xref: ReturnType<typeof readXref>, catalog: string, index: number) {
  const pagesNumber = referenceIn(catalog, "Pages");
  if (pagesNumber === undefined) throw new PdfStructureError("catalog without /Pages");
  const pages = readObjectDictionary(pdf, xref, pagesNumber);
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(pages)?.[1] ?? "";
  const references = [...kids.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => Number(match[1]));
  const pageNumber = references[index];
  // pdfkit writes a flat page tree; a nested one (Kids that are /Pages) is not expected here.
  if (pageNumber === undefined || !/\/Type\s*\/Page\b/.test(readObjectDictionary(pdf, xref, pageNumber))) {
    throw new PdfStructureError(`page ${index} not found in a flat page tree`);
  }
  return pageNumber;
}

const withEntries = (dictionary: string, entries: string) =>
  `${dictionary.slice(0, dictionary.lastIndexOf(">>"))}${entries}\n>>`;

export function addSignaturePlaceholder(pdf: Buffer, options: PlaceholderOptions): Buffer {
  if (pdf.includes("/ByteRange")) {
    throw new PdfStructureError("the PDF is already signed; a result carries exactly one signature");
  }
  const xref = readXref(pdf);
  const rootNumber = referenceIn(xref.trailer, "Root");
  const size = Number(/\/Size\s+(\d+)/.exec(xref.trailer)?.[1]);
  if (rootNumber === undefined || !Number.isInteger(size))
    throw new PdfStructureError("trailer lacks /Root or /Size");
  const catalog = readObjectDictionary(pdf, xref, rootNumber);
  if (/\/AcroForm/.test(catalog)) throw new PdfStructureError("PDFs with an existing form are not supported");
  const widget = options.widget ?? { pageIndex: 0, rectangle: [0, 0, 0, 0] };
  const pageNumber = pageObjectNumber(pdf, xref, catalog, widget.pageIndex);
  const page = readObjectDictionary(pdf, xref, pageNumber);

  const signatureNumber = size;
  const widgetNumber = size + 1;
  const appearanceNumber = size + 2;
  const [left, bottom, right, top] = widget.rectangle;
  const optionalText = [
    options.signerName ? `/Name ${encodeTextString(options.signerName)}` : "",
    options.contactInfo ? `/ContactInfo ${encodeTextString(options.contactInfo)}` : "",
  ].join("");

  let updatedPage: string;
  const annotations = /\/Annots\s*\[/.exec(page);
  if (annotations) {
    const at = annotations.index + annotations[0].length;
    updatedPage = `${page.slice(0, at)}${widgetNumber} 0 R ${page.slice(at)}`;
  } else if (/\/Annots/.test(page)) {
    throw new PdfStructureError("an indirect /Annots array is not supported");
  } else {
    updatedPage = withEntries(page, `\n/Annots [${widgetNumber} 0 R]`);
  }
  // SigFlags 3 = SignaturesExist | AppendOnly (§12.7.2). PAdES signatures and UTF-16 text strings need a
  // newer version than the 1.3 pdfkit declares; the catalog's /Version raises it to 1.7 (§7.2.2).
  const version = /\/Version/.test(catalog) ? "" : "\n/Version /1.7";
  const updatedCatalog = withEntries(
    catalog,
    `\n/AcroForm << /Fields [${widgetNumber} 0 R] /SigFlags 3 >>${version}`,
  );

  const contentsHex = "0".repeat(SIGNATURE_CONTENTS_BYTES * 2);
  const byteRangePlaceholder = `/${DEFAULT_BYTE_RANGE_PLACEHOLDER}`;
  const objects: Array<[number, string]> = [
    [rootNumber, updatedCatalog],
    [pageNumber, updatedPage],
    [
      signatureNumber,
      `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /${SUBFILTER_ETSI_CADES_DETACHED}\n` +
        `/ByteRange [0 ${byteRangePlaceholder} ${byteRangePlaceholder} ${byteRangePlaceholder}]\n` +
        `/Contents <${contentsHex}>\n/Reason ${encodeTextString(options.reason)}\n` +
        `/Location ${encodeTextString(options.location)}${optionalText}\n` +
        // PAdES B-B: the claimed signing time is /M, not a CMS signing-time attribute (EN 319 142-1 §5.4).
        `/M (${formatPdfDate(options.signingTime)})\n` +
        "/Prop_Build << /App << /Name /Cong-TMDT >> >>\n>>",
    ],
    [
      widgetNumber,
      // F 132 = Print | Locked (§12.5.3); the widget is the field itself (merged field and annotation).
      `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${encodeTextString("Chữ ký Sở")}\n/V ${signatureNumber} 0 R\n` +
        `/Rect [${left} ${bottom} ${right} ${top}]\n/F 132\n/P ${pageNumber} 0 R\n/AP << /N ${appearanceNumber} 0 R >>\n>>`,
    ],
    [
      appearanceNumber,
      // An empty appearance: the visible signature block is part of the page the layout drew.
      `<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${right - left} ${top - bottom}]\n/Length 0\n>>\nstream\n\nendstream`,
    ],
  ];
  return appendIncrementalUpdate(pdf, objects, {
    size: size + 3,
    rootNumber,
    previousXref: xref.startXref,
    trailer: xref.trailer,
  });
}

function appendIncrementalUpdate(
  pdf: Buffer,
  objects: Array<[number, string]>,
  trailer: { size: number; rootNumber: number; previousXref: number; trailer: string },
): Buffer {
  const base = pdf[pdf.length - 1] === 0x0a ? pdf : Buffer.concat([pdf, Buffer.from("\n")]);
  let body = "";
  const offsets = new Map<number, number>();
  for (const [objectNumber, dictionary] of objects) {
    offsets.set(objectNumber, base.length + Buffer.byteLength(body, "latin1"));
    body += `${objectNumber} 0 obj\n${dictionary}\nendobj\n`;
  }
  const xrefOffset = base.length + Buffer.byteLength(body, "latin1");
  const numbers = [...offsets.keys()].sort((first, second) => first - second);
  let xref = "xref\n";
  for (let index = 0; index < numbers.length; ) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end += 1;
    xref += `${numbers[index]} ${end - index + 1}\n`;
    for (let entry = index; entry <= end; entry += 1) {
      xref += `${String(offsets.get(numbers[entry]!)).padStart(10, "0")} 00000 n \n`;
    }
    index = end + 1;
  }
  const info = /\/Info\s+\d+\s+\d+\s+R/.exec(trailer.trailer)?.[0] ?? "";
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer.trailer)?.[0] ?? "";
  const trailerDictionary = `<<\n/Size ${trailer.size}\n/Root ${trailer.rootNumber} 0 R\n${info ? `${info}\n` : ""}${
    id ? `${id}\n` : ""
  }/Prev ${trailer.previousXref}\n>>`;
  const tail = `${xref}trailer\n${trailerDictionary}\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([base, Buffer.from(body + tail, "latin1")]);
}
