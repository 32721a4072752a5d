import { formatNumber } from "../../../../platform/vn-format.ts";
import { TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { ProgressFigures, ServiceDashboard } from "./queries.ts";
import { formatDays, formatShare, monthLabel, onTimeTotal, percentOf, scoreLabel, shares } from "./shares.ts";

export type DashboardCharts = { monthly: string; procedures: string; satisfaction: string };

/** A server-rendered chart and its caption; the same figures follow as a table. */
function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      <div class="chart-svg">
        {/* SVG from our own ECharts renderer (as the floor statistics): procedure codes and numbers only,
            and ECharts escapes its text nodes. */}
        <div dangerouslySetInnerHTML={{ __html: svg }} />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

function ProgressHeadings() {
  const { t } = usePage();
  const headings = [
    "services.dashboard.received",
    "services.dashboard.onlineShare",
    "services.dashboard.processed",
    "services.dashboard.processedOnTime",
    "services.dashboard.processedLate",
    "services.dashboard.onTimeShare",
    "services.dashboard.paidOnlineShare",
  ];
  return (
    <>
      {headings.map((key) => (
        <th key={key} scope="col" class="numeric">
          {t(key)}
        </th>
      ))}
    </>
  );
}

function ProgressCells({ figures }: { figures: ProgressFigures }) {
  const share = shares(figures);
  return (
    <>
      <td class="numeric">{formatNumber(figures.received)}</td>
      <td class="numeric">{formatShare(share.online)}</td>
      <td class="numeric">{formatNumber(figures.processed)}</td>
      <td class="numeric">{formatNumber(onTimeTotal(figures))}</td>
      <td class="numeric">{formatNumber(figures.late)}</td>
      <td class="numeric">{formatShare(share.onTime)}</td>
      <td class="numeric">{formatShare(share.paidOnline)}</td>
    </>
  );
}

export function DashboardPage({
  dashboard,
  charts,
}: {
  dashboard: ServiceDashboard;
  charts: DashboardCharts;
}) {
  const { t, province, locale } = usePage();
  const base = `/${province!.slug}/admin/services/dashboard`;
  const { totals, satisfaction } = dashboard;
  const share = shares(totals);
  const years = [...new Set([...dashboard.years, dashboard.year])].sort((a, b) => b - a);
  return (
    <Layout
      title={t("services.dashboard.title")}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { label: t("services.dashboard.title") },
      ]}
    >
      <div class="page-heading">
        <h1>{t("services.dashboard.title")}</h1>
        <a class="button button-secondary" href={`${base}.xlsx?year=${dashboard.year}`}>
          {t("services.dashboard.downloadXlsx")}
        </a>
      </div>
      <p class="lead">{t("services.dashboard.lead")}</p>
      <form method="get" action={base} class="form floor-stats-period">
        <div class="field">
          <label for="field-year">{t("services.dashboard.year")}</label>
          <select id="field-year" name="year" class="input input-medium">
            {years.map((year) => (
              <option key={year} value={String(year)} selected={year === dashboard.year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t("services.dashboard.show")}
        </button>
      </form>

      <h2>{t("services.dashboard.groupProgress")}</h2>
      <dl class="summary-list services-dashboard-summary">
        <dt>{t("services.dashboard.received")}</dt>
        <dd>{formatNumber(totals.received)}</dd>
        <dt>{t("services.dashboard.processed")}</dt>
        <dd>{formatNumber(totals.processed)}</dd>
        <dt>{t("services.dashboard.processedOnTime")}</dt>
        <dd>{formatNumber(onTimeTotal(totals))}</dd>
        <dt>{t("services.dashboard.processedEarly")}</dt>
        <dd>{formatNumber(totals.early)}</dd>
        <dt>{t("services.dashboard.processedLate")}</dt>
        <dd>{formatNumber(totals.late)}</dd>
        <dt>{t("services.dashboard.onTimeShare")}</dt>
        <dd>{formatShare(share.onTime)}</dd>
        <dt>{t("services.dashboard.averageDays")}</dt>
        <dd>{formatDays(totals.averageProcessingDays)}</dd>
        <dt>{t("services.dashboard.inProgress")}</dt>
        <dd>{formatNumber(dashboard.inProgress)}</dd>
        <dt>{t("services.dashboard.overdueInProgress")}</dt>
        <dd>{formatNumber(dashboard.overdueInProgress)}</dd>
      </dl>
      <p class="hint">{t("services.dashboard.averageDaysHint")}</p>

      <h2>{t("services.dashboard.groupOnline")}</h2>
      <dl class="summary-list services-dashboard-summary">
        <dt>{t("services.dashboard.receivedOnline")}</dt>
        <dd>{formatNumber(totals.receivedOnline)}</dd>
        <dt>{t("services.dashboard.onlineShare")}</dt>
        <dd>{formatShare(share.online)}</dd>
        <dt>{t("services.dashboard.withFee")}</dt>
        <dd>{formatNumber(totals.withFee)}</dd>
        <dt>{t("services.dashboard.paidOnline")}</dt>
        <dd>{formatNumber(totals.paidOnline)}</dd>
        <dt>{t("services.dashboard.paidOnlineShare")}</dt>
        <dd>{formatShare(share.paidOnline)}</dd>
      </dl>

      <h2>{t("services.dashboard.byMonth")}</h2>
      <Chart svg={charts.monthly} caption={t("services.dashboard.byMonthCaption")} />
      <TableWrap caption={`${t("services.dashboard.byMonth")} — ${dashboard.year}`}>
        <thead>
          <tr>
            <th scope="col">{t("services.dashboard.month")}</th>
            <ProgressHeadings />
          </tr>
        </thead>
        <tbody>
          {dashboard.byMonth.map((row) => (
            <tr key={row.month}>
              <th scope="row">{monthLabel(row.month)}</th>
              <ProgressCells figures={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("services.dashboard.total")}</th>
            <ProgressCells figures={totals} />
          </tr>
        </tfoot>
      </TableWrap>

      <h2>{t("services.dashboard.byProcedure")}</h2>
      {dashboard.byProcedure.length === 0 ? (
        <p>{t("services.dashboard.none")}</p>
      ) : (
        <>
          <Chart svg={charts.procedures} caption={t("services.dashboard.byProcedureCaption")} />
          <TableWrap caption={`${t("services.dashboard.byProcedure")} — ${dashboard.year}`}>
            <thead>
              <tr>
                <th scope="col">{t("services.dashboard.procedure")}</th>
                <ProgressHeadings />
                <th scope="col" class="numeric">
                  {t("services.dashboard.averageDays")}
                </th>
              </tr>
            </thead>
            <tbody>
              {dashboard.byProcedure.map((row) => (
                <tr key={row.procedureId}>
                  <th scope="row">
                    <span class="code">{row.code}</span> {locale === "en" ? row.nameEn : row.name}
                  </th>
                  <ProgressCells figures={row} />
                  <td class="numeric">{formatDays(row.averageProcessingDays)}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        </>
      )}

      <h2>{t("services.dashboard.satisfaction")}</h2>
      <dl class="summary-list services-dashboard-summary">
        <dt>{t("services.dashboard.ratingCount")}</dt>
        <dd>{formatNumber(satisfaction.count)}</dd>
        <dt>{t("services.dashboard.ratingAverage")}</dt>
        <dd>
          {satisfaction.average === null
            ? "—"
            : formatNumber(satisfaction.average, { maximumFractionDigits: 2, minimumFractionDigits: 2 })}
        </dd>
      </dl>
      <Chart svg={charts.satisfaction} caption={t("services.dashboard.satisfactionCaption")} />
      <TableWrap caption={`${t("services.dashboard.satisfaction")} — ${dashboard.year}`}>
        <thead>
          <tr>
            <th scope="col">{t("services.dashboard.score")}</th>
            <th scope="col" class="numeric">
              {t("services.dashboard.ratings")}
            </th>
            <th scope="col" class="numeric">
              {t("services.dashboard.ratingShare")}
            </th>
          </tr>
        </thead>
        <tbody>
          {satisfaction.distribution.map((row) => (
            <tr key={row.score}>
              <th scope="row">
                {row.score} — {scoreLabel(row.score, t)}
              </th>
              <td class="numeric">{formatNumber(row.count)}</td>
              <td class="numeric">{formatShare(percentOf(row.count, satisfaction.count))}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </Layout>
  );
}
