import { describe, expect, it } from "vitest";
import { foldVietnamese, slugify } from "./text.ts";

// Every Vietnamese vowel in every tone, grouped by the bare letter it must fold to.
const VOWELS_BY_BASE: Record<string, string> = {
  a: "aàáảãạăằắẳẵặâầấẩẫậ",
  e: "eèéẻẽẹêềếểễệ",
  i: "iìíỉĩị",
  o: "oòóỏõọôồốổỗộơờớởỡợ",
  u: "uùúủũụưừứửữự",
  y: "yỳýỷỹỵ",
};

describe("foldVietnamese", () => {
  it("lower-cases, strips marks and collapses spaces in the documented example", () => {
    expect(foldVietnamese("Thủy Sản  ĐỒNG Tháp")).toBe("thuy san dong thap");
  });

  it.each(Object.entries(VOWELS_BY_BASE))(
    "folds every tone and vowel mark on %s to the bare letter",
    (base, vowels) => {
      expect(foldVietnamese(vowels)).toBe(base.repeat(vowels.length));
      expect(foldVietnamese(vowels.toUpperCase())).toBe(base.repeat(vowels.length));
    },
  );

  it("folds đ and Đ to d, which NFD alone does not decompose", () => {
    expect(foldVietnamese("đĐ")).toBe("dd");
    expect(foldVietnamese("Đắk Lắk")).toBe("dak lak");
  });

  it("gives the same result for NFC and NFD input", () => {
    const name = "Thừa Thiên Huế, Bà Rịa – Vũng Tàu, Nguyễn Đức Thịnh";
    expect(name.normalize("NFD")).not.toBe(name.normalize("NFC"));
    expect(foldVietnamese(name.normalize("NFD"))).toBe(foldVietnamese(name.normalize("NFC")));
    expect(foldVietnamese(name.normalize("NFD"))).toBe("thua thien hue, ba ria - vung tau, nguyen duc thinh");
  });

  it("collapses tabs, new lines and no-break spaces and trims the ends", () => {
    expect(foldVietnamese("  Cần\tThơ\n\u00a0 Hậu Giang  ")).toBe("can tho hau giang");
  });

  it("keeps digits and punctuation, which search may still need", () => {
    expect(foldVietnamese("Quận 1, TP. HCM")).toBe("quan 1, tp. hcm");
  });

  it("returns an empty string for blank input", () => {
    expect(foldVietnamese(" \t ")).toBe("");
  });
});

describe("slugify", () => {
  it.each([
    ["Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"],
    ["TP. Hồ Chí Minh", "tp-ho-chi-minh"],
    ["Đồng Tháp", "dong-thap"],
    ["Thừa Thiên Huế", "thua-thien-hue"],
    ["Đắk Nông", "dak-nong"],
    ["Quận 10", "quan-10"],
    ["  --Kế hoạch 2025/2030!!  ", "ke-hoach-2025-2030"],
  ])("turns %j into %j", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("gives the same slug for NFC and NFD input", () => {
    expect(slugify("Cà Mau".normalize("NFD"))).toBe("ca-mau");
  });

  it("returns an empty slug when nothing is left to keep", () => {
    expect(slugify(" – ")).toBe("");
    expect(slugify("")).toBe("");
  });
});
