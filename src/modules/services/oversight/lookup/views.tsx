import { Fragment } from "preact";
import { formatDate, formatDateTime } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  SubmitButton,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { RatingFields } from "../rating/views.tsx";
import type { PublicDossierStatus } from "./lookup.ts";

function Status({ status, form }: { status: PublicDossierStatus; form: FormState }) {
  const { t, locale, province } = usePage();
  const summary: [string, string][] = [
    [t("services.lookup.code"), status.code],
    [t("services.lookup.procedure"), locale === "en" ? status.procedureNameEn : status.procedureName],
    [t("services.lookup.state"), t(`services.state.${status.state}`)],
  ];
  if (status.submittedAt)
    summary.push([t("services.lookup.submittedAt"), formatDateTime(status.submittedAt)]);
  if (status.receivedAt) summary.push([t("services.lookup.receivedAt"), formatDateTime(status.receivedAt)]);
  if (status.dueDate) summary.push([t("services.lookup.dueDate"), formatDate(status.dueDate)]);
  if (status.decidedAt) summary.push([t("services.lookup.decidedAt"), formatDateTime(status.decidedAt)]);
  if (status.timeliness)
    summary.push([t("services.lookup.timeliness"), t(`services.lookup.timeliness.${status.timeliness}`)]);
  if (status.completedAt)
    summary.push([t("services.lookup.completedAt"), formatDateTime(status.completedAt)]);
  summary.push([
    t("services.lookup.result"),
    status.result
      ? t(status.result.kind === "grant" ? "services.lookup.resultGrant" : "services.lookup.resultRefusal", {
          number: status.result.documentNumber,
          delivery: t(`services.lookup.delivery.${status.deliveryMethod}`),
        })
      : t("services.lookup.resultNone"),
  ]);
  return (
    <section aria-labelledby="lookup-status-title" class="lookup-status">
      <h2 id="lookup-status-title">{t("services.lookup.statusTitle")}</h2>
      <dl class="summary-list">
        {summary.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h3>{t("services.lookup.timeline")}</h3>
      <ol class="timeline">
        {status.timeline.map((line, index) => (
          <li key={index}>
            <time dateTime={line.at.toISOString()}>{formatDateTime(line.at)}</time> —{" "}
            {line.newDueDate
              ? t("services.lookup.extended", { date: formatDate(line.newDueDate) })
              : t(`services.state.${line.state}`)}
            {line.comment && (
              <p class="timeline-comment">
                {t("services.lookup.supplementAsked")} {line.comment}
              </p>
            )}
          </li>
        ))}
      </ol>
      {status.ratingScore !== null && (
        <p>{t("services.rating.alreadyRatedScore", { score: status.ratingScore })}</p>
      )}
      {(status.canRate || form.issues.length > 0) && (
        <section aria-labelledby="lookup-rating-title">
          <h3 id="lookup-rating-title">{t("services.rating.title")}</h3>
          <ErrorSummary issues={form.issues} />
          {status.canRate && (
            <Form action={`/${province!.slug}/services/lookup/rating`}>
              <input type="hidden" name="code" value={form.values.code ?? status.code} />
              <input type="hidden" name="contact" value={form.values.contact ?? ""} />
              <RatingFields form={form} />
              <SubmitButton label={t("services.rating.submit")} />
            </Form>
          )}
        </section>
      )}
    </section>
  );
}

/**
 * The public lookup page: the form (code prefilled from the receipt's QR link), and after a match the
 * dossier's status. `ratingForm` carries the rating form's state when a rating was refused.
 */
export function LookupPage({
  form,
  status,
  ratingForm,
}: {
  form: FormState;
  status: PublicDossierStatus | null;
  ratingForm?: FormState;
}) {
  const { t, province } = usePage();
  const title = t("services.lookup.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: title }]}
    >
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{t("services.lookup.lead")}</p>
        <ErrorSummary issues={form.issues} />
        <Form action={`/${province!.slug}/services/lookup`}>
          <TextField
            name="code"
            label={t("services.lookup.code")}
            hint={t("services.lookup.codeHint")}
            form={form}
            required
            autocomplete="off"
          />
          <TextField
            name="contact"
            label={t("services.lookup.contact")}
            hint={t("services.lookup.contactHint")}
            form={form}
            required
            autocomplete="off"
            width="medium"
          />
          <SubmitButton label={t("services.lookup.submit")} />
        </Form>
        {status && (
          <Status
            status={status}
            form={
              ratingForm ?? { values: { code: status.code, contact: form.values.contact ?? "" }, issues: [] }
            }
          />
        )}
      </div>
    </Layout>
  );
}
