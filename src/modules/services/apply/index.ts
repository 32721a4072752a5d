export { type ApplicantKind, chooseApplicantKind } from "./applicant-kind.ts";
export { normalizePhoneNumber } from "./inputs.ts";
export { loadReceiptData } from "./receipt/receipt-data.ts";
export { type ReceiptData, renderReceiptPdf } from "./receipt/receipt-pdf.ts";
export { createDraftDossier } from "./services/create-draft.ts";
export { submitDraft } from "./services/submit-draft.ts";
export { dossierPaths, myDossiersPath } from "./views/shared.tsx";

/** Form 01 for staff (the receipt and appointment slip), served by this area. */
export const staffReceiptPath = (provinceSlug: string, dossierId: number) =>
  `/${provinceSlug}/admin/services/dossiers/${dossierId}/receipt.pdf`;
