import type { Executor } from "../../../../db/client.ts";
import { createTranslator } from "../../../../platform/i18n.ts";
import { queueMail } from "../../../../platform/mail.ts";
import { formatDate, formatVnd } from "../../../../platform/vn-format.ts";
import type { CorrectionRow, DossierRow, PaymentRow } from "../queries.ts";
import { applicantLocale } from "./mail-receipt.ts";

/**
 * Tells the applicant, in their language, that a receipt was cancelled (void) or its money returned (refund),
 * why, and whether the fee is now outstanding again (no other payment of the dossier is still paid).
 */
export async function mailCorrection(
  tx: Executor,
  portalUrl: string,
  payment: PaymentRow,
  dossier: DossierRow,
  correction: CorrectionRow,
): Promise<void> {
  const t = createTranslator(await applicantLocale(tx, dossier));
  const params = {
    name: dossier.applicantName,
    code: dossier.code ?? "",
    amount: formatVnd(BigInt(correction.amountDong)),
    receipt: payment.receiptNumber ?? "",
    date: formatDate(correction.refundedOn ?? correction.createdAt),
    reason: correction.reason,
    link: `${portalUrl}/my/dossiers/${dossier.id}/pay`,
  };
  const outstanding = t(
    dossier.paidAt === null
      ? "services.pay.correct.mail.feeOutstanding"
      : "services.pay.correct.mail.feeStillPaid",
    params,
  );
  await queueMail(tx, {
    provinceId: dossier.provinceId,
    to: dossier.applicantEmail,
    subject: t(`services.pay.correct.mail.${correction.kind}.subject`, params),
    text: t(`services.pay.correct.mail.${correction.kind}.body`, { ...params, outstanding }),
  });
}
