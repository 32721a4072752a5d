import { can } from "../../../platform/authorization.ts";
import { formatDate, formatNumber } from "../../../platform/vn-format.ts";
import { DeleteButton, TableWrap } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { type ConsistencyFinding, describeFinding } from "../consistency.ts";
import type { PlanDetail } from "../plan-detail.ts";
import { Budget } from "./plan-budget-section.tsx";

type PlanPageProps = { plan: PlanDetail; findings: ConsistencyFinding[]; chartSvg: string };

export function PlanPage({ plan, findings, chartSvg }: PlanPageProps) {
  const { t, province, actor } = usePage();
  const base = `/${province!.slug}/plans/${plan.id}`;
  const canManage = can(actor, "plans.manage", province!);
  return (
    <Layout
      title={plan.title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: `/${province!.slug}/plans`, label: t("plans.title") },
        { label: plan.title },
      ]}
    >
      <h1 lang="vi">{plan.title}</h1>
      {plan.titleEn && (
        <p class="lead" lang="en">
          {plan.titleEn}
        </p>
      )}
      <dl class="summary-list">
        <dt>{t("plans.field.decision")}</dt>
        <dd>
          {plan.decisionNumber}, {t("plans.dated", { date: formatDate(plan.decisionDate) })}
        </dd>
        <dt>{t("plans.field.issuer")}</dt>
        <dd lang="vi">{plan.issuer}</dd>
        <dt>{t("plans.field.signer")}</dt>
        <dd lang="vi">
          {plan.signerTitle} — {plan.signerName}
        </dd>
        <dt>{t("plans.field.period")}</dt>
        <dd>
          {plan.periodStart}–{plan.periodEnd}
        </dd>
        <dt>{t("plans.field.province")}</dt>
        <dd>
          {plan.province.name}
          {plan.province.status === "former" && <span class="tag">{t("province.formerTag")}</span>}
        </dd>
      </dl>
      <div class="actions">
        <a class="button button-secondary" href={`${base}/export.xlsx`}>
          {t("plans.exportXlsx")}
        </a>
        <a class="button button-secondary" href={`${base}/export.pdf`}>
          {t("plans.exportPdf")}
        </a>
        {canManage && (
          <>
            <a class="button button-secondary" href={`${base}/edit`}>
              {t("plans.editHeader")}
            </a>
            <a class="button button-secondary" href={`${base}/budget/import`}>
              {t("plans.importBudget")}
            </a>
          </>
        )}
      </div>
      <nav class="toc" aria-label={t("plans.contents")}>
        <ul>
          <li>
            <a href="#findings">{t("plans.section.findings")}</a>
          </li>
          <li>
            <a href="#objectives">{t("plans.section.objectives")}</a>
          </li>
          <li>
            <a href="#activities">{t("plans.section.activities")}</a>
          </li>
          <li>
            <a href="#budget">{t("plans.section.budget")}</a>
          </li>
          {plan.assignments.length > 0 && (
            <li>
              <a href="#assignments">{t("plans.section.assignments")}</a>
            </li>
          )}
        </ul>
      </nav>
      <Findings findings={findings} />
      <Objectives plan={plan} canManage={canManage} base={base} />
      <Activities plan={plan} canManage={canManage} base={base} />
      <Budget plan={plan} canManage={canManage} base={base} chartSvg={chartSvg} />
      <Assignments plan={plan} />
    </Layout>
  );
}

function Findings({ findings }: { findings: ConsistencyFinding[] }) {
  const { t } = usePage();
  return (
    <section
      id="findings"
      aria-labelledby="findings-heading"
      class={findings.length ? "panel panel-warning" : "panel panel-ok"}
    >
      <h2 id="findings-heading">{t("plans.section.findings")}</h2>
      {findings.length === 0 ? (
        <p>{t("plans.findings.none")}</p>
      ) : (
        <>
          <p>{t("plans.findings.count", { count: findings.length })}</p>
          <ol class="findings">
            {findings.map((finding, index) => (
              <li key={index} class={`finding finding-${finding.severity}`}>
                <span class="tag">{t(`plans.findings.severity.${finding.severity}`)}</span>{" "}
                {describeFinding(finding, t)}
                <span class="meta"> ({finding.location})</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Objectives({ plan, canManage, base }: { plan: PlanDetail; canManage: boolean; base: string }) {
  const { t } = usePage();
  return (
    <section id="objectives" aria-labelledby="objectives-heading">
      <h2 id="objectives-heading">{t("plans.section.objectives")}</h2>
      {canManage && (
        <p>
          <a href={`${base}/objectives/new`}>{t("plans.objective.add")}</a>
        </p>
      )}
      {plan.objectives.map((objective) => (
        <div class="objective" key={objective.id}>
          <h3 lang="vi">
            {objective.code && `${objective.code}. `}
            {objective.title}
          </h3>
          {canManage && (
            <p class="item-actions">
              <a href={`${base}/objectives/${objective.id}`}>{t("form.edit")}</a>
              <a href={`${base}/objectives/${objective.id}/targets/new`}>{t("plans.target.add")}</a>
              <DeleteButton
                action={`${base}/objectives/${objective.id}/delete`}
                label={t("form.delete")}
                itemName={t("plans.objective.named", {
                  code: objective.code || objective.title.slice(0, 60),
                })}
              />
            </p>
          )}
          {objective.targets.length > 0 && (
            <TableWrap
              caption={t("plans.targetsOf", { objective: objective.code || objective.title.slice(0, 40) })}
            >
              <thead>
                <tr>
                  <th scope="col">{t("plans.target.code")}</th>
                  <th scope="col">{t("plans.target.description")}</th>
                  <th scope="col">{t("plans.target.value")}</th>
                  <th scope="col">{t("plans.target.year")}</th>
                  {canManage && <th scope="col">{t("form.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {objective.targets.map((target) => (
                  <tr key={target.id}>
                    <td>{target.code}</td>
                    <td lang="vi">
                      {target.description}
                      {target.variants.map((variant, index) => (
                        <p class="variant" key={index}>
                          {t("plans.target.variant", {
                            location: variant.location,
                            value: variant.valueText,
                          })}
                        </p>
                      ))}
                    </td>
                    <td class="nowrap">
                      {target.valueText ??
                        (target.value !== null ? `${formatNumber(target.value)} ${target.unit ?? ""}` : "—")}
                    </td>
                    <td>{target.targetYear ?? "—"}</td>
                    {canManage && (
                      <td class="item-actions">
                        <a href={`${base}/objectives/${objective.id}/targets/${target.id}`}>
                          {t("form.edit")}
                        </a>
                        <DeleteButton
                          action={`${base}/targets/${target.id}/delete`}
                          label={t("form.delete")}
                          itemName={t("plans.target.named", {
                            code: target.code || target.description.slice(0, 60),
                          })}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </TableWrap>
          )}
        </div>
      ))}
    </section>
  );
}

function Activities({ plan, canManage, base }: { plan: PlanDetail; canManage: boolean; base: string }) {
  const { t } = usePage();
  const unitName = new Map(plan.units.map((unit) => [unit.code, unit.name]));
  const names = (codes: string[]) => codes.map((code) => unitName.get(code) ?? code).join("; ") || "—";
  return (
    <section id="activities" aria-labelledby="activities-heading">
      <h2 id="activities-heading">{t("plans.section.activities")}</h2>
      {canManage && (
        <p>
          <a href={`${base}/activities/new`}>{t("plans.activity.add")}</a>
        </p>
      )}
      <TableWrap caption={t("plans.section.activities")}>
        <thead>
          <tr>
            <th scope="col">{t("plans.activity.number")}</th>
            <th scope="col">{t("plans.activity.title")}</th>
            <th scope="col">{t("plans.activity.lead")}</th>
            <th scope="col">{t("plans.activity.coordinating")}</th>
            {canManage && <th scope="col">{t("form.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.activities.map((activity) => (
            <tr key={activity.id}>
              <td>{activity.number}</td>
              <td lang="vi">
                {activity.title}
                {activity.description && (
                  <details>
                    <summary>{t("plans.activity.description")}</summary>
                    <p class="prewrap">{activity.description}</p>
                  </details>
                )}
              </td>
              <td lang="vi">{names(activity.leadUnitCodes)}</td>
              <td lang="vi">{names(activity.coordinatingUnitCodes)}</td>
              {canManage && (
                <td class="item-actions">
                  <a href={`${base}/activities/${activity.id}`}>{t("form.edit")}</a>
                  <DeleteButton
                    action={`${base}/activities/${activity.id}/delete`}
                    label={t("form.delete")}
                    itemName={t("plans.activity.named", { number: activity.number })}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </section>
  );
}

function Assignments({ plan }: { plan: PlanDetail }) {
  const { t } = usePage();
  if (plan.assignments.length === 0) return null;
  const unitName = new Map(plan.units.map((unit) => [unit.code, unit.name]));
  return (
    <section id="assignments" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t("plans.section.assignments")}</h2>
      <ol class="assignments" lang="vi">
        {plan.assignments.map((assignment) => (
          <li key={assignment.unitCode}>
            <h3>{unitName.get(assignment.unitCode) ?? assignment.unitCode}</h3>
            <ul>
              {assignment.duties.map((duty, index) => (
                <li key={index}>{duty}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
