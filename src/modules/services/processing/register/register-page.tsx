import { formatDate, formatDateTime, formatNumber } from "../../../../platform/vn-format.ts";
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
import { type RegisterFilters, registerQueryString } from "./register-filters.ts";
import {
  REGISTER_EXPORT_LIMIT,
  REGISTER_PAGE_SIZE,
  type RegisterPage as RegisterData,
  type RegisterOptions,
  type RegisterRow,
} from "./register-query.ts";
import {
  REGISTER_COLUMNS,
  registerColumnLabel,
  registerNotesText,
  registerProcedureName,
  registerResultText,
  registerUnitName,
} from "./register-text.ts";

export const registerPath = (slug: string) => `/${slug}/admin/services/register`;

const dateOrDash = (value: Date | string | null) => (value === null ? "—" : formatDate(value));

function RegisterFilterForm({ options, form }: { options: RegisterOptions; form: FormState }) {
  const { t, province, locale } = usePage();
  return (
    <form method="get" action={registerPath(province!.slug)} class="form enterprise-filters">
      <div class="field-row">
        <TextField
          name="from"
          type="date"
          label={t("services.processing.register.filter.from")}
          form={form}
          width="short"
        />
        <TextField
          name="to"
          type="date"
          label={t("services.processing.register.filter.to")}
          form={form}
          width="short"
        />
        <SelectField
          name="procedure"
          label={t("services.processing.register.filter.procedure")}
          form={form}
          options={[
            { value: "", label: t("services.processing.register.filter.all") },
            ...options.procedures.map((procedure) => ({
              value: String(procedure.id),
              label: `${procedure.code} – ${locale === "en" ? procedure.nameEn : procedure.name}`,
            })),
          ]}
        />
        <SelectField
          name="unit"
          label={t("services.processing.register.filter.unit")}
          form={form}
          options={[
            { value: "", label: t("services.processing.register.filter.all") },
            ...options.units.map((unit) => ({
              value: String(unit.id),
              label: locale === "en" ? unit.nameEn : unit.name,
            })),
          ]}
        />
      </div>
      <button type="submit" class="button">
        {t("services.processing.register.filter.submit")}
      </button>
    </form>
  );
}

function ReceivedCell({ row }: { row: RegisterRow }) {
  const { t } = usePage();
  if (row.receivedAt) return <>{formatDateTime(row.receivedAt)}</>;
  if (!row.submittedAt) return <>—</>;
  return (
    <>
      {formatDateTime(row.submittedAt)}
      <br />
      <span class="meta">{t("services.processing.register.submittedOnline")}</span>
    </>
  );
}

function RegisterTable({ register }: { register: RegisterData }) {
  const { t, province, locale } = usePage();
  const firstNumber = (register.page - 1) * REGISTER_PAGE_SIZE + 1;
  return (
    <TableWrap caption={t("services.processing.register.caption")}>
      <thead>
        <tr>
          {REGISTER_COLUMNS.map((column) => (
            <th key={column} scope="col">
              {registerColumnLabel(column, t)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {register.rows.map((row, index) => (
          <tr key={row.id}>
            <td class="numeric">{formatNumber(firstNumber + index)}</td>
            <td class="nowrap">
              <a href={`/${province!.slug}/admin/services/dossiers/${row.id}`}>
                {row.code ?? t("services.processing.noCode")}
              </a>
            </td>
            <td>{registerProcedureName(row, locale)}</td>
            <td>{row.applicantName}</td>
            <td>
              {row.applicantAddress}
              <br />
              <span class="nowrap">{row.applicantPhone}</span>
            </td>
            <td>{registerUnitName(row, locale)}</td>
            <td class="nowrap">
              <ReceivedCell row={row} />
            </td>
            <td class="nowrap">{dateOrDash(row.dueDate)}</td>
            <td class="nowrap">{dateOrDash(row.forwardedAt)}</td>
            <td class="nowrap">{dateOrDash(row.resultAt)}</td>
            <td class="nowrap">{dateOrDash(row.handedOverAt)}</td>
            <td>{registerResultText(row, t)}</td>
            <td>{registerNotesText(row, t)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

/** The tracking register: filters, the period's total, the export link and one page of 50 rows. */
export function RegisterPage(props: {
  options: RegisterOptions;
  /** Absent when the filters were refused: nothing is listed. */
  register: RegisterData | null;
  filters: RegisterFilters;
  form: FormState;
}) {
  const { t, province } = usePage();
  const slug = province!.slug;
  const title = t("services.processing.register.title");
  const { register, filters, form } = props;
  const query = registerQueryString(form.values);
  return (
    <Layout title={title} breadcrumbs={[{ href: `/${slug}`, label: t("nav.home") }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t("services.processing.register.lead")}</p>
      <ErrorSummary issues={form.issues} />
      <RegisterFilterForm options={props.options} form={form} />
      {register && (
        <>
          <h2>
            {t("services.processing.register.period", {
              from: formatDate(filters.from),
              to: formatDate(filters.to),
            })}
          </h2>
          <p role="status">
            {t("services.processing.register.total", { count: formatNumber(register.total) })}
          </p>
          {register.total > 0 && (
            <p class="actions">
              <a class="button button-secondary" href={`${registerPath(slug)}.xlsx?${query}`}>
                {t("services.processing.register.export")}
              </a>
            </p>
          )}
          {register.total > REGISTER_EXPORT_LIMIT && (
            <p class="panel panel-warning">
              {t("services.processing.register.exportCapped", {
                count: formatNumber(register.total),
                limit: formatNumber(REGISTER_EXPORT_LIMIT),
              })}
            </p>
          )}
          {register.rows.length > 0 && <RegisterTable register={register} />}
          <Pagination
            page={register.page}
            pageCount={register.pageCount}
            hrefFor={(page) => `${registerPath(slug)}?${registerQueryString(form.values, page)}`}
          />
        </>
      )}
    </Layout>
  );
}
