import type { FormState } from "../../../../views/components.tsx";
import { ErrorSummary, Form, SubmitButton, TextArea } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { ratingScores } from "./rate-dossier.ts";

/** The five scores as radio buttons (GOV.UK radios), with the problem shown inside the fieldset. */
export function ScoreRadios({ form }: { form: FormState }) {
  const { t } = usePage();
  const issue = form.issues.find((item) => item.field === "score");
  return (
    <fieldset
      class={issue ? "field field-error" : "field"}
      id="field-score"
      aria-describedby={issue ? "error-score" : undefined}
    >
      <legend>{t("services.rating.scoreLegend")}</legend>
      {issue && (
        <p class="error-message" id="error-score">
          <span class="visually-hidden">{t("form.errorPrefix")}</span> {t(issue.messageKey, issue.params)}
        </p>
      )}
      <div class="radios">
        {[...ratingScores].reverse().map((score) => (
          <label key={score} class="radio">
            <input
              type="radio"
              name="score"
              value={String(score)}
              checked={form.values.score === String(score)}
            />{" "}
            {score} — {t(`services.rating.score${score}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The score and comment fields, for both the account page and the lookup page. */
export function RatingFields({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <ScoreRadios form={form} />
      <TextArea
        name="comment"
        label={t("services.rating.comment")}
        hint={t("services.rating.commentHint")}
        form={form}
        rows={4}
      />
    </>
  );
}

export type OwnRatingView = {
  dossierId: number;
  code: string;
  procedureName: string;
  state: "can-rate" | "rated" | "not-completed";
  ratingScore: number | null;
};

export function OwnRatingPage({ view, form }: { view: OwnRatingView; form: FormState }) {
  const { t, province } = usePage();
  const dossierHref = `/${province!.slug}/my/dossiers/${view.dossierId}`;
  const title = t("services.rating.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: `/${province!.slug}/my/dossiers`, label: t("services.rating.myDossiers") },
        { href: dossierHref, label: view.code },
        { label: title },
      ]}
    >
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{t("services.rating.lead", { code: view.code, procedure: view.procedureName })}</p>
        {view.state === "rated" && (
          <p class="flash flash-info" role="status">
            {t("services.rating.alreadyRatedScore", { score: view.ratingScore ?? "" })}
          </p>
        )}
        {view.state === "not-completed" && (
          <p class="flash flash-info" role="status">
            {t("services.rating.notCompleted")}
          </p>
        )}
        {view.state === "can-rate" && (
          <>
            <ErrorSummary issues={form.issues} />
            <Form action={`${dossierHref}/rating`}>
              <RatingFields form={form} />
              <SubmitButton label={t("services.rating.submit")} />
            </Form>
          </>
        )}
        <p>
          <a href={dossierHref}>{t("services.rating.backToDossier")}</a>
        </p>
      </div>
    </Layout>
  );
}
