import { z } from "zod";
import { optionalText, requiredEmail, requiredText } from "../../../platform/validation.ts";

/**
 * A Vietnamese phone number as dossiers store it: "0" and 9–10 digits, whatever the applicant typed
 * ("+84 912 345 678", "0912.345.678"). The public lookup matches on this form, so it must be one form.
 */
export function normalizePhoneNumber(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  // Mobile 0[35789]xxxxxxxx; landline 02xxxxxxxxx (area codes since 2017); 1800/1900 hotlines.
  if (/^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits)) return digits;
  if (/^1[89]00\d{4,6}$/.test(digits)) return digits;
  return null;
}

const phone = requiredText(30).transform((value, context) => {
  const normalized = normalizePhoneNumber(value);
  if (normalized === null) {
    context.addIssue({ code: "custom", message: "validation.phone" });
    return z.NEVER;
  }
  return normalized;
});

/** Citizen identity card (CCCD, 12 digits) or the old identity card (CMND, 9 digits). */
const idNumber = requiredText(20)
  .transform((value) => value.replace(/\s/g, ""))
  .refine((value) => /^\d{12}$|^\d{9}$/.test(value), "services.apply.validation.idNumber");

const contact = {
  phone,
  email: requiredEmail.transform((value) => value.toLowerCase()),
  address: requiredText(300),
};

/** An enterprise applies under its registered name and tax code; only the contact details are typed. */
export const EnterpriseApplicantInput = z.object(contact);
/** A person (or household business) applies under their own name and identity number. */
export const CitizenApplicantInput = z.object({ name: requiredText(120), idNumber, ...contact });
export type ApplicantDetailsInput =
  | z.output<typeof CitizenApplicantInput>
  | z.output<typeof EnterpriseApplicantInput>;

/**
 * "Save and come back later" keeps what was typed even when it is not complete yet: only lengths are checked,
 * so nothing oversized is stored; the check page and submission apply the full rules.
 */
export const PartialApplicantInput = z.object({
  name: optionalText(120),
  idNumber: optionalText(20),
  phone: optionalText(30),
  email: optionalText(200),
  address: optionalText(300),
});

export const deliveryMethods = ["online", "counter", "post"] as const;
export type DeliveryMethodChoice = (typeof deliveryMethods)[number];

export const DeliveryInput = z
  .object({
    deliveryMethod: z.enum(deliveryMethods, "validation.choose"),
    deliveryAddress: optionalText(300),
  })
  .superRefine((value, context) => {
    if (value.deliveryMethod === "post" && !value.deliveryAddress) {
      context.addIssue({
        code: "custom",
        path: ["deliveryAddress"],
        message: "services.apply.validation.postAddress",
      });
    }
  })
  .transform((value) => ({
    deliveryMethod: value.deliveryMethod,
    deliveryAddress: value.deliveryMethod === "post" ? value.deliveryAddress : null,
  }));

export const DeclarationInput = z.object({
  declaration: z.literal("yes", "services.apply.validation.declaration"),
});

export const SupplyInput = z.object({ comment: optionalText(2000) });
export const WithdrawInput = z.object({ reason: optionalText(1000) });

/** Which button of a draft page was pressed: "continue" validates fully, "later" keeps what was typed. */
export function isSaveForLater(form: unknown): boolean {
  return (form as { intent?: unknown } | null)?.intent === "later";
}
