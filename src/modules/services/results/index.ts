// Signed results (issue 4): the public functions other parts of the services module use.
export { findActiveCredential, listTrustAnchors } from "./credential-store.ts";
export { type DossierResultRow, issueDossierResult, withoutResultDocuments } from "./issue-result.ts";
export { registerResultListeners } from "./listeners.ts";
export { findLatestDossierResult, listDossierIdsWithResults } from "./queries.ts";
export { configureResults } from "./settings.ts";

/** The applicant's download of a dossier's signed result (area B links to it when a result exists). */
export const applicantResultPath = (provinceSlug: string, dossierId: number) =>
  `/${provinceSlug}/my/dossiers/${dossierId}/result`;

/** The staff download of a dossier's signed result. */
export const staffResultPath = (provinceSlug: string, dossierId: number) =>
  `/${provinceSlug}/admin/services/dossiers/${dossierId}/result`;
