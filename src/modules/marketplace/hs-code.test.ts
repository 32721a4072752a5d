import { describe, expect, test } from "vitest";
import { hsChapterName, namedHsChapters, parseHsCode } from "./hs-code.ts";

describe("parseHsCode", () => {
  test.each(["03061711", "0306.17.11", "0306 17 11", " 0306.17.11 "])(
    "reads %j as an 8-digit tariff line",
    (input) => {
      expect(parseHsCode(input)).toEqual({
        ok: true,
        code: "03061711",
        chapter: "03",
        heading: "0306",
        subheading: "030617",
      });
    },
  );

  test("a 4-digit heading has no subheading; 6 digits is the HS subheading", () => {
    expect(parseHsCode("0306")).toEqual({
      ok: true,
      code: "0306",
      chapter: "03",
      heading: "0306",
      subheading: null,
    });
    expect(parseHsCode("0306.17")).toMatchObject({ ok: true, code: "030617", subheading: "030617" });
  });

  test.each(["03", "030", "03061", "0306171", "030617111", "0306171100"])("rejects length of %j", (input) => {
    expect(parseHsCode(input)).toEqual({ ok: false, reason: "length" });
  });

  test.each(["", "03O6", "0306-17-11", "0306..17", "HS 0306", "0306.17.1a"])(
    "rejects format of %j",
    (input) => {
      expect(parseHsCode(input)).toEqual({ ok: false, reason: "format" });
    },
  );

  test.each(["0006", "7701", "9801", "9999.00"])(
    "rejects chapter of %j (00, reserved 77, above 97)",
    (input) => {
      expect(parseHsCode(input)).toEqual({ ok: false, reason: "chapter" });
    },
  );

  test("chapters 01 and 97 are the first and last accepted", () => {
    expect(parseHsCode("0101").ok).toBe(true);
    expect(parseHsCode("9701").ok).toBe(true);
  });
});

describe("hsChapterName", () => {
  test("names every chapter the floor lists, in both languages", () => {
    const expected = ["03", "07", "08", "09", "10", "11", "16", "19", "20", "21", "22", "40", "44", "46"];
    for (let chapter = 52; chapter <= 64; chapter++) expected.push(String(chapter));
    expected.push("68", "69", "84", "85", "87", "94");
    expect(namedHsChapters).toEqual(expected.sort());
    for (const chapter of expected) {
      expect(hsChapterName(chapter)?.vi, chapter).toBeTruthy();
      expect(hsChapterName(chapter)?.en, chapter).toBeTruthy();
    }
  });

  test("returns the official titles and accepts an unpadded chapter", () => {
    expect(hsChapterName("03")?.en).toBe("Fish and crustaceans, molluscs and other aquatic invertebrates");
    expect(hsChapterName("9")?.vi).toBe("Cà phê, chè, chè Paragoay và các loại gia vị");
    expect(hsChapterName("01")).toBeUndefined();
  });

  test("works with a parsed code", () => {
    const parsed = parseHsCode("0901.11");
    expect(parsed.ok && hsChapterName(parsed.chapter)?.en).toBe("Coffee, tea, maté and spices");
  });
});
