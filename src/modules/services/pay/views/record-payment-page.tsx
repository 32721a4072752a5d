import { formatDate, formatDateTime, formatVnd } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { PaymentOverview } from "../queries.ts";
import { recordedPaymentMethods } from "../services/record-payment.ts";
import { dossierPaymentsPath, staffReceiptPath } from "./correction-parts.tsx";

export const staffDossierPath = (slug: string, dossierId: number) =>
  `/${slug}/admin/services/dossiers/${dossierId}`;
export const recordPaymentPath = (slug: string, dossierId: number) =>
  `${staffDossierPath(slug, dossierId)}/payments/record`;

/**
 * The officer's form to record a fee paid in cash at the counter or by bank transfer. Once the fee is paid
 * (by any means) the page shows the payment and its receipt instead of the form.
 */
export function RecordPaymentPage(props: { overview: PaymentOverview; form: FormState }) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const { dossier, attempts } = props.overview;
  const code = dossier.code ?? String(dossier.id);
  const title = t("services.pay.record.title", { code });
  const paid = attempts.find((attempt) => attempt.status === "paid");
  const procedureName = locale === "en" ? props.overview.procedureNameEn : props.overview.procedureName;
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${slug}`, label: t("nav.home") },
        { href: staffDossierPath(slug, dossier.id), label: code },
        { label: t("services.pay.record.breadcrumb") },
      ]}
    >
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{t("services.pay.record.lead")}</p>
        <ErrorSummary issues={props.form.issues} />
        <dl class="summary-list">
          <dt>{t("services.pay.field.dossierCode")}</dt>
          <dd>{code}</dd>
          <dt>{t("services.pay.record.procedure")}</dt>
          <dd>{procedureName}</dd>
          <dt>{t("services.pay.field.applicant")}</dt>
          <dd>{dossier.applicantName}</dd>
          <dt>{t("services.pay.record.submittedAt")}</dt>
          <dd>{dossier.submittedAt ? formatDateTime(dossier.submittedAt) : "—"}</dd>
          <dt>{t("services.pay.record.feeDue")}</dt>
          <dd class="strong">{formatVnd(BigInt(dossier.feeDong))}</dd>
        </dl>
        {dossier.paidAt ? (
          <div class="panel panel-ok" role="status">
            <p>{t("services.pay.paidOn", { at: formatDateTime(dossier.paidAt) })}</p>
            {paid && (
              <p>
                {t(`services.pay.record.method.${paid.gateway}`)} ·{" "}
                <a href={staffReceiptPath(slug, paid.id)}>
                  {t("services.pay.downloadReceipt", { number: paid.receiptNumber ?? "" })}
                </a>
              </p>
            )}
            <p>
              <a href={dossierPaymentsPath(slug, dossier.id)}>{t("services.pay.correct.payments.link")}</a>
            </p>
          </div>
        ) : !props.overview.isPayable ? (
          <p class="panel panel-warning">{t("services.pay.error.notPayable")}</p>
        ) : (
          <Form action={recordPaymentPath(slug, dossier.id)}>
            <SelectField
              name="method"
              label={t("services.pay.record.field.method")}
              form={props.form}
              options={[
                { value: "", label: t("services.pay.record.field.methodChoose") },
                ...recordedPaymentMethods.map((method) => ({
                  value: method,
                  label: t(`services.pay.record.method.${method}`),
                })),
              ]}
            />
            <TextField
              name="amount"
              label={t("services.pay.record.field.amount")}
              hint={t("services.pay.record.field.amountHint", { fee: formatVnd(BigInt(dossier.feeDong)) })}
              form={props.form}
              inputMode="numeric"
              width="medium"
              required
            />
            <TextField
              name="paidOn"
              label={t("services.pay.record.field.paidOn")}
              hint={t("services.pay.record.field.paidOnHint", {
                from: dossier.submittedAt ? formatDate(dossier.submittedAt) : "",
              })}
              form={props.form}
              width="short"
              required
            />
            <TextField
              name="bankReference"
              label={t("services.pay.record.field.bankReference")}
              hint={t("services.pay.record.field.bankReferenceHint")}
              form={props.form}
              width="medium"
            />
            <TextArea name="note" label={t("services.pay.record.field.note")} form={props.form} rows={3} />
            <SubmitButton label={t("services.pay.record.submit")} />
          </Form>
        )}
        <p>
          <a href={staffDossierPath(slug, dossier.id)}>{t("services.pay.record.backToDossier")}</a>
        </p>
      </div>
    </Layout>
  );
}
