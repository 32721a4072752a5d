import { expect, test } from "vitest";
import { ValidationError } from "../../../platform/errors.ts";
import { parseInput } from "../../../platform/validation.ts";
import { ProductInput, StorefrontInput, videoHostName } from "./inputs.ts";
import { jsonLdText } from "./views/seo.tsx";

test("video links: https YouTube or Vimeo only, named by host", () => {
  expect(videoHostName("https://www.youtube.com/watch?v=x")).toBe("YouTube");
  expect(videoHostName("https://youtu.be/x")).toBe("YouTube");
  expect(videoHostName("https://vimeo.com/123")).toBe("Vimeo");
  expect(videoHostName("http://www.youtube.com/watch?v=x")).toBeNull();
  expect(videoHostName("https://youtube.com.evil.example/x")).toBeNull();
  expect(videoHostName("javascript:alert(1)")).toBeNull();
});

const storefront = { slug: "hai-san-vung-tau", introduction: "Giới thiệu" };

test("storefront slugs are lower-case words joined by hyphens", () => {
  expect(parseInput(StorefrontInput, storefront).slug).toBe("hai-san-vung-tau");
  for (const slug of ["Hải sản", "a", "-bad-", "two--hyphens", "x/y"]) {
    expect(() => parseInput(StorefrontInput, { ...storefront, slug })).toThrow(ValidationError);
  }
});

const product = { name: "Tiêu đen", categoryId: "3", priceKind: "amount", price: "1.250.000", unit: "kg" };

function issuesOf(input: Record<string, string>): string[] {
  try {
    parseInput(ProductInput, input);
    return [];
  } catch (error) {
    return (error as ValidationError).issues.map((issue) => `${issue.field}:${issue.messageKey}`);
  }
}

test("prices are whole đồng written the Vietnamese way, or 'liên hệ'", () => {
  expect(parseInput(ProductInput, product).priceDong).toBe(1_250_000n);
  expect(parseInput(ProductInput, { ...product, priceKind: "contact", price: "" }).priceDong).toBeNull();
  // "Liên hệ" ignores a price left in the box.
  expect(parseInput(ProductInput, { ...product, priceKind: "contact" }).priceDong).toBeNull();
  expect(issuesOf({ ...product, price: "" })).toEqual(["price:catalogue.validation.price.empty"]);
  expect(issuesOf({ ...product, price: "12,5" })).toEqual([
    "price:catalogue.validation.price.fraction-of-dong",
  ]);
  expect(issuesOf({ ...product, price: "0" })).toEqual(["price:catalogue.validation.pricePositive"]);
  expect(issuesOf({ ...product, price: "abc" })).toEqual(["price:catalogue.validation.price.malformed"]);
});

test("HS codes are normalised to digits; OCOP needs a certificate number and a past date, expiry is derived", () => {
  expect(parseInput(ProductInput, { ...product, hsCode: "0904.11.20" }).hsCode).toBe("09041120");
  expect(issuesOf({ ...product, hsCode: "09041" })).toEqual(["hsCode:catalogue.validation.hsCode.length"]);
  expect(issuesOf({ ...product, ocopStars: "6" })).toEqual(["ocopStars:catalogue.validation.ocopStars"]);
  expect(issuesOf({ ...product, ocopStars: "3" })).toEqual([
    "ocopCertificateNumber:catalogue.validation.ocopCertificate",
    "ocopCertifiedOn:catalogue.validation.ocopCertifiedOn",
  ]);
  expect(
    issuesOf({ ...product, ocopStars: "3", ocopCertificateNumber: "1", ocopCertifiedOn: "01/01/2999" }),
  ).toEqual(["ocopCertifiedOn:catalogue.validation.dateInFuture"]);
  const noStars = parseInput(ProductInput, {
    ...product,
    ocopCertificateNumber: "X",
    ocopCertifiedOn: "01/01/2024",
  });
  expect(noStars).toMatchObject({ ocopStars: null, ocopCertificateNumber: null, ocopCertifiedOn: null });
});

test("JSON-LD text cannot close its script element", () => {
  const text = jsonLdText({ name: "</script><script>alert(1)</script>" });
  expect(text).not.toContain("<");
  expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
});
