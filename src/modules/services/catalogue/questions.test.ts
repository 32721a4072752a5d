import { expect, test } from "vitest";
import { ValidationError } from "../../../platform/errors.ts";
import {
  answersToFormValues,
  formatAnswer,
  type ProcedureQuestion,
  ProcedureQuestions,
  parseAnswers,
} from "./questions.ts";

const questions: ProcedureQuestion[] = [
  { id: "dia-chi", kind: "text", label: "Địa chỉ", labelEn: "Address", required: true, maxLength: 20 },
  {
    id: "dien-tich",
    kind: "number",
    label: "Diện tích",
    labelEn: "Area",
    required: true,
    min: 50,
    allowFraction: true,
  },
  { id: "so-hop-thu", kind: "number", label: "Số hộp thư", labelEn: "Mailboxes", required: false, max: 10 },
  { id: "bat-dau", kind: "date", label: "Ngày bắt đầu", labelEn: "Start", required: true },
  {
    id: "mo-hinh",
    kind: "select",
    label: "Mô hình",
    labelEn: "Model",
    required: true,
    options: [
      { value: "b2c", label: "Bán lẻ", labelEn: "Retail" },
      { value: "b2b", label: "Bán buôn", labelEn: "Wholesale" },
    ],
  },
];

function issuesOf(body: Record<string, string>) {
  try {
    parseAnswers(questions, body);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
}

test("valid answers are stored by question id: numbers as decimals, dates as ISO, optional blanks left out", () => {
  const answers = parseAnswers(questions, {
    "answer-dia-chi": "  12 Lê Lợi ",
    "answer-dien-tich": "1.250,5",
    "answer-so-hop-thu": "",
    "answer-bat-dau": "01/03/2026",
    "answer-mo-hinh": "b2b",
  });
  expect(answers).toEqual({
    "dia-chi": "12 Lê Lợi",
    "dien-tich": "1250.5",
    "bat-dau": "2026-03-01",
    "mo-hinh": "b2b",
  });
  expect(answersToFormValues(questions, answers)["answer-bat-dau"]).toBe("01/03/2026");
  expect(formatAnswer(questions[4]!, "b2b", "en")).toBe("Wholesale");
  expect(formatAnswer(questions[1]!, "1250.5", "vi")).toBe("1.250,5");
});

test("each bad answer is named by its field with a catalogue key, required ones first", () => {
  const issues = issuesOf({
    "answer-dia-chi": "x".repeat(21),
    "answer-dien-tich": "49",
    "answer-so-hop-thu": "2,5",
    "answer-bat-dau": "30/02/2026",
    "answer-mo-hinh": "c2c",
  });
  expect(issues).toEqual([
    { field: "answer-dia-chi", messageKey: "validation.tooLong", params: { max: 20 } },
    { field: "answer-dien-tich", messageKey: "validation.tooSmall", params: { min: 50 } },
    { field: "answer-so-hop-thu", messageKey: "services.catalogue.question.wholeNumber" },
    { field: "answer-bat-dau", messageKey: "validation.date" },
    { field: "answer-mo-hinh", messageKey: "validation.choose" },
  ]);
  expect(issuesOf({}).map((issue) => issue.field)).toEqual([
    "answer-dia-chi",
    "answer-dien-tich",
    "answer-bat-dau",
    "answer-mo-hinh",
  ]);
  expect(
    issuesOf({ ...Object.fromEntries([]), "answer-dien-tich": "abc" }).find(
      (i) => i.field === "answer-dien-tich",
    ),
  ).toEqual({ field: "answer-dien-tich", messageKey: "validation.number" });
});

test("question lists are checked: distinct ids, options only for (and at least two in) a choice", () => {
  expect(ProcedureQuestions.safeParse(questions).success).toBe(true);
  expect(ProcedureQuestions.safeParse([questions[0], questions[0]]).success).toBe(false);
  expect(
    ProcedureQuestions.safeParse([{ ...questions[4]!, options: [{ value: "a", label: "A", labelEn: "A" }] }])
      .success,
  ).toBe(false);
  expect(
    ProcedureQuestions.safeParse([{ ...questions[0]!, options: [{ value: "a", label: "A", labelEn: "A" }] }])
      .success,
  ).toBe(false);
  expect(ProcedureQuestions.safeParse([{ ...questions[0]!, id: "Bad Id" }]).success).toBe(false);
});
