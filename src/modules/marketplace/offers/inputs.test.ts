import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../platform/errors.ts";
import { parseInput } from "../../../platform/validation.ts";
import {
  addDays,
  daysLeft,
  deliveryTermFormValues,
  OfferInput,
  QuoteInput,
  todayInVietnam,
} from "./inputs.ts";

const display = (iso: string) => iso.split("-").reverse().join("/");

function issuesOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) {
      return Object.fromEntries(error.issues.map((issue) => [issue.field, issue.messageKey]));
    }
    throw error;
  }
  return {};
}

const validOffer = () => ({
  kind: "buy",
  title: "Cần mua cà phê",
  categoryId: "12",
  specification: "Robusta sàng 18",
  quantity: "1.250,5",
  unit: "tấn",
  priceDong: "",
  deliveryTerm: "CIF",
  expiresOn: display(addDays(todayInVietnam(), 180)),
});

describe("Vietnam dates", () => {
  it("today is the calendar day in Asia/Ho_Chi_Minh (UTC+7)", () => {
    expect(todayInVietnam(new Date("2026-11-22T16:59:59Z"))).toBe("2026-11-22");
    expect(todayInVietnam(new Date("2026-11-22T17:00:00Z"))).toBe("2026-11-23");
  });
  it("counts days left, the last day included", () => {
    expect(daysLeft("2026-11-30", "2026-11-22")).toBe(8);
    expect(daysLeft("2026-11-22", "2026-11-22")).toBe(0);
    expect(daysLeft("2026-11-21", "2026-11-22")).toBe(-1);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("OfferInput", () => {
  it("parses Vietnamese numbers and dates, keeps an Incoterm, treats an empty price as 'to be quoted'", () => {
    const offer = parseInput(OfferInput, validOffer());
    expect(offer.quantity).toBe(1250.5);
    expect(offer.priceDong).toBeNull();
    expect(offer.deliveryTerms).toBe("CIF");
    expect(offer.expiresOn).toBe(addDays(todayInVietnam(), 180));
  });
  it("refuses today, 181 days ahead, a zero or negative quantity, a fractional đồng price", () => {
    expect(
      issuesOf(() => parseInput(OfferInput, { ...validOffer(), expiresOn: display(todayInVietnam()) })),
    ).toEqual({
      expiresOn: "offers.validation.expiryFuture",
    });
    expect(
      issuesOf(() =>
        parseInput(OfferInput, { ...validOffer(), expiresOn: display(addDays(todayInVietnam(), 181)) }),
      ),
    ).toEqual({ expiresOn: "offers.validation.expiryTooFar" });
    expect(issuesOf(() => parseInput(OfferInput, { ...validOffer(), quantity: "0" }))).toEqual({
      quantity: "offers.validation.quantityPositive",
    });
    expect(issuesOf(() => parseInput(OfferInput, { ...validOffer(), quantity: "-3" }))).toEqual({
      quantity: "offers.validation.quantityPositive",
    });
    expect(issuesOf(() => parseInput(OfferInput, { ...validOffer(), priceDong: "1.500,5" }))).toEqual({
      priceDong: "offers.validation.price",
    });
    expect(issuesOf(() => parseInput(OfferInput, { ...validOffer(), expiresOn: "31/02/2027" }))).toEqual({
      expiresOn: "validation.date",
    });
  });
  it("takes free-text delivery terms under 'other' and refuses a product link on a buy offer", () => {
    const other = parseInput(OfferInput, {
      ...validOffer(),
      deliveryTerm: "other",
      deliveryTermOther: "Giao tại kho người mua ở KCN Sa Đéc",
    });
    expect(other.deliveryTerms).toBe("Giao tại kho người mua ở KCN Sa Đéc");
    expect(issuesOf(() => parseInput(OfferInput, { ...validOffer(), deliveryTerm: "other" }))).toEqual({
      deliveryTermOther: "validation.required",
    });
    expect(issuesOf(() => parseInput(OfferInput, { ...validOffer(), productId: "7" }))).toEqual({
      productId: "offers.validation.productOnlySell",
    });
    expect(deliveryTermFormValues("FOB")).toEqual({ deliveryTerm: "FOB", deliveryTermOther: "" });
    expect(deliveryTermFormValues("Cảng Cát Lái")).toEqual({
      deliveryTerm: "other",
      deliveryTermOther: "Cảng Cát Lái",
    });
  });
});

describe("QuoteInput", () => {
  it("requires a whole-đồng price above zero", () => {
    const base = { quantity: "10", unit: "tấn", validUntil: "01/01/2030" };
    expect(parseInput(QuoteInput, { ...base, priceDong: "45.000 ₫" }).priceDong).toBe(45_000n);
    expect(issuesOf(() => parseInput(QuoteInput, { ...base, priceDong: "" }))).toEqual({
      priceDong: "validation.required",
    });
    expect(issuesOf(() => parseInput(QuoteInput, { ...base, priceDong: "0" }))).toEqual({
      priceDong: "offers.validation.price",
    });
  });
});
