import { formatDate, formatDateTime, formatVnd } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  FileField,
  Form,
  type FormState,
  SubmitButton,
  TextArea,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { DossierOverview } from "../overview.ts";
import { dossierPaths, myDossiersPath, procedureName, StateTag } from "./shared.tsx";

export type DossierPageProps = {
  data: DossierOverview;
  /** Just sent: show the confirmation panel (GOV.UK) above the status. */
  justSubmitted: boolean;
  supplyForm: FormState;
  /** Links to letters (forms 02–05) issued by the history, by entry seq. */
  letterLinks: Map<number, string>;
};

function ClockFacts({ data }: { data: DossierOverview }) {
  const { t } = usePage();
  const { clock, dossier } = data;
  if (!clock) return null;
  const isProvisional = dossier.receivedAt === null;
  let remaining: string;
  if (clock.timeliness) remaining = t(`services.apply.clock.${clock.timeliness}`);
  else if (clock.isPaused) remaining = t("services.apply.clock.paused");
  else if (clock.isOverdue)
    remaining = t("services.apply.clock.overdue", { days: Math.abs(clock.workingDaysLeft) });
  else remaining = t("services.apply.clock.daysLeft", { days: clock.workingDaysLeft });
  return (
    <>
      <dt>{t(isProvisional ? "services.apply.field.provisionalDueDate" : "services.apply.field.dueDate")}</dt>
      <dd>{formatDate(clock.appointmentDate)}</dd>
      {!isProvisional && (
        <>
          <dt>{t("services.apply.field.timeLeft")}</dt>
          <dd>{remaining}</dd>
        </>
      )}
    </>
  );
}

function Confirmation({ data }: { data: DossierOverview }) {
  const { t, province } = usePage();
  const { dossier } = data;
  const paths = dossierPaths(province!.slug, dossier.id);
  return (
    <div class="panel panel-ok" role="status">
      <h2>{t("services.apply.confirmation.title")}</h2>
      <p>
        {t("services.apply.confirmation.code")} <strong class="strong">{dossier.code}</strong>
      </p>
      {dossier.dueDate && (
        <p>{t("services.apply.confirmation.dueDate", { date: formatDate(dossier.dueDate) })}</p>
      )}
      <p>{t("services.apply.confirmation.email", { email: dossier.applicantEmail })}</p>
      <h3>{t("services.apply.confirmation.nextTitle")}</h3>
      <ol>
        {dossier.feeDong > 0 && dossier.paidAt === null && (
          <li>
            {t("services.apply.confirmation.nextPay", { amount: formatVnd(BigInt(dossier.feeDong)) })}{" "}
            <a href={paths.pay}>{t("services.apply.links.pay")}</a>
          </li>
        )}
        <li>{t("services.apply.confirmation.nextCheck")}</li>
        <li>{t("services.apply.confirmation.nextResult")}</li>
      </ol>
      <p>
        <a href={paths.receipt}>{t("services.apply.links.receipt")}</a>
      </p>
    </div>
  );
}

function SupplySection({ data, form }: { data: DossierOverview; form: FormState }) {
  const { t, province } = usePage();
  const request = data.openSupplementRequest;
  if (!request || !data.allowedActions.includes("supply")) return null;
  const paths = dossierPaths(province!.slug, data.dossier.id);
  return (
    <section class="panel panel-warning" aria-labelledby="supply-heading">
      <h2 id="supply-heading">{t("services.apply.supply.title")}</h2>
      <p>{t("services.apply.supply.requestedOn", { at: formatDateTime(request.at) })}</p>
      {request.comment && <blockquote class="prewrap">{request.comment}</blockquote>}
      <ErrorSummary issues={form.issues} />
      <Form action={paths.supply} enctype="multipart/form-data">
        <FileField
          name="files"
          label={t("services.apply.supply.files")}
          hint={t("services.apply.documents.hint")}
          form={form}
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
          multiple
        />
        <TextArea name="comment" label={t("services.apply.supply.comment")} form={form} rows={3} />
        <SubmitButton label={t("services.apply.supply.submit")} />
      </Form>
    </section>
  );
}

function WithdrawSection({ data }: { data: DossierOverview }) {
  const { t, province } = usePage();
  if (!data.allowedActions.includes("withdraw")) return null;
  const paths = dossierPaths(province!.slug, data.dossier.id);
  return (
    <details class="confirm-delete">
      <summary class="danger">{t("services.apply.withdraw.open")}</summary>
      <Form action={paths.withdraw} class="confirm-delete-form">
        <p>{t("services.apply.withdraw.warning")}</p>
        <TextArea
          name="reason"
          label={t("services.apply.withdraw.reason")}
          form={{ values: {}, issues: [] }}
          rows={2}
        />
        <button type="submit" class="button button-danger">
          {t("services.apply.withdraw.confirm")}
        </button>
      </Form>
    </details>
  );
}

function Timeline({ data, letterLinks }: { data: DossierOverview; letterLinks: Map<number, string> }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("services.apply.timeline.title")}</h2>
      <ol class="timeline">
        {data.history.map((line) => (
          <li key={line.seq}>
            <p>
              <time dateTime={line.at.toISOString()}>{formatDateTime(line.at)}</time>
              {" · "}
              <strong>{t(`services.action.${line.action}`)}</strong>
              {" → "}
              <StateTag state={line.stateAfter} />
            </p>
            {line.comment && <p class="prewrap">{line.comment}</p>}
            {line.files.length > 0 && (
              <p class="meta">
                {t("services.apply.timeline.files", {
                  names: line.files.map((file) => file.name).join(", "),
                })}
              </p>
            )}
            {letterLinks.has(line.seq) && (
              <p>
                <a href={letterLinks.get(line.seq)}>{t("services.apply.timeline.letter")}</a>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The applicant's page of a submitted dossier: status, clock, what to do now, history, documents. */
export function DossierPage({ data, justSubmitted, supplyForm, letterLinks }: DossierPageProps) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const { dossier } = data;
  const paths = dossierPaths(slug, dossier.id);
  const title = dossier.code ?? procedureName(data.version, locale);
  const isUnpaid = dossier.feeDong > 0 && dossier.paidAt === null;
  const isOpen = !["completed", "refused", "stopped", "withdrawn"].includes(dossier.state);
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: myDossiersPath(slug), label: t("services.apply.my.title") }, { label: title }]}
    >
      {justSubmitted && dossier.state === "submitted" && <Confirmation data={data} />}
      <h1>
        {t("services.apply.dossier.heading")} {dossier.code}
      </h1>
      <p class="lead">{procedureName(data.version, locale)}</p>
      <dl class="summary-list">
        <dt>{t("services.apply.field.status")}</dt>
        <dd>
          <StateTag state={dossier.state} />
        </dd>
        <dt>{t("services.apply.field.applicant")}</dt>
        <dd>{dossier.applicantName}</dd>
        {dossier.submittedAt && (
          <>
            <dt>{t("services.apply.field.submittedAt")}</dt>
            <dd>{formatDateTime(dossier.submittedAt)}</dd>
          </>
        )}
        {dossier.receivedAt && (
          <>
            <dt>{t("services.apply.field.receivedAt")}</dt>
            <dd>{formatDateTime(dossier.receivedAt)}</dd>
          </>
        )}
        <ClockFacts data={data} />
        <dt>{t("services.apply.field.onlineFee")}</dt>
        <dd>
          {dossier.feeDong === 0
            ? t("services.apply.noFee")
            : `${formatVnd(BigInt(dossier.feeDong))} · ${
                dossier.paidAt
                  ? t("services.apply.fee.paidAt", { at: formatDateTime(dossier.paidAt) })
                  : t("services.apply.fee.unpaid")
              }`}
        </dd>
        <dt>{t("services.apply.task.delivery")}</dt>
        <dd>{t(`services.apply.delivery.${dossier.deliveryMethod}`)}</dd>
      </dl>
      <div class="actions">
        {dossier.code && (
          <a class="button button-secondary" href={paths.receipt}>
            {t("services.apply.links.receipt")}
          </a>
        )}
        {isUnpaid && isOpen && (
          <a class="button" href={paths.pay}>
            {t("services.apply.links.pay")}
          </a>
        )}
        {data.hasResult && (
          <a class="button" href={paths.result}>
            {t("services.apply.links.result")}
          </a>
        )}
        {data.resultVerificationToken && (
          <a
            class="button button-secondary"
            href={`/${slug}/verify/${encodeURIComponent(data.resultVerificationToken)}`}
          >
            {t("services.results.verify.title")}
          </a>
        )}
        {dossier.state === "completed" && !data.hasRating && (
          <a class="button button-secondary" href={paths.rating}>
            {t("services.apply.links.rating")}
          </a>
        )}
      </div>
      {isUnpaid && dossier.state === "submitted" && (
        <p class="panel">{t("services.apply.fee.beforeReceipt")}</p>
      )}
      <SupplySection data={data} form={supplyForm} />
      <Timeline data={data} letterLinks={letterLinks} />
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("services.apply.task.documents")}</h2>
        <ul>
          {data.components
            .filter((component) => component.files.length > 0)
            .map((component) => (
              <li key={component.id}>
                {locale === "en" ? component.nameEn : component.name}:{" "}
                {component.files.map((file, index) => (
                  <span key={file.dossierFileId}>
                    {index > 0 ? ", " : ""}
                    <a href={paths.file(file.fileId)}>{file.name}</a>
                  </span>
                ))}
              </li>
            ))}
          {data.suppliedFiles.length > 0 && (
            <li>
              {t("services.apply.dossier.supplied")}:{" "}
              {data.suppliedFiles.map((file, index) => (
                <span key={file.dossierFileId}>
                  {index > 0 ? ", " : ""}
                  <a href={paths.file(file.fileId)}>{file.name}</a>
                </span>
              ))}
            </li>
          )}
        </ul>
      </section>
      <WithdrawSection data={data} />
    </Layout>
  );
}
