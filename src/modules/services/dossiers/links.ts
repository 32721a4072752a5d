/**
 * Absolute links printed in e-mails and on PDFs (QR codes). The base is set once when the app starts (from
 * `config.publicUrl`); actions run inside requests and in the demo loader, where no request is at hand.
 */
let publicUrl = "";

export function setServicesPublicUrl(url: string): void {
  publicUrl = url.replace(/\/$/, "");
}

export const servicesPublicUrl = (path: string) => `${publicUrl}${path}`;

/** The applicant's page of a dossier (sign-in required). */
export const applicantDossierUrl = (provinceSlug: string, dossierId: number) =>
  servicesPublicUrl(`/${provinceSlug}/my/dossiers/${dossierId}`);

/** The public lookup, prefilled with the code (the phone number or tax code is still asked). */
export const lookupUrl = (provinceSlug: string, code: string) =>
  servicesPublicUrl(`/${provinceSlug}/services/lookup?code=${encodeURIComponent(code)}`);

/** The public verification page of a signed result. */
export const verificationUrl = (provinceSlug: string, token: string) =>
  servicesPublicUrl(`/${provinceSlug}/verify/${encodeURIComponent(token)}`);
