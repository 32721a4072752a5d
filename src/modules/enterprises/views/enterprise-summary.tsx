import { formatDate, formatNumber, formatVnd } from "../../../platform/vn-format.ts";
import { usePage } from "../../../views/page-context.ts";
import { readinessFields } from "../schema.ts";
import type { EnterpriseRow } from "../services/membership.ts";
import { VSIC_SECTIONS } from "../vsic.ts";

export function StatusTag({ status }: { status: EnterpriseRow["status"] }) {
  const { t } = usePage();
  return (
    <span class={`tag enterprise-status enterprise-status-${status}`}>
      {t(`enterprises.status.${status}`)}
    </span>
  );
}

/** The status with its reason, date and officer: what a representative needs to know about a decision. */
export function StatusPanel({ enterprise }: { enterprise: EnterpriseRow }) {
  const { t } = usePage();
  const kind = enterprise.status === "verified" ? "panel-ok" : "panel-warning";
  return (
    <div class={`panel ${kind}`} role="status">
      <p>
        <strong>{t("enterprises.field.status")}:</strong> <StatusTag status={enterprise.status} />
      </p>
      <p>{t(`enterprises.statusExplained.${enterprise.status}`)}</p>
      {enterprise.statusReason && (
        <p>
          <strong>{t("enterprises.field.statusReason")}:</strong> {enterprise.statusReason}
        </p>
      )}
      {enterprise.statusChangedAt && (
        <p class="meta">
          {t("enterprises.statusChangedOn", { date: formatDate(enterprise.statusChangedAt) })}
        </p>
      )}
    </div>
  );
}

export function EnterpriseSummary({
  enterprise,
  commune,
  addressProvince,
}: {
  enterprise: EnterpriseRow;
  commune: string | null;
  addressProvince: string | null;
}) {
  const { t, locale } = usePage();
  const section = VSIC_SECTIONS.find((entry) => entry.section === enterprise.vsicSection);
  const unknown = t("enterprises.unknown");
  const rows: [string, string][] = [
    [t("enterprises.field.taxCode"), enterprise.taxCode],
    [t("enterprises.field.name"), enterprise.name],
    [t("enterprises.field.nameEn"), enterprise.nameEn ?? unknown],
    [t("enterprises.field.legalForm"), t(`enterprises.legalForm.${enterprise.legalForm}`)],
    [
      t("enterprises.field.vsicSection"),
      `${enterprise.vsicSection} – ${(locale === "en" ? section?.nameEn : section?.nameVi) ?? ""}${enterprise.vsicCode ? ` (${enterprise.vsicCode})` : ""}`,
    ],
    [t("enterprises.field.productsDescription"), enterprise.productsDescription || unknown],
    [
      t("enterprises.field.address"),
      [enterprise.addressLine, commune, addressProvince].filter(Boolean).join(", ") || unknown,
    ],
    [t("enterprises.field.formerDistrict"), enterprise.formerDistrict ?? unknown],
    [t("enterprises.field.representativeName"), enterprise.representativeName ?? unknown],
    [t("enterprises.field.phone"), enterprise.phone ?? unknown],
    [t("enterprises.field.email"), enterprise.email ?? unknown],
    [t("enterprises.field.website"), enterprise.website ?? unknown],
    [t("enterprises.field.foundedYear"), enterprise.foundedYear ? String(enterprise.foundedYear) : unknown],
    [
      t("enterprises.field.employees"),
      enterprise.employees === null ? unknown : formatNumber(enterprise.employees),
    ],
    [
      t("enterprises.field.revenue"),
      enterprise.revenueDong === null ? unknown : formatVnd(enterprise.revenueDong),
    ],
    [
      t("enterprises.field.capital"),
      enterprise.capitalDong === null ? unknown : formatVnd(enterprise.capitalDong),
    ],
    [
      t("enterprises.field.sizeClass"),
      enterprise.sizeClass
        ? t(`enterprises.sizeClass.${enterprise.sizeClass}`)
        : t("enterprises.sizeClass.unknown"),
    ],
    ...readinessFields.map((field): [string, string] => [
      t(`enterprises.readiness.${field}`),
      t(
        `enterprises.answer.${enterprise[field] === true ? "yes" : enterprise[field] === false ? "no" : "unknown"}`,
      ),
    ]),
    [t("enterprises.field.isExporter"), t(`enterprises.answer.${enterprise.isExporter ? "yes" : "no"}`)],
    [t("enterprises.field.exportMarkets"), enterprise.exportMarkets.join(", ") || unknown],
    [t("enterprises.field.hsCodes"), enterprise.hsCodes.join(", ") || unknown],
    [t("enterprises.field.source"), t(`enterprises.source.${enterprise.source}`)],
  ];
  return (
    <dl class="summary-list">
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
