import { z } from "zod";
import { optionalText, requiredText, vietnameseDate } from "../../../platform/validation.ts";
import { parseAmountToDong, parseVietnameseNumber, todayInVietnam } from "../../../platform/vn-format.ts";

/** Incoterms® 2020 (ICC): the rules a delivery term may name; anything else is written as free text. */
export const incoterms = [
  "EXW",
  "FCA",
  "CPT",
  "CIP",
  "DAP",
  "DPU",
  "DDP",
  "FAS",
  "FOB",
  "CFR",
  "CIF",
] as const;
/** Common domestic terms, offered beside the Incoterms. */
export const domesticTerms = ["buyer-warehouse", "seller-warehouse", "negotiable"] as const;
export const deliveryTermOptions = [...incoterms, ...domesticTerms, "other"] as const;

// Offers expire and quotes close by the date in Vietnam; re-exported so the offers module keeps one import.
export { todayInVietnam, vietnameseDate };

/** The longest an offer stays open: 180 days after today. */
export const maxOfferDays = 180;

/** An ISO calendar date moved by `days`. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from today until the last day (0 = closes today; negative = expired). */
export function daysLeft(expiresOn: string, today = todayInVietnam()): number {
  return Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** A quantity: a Vietnamese-written number greater than zero ("1.000", "2,5"). */
const quantity = z
  .string()
  .trim()
  .min(1, "validation.required")
  .transform((value, context) => {
    const parsed = parseVietnameseNumber(value);
    if (!parsed.ok) {
      context.addIssue({ code: "custom", message: "validation.number" });
      return z.NEVER;
    }
    if (parsed.value <= 0 || parsed.value > 1e12) {
      context.addIssue({ code: "custom", message: "offers.validation.quantityPositive" });
      return z.NEVER;
    }
    return parsed.value;
  });

/** Whole đồng, more than zero; with `optional`, an empty field means "to be quoted". */
function dongAmount<Optional extends boolean>(optional: Optional) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, context): bigint | null => {
      if (!value) {
        if (optional) return null;
        context.addIssue({ code: "custom", message: "validation.required" });
        return z.NEVER;
      }
      const parsed = parseAmountToDong(value.replace(/\s*(₫|đ|đồng|vnd)$/i, ""), "dong");
      if (!parsed.ok || parsed.dong <= 0n || parsed.dong > 10n ** 15n) {
        context.addIssue({ code: "custom", message: "offers.validation.price" });
        return z.NEVER;
      }
      return parsed.dong;
    });
}

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? Number(value) : null))
  .pipe(z.number().int().positive("validation.invalid").nullable());

/** The offer's last day: after today and at most {@link maxOfferDays} days ahead (Vietnam dates). */
const offerExpiry = vietnameseDate.superRefine((value, context) => {
  const today = todayInVietnam();
  if (value <= today) context.addIssue({ code: "custom", message: "offers.validation.expiryFuture" });
  else if (value > addDays(today, maxOfferDays)) {
    context.addIssue({ code: "custom", message: "offers.validation.expiryTooFar" });
  }
});

export const OfferInput = z
  .object({
    kind: z.enum(["sell", "buy"], "validation.choose"),
    title: requiredText(200),
    titleEn: optionalText(200),
    categoryId: z
      .string()
      .trim()
      .min(1, "validation.choose")
      .transform(Number)
      .pipe(z.number().int().positive("validation.choose")),
    productId: optionalId,
    specification: requiredText(5000),
    specificationEn: optionalText(5000),
    quantity,
    unit: requiredText(30),
    priceDong: dongAmount(true),
    deliveryTerm: z.enum(deliveryTermOptions, "validation.choose"),
    deliveryTermOther: optionalText(120),
    deliveryPlace: optionalText(200),
    expiresOn: offerExpiry,
  })
  .superRefine((value, context) => {
    if (value.deliveryTerm === "other" && !value.deliveryTermOther) {
      context.addIssue({ code: "custom", path: ["deliveryTermOther"], message: "validation.required" });
    }
    if (value.kind === "buy" && value.productId !== null) {
      context.addIssue({ code: "custom", path: ["productId"], message: "offers.validation.productOnlySell" });
    }
  })
  .transform(({ deliveryTerm, deliveryTermOther, ...rest }) => ({
    ...rest,
    deliveryTerms: deliveryTerm === "other" ? deliveryTermOther : deliveryTerm,
  }));
export type OfferInput = z.output<typeof OfferInput>;

export const QuoteInput = z.object({
  // Required: the transform has already refused an empty price.
  priceDong: dongAmount(false).transform((value) => value as bigint),
  quantity,
  unit: requiredText(30),
  validUntil: vietnameseDate,
  message: optionalText(3000).transform((value) => value ?? ""),
});
export type QuoteInput = z.output<typeof QuoteInput>;

/** A stored delivery term as the form shows it: a known option, or "other" with the free text. */
export function deliveryTermFormValues(stored: string | null): {
  deliveryTerm: string;
  deliveryTermOther: string;
} {
  if (stored && (deliveryTermOptions as readonly string[]).includes(stored)) {
    return { deliveryTerm: stored, deliveryTermOther: "" };
  }
  return stored
    ? { deliveryTerm: "other", deliveryTermOther: stored }
    : { deliveryTerm: "negotiable", deliveryTermOther: "" };
}
