import { formatDateTime, formatVnd } from "../../../../platform/vn-format.ts";
import { TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { PaymentOverview } from "../queries.ts";
import { CorrectionLinks, CorrectionNote, staffReceiptPath } from "./correction-parts.tsx";
import { recordPaymentPath, staffDossierPath } from "./record-payment-page.tsx";

/**
 * The officer's list of a dossier's payments: every attempt and recorded payment with its status, receipt, who
 * recorded it, its void or refund, and the links to void or refund a paid one.
 */
export function DossierPaymentsPage(props: { overview: PaymentOverview }) {
  const { t, province } = usePage();
  const slug = province!.slug;
  const { dossier, attempts, corrections } = props.overview;
  const code = dossier.code ?? String(dossier.id);
  const title = t("services.pay.correct.payments.title", { code });
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${slug}`, label: t("nav.home") },
        { href: staffDossierPath(slug, dossier.id), label: code },
        { label: t("services.pay.correct.payments.breadcrumb") },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{t("services.pay.correct.payments.lead")}</p>
      <dl class="summary-list">
        <dt>{t("services.pay.record.feeDue")}</dt>
        <dd class="strong">{formatVnd(BigInt(dossier.feeDong))}</dd>
        <dt>{t("services.pay.field.status")}</dt>
        <dd>
          {dossier.paidAt
            ? t("services.pay.paidOn", { at: formatDateTime(dossier.paidAt) })
            : t("services.pay.correct.payments.unpaid")}
          {!dossier.paidAt && props.overview.isPayable && (
            <>
              {" "}
              <a href={recordPaymentPath(slug, dossier.id)}>{t("services.pay.record.link")}</a>
            </>
          )}
        </dd>
      </dl>
      {attempts.length === 0 ? (
        <p>{t("services.pay.correct.payments.none")}</p>
      ) : (
        <TableWrap caption={t("services.pay.correct.payments.caption", { count: attempts.length })}>
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
              <th scope="col">{t("services.pay.correct.field.recordedBy")}</th>
              <th scope="col">{t("services.pay.correct.field.correction")}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((attempt) => {
              const correction = corrections.find((row) => row.paymentId === attempt.id);
              return (
                <tr key={attempt.id}>
                  <td class="nowrap">{formatDateTime(attempt.createdAt)}</td>
                  <td>
                    <code>{attempt.txnRef}</code>
                  </td>
                  <td>{t(`services.pay.record.method.${attempt.gateway}`)}</td>
                  <td class="numeric">{formatVnd(BigInt(attempt.amountDong))}</td>
                  <td>{t(`services.pay.status.${attempt.status}`)}</td>
                  <td>
                    {attempt.receiptNumber ? (
                      <a href={staffReceiptPath(slug, attempt.id)}>{attempt.receiptNumber}</a>
                    ) : (
                      ""
                    )}
                  </td>
                  <td>{attempt.recordedByName ?? ""}</td>
                  <td>
                    {correction ? (
                      <CorrectionNote correction={correction} />
                    ) : (
                      <CorrectionLinks
                        paymentId={attempt.id}
                        gateway={attempt.gateway}
                        status={attempt.status}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableWrap>
      )}
      <p>
        <a href={staffDossierPath(slug, dossier.id)}>{t("services.pay.record.backToDossier")}</a>
      </p>
    </Layout>
  );
}
