import { formatDateTime } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  FileField,
  Form,
  type FormState,
  SubmitButton,
  TableWrap,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { CertificateOverview } from "../queries.ts";

function ActiveCertificate({ overview }: { overview: CertificateOverview }) {
  const { t, province } = usePage();
  const active = overview.active;
  if (!active) {
    return (
      <div class="panel panel-warning">
        <p>{t("services.results.certificate.none")}</p>
        <Form action={`/${province!.slug}/admin/services/certificate/development`} class="inline-form">
          <SubmitButton label={t("services.results.certificate.createDevelopment")} variant="secondary" />
        </Form>
      </div>
    );
  }
  return (
    <>
      {active.origin === "development" && (
        <p class="panel panel-warning">{t("services.results.certificate.developmentWarning")}</p>
      )}
      <dl class="summary-list">
        <dt>{t("services.results.certificate.origin")}</dt>
        <dd>{t(`services.results.certificate.origin.${active.origin}`)}</dd>
        <dt>{t("services.results.certificate.subject")}</dt>
        <dd>{active.subject}</dd>
        <dt>{t("services.results.certificate.serialNumber")}</dt>
        <dd class="nowrap">{active.serialNumber}</dd>
        <dt>{t("services.results.certificate.validity")}</dt>
        <dd>
          {t("services.results.certificate.validityRange", {
            from: formatDateTime(active.notBefore),
            to: formatDateTime(active.notAfter),
          })}
        </dd>
        <dt>{t("services.results.certificate.trustAnchor")}</dt>
        <dd>
          {overview.activeTrustAnchorSubject} (
          <a href={`/${province!.slug}/verify/ca.pem`}>{t("services.results.certificate.downloadAnchors")}</a>
          )
        </dd>
        <dt>{t("services.results.certificate.since")}</dt>
        <dd>
          {formatDateTime(active.createdAt)}
          {active.installedByName ? ` — ${active.installedByName}` : ""}
        </dd>
      </dl>
    </>
  );
}

function InstallForm({ form }: { form: FormState }) {
  const { t, province } = usePage();
  return (
    <section aria-labelledby="install-heading">
      <h2 id="install-heading">{t("services.results.install.heading")}</h2>
      <p>{t("services.results.install.lead")}</p>
      <ErrorSummary issues={form.issues} />
      <Form action={`/${province!.slug}/admin/services/certificate`} enctype="multipart/form-data">
        <FileField
          name="pkcs12"
          label={t("services.results.install.file")}
          hint={t("services.results.install.fileHint")}
          form={form}
          accept=".p12,.pfx,application/x-pkcs12"
        />
        <TextField
          name="password"
          type="password"
          autocomplete="off"
          label={t("services.results.install.password")}
          form={form}
          width="medium"
          required
        />
        <SubmitButton label={t("services.results.install.submit")} />
      </Form>
    </section>
  );
}

function CredentialHistory({ overview }: { overview: CertificateOverview }) {
  const { t } = usePage();
  if (overview.all.length === 0) return null;
  return (
    <TableWrap caption={t("services.results.certificate.history")}>
      <thead>
        <tr>
          <th scope="col">{t("services.results.certificate.subject")}</th>
          <th scope="col">{t("services.results.certificate.origin")}</th>
          <th scope="col">{t("services.results.certificate.validity")}</th>
          <th scope="col">{t("services.results.certificate.status")}</th>
        </tr>
      </thead>
      <tbody>
        {overview.all.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.subject}</th>
            <td>{t(`services.results.certificate.origin.${row.origin}`)}</td>
            <td class="nowrap">
              {formatDateTime(row.notBefore)} – {formatDateTime(row.notAfter)}
            </td>
            <td>
              {t(
                row.active ? "services.results.certificate.active" : "services.results.certificate.inactive",
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

/** The Department's signing certificate: what signs results now, installing a real one, and the earlier ones. */
export function CertificatePage({ overview, form }: { overview: CertificateOverview; form: FormState }) {
  const { t, province } = usePage();
  const title = t("services.results.certificate.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="lead">{t("services.results.certificate.lead")}</p>
      <ActiveCertificate overview={overview} />
      <InstallForm form={form} />
      <CredentialHistory overview={overview} />
    </Layout>
  );
}
