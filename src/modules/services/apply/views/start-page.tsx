import { formatVnd } from "../../../../platform/vn-format.ts";
import { Form, SubmitButton } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { ApplyStart } from "../services/apply-start.ts";
import { myDossiersPath, procedureName } from "./shared.tsx";

/** "Before you start": what the applicant will need, then one button that creates the draft. */
export function StartPage({ data }: { data: ApplyStart }) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const { procedure, version, components, choice } = data;
  const name = procedureName(version, locale);
  const catalogueHref = `/${slug}/services/${encodeURIComponent(procedure.code)}`;
  return (
    <Layout
      title={t("services.apply.start.title")}
      breadcrumbs={[
        { href: `/${slug}/services`, label: t("services.apply.breadcrumb.catalogue") },
        { href: catalogueHref, label: name },
        { label: t("services.apply.start.title") },
      ]}
    >
      <div class="narrow">
        <h1>{t("services.apply.start.title")}</h1>
        <p class="lead">{name}</p>
        <p>{t("services.apply.start.intro")}</p>
        <h2>{t("services.apply.start.youNeed")}</h2>
        <ul>
          {components.map((component) => (
            <li key={component.id}>
              {locale === "en" ? component.nameEn : component.name}
              {component.required ? "" : ` (${t("services.apply.optional")})`}
            </li>
          ))}
        </ul>
        <dl class="summary-list">
          <dt>{t("services.apply.field.processingTime")}</dt>
          <dd>{t("services.apply.workingDays", { days: version.processingWorkingDays })}</dd>
          <dt>{t("services.apply.field.onlineFee")}</dt>
          <dd>
            {version.onlineFeeDong > 0 ? formatVnd(BigInt(version.onlineFeeDong)) : t("services.apply.noFee")}
          </dd>
        </dl>
        {data.existingDraftIds.length > 0 && (
          <div class="panel">
            <p>{t("services.apply.start.existingDraft")}</p>
            <ul>
              {data.existingDraftIds.map((id) => (
                <li key={id}>
                  <a href={`${myDossiersPath(slug)}/${id}`}>
                    {t("services.apply.start.continueDraft", { id })}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {choice.ok ? (
          <Form action={`${catalogueHref}/apply`}>
            <p>{t(`services.apply.start.as.${choice.kind}`, { name: data.applicantName })}</p>
            <SubmitButton label={t("services.apply.start.button")} />
          </Form>
        ) : (
          <div class="panel panel-warning">
            <p>{t(choice.messageKey)}</p>
            {choice.messageKey === "services.apply.errors.noEnterprise" && (
              <p>
                <a href={`/${slug}/my/enterprise`}>{t("services.apply.start.registerEnterprise")}</a>
              </p>
            )}
          </div>
        )}
      </div>
    </Layout>
  );
}
