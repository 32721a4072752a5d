import { formatDateTime, formatVnd } from "../../../../platform/vn-format.ts";
import { Form } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { SimulatedPayment, SimulatorIssue } from "../../payments/index.ts";

/** The simulator's outcomes a developer or a browser test may pick (VNPay's codes in payments/simulator.ts). */
export const simulatorChoices = ["success", "cancelled", "insufficient-funds"] as const;

/**
 * The built-in gateway's payment page: the order as the signed URL states it and one button per outcome.
 * The signed request travels in a hidden field and is checked again when a button is pressed.
 */
export function SimulatorPage(props: { payment: SimulatedPayment; request: string }) {
  const { t } = usePage();
  const { payment } = props;
  return (
    <Layout title={t("services.pay.simulator.title")}>
      <div class="narrow">
        <h1>{t("services.pay.simulator.title")}</h1>
        <p class="panel panel-warning">{t("services.pay.simulator.notice")}</p>
        <dl class="summary-list">
          <dt>{t("services.pay.simulator.merchant")}</dt>
          <dd>
            <code>{payment.params.vnp_TmnCode}</code>
          </dd>
          <dt>{t("services.pay.field.txnRef")}</dt>
          <dd>
            <code>{payment.txnRef}</code>
          </dd>
          <dt>{t("services.pay.simulator.orderInfo")}</dt>
          <dd>{payment.orderInfo}</dd>
          <dt>{t("services.pay.field.amount")}</dt>
          <dd class="strong">{formatVnd(BigInt(payment.amount))}</dd>
          <dt>{t("services.pay.simulator.expiresAt")}</dt>
          <dd>{formatDateTime(payment.expiresAt)}</dd>
        </dl>
        <Form action="/payment-simulator/pay">
          <input type="hidden" name="request" value={props.request} />
          <fieldset class="field">
            <legend>{t("services.pay.simulator.choose")}</legend>
            <div class="actions">
              {simulatorChoices.map((outcome) => (
                <button
                  key={outcome}
                  type="submit"
                  name="outcome"
                  value={outcome}
                  class={outcome === "success" ? "button" : "button button-secondary"}
                >
                  {t(`services.pay.simulator.outcome.${outcome}`)}
                </button>
              ))}
            </div>
          </fieldset>
        </Form>
      </div>
    </Layout>
  );
}

/** A request the simulator refuses, with VNPay-like reasons (bad signature, expired, missing field…). */
export function SimulatorRefusedPage(props: { issues: SimulatorIssue[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t("services.pay.simulator.refusedTitle")}>
      <div class="narrow">
        <h1>{t("services.pay.simulator.refusedTitle")}</h1>
        <div class="error-summary" role="alert">
          <ul>
            {props.issues.map((issue, index) => (
              <li key={index}>
                {issue.message[locale === "en" ? "en" : "vi"]}
                {issue.field ? ` (${issue.field})` : ""}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Layout>
  );
}
