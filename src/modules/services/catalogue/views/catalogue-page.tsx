import { formatNumber } from "../../../../platform/vn-format.ts";
import { Pagination } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { procedureKinds } from "../../schema.ts";
import type { CatalogueFilters, CatalogueItem, Page, UnitName } from "../queries.ts";
import { dong, unitLabel } from "./procedure-facts.tsx";

function FilterSelect(props: {
  name: keyof CatalogueFilters;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const { t } = usePage();
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name} class="input">
        <option value="">{t("services.catalogue.filter.all")}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function cataloguePath(base: string, filters: CatalogueFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** The public catalogue: one search box (with or without diacritics), filters, a paged list. */
export function CataloguePage(props: {
  result: Page<CatalogueItem>;
  filters: CatalogueFilters;
  facets: { fields: string[]; units: UnitName[] };
  units: ReadonlyMap<number, UnitName>;
}) {
  const { t, province, locale } = usePage();
  const { result, filters } = props;
  const base = `/${province!.slug}/services`;
  const title = t("services.catalogue.title");
  return (
    <Layout
      title={filters.q ? t("services.catalogue.titleFor", { q: filters.q }) : title}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="lead">{t("services.catalogue.lead")}</p>
      <search>
        <form method="get" action={base} class="form enterprise-filters">
          <div class="search-box">
            <label for="filter-q">{t("services.catalogue.filter.q")}</label>
            <div class="search-box-row">
              <input id="filter-q" name="q" type="search" class="input" value={filters.q} maxLength={200} />
              <button type="submit" class="button">
                {t("services.catalogue.filter.submit")}
              </button>
            </div>
            <p class="hint">{t("services.catalogue.filter.hint")}</p>
          </div>
          <div class="field-row">
            <FilterSelect
              name="field"
              label={t("services.catalogue.fieldLabel")}
              value={filters.field}
              options={props.facets.fields.map((field) => ({
                value: field,
                label: t(`services.catalogue.field.${field}`),
              }))}
            />
            <FilterSelect
              name="level"
              label={t("services.catalogue.levelLabel")}
              value={filters.level}
              options={["1", "2", "3", "4"].map((level) => ({
                value: level,
                label: t("services.catalogue.levelValue", { level }),
              }))}
            />
            <FilterSelect
              name="unit"
              label={t("services.catalogue.implementingUnit")}
              value={filters.unit}
              options={props.facets.units.map((unit) => ({
                value: String(unit.id),
                label: locale === "en" && unit.nameEn ? unit.nameEn : unit.name,
              }))}
            />
            <FilterSelect
              name="kind"
              label={t("services.catalogue.kindLabel")}
              value={filters.kind}
              options={procedureKinds.map((kind) => ({
                value: kind,
                label: t(`services.catalogue.kind.${kind}`),
              }))}
            />
          </div>
          <button type="submit" class="button button-secondary">
            {t("services.catalogue.filter.apply")}
          </button>
        </form>
      </search>
      <p role="status">{t("services.catalogue.total", { count: formatNumber(result.total) })}</p>
      {result.items.length === 0 ? (
        <p class="search-empty">{t("services.catalogue.empty")}</p>
      ) : (
        <ul class="search-results">
          {result.items.map((item) => (
            <li key={item.code} class="search-result">
              <div class="search-result-body">
                <p class="search-result-type">
                  {t(`services.catalogue.field.${item.field}`)} · {t(`services.catalogue.kind.${item.kind}`)}
                </p>
                <h2>
                  <a href={`${base}/${encodeURIComponent(item.code)}`}>
                    {locale === "en" ? item.nameEn : item.name}
                  </a>
                </h2>
                <p class="search-result-meta">
                  {t("services.catalogue.code")}: {item.code} ·{" "}
                  {t("services.catalogue.levelValue", { level: item.level })} (
                  {t(`services.catalogue.onlineClass.${item.onlineClass}`)}) ·{" "}
                  {t("services.catalogue.workingDays", { days: item.processingWorkingDays })} ·{" "}
                  {item.onlineFeeDong > 0 ? dong(item.onlineFeeDong) : t("services.catalogue.fees.free")} ·{" "}
                  {unitLabel(props.units, item.implementingUnitId, locale)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => cataloguePath(base, filters, page)}
      />
    </Layout>
  );
}
