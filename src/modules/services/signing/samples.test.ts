import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { buildSampleLicencePdf, formatAdministrativeDate, verificationQrSvg } from "./samples.ts";

const URL = "https://dichvucong.dongthap.example/xac-thuc/000.00.12.H20-261122-0001";

describe("buildSampleLicencePdf", () => {
  it("links the verification URL from the page and draws its QR code", async () => {
    const pdf = await buildSampleLicencePdf({
      verificationUrl: URL,
      issuedOn: new Date("2026-11-22T03:00:00Z"),
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain(`/URI (${URL})`);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    // The other URL's QR code (different SVG) gives a different page: the code is drawn from the input.
    const other = await buildSampleLicencePdf({
      verificationUrl: `${URL}9`,
      issuedOn: new Date("2026-11-22T03:00:00Z"),
    });
    expect(other.length).not.toBe(pdf.length);
  });
});

describe("verificationQrSvg", () => {
  it("encodes exactly the verification URL", async () => {
    const svg = await verificationQrSvg(URL);
    const code = QRCode.create(URL, { errorCorrectionLevel: "M" });
    const decoded = code.segments.map((segment) =>
      typeof segment.data === "string"
        ? segment.data
        : Buffer.from(segment.data as Uint8Array).toString("utf8"),
    );
    expect(decoded.join("")).toBe(URL);
    // A 1-module quiet zone around the matrix.
    expect(svg).toContain(`viewBox="0 0 ${code.modules.size + 2} ${code.modules.size + 2}"`);
    expect(await verificationQrSvg(URL)).toBe(svg);
  });
});

describe("formatAdministrativeDate", () => {
  it("pads days below 10 and months January and February (Decree 30/2020 Appendix I)", () => {
    expect(formatAdministrativeDate(new Date("2026-02-05T03:00:00Z"))).toBe("ngày 05 tháng 02 năm 2026");
    expect(formatAdministrativeDate(new Date("2026-03-15T03:00:00Z"))).toBe("ngày 15 tháng 3 năm 2026");
  });

  it("uses Vietnam time: 18:00 UTC on 22 November is already the 23rd", () => {
    expect(formatAdministrativeDate(new Date("2026-11-22T18:00:00Z"))).toBe("ngày 23 tháng 11 năm 2026");
  });
});
