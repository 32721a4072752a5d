import { z } from "zod";

const requiredText = (max: number) =>
  z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => value || null);

export const InquiryInput = z.object({
  name: requiredText(120),
  email: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(200, "validation.tooLong")
    .pipe(z.email("validation.email")),
  phone: optionalText(30).refine(
    (value) => value === null || /^\+?[0-9 .()-]{8,20}$/.test(value),
    "validation.phone",
  ),
  company: optionalText(200),
  subject: requiredText(200),
  message: requiredText(5000),
});
export type InquiryInput = z.output<typeof InquiryInput>;

export const InquiryReplyInput = z.object({ message: requiredText(5000) });
