import { amountInWords, formatNumber } from "../../../platform/vn-format.ts";
import { DeleteButton, TableWrap } from "../../../views/components.tsx";
import { usePage } from "../../../views/page-context.ts";
import { buildBudgetTable, formatPlanAmount } from "../budget-table.ts";
import type { PlanDetail } from "../plan-detail.ts";

/** The plan's budget: the table as the document lays it out, the amount in words, the chart and every line. */
export function Budget({
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
                  <DeleteButton
                    action={`${base}/budget-lines/${line.id}/delete`}
                    label={t("form.delete")}
                    itemName={t("plans.budgetLine.named", {
                      activity: line.activityNumber ?? "—",
                      year: line.year ?? t("plans.budget.wholePeriodShort"),
                      amount: formatNumber(line.amountDong),
                    })}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </details>
  );
}
