import { Fragment } from "preact";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  type FormState,
  Pagination,
  SelectField,
  TableWrap,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { paymentStatuses } from "../../schema.ts";
import { type Reconciliation, type ReconciliationFilters, reconciliationFlags } from "../reconciliation.ts";
import { CorrectionLinks, CorrectionNote } from "./correction-parts.tsx";

const money = (dong: number) => formatVnd(BigInt(dong));

export function ReconciliationPage(props: {
  reconciliation: Reconciliation;
  filters: ReconciliationFilters;
  form: FormState;
  page: number;
  pageCount: number;
  query: string;
}) {
  const { t, province } = usePage();
  const { reconciliation, filters } = props;
  const base = `/${province!.slug}/admin/services/payments`;
  const title = t("services.pay.reconciliation.title");
  return (
    <Layout title={title} breadcrumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t("services.pay.reconciliation.lead")}</p>
      <p>{t("services.pay.record.reconciliationNote")}</p>
      <ErrorSummary issues={props.form.issues} />
      <form method="get" action={base} class="form">
        <div class="field-row">
          <TextField
            name="from"
            label={t("services.pay.reconciliation.from")}
            hint={t("form.dateHint")}
            form={props.form}
            width="short"
          />
          <TextField
            name="to"
            label={t("services.pay.reconciliation.to")}
            hint={t("form.dateHint")}
            form={props.form}
            width="short"
          />
          <SelectField
            name="status"
            label={t("services.pay.field.status")}
            form={props.form}
            options={[
              { value: "", label: t("services.pay.reconciliation.allStatuses") },
              ...paymentStatuses.map((status) => ({
                value: status,
                label: t(`services.pay.status.${status}`),
              })),
            ]}
          />
          <SelectField
            name="flag"
            label={t("services.pay.field.flags")}
            form={props.form}
            options={[
              { value: "", label: t("services.pay.reconciliation.allRows") },
              { value: "any", label: t("services.pay.reconciliation.anyFlag") },
              ...reconciliationFlags.map((flag) => ({ value: flag, label: t(`services.pay.flag.${flag}`) })),
            ]}
          />
        </div>
        <button type="submit" class="button">
          {t("services.pay.reconciliation.filter")}
        </button>
      </form>
      <p class="actions">
        <a class="button button-secondary" href={`${base}.xlsx?${props.query}`}>
          {t("services.pay.reconciliation.export")}
        </a>
      </p>
      <h2>
        {t("services.pay.reconciliation.period", {
          from: formatDate(filters.from),
          to: formatDate(filters.to),
        })}
      </h2>
      <dl class="summary-list">
        {reconciliation.byStatus.map((line) => (
          <Fragment key={line.status}>
            <dt>{t(`services.pay.status.${line.status}`)}</dt>
            <dd>
              {t("services.pay.reconciliation.countAndAmount", {
                count: formatNumber(line.count),
                amount: money(line.amountDong),
              })}
            </dd>
          </Fragment>
        ))}
        <dt>{t("services.pay.reconciliation.paidTotal")}</dt>
        <dd class="strong">{money(reconciliation.paidAmountDong)}</dd>
        <dt>{t("services.pay.reconciliation.flagged")}</dt>
        <dd>{formatNumber(reconciliation.flaggedCount)}</dd>
      </dl>
      <TableWrap
        caption={t("services.pay.reconciliation.caption", { total: formatNumber(reconciliation.total) })}
      >
        <thead>
          <tr>
            <th scope="col">{t("services.pay.field.createdAt")}</th>
            <th scope="col">{t("services.pay.field.txnRef")}</th>
            <th scope="col">{t("services.pay.field.dossierCode")}</th>
            <th scope="col">{t("services.pay.record.field.method")}</th>
            <th scope="col" class="numeric">
              {t("services.pay.field.amount")}
            </th>
            <th scope="col">{t("services.pay.field.status")}</th>
            <th scope="col">{t("services.pay.field.transactionNo")}</th>
            <th scope="col">{t("services.pay.field.receiptNumber")}</th>
            <th scope="col" class="numeric">
              {t("services.pay.field.ipnCount")}
            </th>
            <th scope="col">{t("services.pay.field.flags")}</th>
            <th scope="col">{t("services.pay.correct.field.correction")}</th>
          </tr>
        </thead>
        <tbody>
          {reconciliation.rows.map((row) => (
            <tr key={row.id}>
              <td class="nowrap">{formatDateTime(row.createdAt)}</td>
              <td>
                <code>{row.txnRef}</code>
              </td>
              <td>
                {row.dossierCode ?? ""}
                <br />
                <span class="meta">{row.applicantName}</span>
              </td>
              <td>{t(`services.pay.record.method.${row.gateway}`)}</td>
              <td class="numeric">{money(row.amountDong)}</td>
              <td>{t(`services.pay.status.${row.status}`)}</td>
              <td>{row.gatewayTransactionNo ?? ""}</td>
              <td>
                {row.receiptNumber ? <a href={`${base}/${row.id}/receipt.pdf`}>{row.receiptNumber}</a> : ""}
              </td>
              <td class="numeric">{row.ipnCount}</td>
              <td>
                {row.flags.map((flag) => (
                  <span key={flag} class="tag">
                    {t(`services.pay.flag.${flag}`)}
                  </span>
                ))}
              </td>
              <td>
                {row.correction ? (
                  <CorrectionNote correction={row.correction} />
                ) : (
                  <CorrectionLinks paymentId={row.id} gateway={row.gateway} status={row.status} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <Pagination
        page={props.page}
        pageCount={props.pageCount}
        hrefFor={(page) => `${base}?${props.query}${props.query ? "&" : ""}page=${page}`}
      />
    </Layout>
  );
}
