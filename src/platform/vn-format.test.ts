import { describe, expect, it } from "vitest";
import {
  amountInWords,
  amountWordsMatch,
  formatDate,
  formatDateTime,
  formatMillionDong,
  formatNumber,
  formatPercent,
  formatVnd,
  parseAmountToDong,
  parseVietnameseNumber,
} from "./vn-format.ts";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1_000, "1.000"],
    [1_234_567, "1.234.567"],
    [2_224.5, "2.224,5"],
    [-12, "-12"],
    [-1_234_567.5, "-1.234.567,5"],
  ])("groups with dots and uses a decimal comma: %d → %s", (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it("formats a bigint beyond float precision exactly", () => {
    expect(formatNumber(9_007_199_254_740_993n)).toBe("9.007.199.254.740.993");
    expect(formatNumber(-(2n ** 70n))).toBe("-1.180.591.620.717.411.303.424");
  });

  it("honours minimum and maximum fraction digits", () => {
    expect(formatNumber(2.5, { minimumFractionDigits: 2 })).toBe("2,50");
    expect(formatNumber(5n, { minimumFractionDigits: 2 })).toBe("5,00");
    expect(formatNumber(1.23456, { maximumFractionDigits: 2 })).toBe("1,23");
    expect(formatNumber(1.5, { maximumFractionDigits: 0 })).toBe("2");
  });

  it("never prints -0 when a small negative rounds to zero", () => {
    expect(formatNumber(-0.0001)).toBe("0");
    expect(formatNumber(-0)).toBe("0");
  });

  it("refuses NaN and Infinity instead of printing them", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatVnd", () => {
  it("prints the đồng sign after a no-break space (U+00A0)", () => {
    expect(formatVnd(1_234_567n)).toBe("1.234.567\u00a0₫");
  });

  it("formats zero and negative amounts", () => {
    expect(formatVnd(0n)).toBe("0\u00a0₫");
    expect(formatVnd(-5_000n)).toBe("-5.000\u00a0₫");
  });
});

describe("formatMillionDong", () => {
  it.each([
    [2_224_500_000n, "2.224,5"],
    [300_000_000n, "300"],
    [3_050_000_000n, "3.050"],
    [150_250_000n, "150,25"],
    [1_000_000n, "1"],
    [1n, "0,000001"],
    [999_999n, "0,999999"],
    [0n, "0"],
    [-1_500_000n, "-1,5"],
    [-1n, "-0,000001"],
    [10n ** 18n + 1n, "1.000.000.000.000,000001"],
  ])("prints %d đồng as %s triệu, exact with trailing zeros trimmed", (dong, expected) => {
    expect(formatMillionDong(dong)).toBe(expected);
  });
});

describe("formatPercent", () => {
  it("prints one fraction digit by default and drops a zero fraction", () => {
    expect(formatPercent(80)).toBe("80%");
    expect(formatPercent(12.5)).toBe("12,5%");
    expect(formatPercent(33.333)).toBe("33,3%");
  });

  it("uses the requested number of fraction digits", () => {
    expect(formatPercent(12.5, 0)).toBe("13%");
    expect(formatPercent(12.345, 2)).toBe("12,35%");
    expect(formatPercent(1_250.5)).toBe("1.250,5%");
  });
});

describe("formatDate", () => {
  it("shows an instant as the date in Vietnam (UTC+7)", () => {
    expect(formatDate(new Date("2025-06-30T17:30:00Z"))).toBe("01/07/2025");
    expect(formatDate(new Date("2025-06-30T16:59:59Z"))).toBe("30/06/2025");
    expect(formatDate("2025-06-30T17:30:00Z")).toBe("01/07/2025");
  });

  it("prints a YYYY-MM-DD calendar date as is, with no time zone shift", () => {
    expect(formatDate("2025-06-30")).toBe("30/06/2025");
    expect(formatDate("2025-01-01")).toBe("01/01/2025");
    expect(formatDate("2024-02-29")).toBe("29/02/2024");
  });

  it("refuses calendar dates that do not exist and invalid instants", () => {
    expect(() => formatDate("2025-02-29")).toThrow(RangeError);
    expect(() => formatDate("2025-13-01")).toThrow(RangeError);
    expect(() => formatDate("not a date")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("prints dd/MM/yyyy HH:mm in Vietnam time on a 24-hour clock", () => {
    expect(formatDateTime(new Date("2025-06-30T17:30:00Z"))).toBe("01/07/2025 00:30");
    expect(formatDateTime(new Date("2025-06-30T17:00:00Z"))).toBe("01/07/2025 00:00");
    expect(formatDateTime(new Date("2025-06-30T16:59:00Z"))).toBe("30/06/2025 23:59");
    expect(formatDateTime(new Date("2025-12-31T06:05:00Z"))).toBe("31/12/2025 13:05");
  });
});

describe("amountInWords", () => {
  it.each([
    [0n, "Không đồng"],
    [5n, "Năm đồng"],
    [10n, "Mười đồng"],
    [11n, "Mười một đồng"],
    [14n, "Mười bốn đồng"],
    [15n, "Mười lăm đồng"],
    [20n, "Hai mươi đồng"],
    [21n, "Hai mươi mốt đồng"],
    [24n, "Hai mươi bốn đồng"],
    [25n, "Hai mươi lăm đồng"],
    [101n, "Một trăm linh một đồng"],
    [104n, "Một trăm linh bốn đồng"],
    [105n, "Một trăm linh năm đồng"],
    [110n, "Một trăm mười đồng"],
    [115n, "Một trăm mười lăm đồng"],
    [1_000n, "Một nghìn đồng"],
    [1_005n, "Một nghìn không trăm linh năm đồng"],
    [1_010n, "Một nghìn không trăm mười đồng"],
    [10_000n, "Mười nghìn đồng"],
    [100_000n, "Một trăm nghìn đồng"],
    [1_000_001n, "Một triệu không trăm linh một đồng"],
    [1_050_000n, "Một triệu không trăm năm mươi nghìn đồng"],
    [1_000_000_005n, "Một tỷ không trăm linh năm đồng"],
    [2_000_500_000n, "Hai tỷ năm trăm nghìn đồng"],
    [2_224_500_000n, "Hai tỷ hai trăm hai mươi bốn triệu năm trăm nghìn đồng"],
    [3_030_000_000n, "Ba tỷ không trăm ba mươi triệu đồng"],
    [3_050_000_000n, "Ba tỷ không trăm năm mươi triệu đồng"],
    [1_000_000_000_000n, "Một nghìn tỷ đồng"],
    [1_001_000_000_000n, "Một nghìn không trăm linh một tỷ đồng"],
    [10n ** 15n, "Một triệu tỷ đồng"],
    [10n ** 18n, "Một tỷ tỷ đồng"],
    [10n ** 18n + 10n, "Một tỷ tỷ không trăm mười đồng"],
    [-1_500n, "Âm một nghìn năm trăm đồng"],
  ])("reads %d as %j", (dong, words) => {
    expect(amountInWords(dong)).toBe(words);
  });
});

describe("amountWordsMatch", () => {
  it.each([
    ["Ba tỷ không trăm ba mươi triệu đồng", 3_030_000_000n],
    ["ba tỷ, không trăm ba mươi triệu đồng chẵn./.", 3_030_000_000n],
    ["  BA   TỶ không trăm   BA MƯƠI triệu   VNĐ ", 3_030_000_000n],
    ["Ba tỉ không trăm ba mươi triệu đồng", 3_030_000_000n],
    ["Ba tỷ ba mươi triệu đồng", 3_030_000_000n],
    ["Hai tỷ hai trăm hai mươi bốn triệu năm trăm nghìn đồng", 2_224_500_000n],
    ["Hai tỷ hai trăm hai mươi bốn triệu năm trăm ngàn đồng", 2_224_500_000n],
    ["Một trăm lẻ năm đồng", 105n],
    ["Một triệu không trăm lẻ một đồng", 1_000_001n],
    ["Một nghìn linh năm đồng", 1_005n],
    ["Hai mươi một đồng", 21n],
    ["Hai mươi nhăm đồng", 25n],
    ["Bẩy trăm đồng", 700n],
    ["Một tỷ hai triệu đồng", 1_002_000_000n],
    ["Không đồng", 0n],
    ["Âm năm nghìn đồng", -5_000n],
    ["Mười lăm", 15n],
  ])("accepts %j for %d", (printed, dong) => {
    expect(amountWordsMatch(printed, dong)).toBe(true);
  });

  it("accepts text in decomposed (NFD) form", () => {
    expect(amountWordsMatch("Ba tỷ không trăm năm mươi triệu đồng".normalize("NFD"), 3_050_000_000n)).toBe(
      true,
    );
  });

  it.each([
    ["Ba tři không trăm ba mươi triệu đồng", 3_030_000_000n, "typo in tỷ"],
    ["Ba tis không trăm ba mươi triệu đồng", 3_030_000_000n, "typo in tỉ"],
    ["Ba ty khong tram ba muoi trieu dong", 3_030_000_000n, "tone marks missing"],
    ["Ba tỷ không trăm năm mươi triệu đồng", 3_030_000_000n, "a different amount"],
    ["Ba tỷ không trăm ba mươi triệu đồng", 3_030_000_001n, "off by one đồng"],
    ["Hai mười lăm đồng", 25n, "mười where the position needs mươi"],
    ["Một mươi lăm đồng", 15n, "mươi where the position needs mười"],
    ["Mười năm đồng", 15n, "năm after mười"],
    ["Một trăm năm đồng", 105n, "a bare unit after trăm, which speech reads as 150"],
    ["Một nghìn năm đồng", 1_005n, "a bare unit closing the amount, which speech reads as 1 500"],
    ["Một nghìn một trăm linh đồng", 1_000n, "an unfinished group"],
    ["Không trăm năm mươi đồng", 50n, "không trăm in the leading group"],
    ["Linh năm đồng", 5n, "linh with nothing before it"],
    ["Một nghìn nghìn đồng", 1_000_000n, "scales out of order"],
    ["Ba tỷ đồng USD", 3_000_000_000n, "an unknown trailing word"],
    ["Tỷ đồng", 1_000_000_000n, "a scale without a number"],
    ["", 0n, "an empty text"],
    ["đồng", 0n, "the currency alone"],
  ])("refuses %j for %d: %s", (printed, dong) => {
    expect(amountWordsMatch(printed, dong)).toBe(false);
  });

  it("matches its own reading for every amount in a broad sample, and only that amount", () => {
    let seed = 20_250_630n;
    const samples: bigint[] = [];
    for (let index = 0; index < 500; index += 1) {
      seed = (seed * 6_364_136_223_846_793_005n + 1_442_695_040_888_963_407n) % 2n ** 64n;
      const digits = Number(seed % 19n) + 1;
      samples.push(seed % 10n ** BigInt(digits));
    }
    for (const dong of [...samples, 1n, 999n, 1_000n, 1_000_005n, 10n ** 9n, 10n ** 18n]) {
      const words = amountInWords(dong);
      expect(amountWordsMatch(words, dong), words).toBe(true);
      expect(amountWordsMatch(words, dong + 1n), words).toBe(false);
    }
  });
});

describe("parseVietnameseNumber", () => {
  it.each([
    ["1.234.567", 1_234_567],
    ["2.224,5", 2_224.5],
    ["300", 300],
    ["0,5", 0.5],
    ["-12", -12],
    ["\u221212", -12],
    ["1234567", 1_234_567],
    ["1234,75", 1_234.75],
    ["1.234", 1_234],
    ["  2.224,5 ", 2_224.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: true, value });
  });

  it("reads -0 as plain zero", () => {
    const result = parseVietnameseNumber("-0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each(["", "   ", "-", " - "])("treats %j as empty", (text) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    "150.0000.000",
    "1.23.456",
    "12.34",
    "1,234.5",
    "1.234,5,6",
    "abc",
    "1.234.",
    ".234",
    ",5",
    "1 234",
    "+5",
    "1234.567",
    "0.500",
    "1.234,",
    "--1",
  ])("refuses %j as malformed", (text) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("parseAmountToDong", () => {
  it.each([
    ["244,5", "million", 244_500_000n],
    ["2.224,5", "million", 2_224_500_000n],
    ["0,000001", "million", 1n],
    ["1,0000010", "million", 1_000_001n],
    ["-12", "million", -12_000_000n],
    ["3.050.000.000", "dong", 3_050_000_000n],
    ["1.000,00", "dong", 1_000n],
    ["9.007.199.254.740.993", "dong", 9_007_199_254_740_993n],
    ["9.007.199.254,740993", "million", 9_007_199_254_740_993n],
    ["0", "dong", 0n],
  ] as const)("reads %j in %s as %d đồng exactly", (text, unit, dong) => {
    expect(parseAmountToDong(text, unit)).toEqual({ ok: true, dong });
  });

  it.each(["", "  ", "-"])("treats %j as empty, not zero", (text) => {
    expect(parseAmountToDong(text, "dong")).toEqual({ ok: false, reason: "empty" });
    expect(parseAmountToDong(text, "million")).toEqual({ ok: false, reason: "empty" });
  });

  it.each(["150.0000.000", "12.34", "1,234.5", "abc"])("refuses %j as malformed", (text) => {
    expect(parseAmountToDong(text, "dong")).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses amounts that leave a fraction of a đồng", () => {
    expect(parseAmountToDong("1,5", "dong")).toEqual({ ok: false, reason: "fraction-of-dong" });
    expect(parseAmountToDong("0,0000005", "million")).toEqual({ ok: false, reason: "fraction-of-dong" });
  });
});
