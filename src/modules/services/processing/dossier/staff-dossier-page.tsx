import { Fragment } from "preact";
import { can } from "../../../../platform/authorization.ts";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "../../../../platform/vn-format.ts";
import { ErrorSummary, TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { formatAnswer, questionLabel } from "../../catalogue/questions.ts";
import { controlSlipPdfPath, staffFormLetterPath } from "../forms/form-documents.ts";
import { letterFormOf } from "../forms/form-letters.ts";
import { inboxPath } from "../inbox/inbox-page.tsx";
import type { WorkflowProblem } from "./act-on-dossier.ts";
import { ActionForms, issuesOf, type PostedAction } from "./action-forms.tsx";
import type { StaffDossierView } from "./staff-dossier.ts";

type Props = { view: StaffDossierView; posted?: PostedAction | null; problem?: WorkflowProblem | null };

function useUnitName(view: StaffDossierView) {
  const { locale } = usePage();
  return (unitId: number | string | null) => {
    if (unitId === null) return "—";
    const unit = view.unitNames.get(Number(unitId));
    return unit ? (locale === "en" && unit.nameEn ? unit.nameEn : unit.name) : "—";
  };
}

/** Why the workflow refused, in words: the state, the holder, the unit, or the missing input. */
function ProblemPanel({ problem }: { problem: WorkflowProblem }) {
  const { t } = usePage();
  const params = problem.params as { action: string; state: string; reason?: string; problem?: string };
  const action = t(`services.action.${params.action}`);
  const state = t(`services.state.${params.state}`);
  const key =
    problem.statusCode === 409
      ? `services.processing.problem.illegal.${params.reason ?? "not-in-table"}`
      : problem.statusCode === 403
        ? `services.processing.problem.forbidden.${params.reason}`
        : `services.processing.problem.input.${params.problem}`;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="problem-title">
      <h2 id="problem-title">{t("services.processing.problem.title", { action })}</h2>
      <p>{t(key, { action, state })}</p>
    </div>
  );
}

function Summary({ view }: { view: StaffDossierView }) {
  const { t, locale, actor, province } = usePage();
  const unitName = useUnitName(view);
  const { dossier, clock } = view;
  return (
    <dl class="summary-list">
      <dt>{t("services.processing.field.procedure")}</dt>
      <dd>
        {view.procedureCode} – {locale === "en" ? view.version.nameEn : view.version.name}{" "}
        <span class="meta">
          ({t("services.processing.field.version", { version: view.version.version })})
        </span>
      </dd>
      <dt>{t("services.processing.field.state")}</dt>
      <dd>
        <span class="tag">{t(`services.state.${dossier.state}`)}</span>
      </dd>
      <dt>{t("services.processing.field.stage")}</dt>
      <dd>{dossier.stageUnitId ? unitName(dossier.stageUnitId) : "—"}</dd>
      <dt>{t("services.processing.field.holder")}</dt>
      <dd>{view.holderName ?? t("services.processing.inbox.unheld")}</dd>
      <dt>{t("services.processing.field.channel")}</dt>
      <dd>{t(`services.processing.channel.${dossier.channel}`)}</dd>
      <dt>{t("services.processing.field.submitted")}</dt>
      <dd>{dossier.submittedAt ? formatDateTime(dossier.submittedAt) : "—"}</dd>
      <dt>{t("services.processing.field.received")}</dt>
      <dd>{dossier.receivedAt ? formatDateTime(dossier.receivedAt) : "—"}</dd>
      <dt>{t("services.processing.field.processingTime")}</dt>
      <dd>{t("services.processing.workingDays", { days: view.version.processingWorkingDays })}</dd>
      {clock && (
        <>
          <dt>{t("services.processing.field.due")}</dt>
          <dd>
            {formatDate(clock.appointmentDate)}
            {clock.appointmentDate !== clock.dueDate && (
              <span class="meta">
                {" "}
                ({t("services.processing.clock.legalDue", { date: formatDate(clock.dueDate) })})
              </span>
            )}
            {dossier.receivedAt === null && (
              <span class="meta"> ({t("services.processing.clock.provisional")})</span>
            )}
          </dd>
          <dt>{t("services.processing.field.daysLeft")}</dt>
          <dd>
            {clock.timeliness ? (
              <span class="tag">{t(`services.processing.timeliness.${clock.timeliness}`)}</span>
            ) : clock.isPaused ? (
              t("services.processing.clock.paused")
            ) : clock.workingDaysLeft < 0 || clock.isOverdue ? (
              <strong>
                {t("services.processing.clock.overdueBy", { days: Math.max(1, -clock.workingDaysLeft) })}
              </strong>
            ) : (
              t("services.processing.clock.daysLeft", { days: clock.workingDaysLeft })
            )}
          </dd>
        </>
      )}
      <dt>{t("services.processing.field.fee")}</dt>
      <dd>
        {dossier.feeDong > 0 ? (
          <>
            {formatVnd(BigInt(dossier.feeDong))} –{" "}
            {dossier.paidAt
              ? t("services.processing.payment.paid", { date: formatDateTime(dossier.paidAt) })
              : t("services.processing.payment.unpaid")}
            {!dossier.paidAt && can(actor, "services.payments", province!) && (
              <>
                {" "}
                <a href={`/${province!.slug}/admin/services/dossiers/${dossier.id}/payments/record`}>
                  {t("services.pay.record.link")}
                </a>
              </>
            )}
            {can(actor, "services.payments", province!) && (
              <>
                {" "}
                <a href={`/${province!.slug}/admin/services/dossiers/${dossier.id}/payments`}>
                  {t("services.pay.correct.payments.link")}
                </a>
              </>
            )}
          </>
        ) : (
          t("services.processing.payment.none")
        )}
      </dd>
    </dl>
  );
}

function Applicant({ view }: { view: StaffDossierView }) {
  const { t, locale } = usePage();
  const { dossier } = view;
  return (
    <dl class="summary-list">
      <dt>{t("services.processing.field.applicant")}</dt>
      <dd>{dossier.applicantName}</dd>
      {dossier.applicantTaxCode && (
        <>
          <dt>{t("services.processing.field.taxCode")}</dt>
          <dd>{dossier.applicantTaxCode}</dd>
        </>
      )}
      {dossier.applicantIdNumber && (
        <>
          <dt>{t("services.processing.field.idNumber")}</dt>
          <dd>{dossier.applicantIdNumber}</dd>
        </>
      )}
      <dt>{t("services.processing.field.address")}</dt>
      <dd>{dossier.applicantAddress}</dd>
      <dt>{t("services.processing.field.phone")}</dt>
      <dd>{dossier.applicantPhone}</dd>
      <dt>{t("services.processing.field.email")}</dt>
      <dd>{dossier.applicantEmail}</dd>
      <dt>{t("services.processing.field.delivery")}</dt>
      <dd>
        {t(`services.processing.delivery.${dossier.deliveryMethod}`)}
        {dossier.deliveryMethod === "post" && dossier.deliveryAddress ? ` – ${dossier.deliveryAddress}` : ""}
      </dd>
      {view.questions
        ? view.questions.map((question) => (
            <Fragment key={question.id}>
              <dt>{questionLabel(question, locale)}</dt>
              <dd>{formatAnswer(question, dossier.answers[question.id], locale) || "—"}</dd>
            </Fragment>
          ))
        : Object.entries(dossier.answers).map(([id, answer]) => (
            <Fragment key={id}>
              <dt>{id}</dt>
              <dd>{answer}</dd>
            </Fragment>
          ))}
    </dl>
  );
}

function Files({ view }: { view: StaffDossierView }) {
  const { t, locale, province } = usePage();
  const base = `/${province!.slug}/admin/services/dossiers/${view.dossier.id}/files`;
  const groups = [
    ...view.components.map((component) => ({
      key: String(component.id),
      title: `${locale === "en" ? component.nameEn : component.name}${component.required ? ` (${t("services.processing.files.required")})` : ""}`,
      files: view.files.filter((file) => file.componentId === component.id),
      isMissing: component.required && !view.files.some((file) => file.componentId === component.id),
    })),
    {
      key: "other",
      title: t("services.processing.files.supplements"),
      files: view.files.filter((file) => file.componentId === null),
      isMissing: false,
    },
  ];
  return (
    <ul>
      {groups
        .filter((group) => group.key !== "other" || group.files.length > 0)
        .map((group) => (
          <li key={group.key}>
            <span class="strong">{group.title}</span>
            {group.isMissing && <strong> – {t("services.processing.files.missing")}</strong>}
            {group.files.length > 0 && (
              <ul>
                {group.files.map((file) => (
                  <li key={file.fileId}>
                    <a href={`${base}/${file.fileId}`}>{file.name}</a>{" "}
                    <span class="meta">
                      ({formatNumber(Math.ceil(file.byteSize / 1024))} KB
                      {file.eventSeq
                        ? `, ${t("services.processing.files.withEntry", { seq: file.eventSeq })}`
                        : ""}
                      )
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
    </ul>
  );
}

function Timeline({ view }: { view: StaffDossierView }) {
  const { t, province } = usePage();
  return (
    <ol class="findings">
      {view.history.map((line) => {
        const form = letterFormOf(line);
        return (
          <li key={line.seq} class="finding">
            <p>
              <span class="strong">
                {line.seq}. {t(`services.action.${line.action}`)}
              </span>{" "}
              → {t(`services.state.${line.stateAfter}`)}
            </p>
            <p class="meta">
              {formatDateTime(line.at)} · {line.actorName ?? "—"}
            </p>
            {line.comment && <p class="prewrap">{line.comment}</p>}
            {line.entry.action === "extend" && (
              <p>
                {t("services.processing.timeline.newDueDate", { date: formatDate(line.entry.newDueDate) })}
              </p>
            )}
            {line.files.length > 0 && (
              <p>
                {t("services.processing.timeline.files", { count: line.files.length })}:{" "}
                {line.files.map((file) => file.name).join(", ")}
              </p>
            )}
            {form && (
              <p>
                <a href={staffFormLetterPath(province!.slug, view.dossier.id, line.seq)}>
                  {t("services.processing.timeline.formPdf", { form: t(`services.processing.form.${form}`) })}
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ControlSlipSection({ view }: { view: StaffDossierView }) {
  const { t, province } = usePage();
  const unitName = useUnitName(view);
  const slip = view.controlSlip;
  if (!slip) return <p>{t("services.processing.slip.notReceived")}</p>;
  return (
    <>
      {slip.lines.length === 0 ? (
        <p>{t("services.processing.slip.noSteps")}</p>
      ) : (
        <TableWrap caption={t("services.processing.slip.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("services.processing.slip.unit")}</th>
              <th scope="col">{t("services.processing.slip.allotted")}</th>
              <th scope="col">{t("services.processing.slip.started")}</th>
              <th scope="col">{t("services.processing.slip.due")}</th>
              <th scope="col">{t("services.processing.slip.finished")}</th>
              <th scope="col">{t("services.processing.slip.result")}</th>
            </tr>
          </thead>
          <tbody>
            {slip.lines.map((line, index) => (
              <tr key={index}>
                <td>
                  {unitName(line.unitId)} – {line.stepName ?? t("services.processing.slip.approval")}
                </td>
                <td class="numeric">{line.allottedWorkingDays}</td>
                <td class="nowrap">{formatDateTime(new Date(line.startedAt))}</td>
                <td class="nowrap">{formatDate(line.dueDate)}</td>
                <td class="nowrap">{line.finishedAt ? formatDateTime(new Date(line.finishedAt)) : "—"}</td>
                <td>
                  {line.status
                    ? t(`services.processing.timeliness.${line.status}`)
                    : line.isOverdue
                      ? t("services.processing.slip.runningLate")
                      : t("services.processing.slip.running")}
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <p>
        <a href={controlSlipPdfPath(province!.slug, view.dossier.id)}>{t("services.processing.slip.pdf")}</a>
      </p>
    </>
  );
}

/** The staff page of one dossier: facts, clock, documents, the actions allowed now, history, form 06. */
export function StaffDossierPage({ view, posted = null, problem = null }: Props) {
  const { t, province } = usePage();
  const slug = province!.slug;
  const title = t("services.processing.dossier.title", {
    code: view.dossier.code ?? t("services.processing.noCode"),
  });
  const hasResult = ["approved", "rejected", "completed"].includes(view.dossier.state);
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${slug}`, label: t("nav.home") },
        { href: inboxPath(slug), label: t("services.processing.inbox.title") },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      {problem && <ProblemPanel problem={problem} />}
      <ErrorSummary issues={issuesOf(posted)} />
      <Summary view={view} />
      <p class="item-actions">
        <a href={`/${slug}/admin/services/dossiers/${view.dossier.id}/receipt.pdf`}>
          {t("services.processing.dossier.receiptPdf")}
        </a>
        {hasResult && (
          <a href={`/${slug}/admin/services/dossiers/${view.dossier.id}/result`}>
            {t("services.processing.dossier.resultPdf")}
          </a>
        )}
      </p>
      <h2 id="actions">{t("services.processing.dossier.actionsHeading")}</h2>
      <ActionForms view={view} posted={posted} />
      <h2>{t("services.processing.dossier.applicantHeading")}</h2>
      <Applicant view={view} />
      <h2>{t("services.processing.dossier.filesHeading")}</h2>
      <Files view={view} />
      <h2>{t("services.processing.dossier.historyHeading")}</h2>
      <Timeline view={view} />
      <h2>{t("services.processing.slip.heading")}</h2>
      <ControlSlipSection view={view} />
    </Layout>
  );
}
