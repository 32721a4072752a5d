import type { Translate } from "../../../../platform/i18n.ts";
import { formatDate, formatNumber } from "../../../../platform/vn-format.ts";
import { Pagination, TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { INBOX_STATES, type Inbox, type InboxFilters, type InboxRow } from "./inbox-query.ts";

export const inboxPath = (slug: string) => `/${slug}/admin/services/inbox`;

function FilterSelect(props: {
  name: keyof InboxFilters;
  label: string;
  value: string;
  withAll?: boolean;
  options: { value: string; label: string }[];
}) {
  const { t } = usePage();
  return (
    <div class="field">
      <label for={`inbox-${props.name}`}>{props.label}</label>
      <select id={`inbox-${props.name}`} name={props.name} class="input">
        {props.withAll && <option value="">{t("services.processing.inbox.all")}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Days left, in words as well as numbers: colour alone must not carry "overdue" (WCAG 1.4.1). A plain function
 * rather than a component: it runs for every row, and a component costs the renderer more than its markup.
 */
function renderDaysLeft(row: Pick<InboxRow, "workingDaysLeft" | "state">, t: Translate) {
  if (row.state === "awaiting-supplement")
    return <span class="tag">{t("services.processing.clock.paused")}</span>;
  if (row.workingDaysLeft === null) return <span class="meta">—</span>;
  if (row.workingDaysLeft < 0) {
    return (
      <strong class="tag">{t("services.processing.clock.overdueBy", { days: -row.workingDaysLeft })}</strong>
    );
  }
  return <span>{t("services.processing.clock.daysLeft", { days: row.workingDaysLeft })}</span>;
}

function InboxFilterForm({ inbox, filters }: { inbox: Inbox; filters: InboxFilters }) {
  const { t, province, locale } = usePage();
  return (
    <form method="get" action={inboxPath(province!.slug)} class="form enterprise-filters">
      <div class="field-row">
        {inbox.canSeeProvince && (
          <FilterSelect
            name="scope"
            label={t("services.processing.inbox.filter.scope")}
            value={filters.scope}
            options={[
              { value: "unit", label: t("services.processing.inbox.scope.unit") },
              { value: "province", label: t("services.processing.inbox.scope.province") },
            ]}
          />
        )}
        <FilterSelect
          name="state"
          label={t("services.processing.inbox.filter.state")}
          value={filters.state}
          withAll
          options={INBOX_STATES.map((state) => ({
            value: state,
            label: `${t(`services.state.${state}`)} (${formatNumber(inbox.stateCounts[state] ?? 0)})`,
          }))}
        />
        <FilterSelect
          name="procedure"
          label={t("services.processing.inbox.filter.procedure")}
          value={filters.procedure}
          withAll
          options={inbox.procedures.map((procedure) => ({
            value: String(procedure.id),
            label: `${procedure.code} – ${locale === "en" ? procedure.nameEn : procedure.name}`,
          }))}
        />
        <FilterSelect
          name="due"
          label={t("services.processing.inbox.filter.due")}
          value={filters.due}
          withAll
          options={[
            { value: "soon", label: t("services.processing.inbox.due.soon") },
            { value: "overdue", label: t("services.processing.inbox.due.overdue") },
          ]}
        />
        <FilterSelect
          name="holder"
          label={t("services.processing.inbox.filter.holder")}
          value={filters.holder}
          withAll
          options={[
            { value: "me", label: t("services.processing.inbox.holder.me") },
            { value: "unheld", label: t("services.processing.inbox.holder.unheld") },
          ]}
        />
      </div>
      <button type="submit" class="button">
        {t("services.processing.inbox.filter.submit")}
      </button>
    </form>
  );
}

function InboxTable({ items }: { items: InboxRow[] }) {
  const { t, province, locale } = usePage();
  // Worked out once per page rather than once per row.
  const dossierPath = `/${province!.slug}/admin/services/dossiers/`;
  const noCode = t("services.processing.noCode");
  const unheld = t("services.processing.inbox.unheld");
  const stateLabels = new Map<string, string>(
    INBOX_STATES.map((state) => [state, t(`services.state.${state}`)]),
  );
  return (
    <TableWrap caption={t("services.processing.inbox.caption")}>
      <thead>
        <tr>
          <th scope="col">{t("services.processing.field.code")}</th>
          <th scope="col">{t("services.processing.field.procedure")}</th>
          <th scope="col">{t("services.processing.field.applicant")}</th>
          <th scope="col">{t("services.processing.field.state")}</th>
          <th scope="col">{t("services.processing.field.received")}</th>
          <th scope="col">{t("services.processing.field.due")}</th>
          <th scope="col">{t("services.processing.field.daysLeft")}</th>
          <th scope="col">{t("services.processing.field.holder")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((row) => (
          <tr key={row.id}>
            <td class="nowrap">
              <a href={dossierPath + row.id}>{row.code ?? noCode}</a>
            </td>
            <td>{locale === "en" ? row.procedureNameEn : row.procedureName}</td>
            <td>{row.applicantName}</td>
            <td>{stateLabels.get(row.state) ?? t(`services.state.${row.state}`)}</td>
            <td class="nowrap">
              {row.receivedAt
                ? formatDate(row.receivedAt)
                : row.submittedAt
                  ? t("services.processing.inbox.submittedOn", { date: formatDate(row.submittedAt) })
                  : "—"}
            </td>
            <td class="nowrap">{row.dueDate ? formatDate(row.dueDate) : "—"}</td>
            <td class="nowrap">{renderDaysLeft(row, t)}</td>
            <td>{row.holderName ?? <span class="meta">{unheld}</span>}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function InboxPage({ inbox, filters }: { inbox: Inbox; filters: InboxFilters }) {
  const { t, province, actor } = usePage();
  const slug = province!.slug;
  const title = t("services.processing.inbox.title");
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters))
      if (value && !(key === "scope" && value === "unit")) params.set(key, value);
    if (page > 1) params.set("page", String(page));
    const text = params.toString();
    return text ? `${inboxPath(slug)}?${text}` : inboxPath(slug);
  };
  const isAdmin = Boolean(actor?.roles.has("admin") || actor?.roles.has("operator"));
  return (
    <Layout title={title} breadcrumbs={[{ href: `/${slug}`, label: t("nav.home") }, { label: title }]}>
      <div class="page-heading">
        <h1>{title}</h1>
        {isAdmin && (
          <p class="actions">
            <a class="button button-secondary" href={`/${slug}/admin/services/holidays`}>
              {t("services.processing.holidays.link")}
            </a>{" "}
            <a class="button button-secondary" href={`/${slug}/admin/services/settings`}>
              {t("services.processing.settings.title")}
            </a>
          </p>
        )}
      </div>
      <InboxFilterForm inbox={inbox} filters={filters} />
      {inbox.hasNoUnit && filters.scope === "unit" && (
        <p class="panel panel-warning">{t("services.processing.inbox.noUnit")}</p>
      )}
      <p role="status">
        {t(
          inbox.isTotalCapped ? "services.processing.inbox.totalCapped" : "services.processing.inbox.total",
          {
            count: formatNumber(inbox.total),
          },
        )}
      </p>
      {inbox.items.length > 0 && <InboxTable items={inbox.items} />}
      <Pagination page={inbox.page} pageCount={inbox.pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
