import { describe, expect, it } from "vitest";
import {
  decodeTextString,
  encodeTextString,
  formatPdfDate,
  parsePdfDate,
  textEntryIn,
} from "./pdf-objects.ts";

describe("PDF text strings", () => {
  it("round-trips Vietnamese through UTF-16BE hex strings", () => {
    const encoded = encodeTextString("Sở Công Thương");
    expect(encoded.startsWith("<FEFF0053")).toBe(true);
    expect(decodeTextString(encoded)).toBe("Sở Công Thương");
  });

  it("decodes literal strings with escapes and octal codes", () => {
    expect(decodeTextString("(a\\(b\\) \\101\\n)")).toBe("a(b) A\n");
    expect(textEntryIn("<< /Reason (Test \\(1\\)) /Location <FEFF0048004E> >>", "Location")).toBe("HN");
    expect(textEntryIn("<< /Reason (Test \\(1\\)) >>", "Reason")).toBe("Test (1)");
  });
});

describe("PDF dates", () => {
  it("writes the signing time in Vietnam time and reads it back", () => {
    const instant = new Date("2026-11-22T18:05:09Z");
    expect(formatPdfDate(instant)).toBe("D:20261123010509+07'00'");
    expect(parsePdfDate("D:20261123010509+07'00'")).toEqual(instant);
    expect(parsePdfDate("D:20261122180509Z")).toEqual(instant);
  });
});
