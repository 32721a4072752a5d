import { formatDate, formatNumber } from "../../../platform/vn-format.ts";
import { Form, Pagination, TableWrap } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { ClaimRow, OfficerFilters, Page } from "../queries.ts";
import { enterpriseStatuses, sizeClasses } from "../schema.ts";
import type { EnterpriseRow } from "../services/membership.ts";
import { VSIC_SECTIONS } from "../vsic.ts";
import { StatusTag } from "./enterprise-summary.tsx";

function FilterSelect(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const { t } = usePage();
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name} class="input">
        <option value="">{t("enterprises.filter.all")}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ClaimDecisionButtons({ claim }: { claim: ClaimRow }) {
  const { t, province } = usePage();
  const action = `/${province!.slug}/admin/enterprises/${claim.enterpriseId}/claims/${claim.userId}`;
  return (
    <div class="item-actions">
      <Form action={action} class="inline-form">
        <input type="hidden" name="decision" value="approve" />
        <button type="submit" class="button">
          {t("enterprises.claim.approve")}
          <span class="visually-hidden"> {claim.fullName}</span>
        </button>
      </Form>
      <Form action={action} class="inline-form">
        <input type="hidden" name="decision" value="reject" />
        <button type="submit" class="button button-secondary">
          {t("enterprises.claim.reject")}
          <span class="visually-hidden"> {claim.fullName}</span>
        </button>
      </Form>
    </div>
  );
}

export function ClaimsTable({ claims, canManage }: { claims: ClaimRow[]; canManage: boolean }) {
  const { t, province } = usePage();
  if (claims.length === 0) return <p>{t("enterprises.claim.none")}</p>;
  return (
    <TableWrap caption={t("enterprises.claim.listCaption")}>
      <thead>
        <tr>
          <th scope="col">{t("enterprises.field.name")}</th>
          <th scope="col">{t("enterprises.claim.person")}</th>
          <th scope="col">{t("enterprises.field.claimNote")}</th>
          <th scope="col">{t("enterprises.claim.date")}</th>
          {canManage && <th scope="col">{t("enterprises.claim.decision")}</th>}
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={`${claim.enterpriseId}-${claim.userId}`}>
            <td>
              <a href={`/${province!.slug}/admin/enterprises/${claim.enterpriseId}`}>
                {claim.enterpriseName}
              </a>{" "}
              ({claim.taxCode})
            </td>
            <td>
              {claim.fullName}
              <br />
              {claim.email}
            </td>
            <td class="prewrap">{claim.claimNote}</td>
            <td>{formatDate(claim.createdAt)}</td>
            {canManage && (
              <td>
                <ClaimDecisionButtons claim={claim} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function AdminEnterpriseListPage({
  result,
  filters,
  claims,
  canManage,
}: {
  result: Page<EnterpriseRow>;
  filters: OfficerFilters;
  claims: ClaimRow[];
  canManage: boolean;
}) {
  const { t, province, locale } = usePage();
  const base = `/${province!.slug}/admin/enterprises`;
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    if (page > 1) params.set("page", String(page));
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  return (
    <Layout
      title={t("enterprises.admin.title")}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { label: t("enterprises.admin.title") },
      ]}
    >
      <div class="page-heading">
        <h1>{t("enterprises.admin.title")}</h1>
        {canManage && (
          <p class="actions">
            <a class="button button-secondary" href={`${base}/import`}>
              {t("enterprises.import.title")}
            </a>
          </p>
        )}
      </div>
      <form method="get" action={base} class="form enterprise-filters">
        <div class="field">
          <label for="filter-q">{t("enterprises.filter.q")}</label>
          <input id="filter-q" name="q" type="search" class="input" value={filters.q} />
        </div>
        <div class="field-row">
          <FilterSelect
            name="status"
            label={t("enterprises.field.status")}
            value={filters.status}
            options={enterpriseStatuses.map((status) => ({
              value: status,
              label: t(`enterprises.status.${status}`),
            }))}
          />
          <FilterSelect
            name="sizeClass"
            label={t("enterprises.field.sizeClass")}
            value={filters.sizeClass}
            options={[...sizeClasses, "unknown"].map((size) => ({
              value: size,
              label: t(`enterprises.sizeClass.${size}`),
            }))}
          />
          <FilterSelect
            name="section"
            label={t("enterprises.field.vsicSection")}
            value={filters.section}
            options={VSIC_SECTIONS.map((entry) => ({
              value: entry.section,
              label: `${entry.section} – ${locale === "en" ? entry.nameEn : entry.nameVi}`,
            }))}
          />
        </div>
        <button type="submit" class="button">
          {t("enterprises.filter.submit")}
        </button>
      </form>
      <p role="status">{t("enterprises.admin.total", { count: formatNumber(result.total) })}</p>
      {result.items.length > 0 && (
        <TableWrap caption={t("enterprises.admin.listCaption")}>
          <thead>
            <tr>
              <th scope="col">{t("enterprises.field.taxCode")}</th>
              <th scope="col">{t("enterprises.field.name")}</th>
              <th scope="col">{t("enterprises.field.vsicSection")}</th>
              <th scope="col">{t("enterprises.field.sizeClass")}</th>
              <th scope="col">{t("enterprises.field.status")}</th>
              <th scope="col">{t("enterprises.field.source")}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((enterprise) => (
              <tr key={enterprise.id}>
                <td class="nowrap">{enterprise.taxCode}</td>
                <td>
                  <a href={`${base}/${enterprise.id}`}>{enterprise.name}</a>
                </td>
                <td>{enterprise.vsicSection}</td>
                <td>{t(`enterprises.sizeClass.${enterprise.sizeClass ?? "unknown"}`)}</td>
                <td>
                  <StatusTag status={enterprise.status} />
                </td>
                <td>{t(`enterprises.source.${enterprise.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={query} />
      <h2>{t("enterprises.claim.pendingHeading")}</h2>
      <ClaimsTable claims={claims} canManage={canManage} />
    </Layout>
  );
}
