// The extra questions a procedure version asks on its online form, beyond the applicant's identity: e.g. the
// business location of a petroleum store or the dates of a promotion. They are data (stored in
// `procedure_versions.questions`), so the catalogue can change them with a new version while a dossier keeps
// the questions it was answered under.

import { z } from "zod";
import { type FieldIssue, ValidationError } from "../../../platform/errors.ts";
import type { Locale } from "../../../platform/i18n.ts";
import { formatDate, formatNumber, parseVietnameseDate } from "../../../platform/vn-format.ts";
import { parseVietnameseNumber } from "../../../platform/vn-number-parse.ts";

export const questionKinds = ["text", "number", "date", "select"] as const;
export type QuestionKind = (typeof questionKinds)[number];

const Label = z.string().trim().min(1).max(300);

export const QuestionOption = z.object({
  value: z.string().regex(/^[a-z0-9-]{1,40}$/),
  label: Label,
  labelEn: Label,
});
export type QuestionOption = z.infer<typeof QuestionOption>;

/** One question: its kind decides the input and the checks; labels in Vietnamese and English. */
export const ProcedureQuestion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    kind: z.enum(questionKinds),
    label: Label,
    labelEn: Label,
    hint: z.string().trim().max(500).optional(),
    hintEn: z.string().trim().max(500).optional(),
    required: z.boolean(),
    /** text: the longest answer accepted (default 500). */
    maxLength: z.number().int().min(1).max(5000).optional(),
    /** number: the accepted range, inclusive. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** number: whether a fraction is accepted (default: whole numbers only). */
    allowFraction: z.boolean().optional(),
    /** select: the choices, at least two. */
    options: z.array(QuestionOption).max(50).optional(),
  })
  .superRefine((question, context) => {
    if (question.kind === "select" && (question.options?.length ?? 0) < 2)
      context.addIssue({ code: "custom", message: "services.catalogue.question.optionsRequired" });
    if (question.kind !== "select" && question.options !== undefined)
      context.addIssue({ code: "custom", message: "services.catalogue.question.optionsOnlyForSelect" });
    if (question.min !== undefined && question.max !== undefined && question.min > question.max)
      context.addIssue({ code: "custom", message: "services.catalogue.question.badRange" });
  });
export type ProcedureQuestion = z.infer<typeof ProcedureQuestion>;

/** A version's list: at most 30 questions with distinct ids. */
export const ProcedureQuestions = z
  .array(ProcedureQuestion)
  .max(30)
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    for (const question of questions) {
      if (seen.has(question.id))
        context.addIssue({ code: "custom", message: "services.catalogue.question.duplicateId" });
      seen.add(question.id);
    }
  });

/** The questions stored with a version; a stored list that no longer parses is a bug, so it throws. */
export function readStoredQuestions(stored: unknown): ProcedureQuestion[] {
  return ProcedureQuestions.parse(stored ?? []);
}

/** The form field that carries a question's answer (kept apart from the applicant's own fields). */
export function answerFieldName(question: Pick<ProcedureQuestion, "id">): string {
  return `answer-${question.id}`;
}

const DEFAULT_TEXT_LENGTH = 500;

/** Checks one answer; returns the value to store (numbers as plain decimals, dates as ISO) or the problem. */
function checkAnswer(
  question: ProcedureQuestion,
  raw: string,
): { value: string } | { issue: Omit<FieldIssue, "field"> } {
  switch (question.kind) {
    case "text": {
      const limit = question.maxLength ?? DEFAULT_TEXT_LENGTH;
      if (raw.length > limit) return { issue: { messageKey: "validation.tooLong", params: { max: limit } } };
      return { value: raw };
    }
    case "number": {
      const parsed = parseVietnameseNumber(raw);
      if (!parsed.ok) return { issue: { messageKey: "validation.number" } };
      if (!question.allowFraction && !Number.isInteger(parsed.value))
        return { issue: { messageKey: "services.catalogue.question.wholeNumber" } };
      if (question.min !== undefined && parsed.value < question.min)
        return { issue: { messageKey: "validation.tooSmall", params: { min: question.min } } };
      if (question.max !== undefined && parsed.value > question.max)
        return { issue: { messageKey: "validation.tooBig", params: { max: question.max } } };
      return { value: String(parsed.value) };
    }
    case "date": {
      const isoDate = parseVietnameseDate(raw);
      if (isoDate === null) return { issue: { messageKey: "validation.date" } };
      return { value: isoDate };
    }
    case "select": {
      if (!question.options?.some((option) => option.value === raw))
        return { issue: { messageKey: "validation.choose" } };
      return { value: raw };
    }
  }
}

/**
 * A zod schema for a version's answers, read from form fields named by `answerFieldName`. It yields the answers
 * by question id (what `dossiers.answers` stores); an optional question left empty is left out.
 */
export function buildAnswersSchema(questions: readonly ProcedureQuestion[]) {
  return z.record(z.string(), z.unknown()).transform((body, context) => {
    const answers: Record<string, string> = {};
    for (const question of questions) {
      const field = answerFieldName(question);
      const input = body[field];
      const raw = typeof input === "string" ? input.normalize("NFC").trim() : "";
      if (raw === "") {
        if (question.required)
          context.addIssue({ code: "custom", path: [field], message: "validation.required" });
        continue;
      }
      const checked = checkAnswer(question, raw);
      if ("issue" in checked) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: checked.issue.messageKey,
          params: checked.issue.params,
        });
        continue;
      }
      answers[question.id] = checked.value;
    }
    return answers;
  });
}

/**
 * Validates the submitted answers or throws a ValidationError naming each field (with the limits the messages
 * need, which zod's custom issues do not carry to the generic mapper).
 */
export function parseAnswers(questions: readonly ProcedureQuestion[], body: unknown): Record<string, string> {
  const result = buildAnswersSchema(questions).safeParse(body ?? {});
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "form",
      messageKey: issue.message,
      ...("params" in issue && issue.params ? { params: issue.params as Record<string, number> } : {}),
    })),
  );
}

/** The form values that show stored answers again (dates back to dd/MM/yyyy). */
export function answersToFormValues(
  questions: readonly ProcedureQuestion[],
  answers: Record<string, string>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (value === undefined) continue;
    values[answerFieldName(question)] = question.kind === "date" ? formatDate(value) : value;
  }
  return values;
}

/** A stored answer as a person reads it: the option's label, a Vietnamese number or date. */
export function formatAnswer(question: ProcedureQuestion, value: string | undefined, locale: Locale): string {
  if (value === undefined || value === "") return "";
  switch (question.kind) {
    case "select": {
      const option = question.options?.find((candidate) => candidate.value === value);
      if (!option) return value;
      return locale === "en" ? option.labelEn : option.label;
    }
    case "number":
      return Number.isFinite(Number(value))
        ? formatNumber(Number(value), { maximumFractionDigits: 4 })
        : value;
    case "date":
      return formatDate(value);
    case "text":
      return value;
  }
}

/** The question's label in the reader's language. */
export function questionLabel(question: ProcedureQuestion, locale: Locale): string {
  return locale === "en" ? question.labelEn : question.label;
}
