import { formatVnd } from "../../../../platform/vn-format.ts";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { VnpayResult } from "../../payments/index.ts";
import type { PaymentStatus } from "../../schema.ts";

export type RecordedAttempt = {
  paymentId: number;
  dossierId: number;
  dossierCode: string | null;
  status: PaymentStatus;
  receiptNumber: string | null;
};

/**
 * Where the gateway sends the browser back. It tells the applicant what the gateway said and what the
 * portal has recorded; recording is the IPN's job alone (a forged or replayed return URL changes nothing).
 */
export function ReturnPage(props: { result: VnpayResult; recorded: RecordedAttempt | undefined }) {
  const { t, locale, province } = usePage();
  const { result, recorded } = props;
  const title = !result.isSignatureValid
    ? t("services.pay.return.invalidTitle")
    : result.isPaid
      ? t("services.pay.return.successTitle")
      : t("services.pay.return.failureTitle");
  const myDossier = recorded && `/${province!.slug}/my/dossiers/${recorded.dossierId}`;
  return (
    <Layout title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <div
          class={result.isSignatureValid && result.isPaid ? "panel panel-ok" : "panel panel-warning"}
          role="status"
        >
          <p>
            {result.isSignatureValid
              ? result.message[locale === "en" ? "en" : "vi"]
              : t("services.pay.return.invalidExplain")}
          </p>
        </div>
        {result.isSignatureValid && (
          <dl class="summary-list">
            <dt>{t("services.pay.field.txnRef")}</dt>
            <dd>
              <code>{result.txnRef}</code>
            </dd>
            {result.amount !== undefined && (
              <>
                <dt>{t("services.pay.field.amount")}</dt>
                <dd>{formatVnd(BigInt(result.amount))}</dd>
              </>
            )}
            {result.transactionNo && result.transactionNo !== "0" && (
              <>
                <dt>{t("services.pay.field.transactionNo")}</dt>
                <dd>{result.transactionNo}</dd>
              </>
            )}
            {recorded && (
              <>
                <dt>{t("services.pay.field.dossierCode")}</dt>
                <dd>{recorded.dossierCode}</dd>
                <dt>{t("services.pay.return.recordedStatus")}</dt>
                <dd>{t(`services.pay.status.${recorded.status}`)}</dd>
              </>
            )}
          </dl>
        )}
        {recorded?.status === "pending" && result.isPaid && <p>{t("services.pay.return.awaitingIpn")}</p>}
        {recorded && myDossier && (
          <p class="actions">
            {recorded.status === "paid" && recorded.receiptNumber && (
              <a class="button" href={`${myDossier}/payments/${recorded.paymentId}/receipt.pdf`}>
                {t("services.pay.downloadReceipt", { number: recorded.receiptNumber })}
              </a>
            )}
            <a class="button button-secondary" href={`${myDossier}/pay`}>
              {t("services.pay.return.backToPayment")}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}
