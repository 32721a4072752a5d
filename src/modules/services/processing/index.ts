export {
  applicantFormLetterPath,
  controlSlipPdfPath,
  listFormLetters,
  staffFormLetterPath,
} from "./forms/form-documents.ts";
export { LETTER_FORMS, type LetterForm, letterFormOf } from "./forms/form-letters.ts";
