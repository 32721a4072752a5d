import { describe, expect, it } from "vitest";
import {
  compileDossierCodePattern,
  DossierCodePatternError,
  DossierSequenceOverflowError,
  formatDossierCode,
  getSequenceDay,
  isValidDossierCode,
  NATIONAL_PORTAL_PATTERN,
  parseDossierCode,
} from "./dossier-code.ts";

const national = compileDossierCodePattern(NATIONAL_PORTAL_PATTERN);
const agencyCode = "000.00.21.H56";

function code(receivedAt: string, sequence: number, pattern = national): string {
  return formatDossierCode(pattern, { agencyCode, receivedAt: new Date(receivedAt), sequence });
}

describe("formatDossierCode", () => {
  it("prints the national portal's form: agency, yyMMdd, four-digit sequence", () => {
    expect(code("2025-11-22T03:00:00Z", 1)).toBe("000.00.21.H56-251122-0001");
    expect(code("2025-11-22T03:00:00Z", 357)).toBe("000.00.21.H56-251122-0357");
  });

  it("dates the code by the calendar day in Vietnam (UTC+7), not in UTC", () => {
    expect(code("2025-11-21T16:59:59Z", 12)).toBe("000.00.21.H56-251121-0012");
    expect(code("2025-11-21T17:00:00Z", 1)).toBe("000.00.21.H56-251122-0001");
    expect(getSequenceDay(new Date("2025-11-21T16:59:59Z"))).toBe("2025-11-21");
    expect(getSequenceDay(new Date("2025-11-21T17:00:00Z"))).toBe("2025-11-22");
  });

  it("rolls over the year at Vietnamese midnight on 31 December", () => {
    expect(code("2025-12-31T16:59:59Z", 9)).toBe("000.00.21.H56-251231-0009");
    expect(code("2025-12-31T17:00:00Z", 1)).toBe("000.00.21.H56-260101-0001");
  });

  it("accepts the last sequence that fits and refuses the next one instead of printing five digits", () => {
    expect(code("2025-11-22T03:00:00Z", 9999)).toBe("000.00.21.H56-251122-9999");
    expect(() => code("2025-11-22T03:00:00Z", 10_000)).toThrow(DossierSequenceOverflowError);
    const wide = compileDossierCodePattern("{agency}-{yy}{MM}{dd}-{seq:5}");
    expect(code("2025-11-22T03:00:00Z", 10_000, wide)).toBe("000.00.21.H56-251122-10000");
  });

  it("refuses a sequence that is not a positive integer and an agency code of the wrong shape", () => {
    for (const sequence of [0, -1, 1.5, Number.NaN]) {
      expect(() => code("2025-11-22T03:00:00Z", sequence)).toThrow(DossierCodePatternError);
    }
    for (const bad of ["H56", "000.00.21.h56", "000.00.21.H56-", "00.00.21.H56"]) {
      expect(() =>
        formatDossierCode(national, { agencyCode: bad, receivedAt: new Date(), sequence: 1 }),
      ).toThrow(DossierCodePatternError);
    }
  });

  it("supports a four-digit year and literals that are special in regular expressions", () => {
    const custom = compileDossierCodePattern("HS.{agency}+{yyyy}/{MM}/{dd}.{seq:6}");
    const printed = code("2026-03-05T01:00:00Z", 42, custom);
    expect(printed).toBe("HS.000.00.21.H56+2026/03/05.000042");
    expect(parseDossierCode(custom, printed)).toEqual({
      agencyCode,
      date: { year: 2026, month: 3, day: 5 },
      sequence: 42,
    });
    expect(parseDossierCode(custom, "HSX000.00.21.H56+2026/03/05.000042")).toBeUndefined();
  });
});

describe("parseDossierCode", () => {
  it("reads back what format printed", () => {
    expect(parseDossierCode(national, "000.00.21.H56-251122-0001")).toEqual({
      agencyCode,
      date: { year: 2025, month: 11, day: 22 },
      sequence: 1,
    });
  });

  it.each([
    ["a date that does not exist", "000.00.21.H56-250230-0001"],
    ["month 13", "000.00.21.H56-251322-0001"],
    ["sequence zero", "000.00.21.H56-251122-0000"],
    ["a short sequence", "000.00.21.H56-251122-001"],
    ["a trailing character", "000.00.21.H56-251122-00011"],
    ["a malformed agency code", "000.00.2.H56-251122-0001"],
    ["another separator", "000.00.21.H56_251122_0001"],
  ])("rejects %s", (_name, text) => {
    expect(parseDossierCode(national, text)).toBeUndefined();
    expect(isValidDossierCode(national, text)).toBe(false);
  });

  it("accepts 29 February only in a leap year", () => {
    expect(isValidDossierCode(national, "000.00.21.H56-280229-0001")).toBe(true);
    expect(isValidDossierCode(national, "000.00.21.H56-270229-0001")).toBe(false);
  });
});

describe("compileDossierCodePattern", () => {
  it.each([
    ["no sequence", "{agency}-{yy}{MM}{dd}", "missing:seq"],
    ["no agency", "{yy}{MM}{dd}-{seq:4}", "missing:agency"],
    ["no day", "{agency}-{yy}{MM}-{seq:4}", "missing:dd"],
    ["no year", "{agency}-{MM}{dd}-{seq:4}", "year:one-of-yy-yyyy"],
    ["two years", "{agency}-{yyyy}{yy}{MM}{dd}-{seq:4}", "year:one-of-yy-yyyy"],
    ["a repeated token", "{agency}-{agency}-{yy}{MM}{dd}-{seq:4}", "repeated:agency"],
    ["an unknown token", "{agency}-{yy}{MM}{dd}-{seq:4}-{unit}", "unknown-token:{unit}"],
    ["a stray brace", "{agency}-{yy}{MM}{dd}-{seq:4}}", "stray-brace"],
    ["a zero-width sequence", "{agency}-{yy}{MM}{dd}-{seq:0}", "seq-width:0"],
    ["a ten-digit sequence", "{agency}-{yy}{MM}{dd}-{seq:10}", "seq-width:10"],
    ["a sequence without width", "{agency}-{yy}{MM}{dd}-{seq}", "unknown-token:{seq}"],
  ])("refuses a pattern with %s", (_name, pattern, problem) => {
    expect(() => compileDossierCodePattern(pattern)).toThrow(DossierCodePatternError);
    try {
      compileDossierCodePattern(pattern);
    } catch (error) {
      expect(error).toMatchObject({ problem });
    }
  });

  it("takes another agency code shape when a province configures one", () => {
    const pattern = compileDossierCodePattern("{agency}-{yy}{MM}{dd}-{seq:4}", /SCT-[A-Z]{2}/);
    const printed = formatDossierCode(pattern, {
      agencyCode: "SCT-DT",
      receivedAt: new Date("2025-11-22T03:00:00Z"),
      sequence: 3,
    });
    expect(printed).toBe("SCT-DT-251122-0003");
    expect(parseDossierCode(pattern, printed)?.agencyCode).toBe("SCT-DT");
  });
});
