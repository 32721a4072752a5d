import { describe, expect, test } from "vitest";
import { editDistance, highlightRuns, normalizeQuery } from "./normalize.ts";
import { toTsquery } from "./query.ts";

// Every Vietnamese vowel with no tone and with the five tones (sắc, huyền, hỏi, ngã, nặng), and its bare letter.
const vowels: [string, string[]][] = [
  ["a", ["a", "á", "à", "ả", "ã", "ạ"]],
  ["a", ["ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"]],
  ["a", ["â", "ấ", "ầ", "ẩ", "ẫ", "ậ"]],
  ["e", ["e", "é", "è", "ẻ", "ẽ", "ẹ"]],
  ["e", ["ê", "ế", "ề", "ể", "ễ", "ệ"]],
  ["i", ["i", "í", "ì", "ỉ", "ĩ", "ị"]],
  ["o", ["o", "ó", "ò", "ỏ", "õ", "ọ"]],
  ["o", ["ô", "ố", "ồ", "ổ", "ỗ", "ộ"]],
  ["o", ["ơ", "ớ", "ờ", "ở", "ỡ", "ợ"]],
  ["u", ["u", "ú", "ù", "ủ", "ũ", "ụ"]],
  ["u", ["ư", "ứ", "ừ", "ử", "ữ", "ự"]],
  ["y", ["y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"]],
];

describe("normalizeQuery", () => {
  test.each(vowels)(
    "every tone of a vowel folds to %s, in lower and upper case, composed or not",
    (bare, forms) => {
      expect(forms).toHaveLength(6);
      for (const form of forms) {
        expect(normalizeQuery(`x${form}x`).tokens).toEqual([`x${bare}x`]);
        expect(normalizeQuery(`X${form.toUpperCase()}X`).tokens).toEqual([`x${bare}x`]);
        // Decomposed input (macOS, Unikey "Unicode tổ hợp"): base letter + combining marks.
        expect(normalizeQuery(`x${form.normalize("NFD")}x`).tokens).toEqual([`x${bare}x`]);
      }
    },
  );

  test("đ and Đ become d", () => {
    expect(normalizeQuery("Đậu phộng đỏ").tokens).toEqual(["dau", "phong", "do"]);
    expect(normalizeQuery("ĐỒNG THÁP").tokens).toEqual(["dong", "thap"]);
  });

  test("whole words fold as the documents do", () => {
    expect(normalizeQuery("Thủy sản").tokens).toEqual(["thuy", "san"]);
    expect(normalizeQuery("HẠT ĐIỀU rang muối").tokens).toEqual(["hat", "dieu", "rang", "muoi"]);
    expect(normalizeQuery("cà phê").phrase).toBe("ca phe");
  });

  test("extra spaces, punctuation and repeated words are dropped", () => {
    expect(normalizeQuery("  tôm,   thẻ!!  (chân-trắng)… tôm ").tokens).toEqual([
      "tom",
      "the",
      "chan",
      "trang",
    ]);
    expect(normalizeQuery("\t\n").tokens).toEqual([]);
    expect(normalizeQuery("'; drop table x; --").tokens).toEqual(["drop", "table", "x"]);
  });

  test("digits are kept with their letters", () => {
    expect(normalizeQuery("Gạo ST25, W320").tokens).toEqual(["gao", "st25", "w320"]);
  });

  test("at most eight words", () => {
    expect(normalizeQuery("a b c d e f g h i j").tokens).toHaveLength(8);
  });
});

describe("editDistance", () => {
  test("one-letter typos are one edit", () => {
    expect(editDistance("sna", "san")).toBe(1); // transposition
    expect(editDistance("dieuu", "dieu")).toBe(1); // insertion
    expect(editDistance("thuy", "thu")).toBe(1); // deletion
    expect(editDistance("phe", "pha")).toBe(1); // substitution
  });
  test("far words exceed the limit", () => {
    expect(editDistance("tom", "dieu", 1)).toBe(2);
    expect(editDistance("ca", "ca")).toBe(0);
  });
});

describe("toTsquery", () => {
  test("corrections are alternatives, the last word a prefix", () => {
    expect(
      toTsquery([
        { word: "hat", alternatives: ["hat"], corrected: false, prefix: false },
        { word: "dieuu", alternatives: ["dieu", "dieux"], corrected: true, prefix: false },
        { word: "thu", alternatives: ["thu"], corrected: false, prefix: true },
      ]),
    ).toBe("hat & (dieu | dieux) & thu:*");
  });
});

describe("highlightRuns", () => {
  test("marks words whose folded form matches, keeping the text as typed", () => {
    expect(highlightRuns("Tôm thẻ – thủy sản", ["tom", "san"], "thu")).toEqual([
      { text: "Tôm", match: true },
      { text: " thẻ – ", match: false },
      { text: "thủy", match: true },
      { text: " ", match: false },
      { text: "sản", match: true },
    ]);
  });
  test("markup in the text stays text", () => {
    const runs = highlightRuns("<b>tôm</b>", ["tom"], null);
    expect(runs.map((run) => run.text).join("")).toBe("<b>tôm</b>");
    expect(runs.find((run) => run.match)?.text).toBe("tôm");
  });
});
