import { formatNumber } from "../../../platform/vn-format.ts";
import { TableWrap } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { type FloorStats, monthLabel, periodLabel } from "./queries.ts";

export type FloorStatsCharts = { categories: string; monthly: string; ocop: string };

/** A server-rendered chart and its caption; the same figures follow as a table. */
function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      <div class="chart-svg">
        {/* SVG from our own ECharts renderer (like the plans' budget chart): labels come from the category
            reference data and numbers, and ECharts escapes its text nodes. */}
        <div dangerouslySetInnerHTML={{ __html: svg }} />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export function FloorStatsPage({
  stats,
  charts,
  selectedYear,
}: {
  stats: FloorStats;
  charts: FloorStatsCharts;
  selectedYear: number | null;
}) {
  const { t, province, locale } = usePage();
  const base = `/${province!.slug}/admin/floor-stats`;
  const xlsxHref = `${base}.xlsx${selectedYear === null ? "" : `?year=${selectedYear}`}`;
  const totalProducts = stats.byCategory.reduce((sum, row) => sum + row.products, 0);
  const totalOffers = stats.byCategory.reduce((sum, row) => sum + row.offers, 0);
  return (
    <Layout
      title={t("floorStats.title")}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: t("floorStats.title") }]}
    >
      <div class="page-heading">
        <h1>{t("floorStats.title")}</h1>
        <a class="button button-secondary" href={xlsxHref}>
          {t("floorStats.downloadXlsx")}
        </a>
      </div>
      <p class="lead">{t("floorStats.lead")}</p>
      <form method="get" action={base} class="form floor-stats-period">
        <div class="field">
          <label for="field-year">{t("floorStats.period")}</label>
          <select id="field-year" name="year" class="input input-medium">
            <option value="" selected={selectedYear === null}>
              {t("floorStats.last12")}
            </option>
            {[...new Set([...stats.years, ...(selectedYear === null ? [] : [selectedYear])])].map((year) => (
              <option key={year} value={String(year)} selected={selectedYear === year}>
                {t("floorStats.periodYear", { year })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t("floorStats.show")}
        </button>
      </form>

      <h2>{t("floorStats.overview")}</h2>
      <dl class="summary-list floor-stats-summary">
        <dt>{t("floorStats.enterprisesOnFloor")}</dt>
        <dd>{formatNumber(stats.enterprisesOnFloor)}</dd>
        <dt>{t("floorStats.verifiedEnterprises")}</dt>
        <dd>{formatNumber(stats.verifiedEnterprises)}</dd>
        <dt>{t("floorStats.badgeHolders")}</dt>
        <dd>{formatNumber(stats.badgeHolders)}</dd>
        <dt>{t("floorStats.publishedProducts")}</dt>
        <dd>{formatNumber(totalProducts)}</dd>
        <dt>{t("floorStats.openOffers")}</dt>
        <dd>{formatNumber(totalOffers)}</dd>
      </dl>

      <h2>{t("floorStats.byCategory")}</h2>
      <Chart svg={charts.categories} caption={t("floorStats.byCategoryCaption")} />
      <TableWrap caption={t("floorStats.byCategory")}>
        <thead>
          <tr>
            <th scope="col">{t("floorStats.category")}</th>
            <th scope="col" class="numeric">
              {t("floorStats.products")}
            </th>
            <th scope="col" class="numeric">
              {t("floorStats.offers")}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.byCategory.map((row) => (
            <tr key={row.slug}>
              <th scope="row">{locale === "en" ? row.nameEn : row.name}</th>
              <td class="numeric">{formatNumber(row.products)}</td>
              <td class="numeric">{formatNumber(row.offers)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("floorStats.total")}</th>
            <td class="numeric">{formatNumber(totalProducts)}</td>
            <td class="numeric">{formatNumber(totalOffers)}</td>
          </tr>
        </tfoot>
      </TableWrap>

      <h2>{t("floorStats.monthly")}</h2>
      <p>{periodLabel(stats, t)}</p>
      <Chart svg={charts.monthly} caption={t("floorStats.monthlyCaption")} />
      <TableWrap caption={`${t("floorStats.monthly")} — ${periodLabel(stats, t)}`}>
        <thead>
          <tr>
            <th scope="col">{t("floorStats.month")}</th>
            <th scope="col" class="numeric">
              {t("floorStats.sellOffers")}
            </th>
            <th scope="col" class="numeric">
              {t("floorStats.buyOffers")}
            </th>
            <th scope="col" class="numeric">
              {t("floorStats.inquiries")}
            </th>
            <th scope="col" class="numeric">
              {t("floorStats.quotes")}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.monthly.map((row) => (
            <tr key={row.month}>
              <th scope="row">{monthLabel(row.month)}</th>
              <td class="numeric">{formatNumber(row.sellOffers)}</td>
              <td class="numeric">{formatNumber(row.buyOffers)}</td>
              <td class="numeric">{formatNumber(row.inquiries)}</td>
              <td class="numeric">{formatNumber(row.quotes)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>

      <h2>{t("floorStats.ocop")}</h2>
      <Chart svg={charts.ocop} caption={t("floorStats.ocopCaption")} />
      <TableWrap caption={t("floorStats.ocop")}>
        <thead>
          <tr>
            <th scope="col">{t("floorStats.starsHeading")}</th>
            <th scope="col" class="numeric">
              {t("floorStats.products")}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.ocopByStars.map((row) => (
            <tr key={row.stars}>
              <th scope="row">{t("floorStats.stars", { stars: row.stars })}</th>
              <td class="numeric">{formatNumber(row.products)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </Layout>
  );
}
