import { usePage } from "../../../../views/page-context.ts";
import type { PaymentGateway, PaymentStatus } from "../../schema.ts";
import { describeCorrection } from "../correction-text.ts";
import type { CorrectionView } from "../queries.ts";

export const paymentsAdminPath = (slug: string) => `/${slug}/admin/services/payments`;
export const voidPaymentPath = (slug: string, paymentId: number) =>
  `${paymentsAdminPath(slug)}/${paymentId}/void`;
export const refundPaymentPath = (slug: string, paymentId: number) =>
  `${paymentsAdminPath(slug)}/${paymentId}/refund`;
export const staffReceiptPath = (slug: string, paymentId: number) =>
  `${paymentsAdminPath(slug)}/${paymentId}/receipt.pdf`;
export const dossierPaymentsPath = (slug: string, dossierId: number) =>
  `/${slug}/admin/services/dossiers/${dossierId}/payments`;

/** Counter cash and bank transfers are recorded by an officer; only those can be voided. */
export const isRecordedGateway = (gateway: PaymentGateway) => gateway === "counter" || gateway === "transfer";

/** What happened to a payment, for officers: kind, date, who, reason and the reference of a refund transfer. */
export function CorrectionNote({ correction }: { correction: CorrectionView }) {
  const { t } = usePage();
  return <>{describeCorrection(correction, t)}</>;
}

/** The officer's links to void (recorded payments only) or refund a paid payment. */
export function CorrectionLinks(props: {
  paymentId: number;
  gateway: PaymentGateway;
  status: PaymentStatus;
}) {
  const { t, province } = usePage();
  if (props.status !== "paid") return null;
  const slug = province!.slug;
  return (
    <span class="nowrap">
      {isRecordedGateway(props.gateway) && (
        <>
          <a href={voidPaymentPath(slug, props.paymentId)}>{t("services.pay.correct.void.link")}</a>
          {" · "}
        </>
      )}
      <a href={refundPaymentPath(slug, props.paymentId)}>{t("services.pay.correct.refund.link")}</a>
    </span>
  );
}
