import { z } from "zod";
import { type FieldIssue, ValidationError } from "./errors.ts";
import { hasMessage } from "./i18n.ts";
import { parseVietnameseDate } from "./vn-format.ts";

/** Maps a zod issue to a message-catalogue key: schemas name keys ("validation.email"); defaults cover the rest. */
function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const field = issue.path.map(String).join(".") || "form";
  if (issue.message.startsWith("validation.") || hasMessage("vi", issue.message)) {
    const params: Record<string, string | number> = {};
    if ("maximum" in issue) params.max = Number(issue.maximum);
    if ("minimum" in issue) params.min = Number(issue.minimum);
    return { field, messageKey: issue.message, params };
  }
  switch (issue.code) {
    case "invalid_type":
      return {
        field,
        messageKey:
          issue.input === undefined || issue.input === "" ? "validation.required" : "validation.invalid",
      };
    case "too_small":
      return { field, messageKey: "validation.tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      return { field, messageKey: "validation.tooBig", params: { max: Number(issue.maximum) } };
    default:
      return { field, messageKey: "validation.invalid" };
  }
}

/**
 * Vietnamese keyboards (Unikey's "Unicode tổ hợp", macOS) may send decomposed text: "ế" as e + two marks.
 * Everything stored is NFC, so equal words compare, sort and search as equal.
 */
export function normalizeText(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) return value.map(normalizeText);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalizeText(inner)]));
  }
  return value;
}

/** Parses input (normalised to NFC) or throws a ValidationError whose issues name each field and a catalogue key. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(normalizeText(input), { reportInput: true });
  if (result.success) return result.data;
  const seen = new Set<string>();
  const issues = result.error.issues.map(toFieldIssue).filter((issue) => {
    if (seen.has(issue.field)) return false;
    seen.add(issue.field);
    return true;
  });
  throw new ValidationError(issues);
}

/** Text that must be given: trimmed, at most `max` characters. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");

/** Text that may be left empty: trimmed, at most `max` characters; empty → null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => value || null);

/** An e-mail address that must be given (200 characters at most), as typed. */
export const requiredEmail = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(200, "validation.tooLong")
  .pipe(z.email("validation.email"));

/** dd/MM/yyyy as people type it, kept as an ISO calendar date. */
export const vietnameseDate = z
  .string()
  .trim()
  .min(1, "validation.required")
  .transform((value, context) => {
    const isoDate = parseVietnameseDate(value);
    if (isoDate === null) {
      context.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return isoDate;
  });

/** dd/MM/yyyy as people type it, kept as an ISO calendar date; empty → null. */
export const optionalVietnameseDate = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const isoDate = parseVietnameseDate(value);
    if (isoDate === null) {
      context.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return isoDate;
  });
