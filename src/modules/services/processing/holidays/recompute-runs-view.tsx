import { formatDate, formatDateTime, formatNumber } from "../../../../platform/vn-format.ts";
import { Form, SubmitButton, TableWrap } from "../../../../views/components.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { DeadlineRecomputeListItem } from "../../dossiers/index.ts";

const key = (name: string) => `services.processing.holidays.recomputeRun.${name}`;

/** Progress of a queued or running run, result of a finished one: always in words, the bar only adds to it. */
function RunResult({ run }: { run: DeadlineRecomputeListItem }) {
  const { t } = usePage();
  if (run.status === "done") {
    return (
      <>{t(key("done"), { changed: formatNumber(run.changed), examined: formatNumber(run.examined) })}</>
    );
  }
  if (run.status === "failed") {
    return (
      <p class="error-message">
        {t(key("failed"), { attempts: run.attempts, error: t(run.error ?? "error.unexpected") })}
      </p>
    );
  }
  if (run.total === null) {
    return <>{t(key("waiting"))}</>;
  }
  const total = Math.max(run.total, run.examined);
  const id = `recompute-progress-${run.id}`;
  return (
    <>
      <label for={id} class="visually-hidden">
        {t(key("progressLabel"))}
      </label>
      <progress id={id} max={Math.max(total, 1)} value={run.examined}>
        {formatNumber(run.examined)} / {formatNumber(total)}
      </progress>{" "}
      {t(key("progress"), { examined: formatNumber(run.examined), total: formatNumber(total) })}
      {run.attempts > 0 && run.error && (
        <p class="hint">{t(key("retrying"), { attempts: run.attempts, error: t(run.error) })}</p>
      )}
    </>
  );
}

/** The province's latest recomputations after holiday changes; a failed one can be run again. */
export function RecomputeRuns({
  runs,
  year,
  pagePath,
}: {
  runs: DeadlineRecomputeListItem[];
  year: number;
  pagePath: string;
}) {
  const { t, province } = usePage();
  return (
    <section aria-labelledby="recompute-runs">
      <h2 id="recompute-runs">{t(key("heading"))}</h2>
      <p class="hint">
        {t(key("lead"))} <a href={`${pagePath}#recompute-runs`}>{t(key("refresh"))}</a>
      </p>
      {runs.length === 0 ? (
        <p>{t(key("none"))}</p>
      ) : (
        <TableWrap caption={t(key("caption"), { count: runs.length })}>
          <thead>
            <tr>
              <th scope="col">{t(key("requestedAt"))}</th>
              <th scope="col">{t(key("trigger"))}</th>
              <th scope="col">{t(key("requestedBy"))}</th>
              <th scope="col">{t(key("scope"))}</th>
              <th scope="col">{t(key("status"))}</th>
              <th scope="col">{t(key("result"))}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td class="nowrap">{formatDateTime(run.createdAt)}</td>
                <td>{t(key(`triggerKind.${run.trigger}`))}</td>
                <td>{run.requestedBy ?? t(key("system"))}</td>
                <td>
                  {run.fromDate === null
                    ? t(key("allOpen"))
                    : t(key("fromDate"), { date: formatDate(run.fromDate) })}
                </td>
                <td>
                  <span class="tag">{t(key(`statusKind.${run.status}`))}</span>
                </td>
                <td>
                  <RunResult run={run} />
                  {run.status === "failed" && (
                    <Form
                      action={`/${province!.slug}/admin/services/holidays/recomputations/${run.id}/retry`}
                      class="inline-form"
                    >
                      <input type="hidden" name="year" value={String(year)} />
                      <SubmitButton label={t(key("retry"))} variant="secondary" />
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </section>
  );
}
