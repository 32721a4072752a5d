import { createRequire } from "node:module";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";

// Turns a pdfmake document definition into PDF bytes, with the one font every exported document uses
// (plans now; receipts and certificates later). Modules describe their layout and call renderPdf.

// Decree 30/2020 Appendix I (phông chữ, cỡ chữ) asks for Times New Roman 13–14 pt. We ship Be Vietnam Pro
// instead: it is open (OFL), carries every Vietnamese glyph and is the font the portal's pages use; Times
// New Roman cannot be redistributed with an open-source installation.
export const PDF_FONT_FAMILY = "BeVietnamPro";

const require = createRequire(import.meta.url);
const fontFile = (style: string): string =>
  require.resolve(`@expo-google-fonts/be-vietnam-pro/${style}/BeVietnamPro_${style}.ttf`);
const FONT_FILES = {
  normal: fontFile("400Regular"),
  bold: fontFile("700Bold"),
  italics: fontFile("400Regular_Italic"),
  bolditalics: fontFile("700Bold_Italic"),
};
const ALLOWED_LOCAL_FILES = new Set(Object.values(FONT_FILES));

export type RenderPdfOptions = {
  /** Deflate the page streams (the default). Tests turn it off to read the text in the bytes. */
  compress?: boolean;
};

/**
 * pdfmake 0.3's Node entry is one shared instance whose fonts and access policies are process-wide. They
 * are set right before createPdf, which reads them synchronously, so another module configuring the
 * instance differently cannot make a document load other files. The policies refuse every URL and every
 * local file but the four font files (pdfmake fetches URLs named in a document: CVE-2026-26801).
 */
export async function renderPdf(
  definition: TDocumentDefinitions,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  pdfmake.addFonts({ [PDF_FONT_FAMILY]: FONT_FILES });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => ALLOWED_LOCAL_FILES.has(path));
  return pdfmake.createPdf({ ...definition, compress: options.compress ?? true }).getBuffer();
}
