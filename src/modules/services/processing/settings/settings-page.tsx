import { ErrorSummary, Form, type FormState, TextField } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";

export const settingsPath = (slug: string) => `/${slug}/admin/services/settings`;

/**
 * The one-stop settings form. "Preview" checks the typed values and shows the next code without saving, so
 * an administrator sees the effect of a pattern before any applicant gets a code in it (no JavaScript needed).
 */
export function SettingsPage(props: {
  form: FormState;
  preview: string | null;
  isDefault: boolean;
  isPreviewOfTypedValues: boolean;
}) {
  const { t, province } = usePage();
  const title = t("services.processing.settings.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: `/${province!.slug}/admin/services/inbox`, label: t("services.processing.inbox.title") },
        { label: title },
      ]}
    >
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{t("services.processing.settings.lead")}</p>
        {props.isDefault && <p class="panel panel-warning">{t("services.processing.settings.notSaved")}</p>}
        <ErrorSummary issues={props.form.issues} />
        {props.preview && (
          <div class="panel" role="status">
            <p>
              {t(
                props.isPreviewOfTypedValues
                  ? "services.processing.settings.previewTyped"
                  : "services.processing.settings.previewCurrent",
              )}
            </p>
            <p class="strong">
              <code>{props.preview}</code>
            </p>
          </div>
        )}
        <Form action={settingsPath(province!.slug)}>
          <TextField
            name="agencyCode"
            label={t("services.processing.settings.field.agencyCode")}
            hint={t("services.processing.settings.field.agencyCodeHint")}
            form={props.form}
            width="medium"
            required
          />
          <TextField
            name="codePattern"
            label={t("services.processing.settings.field.codePattern")}
            hint={t("services.processing.settings.field.codePatternHint")}
            form={props.form}
            required
          />
          <TextField
            name="cutOffTime"
            label={t("services.processing.settings.field.cutOffTime")}
            hint={t("services.processing.settings.field.cutOffTimeHint")}
            form={props.form}
            width="short"
            required
          />
          <div class="item-actions">
            <button type="submit" name="intent" value="save" class="button">
              {t("form.save")}
            </button>
            <button type="submit" name="intent" value="preview" class="button button-secondary">
              {t("services.processing.settings.preview")}
            </button>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
