import { Fragment } from "preact";
import { formatDateTime } from "../../../../platform/vn-format.ts";
import { DeleteButton } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { DraftState } from "../draft-state.ts";
import { dossierPaths, myDossiersPath, procedureName } from "./shared.tsx";

/** A draft's task list (GOV.UK "complete multiple tasks"): each section, its status, then check and send. */
export function TaskListPage({ state }: { state: DraftState }) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const { dossier, progress } = state;
  const paths = dossierPaths(slug, dossier.id);
  const name = procedureName(state.version, locale);
  const completed = progress.tasks.filter((task) => task.status === "completed").length;
  return (
    <Layout
      title={t("services.apply.tasks.title")}
      breadcrumbs={[
        { href: myDossiersPath(slug), label: t("services.apply.my.title") },
        { label: t("services.apply.tasks.title") },
      ]}
    >
      <div class="narrow">
        <h1>{t("services.apply.tasks.title")}</h1>
        <p class="lead">{name}</p>
        <p>
          {t("services.apply.tasks.progress", { done: completed, total: progress.tasks.length })}{" "}
          <span class="meta">
            {t("services.apply.tasks.savedAt", { at: formatDateTime(dossier.updatedAt) })}
          </span>
        </p>
        <dl class="summary-list">
          {progress.tasks.map((task) => (
            <Fragment key={task.task}>
              <dt>
                <a href={paths[task.task]} aria-describedby={`status-${task.task}`}>
                  {t(`services.apply.task.${task.task}`)}
                </a>
              </dt>
              <dd id={`status-${task.task}`}>
                <strong class="tag">{t(`services.apply.taskStatus.${task.status}`)}</strong>
              </dd>
            </Fragment>
          ))}
          <dt>
            {progress.isReadyToSubmit ? (
              <a href={paths.check}>{t("services.apply.task.check")}</a>
            ) : (
              t("services.apply.task.check")
            )}
          </dt>
          <dd>
            <strong class="tag">
              {t(
                progress.isReadyToSubmit
                  ? "services.apply.taskStatus.ready"
                  : "services.apply.taskStatus.cannotStart",
              )}
            </strong>
          </dd>
        </dl>
        {!progress.isReadyToSubmit && <p class="hint">{t("services.apply.tasks.checkLater")}</p>}
        <p>
          <a href={myDossiersPath(slug)}>{t("services.apply.tasks.backLater")}</a>
        </p>
        <DeleteButton
          action={paths.withdraw}
          label={t("services.apply.tasks.discard")}
          itemName={t("services.apply.tasks.thisDraft")}
        />
      </div>
    </Layout>
  );
}
