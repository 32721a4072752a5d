import { z } from "zod";
import { optionalText, requiredEmail, requiredText } from "../../../platform/validation.ts";

export const InquiryInput = z.object({
  name: requiredText(120),
  email: requiredEmail,
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
