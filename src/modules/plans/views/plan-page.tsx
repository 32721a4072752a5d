import { can } from "../../../platform/authorization.ts";
import { amountInWords, formatDate, formatNumber } from "../../../platform/vn-format.ts";
import { Form, TableWrap } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { buildBudgetTable, formatPlanAmount } from "../budget-table.ts";
import { type ConsistencyFinding, describeFinding } from "../consistency.ts";
import type { PlanDetail } from "../plan-detail.ts";

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
      <h1>{plan.title}</h1>
      <dl class="summary-list">
        <dt>{t("plans.field.decision")}</dt>
        <dd>
          {plan.decisionNumber}, {t("plans.dated", { date: formatDate(plan.decisionDate) })}
        </dd>
        <dt>{t("plans.field.issuer")}</dt>
        <dd>{plan.issuer}</dd>
        <dt>{t("plans.field.signer")}</dt>
        <dd>
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

function DeleteButton({ action, label }: { action: string; label: string }) {
  return (
    <Form action={action} class="inline-form">
      <button type="submit" class="link-button danger">
        {label}
      </button>
    </Form>
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
          <h3>
            {objective.code && `${objective.code}. `}
            {objective.title}
          </h3>
          {canManage && (
            <p class="item-actions">
              <a href={`${base}/objectives/${objective.id}`}>{t("form.edit")}</a>
              <a href={`${base}/objectives/${objective.id}/targets/new`}>{t("plans.target.add")}</a>
              <DeleteButton action={`${base}/objectives/${objective.id}/delete`} label={t("form.delete")} />
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
                    <td>
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
              <td>
                {activity.title}
                {activity.description && (
                  <details>
                    <summary>{t("plans.activity.description")}</summary>
                    <p class="prewrap">{activity.description}</p>
                  </details>
                )}
              </td>
              <td>{names(activity.leadUnitCodes)}</td>
              <td>{names(activity.coordinatingUnitCodes)}</td>
              {canManage && (
                <td class="item-actions">
                  <a href={`${base}/activities/${activity.id}`}>{t("form.edit")}</a>
                  <DeleteButton
                    action={`${base}/activities/${activity.id}/delete`}
                    label={t("form.delete")}
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

function Budget({
  plan,
  canManage,
  base,
  chartSvg,
}: {
  plan: PlanDetail;
  canManage: boolean;
  base: string;
  chartSvg: string;
}) {
  const { t } = usePage();
  const table = buildBudgetTable(plan);
  const unitLabel = t(plan.budgetDisplayUnit === "million" ? "plans.unit.million" : "plans.unit.dong");
  const columnLabel = (column: number | "whole") =>
    column === "whole"
      ? t("plans.budget.wholePeriod", { start: plan.periodStart, end: plan.periodEnd })
      : String(column);
  const amount = (value: bigint | undefined) => (value === undefined ? "-" : formatPlanAmount(plan, value));
  return (
    <section id="budget" aria-labelledby="budget-heading">
      <h2 id="budget-heading">{t("plans.section.budget")}</h2>
      <p class="meta">{t("plans.budget.unitNote", { unit: unitLabel })}</p>
      <TableWrap caption={t("plans.budget.caption")}>
        <thead>
          <tr>
            <th scope="col">{t("plans.budget.row")}</th>
            <th scope="col">{t("plans.budget.content")}</th>
            {table.columns.map((column) => (
              <th scope="col" class="numeric" key={column}>
                {columnLabel(column)}
              </th>
            ))}
            <th scope="col" class="numeric">
              {t("plans.budget.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={`${row.kind}-${row.key}`}>
              <td>{row.kind === "activity" ? row.key : ""}</td>
              <td>{row.kind === "activity" ? row.label : t(`fundingSource.${row.key}`)}</td>
              {table.columns.map((column) => (
                <td class="numeric" key={column}>
                  {amount(row.cells.get(column))}
                </td>
              ))}
              <td class="numeric strong">{amount(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("plans.budget.total")}
            </th>
            {table.columns.map((column) => (
              <td class="numeric strong" key={column}>
                {amount(table.columnTotals.get(column))}
              </td>
            ))}
            <td class="numeric strong" data-testid="grand-total">
              {amount(table.grandTotal)}
            </td>
          </tr>
        </tfoot>
      </TableWrap>
      <p>
        <strong>{t("plans.budget.inWords")}:</strong> {amountInWords(table.grandTotal)}
      </p>
      {plan.statedWords.length > 0 && (
        <p class="meta">
          {t("plans.budget.statedWords")}:{" "}
          {plan.statedWords.map((words) => `“${words.text}” (${words.location})`).join("; ")}
        </p>
      )}
      <figure class="chart">
        <div class="chart-svg">
          {/* Server-rendered SVG from our own renderer; contains no user-supplied markup. */}
          <div dangerouslySetInnerHTML={{ __html: chartSvg }} />
        </div>
        <figcaption>{t("plans.budget.chartCaption")}</figcaption>
      </figure>
      <BudgetLines plan={plan} canManage={canManage} base={base} />
    </section>
  );
}

function BudgetLines({ plan, canManage, base }: { plan: PlanDetail; canManage: boolean; base: string }) {
  const { t } = usePage();
  return (
    <details class="budget-lines" open={canManage}>
      <summary>{t("plans.budget.lines", { count: plan.budgetLines.length })}</summary>
      {canManage && (
        <p>
          <a href={`${base}/budget-lines/new`}>{t("plans.budgetLine.add")}</a>
        </p>
      )}
      <TableWrap caption={t("plans.budget.linesCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("plans.activity.number")}</th>
            <th scope="col">{t("plans.budgetLine.year")}</th>
            <th scope="col">{t("plans.budgetLine.source")}</th>
            <th scope="col">{t("plans.budgetLine.label")}</th>
            <th scope="col" class="numeric">
              {t("plans.budgetLine.amountDong")}
            </th>
            {canManage && <th scope="col">{t("form.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.budgetLines.map((line) => (
            <tr key={line.id}>
              <td>{line.activityNumber ?? "—"}</td>
              <td>{line.year ?? t("plans.budget.wholePeriodShort")}</td>
              <td>{t(`fundingSource.${line.source}`)}</td>
              <td>{line.label ?? ""}</td>
              <td class="numeric">{formatNumber(line.amountDong)}</td>
              {canManage && (
                <td class="item-actions">
                  <a href={`${base}/budget-lines/${line.id}`}>{t("form.edit")}</a>
                  <DeleteButton action={`${base}/budget-lines/${line.id}/delete`} label={t("form.delete")} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </details>
  );
}

function Assignments({ plan }: { plan: PlanDetail }) {
  const { t } = usePage();
  if (plan.assignments.length === 0) return null;
  const unitName = new Map(plan.units.map((unit) => [unit.code, unit.name]));
  return (
    <section id="assignments" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{t("plans.section.assignments")}</h2>
      <ol class="assignments">
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
