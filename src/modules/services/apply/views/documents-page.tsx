import { ErrorSummary, FileField, Form, type FormState } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { DraftState } from "../draft-state.ts";
import { componentField, maxFilesPerComponent } from "../services/draft-files.ts";
import { dossierPaths, formatFileSize, myDossiersPath, procedureName } from "./shared.tsx";

const accept = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png";

/**
 * One section per component: the files already attached (each with a remove button) and an upload form of its
 * own, so a file goes to the right component without JavaScript and a refused file names its component.
 */
export function DocumentsPage({ state, form }: { state: DraftState; form: FormState }) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const paths = dossierPaths(slug, state.dossier.id);
  const title = t("services.apply.task.documents");
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
        <p class="lead">{t("services.apply.documents.lead", { max: maxFilesPerComponent })}</p>
        <ErrorSummary issues={form.issues} />
        {state.components.map((component, index) => {
          const name = locale === "en" ? component.nameEn : component.name;
          const headingId = `component-heading-${component.id}`;
          return (
            <section key={component.id} class="panel" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {index + 1}. {name}{" "}
                <span class="tag">
                  {t(component.required ? "services.apply.required" : "services.apply.optional")}
                </span>
              </h2>
              <p class="meta">
                {t(`services.apply.copyKind.${component.copyKind}`)}
                {component.templateName
                  ? ` · ${t("services.apply.documents.template", { name: component.templateName })}`
                  : ""}
              </p>
              {component.files.length === 0 ? (
                <p>{t("services.apply.documents.none")}</p>
              ) : (
                <ul>
                  {component.files.map((file) => (
                    <li key={file.dossierFileId}>
                      <a href={paths.file(file.fileId)}>{file.name}</a>{" "}
                      <span class="meta">({formatFileSize(file.byteSize)})</span>{" "}
                      <Form
                        action={`${paths.documents}/files/${file.dossierFileId}/remove`}
                        class="inline-form"
                      >
                        <button type="submit" class="link-button danger">
                          {t("services.apply.documents.remove")}
                          <span class="visually-hidden"> {file.name}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
              <Form action={`${paths.documents}/${component.id}`} enctype="multipart/form-data">
                <FileField
                  name={componentField(component.id)}
                  label={t("services.apply.documents.choose", { name })}
                  hint={t("services.apply.documents.hint")}
                  form={form}
                  accept={accept}
                  multiple
                />
                <button type="submit" class="button button-secondary">
                  {t("services.apply.documents.upload")}
                  <span class="visually-hidden"> ({name})</span>
                </button>
              </Form>
            </section>
          );
        })}
        <div class="actions">
          <a class="button" href={paths.base}>
            {t("services.apply.documents.done")}
          </a>
          <a class="button button-secondary" href={myDossiersPath(slug)}>
            {t("services.apply.saveForLater")}
          </a>
        </div>
      </div>
    </Layout>
  );
}
