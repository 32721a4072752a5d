import { eq } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { createTranslator, isLocale, type Locale } from "../../../../platform/i18n.ts";
import { queueMail } from "../../../../platform/mail.ts";
import { formatVnd } from "../../../../platform/vn-format.ts";
import { users } from "../../../identity/schema.ts";
import type { DossierRow, PaymentRow } from "../queries.ts";

/** The language the applicant chose for their account (Vietnamese for a dossier filed at the counter). */
export async function applicantLocale(tx: Executor, dossier: DossierRow): Promise<Locale> {
  if (dossier.applicantUserId === null) return "vi";
  const [user] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.id, dossier.applicantUserId));
  return isLocale(user?.locale) ? user.locale : "vi";
}

/** Tells the applicant, in their language, that the fee was received, with the receipt number and a link. */
export async function mailReceipt(
  tx: Executor,
  portalUrlOf: (provinceId: number) => string | null,
  payment: PaymentRow,
  dossier: DossierRow,
): Promise<void> {
  const t = createTranslator(await applicantLocale(tx, dossier));
  const portal = portalUrlOf(dossier.provinceId);
  const params = {
    name: dossier.applicantName,
    code: dossier.code ?? "",
    amount: formatVnd(BigInt(payment.amountDong)),
    receipt: payment.receiptNumber ?? "",
    link: portal ? `${portal}/my/dossiers/${dossier.id}/pay` : "",
  };
  await queueMail(tx, {
    provinceId: dossier.provinceId,
    to: dossier.applicantEmail,
    subject: t("services.pay.mail.paid.subject", params),
    text: t("services.pay.mail.paid.body", params),
  });
}
