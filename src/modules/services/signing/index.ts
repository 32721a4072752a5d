// Signing and verifying result PDFs (issue 4): the public API of services/signing.
export {
  type CertificateAuthority,
  certificateToDer,
  createDevelopmentCa,
  exportPem,
  exportPkcs12,
  importPem,
  issueDepartmentCertificate,
  loadPkcs12,
  type PemBundle,
  type SigningCredential,
} from "./ca.ts";
export type { CmsSigningKey } from "./cms-signer.ts";
export { CREDENTIAL_PROBLEM_MESSAGES, type CredentialProblem, SigningCredentialError } from "./errors.ts";
export { PdfStructureError } from "./pdf-objects.ts";
export { buildSampleLicencePdf, formatAdministrativeDate, verificationQrSvg } from "./samples.ts";
export { type SignatureWidget, type SignPdfInput, signPdf } from "./sign-pdf.ts";
export {
  VERIFICATION_PROBLEM_MESSAGES,
  type VerificationProblem,
  type VerificationProblemCode,
} from "./verification-problems.ts";
export { type PdfVerificationResult, type VerifyPdfInput, verifyPdf } from "./verify-pdf.ts";
