import { formatDate, formatNumber, formatVnd } from "../../../../platform/vn-format.ts";
import { TableWrap } from "../../../../views/components.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { ProcedureFee } from "../../schema.ts";
import type { ProcedureDetail, UnitName } from "../queries.ts";

export const dong = (amount: number) => formatVnd(BigInt(amount));

export function unitLabel(units: ReadonlyMap<number, UnitName>, id: number | string, locale: string): string {
  const unit = units.get(Number(id));
  if (!unit) return "—";
  return locale === "en" && unit.nameEn ? unit.nameEn : unit.name;
}

/** Everything the catalogue says about a procedure version: facts, steps, components, fees, legal basis. */
export function ProcedureFacts({
  detail,
  units,
}: {
  detail: ProcedureDetail;
  units: ReadonlyMap<number, UnitName>;
}) {
  const { t, locale } = usePage();
  const { procedure, version, components, workflow } = detail;
  const fees = version.fees as ProcedureFee[];
  const en = locale === "en";
  return (
    <>
      <dl class="summary-list">
        <dt>{t("services.catalogue.code")}</dt>
        <dd>{procedure.code}</dd>
        <dt>{t("services.catalogue.fieldLabel")}</dt>
        <dd>{t(`services.catalogue.field.${version.field}`)}</dd>
        <dt>{t("services.catalogue.kindLabel")}</dt>
        <dd>{t(`services.catalogue.kind.${procedure.kind}`)}</dd>
        <dt>{t("services.catalogue.levelLabel")}</dt>
        <dd>
          {t("services.catalogue.levelValue", { level: version.level })} ·{" "}
          {t(`services.catalogue.onlineClass.${version.onlineClass}`)}
        </dd>
        <dt>{t("services.catalogue.applicants")}</dt>
        <dd>
          {version.applicantKinds.map((kind) => t(`services.catalogue.applicantKind.${kind}`)).join(", ")}
        </dd>
        <dt>{t("services.catalogue.implementingUnit")}</dt>
        <dd>{unitLabel(units, version.implementingUnitId, locale)}</dd>
        <dt>{t("services.catalogue.approvalUnit")}</dt>
        <dd>{unitLabel(units, workflow.approvalUnitId, locale)}</dd>
        <dt>{t("services.catalogue.processingTime")}</dt>
        <dd>{t("services.catalogue.workingDays", { days: version.processingWorkingDays })}</dd>
        <dt>{t("services.catalogue.result")}</dt>
        <dd>
          {en ? version.resultNameEn : version.resultName} (
          {t(`services.catalogue.resultType.${version.resultType}`)})
          {version.resultValidityMonths !== null && (
            <>
              {" · "}
              {t("services.catalogue.validity", { months: version.resultValidityMonths })}
            </>
          )}
        </dd>
        <dt>{t("services.catalogue.versionLabel")}</dt>
        <dd>
          {t("services.catalogue.versionValue", {
            version: version.version,
            date: formatDate(version.publishedAt),
          })}
        </dd>
      </dl>
      <p class="prewrap" lang={en ? "en" : "vi"}>
        {en ? version.descriptionEn : version.description}
      </p>
      {version.subsidy && (
        <section aria-labelledby="subsidy-heading">
          <h2 id="subsidy-heading">{t("services.catalogue.subsidy.heading")}</h2>
          <dl class="summary-list">
            <dt>{t("services.catalogue.subsidy.amount")}</dt>
            <dd>{dong(version.subsidy.amountPerEnterpriseDong)}</dd>
            {version.subsidy.centralAmountPerEnterpriseDong > 0 && (
              <>
                <dt>{t("services.catalogue.subsidy.central")}</dt>
                <dd>{dong(version.subsidy.centralAmountPerEnterpriseDong)}</dd>
              </>
            )}
            {version.subsidy.enterpriseContributionDong > 0 && (
              <>
                <dt>{t("services.catalogue.subsidy.contribution")}</dt>
                <dd>{dong(version.subsidy.enterpriseContributionDong)}</dd>
              </>
            )}
            {version.subsidy.quotaPerYear !== null && (
              <>
                <dt>{t("services.catalogue.subsidy.quotaPerYear")}</dt>
                <dd>{formatNumber(version.subsidy.quotaPerYear)}</dd>
              </>
            )}
            <dt>{t("services.catalogue.subsidy.quotaTotal")}</dt>
            <dd>{formatNumber(version.subsidy.quotaTotal)}</dd>
          </dl>
        </section>
      )}
      <h2>{t("services.catalogue.steps.heading")}</h2>
      <ol>
        <li>
          {t("services.catalogue.steps.reception", {
            unit: unitLabel(units, workflow.receptionUnitId, locale),
          })}
        </li>
        {workflow.steps.map((step) => (
          <li key={step.id}>
            {step.name} — {unitLabel(units, step.unitId, locale)} (
            {t("services.catalogue.workingDays", { days: step.workingDays })})
          </li>
        ))}
        <li>
          {t("services.catalogue.steps.approval", {
            unit: unitLabel(units, workflow.approvalUnitId, locale),
          })}
        </li>
        <li>{t("services.catalogue.steps.return")}</li>
      </ol>
      <h2>{t("services.catalogue.components.heading")}</h2>
      {components.length === 0 ? (
        <p>{t("services.catalogue.components.none")}</p>
      ) : (
        <TableWrap caption={t("services.catalogue.components.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("services.catalogue.components.number")}</th>
              <th scope="col">{t("services.catalogue.components.name")}</th>
              <th scope="col">{t("services.catalogue.components.copyKind")}</th>
              <th scope="col" class="numeric">
                {t("services.catalogue.components.quantity")}
              </th>
              <th scope="col">{t("services.catalogue.components.required")}</th>
              <th scope="col">{t("services.catalogue.components.template")}</th>
            </tr>
          </thead>
          <tbody>
            {components.map((component) => (
              <tr key={component.id}>
                <td>{component.position}</td>
                <td>{en ? component.nameEn : component.name}</td>
                <td>{t(`services.catalogue.copyKind.${component.copyKind}`)}</td>
                <td class="numeric">{component.quantity}</td>
                <td>{component.required ? t("services.catalogue.yes") : t("services.catalogue.no")}</td>
                <td>{component.templateName ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <h2>{t("services.catalogue.fees.heading")}</h2>
      {fees.length === 0 ? (
        <p>{t("services.catalogue.fees.none")}</p>
      ) : (
        <TableWrap caption={t("services.catalogue.fees.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("services.catalogue.fees.label")}</th>
              <th scope="col" class="numeric">
                {t("services.catalogue.fees.amount")}
              </th>
              <th scope="col">{t("services.catalogue.fees.online")}</th>
            </tr>
          </thead>
          <tbody>
            {fees.map((fee, index) => (
              <tr key={index}>
                <td>{en ? fee.labelEn : fee.label}</td>
                <td class="numeric nowrap">{dong(fee.amountDong)}</td>
                <td>{fee.payableOnline ? t("services.catalogue.yes") : t("services.catalogue.no")}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      {version.onlineFeeDong > 0 && (
        <p>{t("services.catalogue.fees.onlineTotal", { amount: dong(version.onlineFeeDong) })}</p>
      )}
      <h2>{t("services.catalogue.legalBasis")}</h2>
      <ul>
        {version.legalBasis.map((line, index) => (
          <li key={index} lang="vi">
            {line}
          </li>
        ))}
      </ul>
    </>
  );
}
