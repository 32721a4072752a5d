import {
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";

export function SignInPage({ form, next }: { form: FormState; next: string }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  return (
    <Layout
      title={t("auth.signIn.title")}
      breadcrumbs={[{ href: base, label: t("nav.home") }, { label: t("auth.signIn.title") }]}
    >
      <div class="narrow">
        <h1>{t("auth.signIn.title")}</h1>
        <ErrorSummary issues={form.issues} />
        <Form action={`${base}/sign-in?next=${encodeURIComponent(next)}`}>
          <TextField
            name="email"
            type="email"
            label={t("field.email")}
            form={form}
            autocomplete="username"
            required
          />
          <TextField
            name="password"
            type="password"
            label={t("field.password")}
            form={form}
            autocomplete="current-password"
            required
          />
          <SubmitButton label={t("auth.signIn.submit")} />
        </Form>
        <p>
          <a href={`${base}/password-reset`}>{t("auth.forgotPassword")}</a> ·{" "}
          <a href={`${base}/sign-up`}>{t("auth.noAccount")}</a>
        </p>
      </div>
    </Layout>
  );
}

export function SignUpPage({ form }: { form: FormState }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  return (
    <Layout
      title={t("auth.signUp.title")}
      breadcrumbs={[{ href: base, label: t("nav.home") }, { label: t("auth.signUp.title") }]}
    >
      <div class="narrow">
        <h1>{t("auth.signUp.title")}</h1>
        <p class="lead">{t("auth.signUp.lead")}</p>
        <ErrorSummary issues={form.issues} />
        <Form action={`${base}/sign-up`}>
          <SelectField
            name="accountType"
            label={t("auth.signUp.accountType")}
            form={form}
            options={[
              { value: "enterprise", label: t("role.enterprise") },
              { value: "citizen", label: t("role.citizen") },
            ]}
          />
          <TextField name="fullName" label={t("field.fullName")} form={form} autocomplete="name" required />
          <TextField
            name="email"
            type="email"
            label={t("field.email")}
            form={form}
            autocomplete="email"
            required
          />
          <TextField
            name="phone"
            type="tel"
            label={t("field.phone")}
            hint={t("field.phoneHint")}
            form={form}
            autocomplete="tel"
            width="medium"
          />
          <NewPasswordFields name="password" label={t("field.password")} form={form} />
          <SubmitButton label={t("auth.signUp.submit")} />
        </Form>
      </div>
    </Layout>
  );
}

export function RequestResetPage({ form, isSent }: { form: FormState; isSent: boolean }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  return (
    <Layout
      title={t("auth.reset.title")}
      breadcrumbs={[{ href: base, label: t("nav.home") }, { label: t("auth.reset.title") }]}
    >
      <div class="narrow">
        <h1>{t("auth.reset.title")}</h1>
        {isSent ? (
          <p class="panel" role="status">
            {t("auth.reset.sent")}
          </p>
        ) : (
          <>
            <p class="lead">{t("auth.reset.lead")}</p>
            <ErrorSummary issues={form.issues} />
            <Form action={`${base}/password-reset`}>
              <TextField
                name="email"
                type="email"
                label={t("field.email")}
                form={form}
                autocomplete="email"
                required
              />
              <SubmitButton label={t("auth.reset.submit")} />
            </Form>
          </>
        )}
      </div>
    </Layout>
  );
}

export function ResetPasswordPage({ form, token }: { form: FormState; token: string }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  return (
    <Layout title={t("auth.newPassword.title")}>
      <div class="narrow">
        <h1>{t("auth.newPassword.title")}</h1>
        <ErrorSummary issues={form.issues} />
        <Form action={`${base}/password-reset/${token}`}>
          <NewPasswordFields name="newPassword" label={t("field.newPassword")} form={form} />
          <SubmitButton label={t("auth.newPassword.submit")} />
        </Form>
      </div>
    </Layout>
  );
}

export function AccountPage({ form }: { form: FormState }) {
  const { t, province, actor } = usePage();
  const base = `/${province!.slug}`;
  return (
    <Layout
      title={t("account.title")}
      breadcrumbs={[{ href: base, label: t("nav.home") }, { label: t("account.title") }]}
    >
      <h1>{t("account.title")}</h1>
      <dl class="summary-list">
        <dt>{t("field.fullName")}</dt>
        <dd>{actor!.fullName}</dd>
        <dt>{t("field.email")}</dt>
        <dd>{actor!.email}</dd>
        <dt>{t("field.roles")}</dt>
        <dd>{[...actor!.roles].map((role) => t(`role.${role}`)).join(", ")}</dd>
      </dl>
      <div class="narrow">
        <h2>{t("account.changePassword")}</h2>
        <ErrorSummary issues={form.issues} />
        <Form action={`${base}/account/password`}>
          <TextField
            name="currentPassword"
            type="password"
            label={t("field.currentPassword")}
            form={form}
            autocomplete="current-password"
            required
          />
          <NewPasswordFields name="newPassword" label={t("field.newPassword")} form={form} />
          <SubmitButton label={t("account.changePassword")} />
        </Form>
      </div>
    </Layout>
  );
}

/** A new password with its confirmation: the same pair on sign-up, reset and change. */
function NewPasswordFields({ name, label, form }: { name: string; label: string; form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <TextField
        name={name}
        type="password"
        label={label}
        hint={t("field.passwordHint")}
        form={form}
        autocomplete="new-password"
        required
      />
      <TextField
        name="passwordConfirmation"
        type="password"
        label={t("field.passwordConfirmation")}
        form={form}
        autocomplete="new-password"
        required
      />
    </>
  );
}
