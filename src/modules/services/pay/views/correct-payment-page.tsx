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
import type { PaymentForCorrection } from "../queries.ts";
import { refundMethods } from "../services/correct-payment.ts";
import {
  CorrectionNote,
  dossierPaymentsPath,
  isRecordedGateway,
  paymentsAdminPath,
  refundPaymentPath,
  voidPaymentPath,
} from "./correction-parts.tsx";

export type CorrectionKind = "void" | "refund";

/**
 * The officer's form to void a recorded payment or record a refund: the payment as it stands, the fields, a
 * warning (the correction is final and the applicant is told), POST with CSRF. A payment that is no longer
 * paid shows its correction instead of the form.
 */
export function CorrectPaymentPage(props: {
  kind: CorrectionKind;
  data: PaymentForCorrection;
  form: FormState;
}) {
  const { t, province, actor } = usePage();
  const slug = province!.slug;
  const { payment, dossier, correction } = props.data;
  const receipt = payment.receiptNumber ?? payment.txnRef;
  const title = t(`services.pay.correct.${props.kind}.title`, { receipt });
  const code = dossier.code ?? String(dossier.id);
  const isOwnRecord =
    payment.recordedByUserId !== null &&
    payment.recordedByUserId === actor?.userId &&
    !actor.roles.has("admin") &&
    !actor.roles.has("operator");
  const blocked =
    payment.status !== "paid"
      ? correction
        ? null
        : "services.pay.correct.error.notPaid"
      : props.kind === "void" && !isRecordedGateway(payment.gateway)
        ? "services.pay.correct.error.voidOnlineRefused"
        : props.kind === "void" && isOwnRecord
          ? "services.pay.correct.error.voidOwnRecord"
          : null;
  const action =
    props.kind === "void" ? voidPaymentPath(slug, payment.id) : refundPaymentPath(slug, payment.id);
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: paymentsAdminPath(slug), label: t("services.pay.reconciliation.title") },
        { href: dossierPaymentsPath(slug, dossier.id), label: code },
        { label: t(`services.pay.correct.${props.kind}.link`) },
      ]}
    >
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{t(`services.pay.correct.${props.kind}.lead`)}</p>
        <ErrorSummary issues={props.form.issues} />
        <dl class="summary-list">
          <dt>{t("services.pay.field.receiptNumber")}</dt>
          <dd>{payment.receiptNumber ?? "—"}</dd>
          <dt>{t("services.pay.field.dossierCode")}</dt>
          <dd>{code}</dd>
          <dt>{t("services.pay.field.applicant")}</dt>
          <dd>{dossier.applicantName}</dd>
          <dt>{t("services.pay.field.amount")}</dt>
          <dd class="strong">{formatVnd(BigInt(payment.amountDong))}</dd>
          <dt>{t("services.pay.record.field.method")}</dt>
          <dd>
            {t(`services.pay.record.method.${payment.gateway}`)}
            {payment.gatewayTransactionNo && <> ({payment.gatewayTransactionNo})</>}
          </dd>
          <dt>{t("services.pay.correct.field.paidOn")}</dt>
          <dd>
            {payment.paidAt
              ? isRecordedGateway(payment.gateway)
                ? formatDate(payment.paidAt)
                : formatDateTime(payment.paidAt)
              : "—"}
          </dd>
          <dt>{t("services.pay.correct.field.recordedBy")}</dt>
          <dd>{payment.recordedByName ?? t("services.pay.correct.recordedByGateway")}</dd>
          <dt>{t("services.pay.field.status")}</dt>
          <dd>{t(`services.pay.status.${payment.status}`)}</dd>
          {correction && (
            <>
              <dt>{t("services.pay.correct.field.correction")}</dt>
              <dd>
                <CorrectionNote correction={correction} />
              </dd>
            </>
          )}
        </dl>
        {payment.status !== "paid" ? (
          <p class="panel" role="status">
            {t(blocked ?? "services.pay.correct.error.alreadyCorrected")}
          </p>
        ) : blocked ? (
          <div class="panel panel-warning">
            <p>{t(blocked)}</p>
            {props.kind === "void" && !isRecordedGateway(payment.gateway) && (
              <p>
                <a href={refundPaymentPath(slug, payment.id)}>{t("services.pay.correct.refund.link")}</a>
              </p>
            )}
          </div>
        ) : (
          <Form action={action}>
            {props.kind === "refund" && (
              <>
                <SelectField
                  name="method"
                  label={t("services.pay.correct.field.method")}
                  form={props.form}
                  options={[
                    { value: "", label: t("services.pay.record.field.methodChoose") },
                    ...refundMethods.map((method) => ({
                      value: method,
                      label: t(`services.pay.correct.method.${method}`),
                    })),
                  ]}
                />
                <TextField
                  name="refundedOn"
                  label={t("services.pay.correct.field.refundedOn")}
                  hint={t("services.pay.correct.field.refundedOnHint", {
                    from: payment.paidAt ? formatDate(payment.paidAt) : "",
                  })}
                  form={props.form}
                  width="short"
                  required
                />
                <TextField
                  name="reference"
                  label={t("services.pay.correct.field.reference")}
                  hint={t("services.pay.correct.field.referenceHint")}
                  form={props.form}
                  width="medium"
                />
              </>
            )}
            <TextArea
              name="reason"
              label={t("services.pay.correct.field.reason")}
              hint={t("services.pay.correct.field.reasonHint")}
              form={props.form}
              rows={4}
              required
            />
            <div class="panel panel-warning">
              <p>
                <strong>
                  <span class="visually-hidden">{t("services.pay.correct.warningPrefix")} </span>
                  {t(`services.pay.correct.${props.kind}.warning`, {
                    amount: formatVnd(BigInt(payment.amountDong)),
                  })}
                </strong>
              </p>
            </div>
            <SubmitButton label={t(`services.pay.correct.${props.kind}.submit`)} variant="danger" />
          </Form>
        )}
        <p>
          <a href={dossierPaymentsPath(slug, dossier.id)}>{t("services.pay.correct.backToPayments")}</a>
        </p>
      </div>
    </Layout>
  );
}
