// The catalogue's public functions, for the other areas of `services` and for the demo loader.

export type { ComponentRow, ProcedureDetail, ProcedureRow, ProcedureVersionRow } from "./queries.ts";
export { findProcedureByCode, findVersionDetail, getProcedureForApplication } from "./queries.ts";
export type { ProcedureQuestion, QuestionKind } from "./questions.ts";
export {
  answerFieldName,
  answersToFormValues,
  buildAnswersSchema,
  formatAnswer,
  ProcedureQuestions,
  parseAnswers,
  questionLabel,
  readStoredQuestions,
} from "./questions.ts";
export type { CatalogueUnits } from "./seed/seed-catalogue.ts";
export { seedProcedureCatalogue } from "./seed/seed-catalogue.ts";
export type {
  ApplicantKind,
  ComponentDraft,
  ProcedureField,
  VersionDraft,
} from "./version-draft.ts";
export { applicantKinds, procedureFields } from "./version-draft.ts";
