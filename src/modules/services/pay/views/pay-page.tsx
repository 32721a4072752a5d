import { formatDate, formatDateTime, formatVnd } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  SubmitButton,
  TableWrap,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { PaymentOverview } from "../queries.ts";
import type { VietQrOffer } from "../vietqr-offer.ts";

const money = (dong: number) => formatVnd(BigInt(dong));

/** The applicant's fee page: the fee lines, the state of payment, VNPay and a VietQR transfer, past attempts. */
export function PayPage(props: {
  overview: PaymentOverview;
  gatewayKind: "vnpay" | "simulator" | undefined;
  vietQr: VietQrOffer | undefined;
  form: FormState;
}) {
  const { t, locale, province } = usePage();
  const { dossier, fees, attempts } = props.overview;
  const base = `/${province!.slug}/my/dossiers/${dossier.id}`;
  const title = t("services.pay.title", { code: dossier.code ?? "" });
  const procedureName = locale === "en" ? props.overview.procedureNameEn : props.overview.procedureName;
  const paid = attempts.find((attempt) => attempt.status === "paid");
  // A payment an officer recorded (cash at the counter, a bank transfer) carries the day it was paid.
  const isRecorded = paid?.gateway === "counter" || paid?.gateway === "transfer";
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${province!.slug}/my/dossiers`, label: t("services.pay.breadcrumb.myDossiers") },
        { href: base, label: dossier.code ?? String(dossier.id) },
        { label: t("services.pay.breadcrumb.pay") },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{procedureName}</p>
      <ErrorSummary issues={props.form.issues} />
      <CorrectionNotices overview={props.overview} />
      <TableWrap caption={t("services.pay.feeLines")}>
        <thead>
          <tr>
            <th scope="col">{t("services.pay.field.feeLine")}</th>
            <th scope="col" class="numeric">
              {t("services.pay.field.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {fees.map((fee, index) => (
            <tr key={index}>
              <td>{locale === "en" ? fee.labelEn : fee.label}</td>
              <td class="numeric">{money(fee.amountDong)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("services.pay.total")}</th>
            <td class="numeric strong">{money(dossier.feeDong)}</td>
          </tr>
        </tbody>
      </TableWrap>
      {dossier.paidAt ? (
        <div class="panel panel-ok" role="status">
          <p>
            {isRecorded && paid
              ? t("services.pay.record.paidBy", {
                  date: formatDate(paid.paidAt ?? dossier.paidAt),
                  method: t(`services.pay.record.method.${paid.gateway}`),
                })
              : t("services.pay.paidOn", { at: formatDateTime(dossier.paidAt) })}
          </p>
          {paid && (
            <p>
              <a href={`${base}/payments/${paid.id}/receipt.pdf`}>
                {t("services.pay.downloadReceipt", { number: paid.receiptNumber ?? "" })}
              </a>
            </p>
          )}
        </div>
      ) : dossier.feeDong <= 0 ? (
        <p class="panel">{t("services.pay.noFee")}</p>
      ) : !props.overview.isPayable ? (
        <p class="panel panel-warning">{t("services.pay.error.notPayable")}</p>
      ) : (
        <>
          <section aria-labelledby="pay-online">
            <h2 id="pay-online">{t("services.pay.online.heading")}</h2>
            {props.gatewayKind ? (
              <>
                <p>{t("services.pay.online.explain")}</p>
                {props.gatewayKind === "simulator" && (
                  <p class="panel panel-warning">{t("services.pay.online.simulatorNotice")}</p>
                )}
                <Form action={`${base}/pay`}>
                  <SubmitButton label={t("services.pay.online.button", { amount: money(dossier.feeDong) })} />
                </Form>
              </>
            ) : (
              <p class="panel panel-warning">{t("services.pay.error.noGateway")}</p>
            )}
          </section>
          {props.vietQr && <VietQrSection offer={props.vietQr} />}
        </>
      )}
      {attempts.length > 0 && <AttemptsTable overview={props.overview} base={base} />}
      <p>
        <a href={base}>{t("services.pay.backToDossier")}</a>
      </p>
    </Layout>
  );
}

/**
 * A payment voided or refunded is told to the applicant: when, and for a void why. The fee is then outstanding
 * again unless another payment stands, and the page above offers payment again while the dossier is payable.
 */
function CorrectionNotices({ overview }: { overview: PaymentOverview }) {
  const { t } = usePage();
  if (overview.corrections.length === 0) return null;
  return (
    <div class="panel panel-warning" role="status">
      {overview.corrections.map((correction) => {
        const payment = overview.attempts.find((attempt) => attempt.id === correction.paymentId);
        return (
          <p key={correction.id}>
            {t(`services.pay.correct.applicant.${correction.kind}`, {
              receipt: payment?.receiptNumber ?? "",
              amount: money(correction.amountDong),
              date: formatDate(correction.refundedOn ?? correction.createdAt),
              reason: correction.reason,
            })}
          </p>
        );
      })}
    </div>
  );
}

function VietQrSection({ offer }: { offer: VietQrOffer }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="pay-vietqr">
      <h2 id="pay-vietqr">{t("services.pay.vietqr.heading")}</h2>
      {offer.isDemo && <p class="panel panel-warning">{t("services.pay.vietqr.demoNotice")}</p>}
      <p>{t("services.pay.vietqr.explain")}</p>
      <img
        src={offer.imageSrc}
        width={200}
        height={200}
        alt={t("services.pay.vietqr.alt", { amount: money(offer.amountDong), content: offer.content })}
      />
      <dl class="summary-list">
        <dt>{t("services.pay.vietqr.bankBin")}</dt>
        <dd>{offer.bankBin}</dd>
        <dt>{t("services.pay.vietqr.account")}</dt>
        <dd>{offer.accountNumber}</dd>
        <dt>{t("services.pay.vietqr.accountName")}</dt>
        <dd>{offer.accountName}</dd>
        <dt>{t("services.pay.field.amount")}</dt>
        <dd>{money(offer.amountDong)}</dd>
        <dt>{t("services.pay.vietqr.content")}</dt>
        <dd>
          <code>{offer.content}</code>
        </dd>
      </dl>
      <p class="meta">{t("services.pay.vietqr.matchedByOfficer")}</p>
    </section>
  );
}

function AttemptsTable({ overview, base }: { overview: PaymentOverview; base: string }) {
  const { t } = usePage();
  return (
    <TableWrap caption={t("services.pay.attempts")}>
      <thead>
        <tr>
          <th scope="col">{t("services.pay.field.createdAt")}</th>
          <th scope="col">{t("services.pay.field.txnRef")}</th>
          <th scope="col">{t("services.pay.record.field.method")}</th>
          <th scope="col" class="numeric">
            {t("services.pay.field.amount")}
          </th>
          <th scope="col">{t("services.pay.field.status")}</th>
          <th scope="col">{t("services.pay.field.receiptNumber")}</th>
        </tr>
      </thead>
      <tbody>
        {overview.attempts.map((attempt) => (
          <tr key={attempt.id}>
            <td>{formatDateTime(attempt.createdAt)}</td>
            <td>
              <code>{attempt.txnRef}</code>
            </td>
            <td>{t(`services.pay.record.method.${attempt.gateway}`)}</td>
            <td class="numeric">{money(attempt.amountDong)}</td>
            <td>{t(`services.pay.status.${attempt.status}`)}</td>
            <td>
              {attempt.receiptNumber ? (
                <a href={`${base}/payments/${attempt.id}/receipt.pdf`}>{attempt.receiptNumber}</a>
              ) : (
                ""
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}
