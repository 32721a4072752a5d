import { z } from "zod";
import { optionalText, requiredText } from "../../platform/validation.ts";
import { parseAmountToDong } from "../../platform/vn-format.ts";
import { parseHsCode } from "../marketplace/hs-code.ts";
import { enterpriseStatuses, legalForms, readinessFields } from "./schema.ts";
import { validateTaxCode } from "./tax-code.ts";
import { VSIC_SECTIONS, type VsicSection } from "./vsic.ts";
import { sectionOfVsicCode } from "./vsic-division.ts";

/*
 * Form inputs of the registry. The normalisers below are shared with the business-register import, so a
 * phone number or a website is read the same way whether a representative types it or a file brings it.
 */

const sectionLetters = VSIC_SECTIONS.map((entry) => entry.section) as [VsicSection, ...VsicSection[]];

/** The year in Vietnam now: the upper bound of "year founded". */
export function currentYearInVietnam(): number {
  return Number(
    new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
  );
}

/**
 * Vietnamese telephone numbers, stored as dialled at home: mobiles 0 + 9 digits (03x, 05x, 07x, 08x, 09x since
 * the 2018 renumbering), landlines 02 + 9 digits (area codes 02xx since 2017), and 1800/1900 service numbers.
 * "+84", "84" and "(0)" prefixes, spaces, dots and dashes are accepted.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  if (/^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits)) return digits;
  if (/^1[89]00\d{4,6}$/.test(digits)) return digits;
  return null;
}

/** A website as an absolute http(s) URL; "www.example.vn" gets "https://". Other schemes are refused. */
export function normalizeWebsite(input: string): string | null {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname.includes(".") || url.username || url.password) return null;
    return url.toString().replace(/\/$/, "");
  } catch {
    return null;
  }
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function normalizeEmail(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  return EMAIL_SHAPE.test(trimmed) && trimmed.length <= 254 ? trimmed : null;
}

/** Splits a typed list ("Nhật Bản, US; EU") into distinct items; ISO codes are upper-cased. */
export function splitList(input: string): string[] {
  const items = input
    .split(/[,;\n]/)
    .map((item) => item.trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .map((item) => (/^[a-z]{2,3}$/i.test(item) ? item.toUpperCase() : item));
  return [...new Set(items)];
}

/** Tax code refused with its reason: wrong shape/length, wrong check digit, or branch suffix 000. */
export const TaxCodeField = z
  .string()
  .trim()
  .min(1, "validation.required")
  .transform((value, context) => {
    const result = validateTaxCode(value);
    if (!result.ok) {
      context.addIssue({ code: "custom", message: `enterprises.validation.taxCode.${result.reason}` });
      return z.NEVER;
    }
    return result.taxCode;
  });

const optionalNormalised = (normalize: (value: string) => string | null, messageKey: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const normalised = normalize(value);
      if (normalised === null) {
        context.addIssue({ code: "custom", message: messageKey });
        return z.NEVER;
      }
      return normalised;
    });

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? Number(value) : null))
  .pipe(z.number().int().positive().max(2_000_000_000).nullable());

const optionalCount = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const digits = value.replace(/\./g, "");
    if (!/^\d{1,7}$/.test(digits)) {
      context.addIssue({ code: "custom", message: "enterprises.validation.employees" });
      return z.NEVER;
    }
    return Number(digits);
  });

/** An amount typed in triệu đồng ("1.250,5"), stored as integer đồng. */
const optionalMillionDong = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const parsed = parseAmountToDong(value, "million");
    if (!parsed.ok || parsed.dong < 0n) {
      context.addIssue({ code: "custom", message: "enterprises.validation.amountMillion" });
      return z.NEVER;
    }
    return parsed.dong;
  });

const optionalFoundedYear = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < 1900 || year > currentYearInVietnam()) {
      context.addIssue({ code: "custom", message: "enterprises.validation.foundedYear" });
      return z.NEVER;
    }
    return year;
  });

const readinessAnswer = z
  .enum(["yes", "no", "unknown"], "validation.choose")
  .optional()
  .transform((value) => (value === "yes" ? true : value === "no" ? false : null));

const hsCodeList = z
  .string()
  .optional()
  .transform((value, context) => {
    const codes: string[] = [];
    for (const item of splitList(value ?? "")) {
      const parsed = parseHsCode(item);
      if (!parsed.ok) {
        context.addIssue({
          code: "custom",
          message: `enterprises.validation.hsCode.${parsed.reason}`,
          params: { code: item },
        });
        return z.NEVER;
      }
      codes.push(parsed.code);
    }
    return [...new Set(codes)];
  });

const marketList = z
  .string()
  .optional()
  .transform((value) => splitList(value ?? ""))
  .pipe(z.array(z.string().max(60, "validation.tooLong")).max(50, "validation.tooLong"));

export const EnterpriseProfileInput = z
  .object({
    name: requiredText(300),
    nameEn: optionalText(300),
    shortName: optionalText(120),
    legalForm: z.enum(legalForms, "validation.choose"),
    vsicSection: z.enum(sectionLetters, "validation.choose"),
    vsicCode: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(
        z
          .string()
          .regex(/^\d{4,5}$/, "enterprises.validation.vsicCode")
          .nullable(),
      ),
    productsDescription: z.string().trim().max(5000, "validation.tooLong").default(""),
    productsDescriptionEn: optionalText(5000),
    addressLine: z.string().trim().max(500, "validation.tooLong").default(""),
    addressProvinceId: optionalId,
    communeId: optionalId,
    formerDistrict: optionalText(120),
    representativeName: optionalText(120),
    phone: optionalNormalised(normalizePhone, "enterprises.validation.phone"),
    email: optionalNormalised(normalizeEmail, "validation.email"),
    website: optionalNormalised(normalizeWebsite, "enterprises.validation.website"),
    foundedYear: optionalFoundedYear,
    employees: optionalCount,
    revenueMillion: optionalMillionDong,
    capitalMillion: optionalMillionDong,
    usesEmail: readinessAnswer,
    hasWebsite: readinessAnswer,
    onMarketplaces: readinessAnswer,
    acceptsOnlinePayment: readinessAnswer,
    usesESignature: readinessAnswer,
    usesManagementSoftware: readinessAnswer,
    isExporter: z
      .string()
      .optional()
      .transform((value) => value === "true" || value === "on"),
    exportMarkets: marketList,
    hsCodes: hsCodeList,
  })
  .superRefine((value, context) => {
    // The code's division must lie in the chosen section (VSIC 2018 divisions → sections).
    if (value.vsicCode && sectionOfVsicCode(value.vsicCode) !== value.vsicSection) {
      context.addIssue({
        code: "custom",
        path: ["vsicCode"],
        message: "enterprises.validation.vsicCodeSection",
        params: { section: value.vsicSection },
      });
    }
  })
  .transform(({ revenueMillion, capitalMillion, ...rest }) => ({
    ...rest,
    revenueDong: revenueMillion,
    capitalDong: capitalMillion,
  }));
export type EnterpriseProfileInput = z.output<typeof EnterpriseProfileInput>;

export const RegisterEnterpriseInput = z.object({ taxCode: TaxCodeField });

export const ClaimEnterpriseInput = z.object({
  taxCode: TaxCodeField,
  claimNote: requiredText(2000),
});

export const ClaimDecisionInput = z.object({
  decision: z.enum(["approve", "reject"], "validation.choose"),
});

export const StatusChangeInput = z
  .object({
    status: z.enum(enterpriseStatuses, "validation.choose"),
    reason: z.string().trim().max(2000, "validation.tooLong").default(""),
  })
  .refine((value) => value.status !== "suspended" || value.reason !== "", {
    path: ["reason"],
    message: "enterprises.validation.reasonRequired",
  });

export { readinessFields };
