import type { ComponentChildren } from "preact";
import { Fragment } from "preact";
import { formatVnd } from "../../../../platform/vn-format.ts";
import { ErrorSummary, Form, type FormState, SubmitButton } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { formatAnswer, questionLabel } from "../../catalogue/questions.ts";
import type { DraftState } from "../draft-state.ts";
import { dossierPaths, FieldError, myDossiersPath, procedureName } from "./shared.tsx";

function Section(props: { id: string; title: string; changeHref: string; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <section id={`field-${props.id}`} aria-labelledby={`${props.id}-heading`} tabindex={-1}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
      <p>
        <a href={`${props.changeHref}?from=check`}>
          {t("services.apply.check.change")}
          <span class="visually-hidden"> {props.title}</span>
        </a>
      </p>
    </section>
  );
}

/** Check your answers: everything that will be sent, a "Change" link per section, the declaration, send. */
export function CheckPage({ state, form }: { state: DraftState; form: FormState }) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const { dossier } = state;
  const paths = dossierPaths(slug, dossier.id);
  const title = t("services.apply.check.title");
  const missing = state.components.filter((component) =>
    state.progress.missingComponentIds.includes(component.id),
  );
  const componentName = (component: { name: string; nameEn: string }) =>
    locale === "en" ? component.nameEn : component.name;
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: myDossiersPath(slug), label: t("services.apply.my.title") },
        { href: paths.base, label: t("services.apply.tasks.title") },
        { label: title },
      ]}
    >
      <div class="narrow">
        <p class="meta">{procedureName(state.version, locale)}</p>
        <h1>{title}</h1>
        <ErrorSummary issues={form.issues} />
        {missing.length > 0 && (
          <div class="panel panel-warning" role="status">
            <h2>{t("services.apply.check.missingTitle")}</h2>
            <ul>
              {missing.map((component) => (
                <li key={component.id}>
                  <a href={`${paths.documents}#field-component-${component.id}`}>
                    {componentName(component)}
                  </a>
                </li>
              ))}
            </ul>
            <p>{t("services.apply.check.missingNote")}</p>
          </div>
        )}
        <Section id="section-details" title={t("services.apply.task.details")} changeHref={paths.details}>
          <dl class="summary-list">
            <dt>
              {t(
                state.kind === "enterprise"
                  ? "services.apply.field.enterpriseName"
                  : "services.apply.field.name",
              )}
            </dt>
            <dd>{dossier.applicantName || "—"}</dd>
            {state.kind === "enterprise" ? (
              <>
                <dt>{t("services.apply.field.taxCode")}</dt>
                <dd>{dossier.applicantTaxCode}</dd>
              </>
            ) : (
              <>
                <dt>{t("services.apply.field.idNumber")}</dt>
                <dd>{dossier.applicantIdNumber || "—"}</dd>
              </>
            )}
            <dt>{t("services.apply.field.phone")}</dt>
            <dd>{dossier.applicantPhone || "—"}</dd>
            <dt>{t("services.apply.field.email")}</dt>
            <dd>{dossier.applicantEmail || "—"}</dd>
            <dt>{t("services.apply.field.address")}</dt>
            <dd class="prewrap">{dossier.applicantAddress || "—"}</dd>
          </dl>
        </Section>
        {state.questions.length > 0 && (
          <Section
            id="section-questions"
            title={t("services.apply.task.questions")}
            changeHref={paths.questions}
          >
            <dl class="summary-list">
              {state.questions.map((question) => (
                <Fragment key={question.id}>
                  <dt>{questionLabel(question, locale)}</dt>
                  <dd class="prewrap">
                    {formatAnswer(question, dossier.answers[question.id], locale) || "—"}
                  </dd>
                </Fragment>
              ))}
            </dl>
          </Section>
        )}
        <Section
          id="section-documents"
          title={t("services.apply.task.documents")}
          changeHref={paths.documents}
        >
          <dl class="summary-list">
            {state.components.map((component) => (
              <Fragment key={component.id}>
                <dt id={`field-component-${component.id}`}>{componentName(component)}</dt>
                <dd>
                  <FieldError issues={form.issues} name={`component-${component.id}`} />
                  {component.files.length === 0
                    ? t(
                        component.required
                          ? "services.apply.check.requiredMissing"
                          : "services.apply.check.noFile",
                      )
                    : component.files.map((file) => file.name).join(", ")}
                </dd>
              </Fragment>
            ))}
          </dl>
        </Section>
        <Section id="section-delivery" title={t("services.apply.task.delivery")} changeHref={paths.delivery}>
          <p>
            {t(`services.apply.delivery.${dossier.deliveryMethod}`)}
            {dossier.deliveryMethod === "post" && dossier.deliveryAddress
              ? `: ${dossier.deliveryAddress}`
              : ""}
          </p>
        </Section>
        <h2>{t("services.apply.field.onlineFee")}</h2>
        <p>
          {dossier.feeDong > 0
            ? t("services.apply.check.fee", { amount: formatVnd(BigInt(dossier.feeDong)) })
            : t("services.apply.noFee")}
        </p>
        <Form action={paths.submit}>
          <h2>{t("services.apply.check.declarationTitle")}</h2>
          <div
            class={form.issues.some((issue) => issue.field === "declaration") ? "field field-error" : "field"}
          >
            <FieldError issues={form.issues} name="declaration" />
            <label class="checkbox">
              <input
                type="checkbox"
                id="field-declaration"
                name="declaration"
                value="yes"
                checked={form.values.declaration === "yes"}
                aria-describedby={
                  form.issues.some((issue) => issue.field === "declaration") ? "error-declaration" : undefined
                }
              />{" "}
              {t("services.apply.check.declaration")}
            </label>
          </div>
          <SubmitButton label={t("services.apply.check.submit")} />
        </Form>
        <p>
          <a href={myDossiersPath(slug)}>{t("services.apply.saveForLater")}</a>
        </p>
      </div>
    </Layout>
  );
}
