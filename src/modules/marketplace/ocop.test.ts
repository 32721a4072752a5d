import { describe, expect, test } from "vitest";
import { ValidationError } from "../../platform/errors.ts";
import {
  findOcopCertifyingLevel,
  isOcopCertificateValid,
  isOcopStars,
  ocopCertificateExpiry,
} from "./ocop.ts";

describe("OCOP stars", () => {
  test("only the integers 1 to 5 are star ratings", () => {
    expect([1, 2, 3, 4, 5].every(isOcopStars)).toBe(true);
    for (const value of [0, 6, 3.5, "3", null]) expect(isOcopStars(value)).toBe(false);
  });

  test("1 and 2 stars get no certificate; 4 stars province, 5 stars central", () => {
    expect(findOcopCertifyingLevel(1, "2024-05-01")).toBeUndefined();
    expect(findOcopCertifyingLevel(2, "2024-05-01")).toBeUndefined();
    expect(findOcopCertifyingLevel(4, "2024-05-01")).toBe("province");
    expect(findOcopCertifyingLevel(5, "2024-05-01")).toBe("central");
  });

  test("3 stars: district under Decision 148/2023, province before it and from Decision 1489/2025", () => {
    expect(findOcopCertifyingLevel(3, "2023-02-23")).toBe("province");
    expect(findOcopCertifyingLevel(3, "2023-02-24")).toBe("district");
    expect(findOcopCertifyingLevel(3, "2025-07-05")).toBe("district");
    expect(findOcopCertifyingLevel(3, "2025-07-06")).toBe("province");
  });
});

describe("OCOP certificate expiry (36 months, Civil Code Art. 148)", () => {
  test("ends on the corresponding day 36 months later", () => {
    expect(ocopCertificateExpiry("2023-03-15")).toBe("2026-03-15");
    expect(ocopCertificateExpiry("2023-01-31")).toBe("2026-01-31");
    expect(ocopCertificateExpiry("2023-12-31")).toBe("2026-12-31");
  });

  test("a certificate issued on 29 February ends on the last day of February", () => {
    expect(ocopCertificateExpiry("2024-02-29")).toBe("2027-02-28");
    expect(ocopCertificateExpiry("2021-02-28")).toBe("2024-02-28");
  });

  test("rejects malformed and impossible dates", () => {
    for (const bad of [
      "2023-02-29",
      "2023-13-01",
      "2023-00-10",
      "2023-04-31",
      "2023-3-1",
      "15/03/2023",
      "",
    ]) {
      expect(() => ocopCertificateExpiry(bad), bad).toThrow(ValidationError);
    }
    expect(() => isOcopCertificateValid("2023-03-15", "2026-02-30")).toThrow(ValidationError);
  });
});

describe("OCOP certificate validity", () => {
  test("valid from the issue day through the expiry day, not the day after", () => {
    expect(isOcopCertificateValid("2023-03-15", "2023-03-14")).toBe(false);
    expect(isOcopCertificateValid("2023-03-15", "2023-03-15")).toBe(true);
    expect(isOcopCertificateValid("2023-03-15", "2026-03-15")).toBe(true);
    expect(isOcopCertificateValid("2023-03-15", "2026-03-16")).toBe(false);
  });

  test("month-end and leap-day boundaries", () => {
    expect(isOcopCertificateValid("2023-01-31", "2026-01-31")).toBe(true);
    expect(isOcopCertificateValid("2023-01-31", "2026-02-01")).toBe(false);
    expect(isOcopCertificateValid("2024-02-29", "2027-02-28")).toBe(true);
    expect(isOcopCertificateValid("2024-02-29", "2027-03-01")).toBe(false);
    expect(isOcopCertificateValid("2025-02-28", "2028-02-28")).toBe(true);
    expect(isOcopCertificateValid("2025-02-28", "2028-02-29")).toBe(false);
  });
});
