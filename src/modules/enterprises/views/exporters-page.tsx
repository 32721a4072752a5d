import { formatNumber } from "../../../platform/vn-format.ts";
import { Pagination } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { ExporterEntry, ExporterFilters } from "../exporters.ts";
import type { Page } from "../queries.ts";

function filterQuery(filters: ExporterFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function ExporterCard({ entry }: { entry: ExporterEntry }) {
  const { t } = usePage();
  return (
    <li class="card exporter-card" lang="en">
      <h2>{entry.name}</h2>
      {entry.name !== entry.nameVi && (
        <p class="meta" lang="vi">
          {entry.nameVi}
        </p>
      )}
      <dl class="summary-list">
        <dt>{t("enterprises.exporters.products")}</dt>
        <dd>{entry.products || "—"}</dd>
        <dt>{t("enterprises.exporters.hsCodes")}</dt>
        <dd>
          {entry.hsCodes.length === 0
            ? "—"
            : entry.hsCodes.map((hs) => (
                <span key={hs.code} class="exporter-hs">
                  {hs.code}
                  {hs.chapterName ? ` (Ch. ${hs.chapter}: ${hs.chapterName})` : ""}
                </span>
              ))}
        </dd>
        <dt>{t("enterprises.exporters.markets")}</dt>
        <dd>{entry.markets.join(", ") || "—"}</dd>
        <dt>{t("enterprises.exporters.address")}</dt>
        <dd>{entry.address || "—"}</dd>
        {entry.phone && (
          <>
            <dt>{t("enterprises.exporters.phone")}</dt>
            <dd>
              <a href={`tel:${entry.phone}`}>{entry.phone}</a>
            </dd>
          </>
        )}
        {entry.email && (
          <>
            <dt>{t("enterprises.exporters.email")}</dt>
            <dd>
              <a href={`mailto:${entry.email}`}>{entry.email}</a>
            </dd>
          </>
        )}
        {entry.website && /^https?:\/\//i.test(entry.website) && (
          <>
            <dt>{t("enterprises.exporters.website")}</dt>
            <dd>
              <a href={entry.website} rel="noopener nofollow">
                {entry.website}
              </a>
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}

export function ExportersPage({
  result,
  filters,
  chapters,
}: {
  result: Page<ExporterEntry>;
  filters: ExporterFilters;
  chapters: { chapter: string; name: string }[];
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/exporters`;
  const query = filterQuery(filters);
  return (
    <Layout
      title={t("enterprises.exporters.title")}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { label: t("enterprises.exporters.title") },
      ]}
    >
      <h1>{t("enterprises.exporters.title")}</h1>
      <p class="lead">{t("enterprises.exporters.lead", { province: province!.name })}</p>
      <form method="get" action={base} class="form enterprise-filters">
        <div class="field">
          <label for="filter-q">{t("enterprises.exporters.q")}</label>
          <input id="filter-q" name="q" type="search" class="input" value={filters.q} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for="filter-chapter">{t("enterprises.exporters.chapter")}</label>
            <select id="filter-chapter" name="chapter" class="input">
              <option value="">{t("enterprises.filter.all")}</option>
              {chapters.map((chapter) => (
                <option
                  key={chapter.chapter}
                  value={chapter.chapter}
                  selected={chapter.chapter === filters.chapter}
                >
                  {chapter.chapter} – {chapter.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-market">{t("enterprises.exporters.market")}</label>
            <input id="filter-market" name="market" class="input input-medium" value={filters.market} />
          </div>
        </div>
        <button type="submit" class="button">
          {t("enterprises.filter.submit")}
        </button>
      </form>
      <p role="status">{t("enterprises.exporters.total", { count: formatNumber(result.total) })}</p>
      <p class="actions">
        <a href={`${base}.csv${query}`} download>
          {t("enterprises.exporters.downloadCsv")}
        </a>{" "}
        · <a href={`${base}.xlsx${query}`}>{t("enterprises.exporters.downloadXlsx")}</a>
      </p>
      {result.items.length === 0 ? (
        <p>{t("enterprises.exporters.none")}</p>
      ) : (
        <ul class="card-list">
          {result.items.map((entry) => (
            <ExporterCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={(page) => `${base}${filterQuery(filters, page)}`}
      />
    </Layout>
  );
}
