import { describe, expect, it } from "vitest";
import { amountInWords, amountWordsMatch } from "./amount-in-words.ts";

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
