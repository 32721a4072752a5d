import { formatDate } from "../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  SubmitButton,
  TextArea,
  TextField,
} from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { MyEnterpriseState } from "../queries.ts";
import { EnterpriseSummary, StatusPanel } from "./enterprise-summary.tsx";
import { type PlaceOptions, ProfileFields } from "./profile-fields.tsx";

function useCrumbs() {
  const { t, province } = usePage();
  return {
    home: { href: `/${province!.slug}`, label: t("nav.home") },
    base: `/${province!.slug}/my/enterprise`,
  };
}

/** The representative's page: their enterprise and its edit form, a pending claim, or the registration form. */
export function MyEnterprisePage({
  state,
  form,
  places,
}: {
  state: MyEnterpriseState;
  form: FormState;
  places: PlaceOptions;
}) {
  const { t } = usePage();
  const { home, base } = useCrumbs();
  if (state.kind === "pendingClaim") {
    return (
      <Layout title={t("enterprises.my.title")} breadcrumbs={[home, { label: t("enterprises.my.title") }]}>
        <h1>{t("enterprises.my.title")}</h1>
        <div class="panel panel-warning" role="status">
          <h2>{t("enterprises.claim.pendingTitle")}</h2>
          <p>
            {t("enterprises.claim.pendingText", {
              name: state.claim.name,
              taxCode: state.claim.taxCode,
              date: formatDate(state.claim.createdAt),
            })}
          </p>
        </div>
      </Layout>
    );
  }
  if (state.kind === "none") return <RegisterPage form={form} places={places} />;
  const { enterprise } = state;
  return (
    <Layout title={t("enterprises.my.title")} breadcrumbs={[home, { label: t("enterprises.my.title") }]}>
      <h1>{enterprise.name}</h1>
      <StatusPanel enterprise={enterprise} />
      <h2>{t("enterprises.my.profile")}</h2>
      <EnterpriseSummary
        enterprise={enterprise}
        commune={state.commune}
        addressProvince={state.addressProvince}
      />
      <h2 id="edit">{t("enterprises.my.edit")}</h2>
      <ErrorSummary issues={form.issues} />
      <Form action={base}>
        <ProfileFields form={form} places={places} />
        <SubmitButton label={t("form.save")} />
      </Form>
    </Layout>
  );
}

function RegisterPage({ form, places }: { form: FormState; places: PlaceOptions }) {
  const { t } = usePage();
  const { home, base } = useCrumbs();
  const existing = form.issues.find((issue) => issue.messageKey === "enterprises.errors.taxCodeExists");
  return (
    <FormPage
      title={t("enterprises.register.title")}
      lead={t("enterprises.register.lead")}
      breadcrumbs={[home]}
      action={`${base}/register`}
      form={form}
      backHref={home.href}
      submitLabel={t("enterprises.register.submit")}
    >
      {existing && (
        <div class="panel panel-warning" role="status">
          <p>{t("enterprises.register.existsText", { taxCode: String(existing.params?.taxCode ?? "") })}</p>
          <p>
            <a href={`${base}/claim?taxCode=${encodeURIComponent(String(existing.params?.taxCode ?? ""))}`}>
              {t("enterprises.register.claimLink")}
            </a>
          </p>
        </div>
      )}
      <TextField
        name="taxCode"
        label={t("enterprises.field.taxCode")}
        hint={t("enterprises.hint.taxCode")}
        form={form}
        inputMode="numeric"
        width="medium"
        required
      />
      <ProfileFields form={form} places={places} />
      <p>
        {t("enterprises.register.alreadyListed")}{" "}
        <a href={`${base}/claim`}>{t("enterprises.register.claimLink")}</a>
      </p>
    </FormPage>
  );
}

export function ClaimPage({ form }: { form: FormState }) {
  const { t } = usePage();
  const { home, base } = useCrumbs();
  return (
    <FormPage
      title={t("enterprises.claim.title")}
      lead={t("enterprises.claim.lead")}
      breadcrumbs={[home, { href: base, label: t("enterprises.my.title") }]}
      action={`${base}/claim`}
      form={form}
      backHref={base}
      submitLabel={t("enterprises.claim.submit")}
    >
      <TextField
        name="taxCode"
        label={t("enterprises.field.taxCode")}
        form={form}
        inputMode="numeric"
        width="medium"
        required
      />
      <TextArea
        name="claimNote"
        label={t("enterprises.field.claimNote")}
        hint={t("enterprises.hint.claimNote")}
        form={form}
        rows={4}
        required
      />
    </FormPage>
  );
}
