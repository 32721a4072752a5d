import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatMillionDong,
  formatNumber,
  formatPercent,
  formatVnd,
  todayInVietnam,
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

  it("prints whole numbers exactly as Intl's vi-VN format does", () => {
    const intl = new Intl.NumberFormat("vi-VN", { signDisplay: "negative" });
    const values = [
      0,
      -0,
      7,
      -7,
      999,
      1_000,
      -1_000,
      9_999,
      10_000,
      123_456,
      -1_234_567,
      Number.MAX_SAFE_INTEGER,
    ];
    for (const value of values) expect(formatNumber(value)).toBe(intl.format(value));
    for (const value of [0n, 999n, 1_000n, -1_000n, 10n ** 21n])
      expect(formatNumber(value)).toBe(intl.format(value));
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
    expect(formatDate(new Date("2025-07-01T16:59:59Z"))).toBe("01/07/2025");
    expect(formatDate(new Date("2025-07-01T17:00:00Z"))).toBe("02/07/2025");
    expect(formatDate(new Date("1975-06-30T17:30:00Z"))).toBe("01/07/1975");
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
    // Formatted days are remembered: a second call must still refuse what the first refused.
    expect(() => formatDate("2025-02-29")).toThrow(RangeError);
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

describe("Vietnam time without Intl (UTC+7 since 1976)", () => {
  const reference = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const viaIntl = (instant: Date) => {
    const parts = Object.fromEntries(reference.formatToParts(instant).map((part) => [part.type, part.value]));
    return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
  };
  it("agrees with the time-zone database for instants from 1976 to 2100, and before 1976 uses it", () => {
    const from = Date.UTC(1975, 11, 31, 16);
    const span = Date.UTC(2100, 0, 1) - from;
    for (let step = 0; step < 2_000; step += 1) {
      const instant = new Date(from + Math.floor((span / 2_000) * step) + step * 997_003);
      expect(formatDateTime(instant)).toBe(viaIntl(instant));
    }
    for (const iso of [
      "1975-12-31T16:59:00Z",
      "1975-12-31T17:00:00Z",
      "1970-01-01T00:00:00Z",
      "1960-06-01T12:00:00Z",
    ])
      expect(formatDateTime(new Date(iso))).toBe(viaIntl(new Date(iso)));
  });
});

describe("todayInVietnam", () => {
  it("is the calendar date in Vietnam (UTC+7), as Intl gives it in the Asia/Ho_Chi_Minh zone", () => {
    expect(todayInVietnam(new Date("2025-06-30T16:59:59.999Z"))).toBe("2025-06-30");
    expect(todayInVietnam(new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
    expect(todayInVietnam(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });
    for (const iso of [
      "1976-01-01T00:00:00Z",
      "2000-02-29T12:00:00Z",
      "2038-01-19T03:14:08Z",
      "1960-05-01T16:30:00Z",
    ]) {
      expect(todayInVietnam(new Date(iso))).toBe(intl.format(new Date(iso)));
    }
  });
});
