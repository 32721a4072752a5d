import { describe, expect, test } from "vitest";
import { isVsicSection, sectorGroupOfSection, VSIC_SECTIONS } from "./vsic.ts";

describe("VSIC_SECTIONS", () => {
  test("lists the 21 sections A to U in order", () => {
    expect(VSIC_SECTIONS.map((entry) => entry.section).join("")).toBe("ABCDEFGHIJKLMNOPQRSTU");
  });

  test("gives every section a distinct, non-empty Vietnamese and English name", () => {
    const vietnameseNames = VSIC_SECTIONS.map((entry) => entry.nameVi);
    const englishNames = VSIC_SECTIONS.map((entry) => entry.nameEn);
    expect(new Set(vietnameseNames).size).toBe(21);
    expect(new Set(englishNames).size).toBe(21);
    for (const name of [...vietnameseNames, ...englishNames]) expect(name.trim()).not.toBe("");
  });
});

describe("isVsicSection", () => {
  test("accepts section letters and rejects anything else", () => {
    expect(isVsicSection("G")).toBe(true);
    expect(isVsicSection("V")).toBe(false);
    expect(isVsicSection("g")).toBe(false);
    expect(isVsicSection("47")).toBe(false);
  });
});

describe("sectorGroupOfSection (Decree 80/2021 Art. 5 groups)", () => {
  test.each(["A", "B", "C", "D", "E", "F"] as const)(
    "%s is agriculture, industry or construction",
    (section) => {
      expect(sectorGroupOfSection(section)).toBe("agriculture-industry-construction");
    },
  );

  test.each(["G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"] as const)(
    "%s is trade or services",
    (section) => {
      expect(sectorGroupOfSection(section)).toBe("trade-services");
    },
  );
});
