import type { PaymentSettings } from "../../../config.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { qrSvg } from "../documents/administrative-pdf.ts";
import { buildVietQrPayload } from "../payments/index.ts";
import type { DossierRow } from "./queries.ts";

export type VietQrOffer = {
  payload: string;
  /** The QR as an SVG data URI for an <img> (the CSP allows data: images, not inline SVG scripts). */
  imageSrc: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  amountDong: number;
  /** The transfer content: the dossier code, which is how an officer matches the transfer to the fee. */
  content: string;
  isDemo: boolean;
};

/**
 * A VietQR transfer to the Department's account (VIETQR_* settings) for the unpaid fee, with the dossier
 * code as bill number and purpose. A transfer is matched by an officer, never marked paid automatically.
 * None when no account is configured or the code does not fit VietQR's 25-character reference.
 */
export async function buildVietQrOffer(
  settings: PaymentSettings["vietQr"],
  dossier: DossierRow,
): Promise<VietQrOffer | undefined> {
  if (!settings || !dossier.code || dossier.feeDong <= 0) return undefined;
  let payload: string;
  try {
    payload = buildVietQrPayload({
      bankBin: settings.bankBin,
      accountNumber: settings.accountNumber,
      amount: dossier.feeDong,
      billNumber: dossier.code,
      purpose: dossier.code,
    });
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
  const svg = await qrSvg(payload);
  return {
    payload,
    imageSrc: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    bankBin: settings.bankBin,
    accountNumber: settings.accountNumber,
    accountName: settings.accountName,
    amountDong: dossier.feeDong,
    content: dossier.code,
    isDemo: settings.isDemo,
  };
}
