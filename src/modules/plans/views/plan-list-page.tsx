import { can } from "../../../platform/authorization.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import { TableWrap } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { formatPlanAmount } from "../budget-table.ts";
import type { PlanListItem } from "../queries.ts";

export function PlanListPage({ plans }: { plans: PlanListItem[] }) {
  const { t, province, actor } = usePage();
  const base = `/${province!.slug}/plans`;
  return (
    <Layout
      title={t("plans.title")}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: t("plans.title") }]}
    >
      <div class="page-heading">
        <h1>{t("plans.title")}</h1>
        {can(actor, "plans.manage", province!) && (
          <a class="button" href={`${base}/new`}>
            {t("plans.create")}
          </a>
        )}
      </div>
      <p class="lead">{t("plans.lead")}</p>
      {plans.length === 0 ? (
        <p>{t("plans.empty")}</p>
      ) : (
        <TableWrap caption={t("plans.title")}>
          <thead>
            <tr>
              <th scope="col">{t("plans.field.title")}</th>
              <th scope="col">{t("plans.field.period")}</th>
              <th scope="col">{t("plans.field.decision")}</th>
              <th scope="col">{t("plans.field.province")}</th>
              <th scope="col" class="numeric">
                {t("plans.field.totalMillion")}
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id}>
                <td lang="vi">
                  <a href={`${base}/${plan.id}`}>{plan.title}</a>
                </td>
                <td class="nowrap">
                  {plan.periodStart}–{plan.periodEnd}
                </td>
                <td>
                  {plan.decisionNumber}, {formatDate(plan.decisionDate)}
                </td>
                <td>
                  {plan.province.name}
                  {plan.province.status === "former" && <span class="tag">{t("province.formerTag")}</span>}
                </td>
                <td class="numeric">{formatPlanAmount({ budgetDisplayUnit: "million" }, plan.totalDong)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}
