import type { HostedProvince } from "../platform/request-context.ts";
import { Layout } from "../views/layout.tsx";
import { usePage } from "../views/page-context.ts";
import { provinceDisplayName } from "../views/province-name.ts";

export function RootPage({ provinces }: { provinces: HostedProvince[] }) {
  const { t } = usePage();
  return (
    <Layout title={t("root.title")}>
      <h1>{t("root.title")}</h1>
      <p class="lead">{t("root.lead")}</p>
      <h2>{t("root.hostedProvinces")}</h2>
      {provinces.length === 0 && <p>{t("root.noProvinces")}</p>}
      <ul class="card-list">
        {provinces.map((province) => (
          <li class="card" key={province.id}>
            <h3>
              <a href={`/${province.slug}`}>{provinceDisplayName(province, t)}</a>
            </h3>
            {province.successor ? (
              <p>
                {t("province.mergedShort", {
                  successor: provinceDisplayName(province.successor, t),
                  date: "01/07/2025",
                })}
              </p>
            ) : (
              <p>{t("province.current")}</p>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export type PortalSummary = {
  planCount: number;
  latestPlans: { id: number; title: string; periodStart: number; periodEnd: number }[];
};

export function PortalHomePage({ summary }: { summary: PortalSummary }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  return (
    <Layout title={t("nav.home")}>
      <h1>{t("portal.title", { province: provinceDisplayName(province!, t) })}</h1>
      <p class="lead">{t("portal.lead")}</p>
      <section aria-labelledby="floor-heading" class="panel">
        <h2 id="floor-heading">{t("nav.floor")}</h2>
        <p>{t("portal.floorLead")}</p>
        <search>
          <form method="get" action={`${base}/search`} class="search-box">
            <label for="portal-search">{t("portal.searchLabel")}</label>
            <div class="search-box-row">
              <input id="portal-search" name="q" type="search" placeholder={t("portal.searchPlaceholder")} />
              <button type="submit">{t("portal.searchButton")}</button>
            </div>
          </form>
        </search>
        <p>
          <a href={`${base}/floor`}>{t("portal.floorLink")}</a> ·{" "}
          <a href={`${base}/opportunities`}>{t("nav.opportunities")}</a> ·{" "}
          <a href={`${base}/exporters`} hreflang="en">
            {t("portal.exportersLink")}
          </a>
        </p>
      </section>
      <section aria-labelledby="plans-heading" class="panel">
        <h2 id="plans-heading">{t("nav.plans")}</h2>
        <p>{t("portal.planCount", { count: summary.planCount })}</p>
        <ul>
          {summary.latestPlans.map((plan) => (
            <li key={plan.id}>
              <a href={`${base}/plans/${plan.id}`}>{plan.title}</a> ({plan.periodStart}–{plan.periodEnd})
            </li>
          ))}
        </ul>
        <p>
          <a href={`${base}/plans`}>{t("portal.allPlans")}</a>
        </p>
      </section>
    </Layout>
  );
}
