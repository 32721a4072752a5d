import { z } from "zod";
import { optionalText, optionalVietnameseDate, requiredText } from "../../../platform/validation.ts";
import { parseAmountToDong, parseVietnameseNumber, todayInVietnam } from "../../../platform/vn-format.ts";
import { parseHsCode } from "../hs-code.ts";
import { ocopStarLevels } from "../ocop.ts";

const slugText = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "catalogue.validation.slug")
  .max(80, "catalogue.validation.slug")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "catalogue.validation.slug");

/**
 * A video link: https only, on YouTube or Vimeo (shown as a link naming the host; no embedded player, so the
 * page's Content-Security-Policy needs no third-party frames).
 */
export const videoHosts: Readonly<Record<string, string>> = {
  "youtube.com": "YouTube",
  "www.youtube.com": "YouTube",
  "m.youtube.com": "YouTube",
  "youtu.be": "YouTube",
  "vimeo.com": "Vimeo",
  "www.vimeo.com": "Vimeo",
  "player.vimeo.com": "Vimeo",
};

export function videoHostName(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" ? (videoHosts[parsed.hostname.toLowerCase()] ?? null) : null;
  } catch {
    return null;
  }
}

const videoUrl = z
  .string()
  .trim()
  .max(300, "validation.tooLong")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || videoHostName(value) !== null, "catalogue.validation.videoUrl");

const email = z
  .string()
  .trim()
  .max(200, "validation.tooLong")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || z.email().safeParse(value).success, "validation.email");

const phone = z
  .string()
  .trim()
  .max(30, "validation.tooLong")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || /^\+?[0-9 .()-]{8,20}$/.test(value), "catalogue.validation.phone");

export const StorefrontInput = z.object({
  slug: slugText,
  introduction: requiredText(5000),
  introductionEn: optionalText(5000),
  videoUrl,
  contactName: optionalText(120),
  contactPhone: phone,
  contactEmail: email,
});
export type StorefrontInput = z.output<typeof StorefrontInput>;

export const GalleryCaptionInput = z.object({ caption: optionalText(200) });

const positiveDecimal = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const parsed = parseVietnameseNumber(value);
    if (!parsed.ok || parsed.value <= 0 || !Number.isFinite(parsed.value)) {
      context.addIssue({ code: "custom", message: "catalogue.validation.positiveNumber" });
      return z.NEVER;
    }
    return parsed.value;
  });

export const ProductInput = z
  .object({
    name: requiredText(200),
    nameEn: optionalText(200),
    description: z.string().trim().max(10_000, "validation.tooLong").default(""),
    descriptionEn: optionalText(10_000),
    categoryId: z.coerce.number({ message: "validation.required" }).int().positive("validation.required"),
    priceKind: z.enum(["amount", "contact"], { message: "validation.required" }),
    price: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const parsed = parseAmountToDong(value, "dong");
        if (!parsed.ok) {
          context.addIssue({ code: "custom", message: `catalogue.validation.price.${parsed.reason}` });
          return z.NEVER;
        }
        if (parsed.dong <= 0n || parsed.dong > 1_000_000_000_000_000n) {
          context.addIssue({ code: "custom", message: "catalogue.validation.pricePositive" });
          return z.NEVER;
        }
        return parsed.dong;
      }),
    unit: requiredText(40),
    minOrderQuantity: positiveDecimal,
    hsCode: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const parsed = parseHsCode(value);
        if (!parsed.ok) {
          context.addIssue({ code: "custom", message: `catalogue.validation.hsCode.${parsed.reason}` });
          return z.NEVER;
        }
        return parsed.code;
      }),
    origin: optionalText(200),
    ocopStars: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? Number(value) : null))
      .refine(
        (value) => value === null || (ocopStarLevels as readonly number[]).includes(value),
        "catalogue.validation.ocopStars",
      ),
    ocopCertificateNumber: optionalText(60),
    ocopCertifiedOn: optionalVietnameseDate,
  })
  .transform((input, context) => {
    if (input.priceKind === "amount" && input.price === null) {
      context.addIssue({ code: "custom", path: ["price"], message: "catalogue.validation.price.empty" });
    }
    const priceDong = input.priceKind === "amount" ? input.price : null;
    if (input.ocopStars !== null) {
      if (!input.ocopCertificateNumber) {
        context.addIssue({
          code: "custom",
          path: ["ocopCertificateNumber"],
          message: "catalogue.validation.ocopCertificate",
        });
      }
      if (!input.ocopCertifiedOn) {
        context.addIssue({
          code: "custom",
          path: ["ocopCertifiedOn"],
          message: "catalogue.validation.ocopCertifiedOn",
        });
      } else if (input.ocopCertifiedOn > todayInVietnam()) {
        context.addIssue({
          code: "custom",
          path: ["ocopCertifiedOn"],
          message: "catalogue.validation.dateInFuture",
        });
      }
    }
    const { priceKind: _kind, price: _price, ...rest } = input;
    return {
      ...rest,
      priceDong,
      ocopCertificateNumber: input.ocopStars === null ? null : input.ocopCertificateNumber,
      ocopCertifiedOn: input.ocopStars === null ? null : input.ocopCertifiedOn,
    };
  });
export type ProductInput = z.output<typeof ProductInput>;

export const certificateKinds = ["co", "cq", "quality", "other"] as const;

export const CertificateInput = z
  .object({
    kind: z.enum(certificateKinds, { message: "validation.required" }),
    title: requiredText(200),
    number: optionalText(60),
    issuer: optionalText(200),
    issuedOn: optionalVietnameseDate,
    expiresOn: optionalVietnameseDate,
  })
  .refine((input) => !input.issuedOn || !input.expiresOn || input.expiresOn >= input.issuedOn, {
    path: ["expiresOn"],
    message: "catalogue.validation.expiryBeforeIssue",
  });

export const ImageAltInput = z.object({ alt: optionalText(200) });

export const productStatusFilters = ["all", "draft", "pending", "published", "hidden"] as const;
