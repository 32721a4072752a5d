import { formatDateTime, formatNumber } from "../../../platform/vn-format.ts";
import { ErrorSummary, Form, type FormState, SubmitButton, TableWrap } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { ImportPreview, ImportRecord, RowProblem } from "../import/import-register.ts";

function useImportCrumbs() {
  const { t, province } = usePage();
  const admin = `/${province!.slug}/admin/enterprises`;
  return {
    base: `${admin}/import`,
    crumbs: [
      { href: `/${province!.slug}`, label: t("nav.home") },
      { href: admin, label: t("enterprises.admin.title") },
    ],
  };
}

export function ImportUploadPage({ form, recent }: { form: FormState; recent: ImportRecord[] }) {
  const { t } = usePage();
  const { base, crumbs } = useImportCrumbs();
  return (
    <Layout
      title={t("enterprises.import.title")}
      breadcrumbs={[...crumbs, { label: t("enterprises.import.title") }]}
    >
      <div class="narrow">
        <h1>{t("enterprises.import.title")}</h1>
        <p class="lead">{t("enterprises.import.lead")}</p>
        <p>{t("enterprises.import.columns")}</p>
        <ErrorSummary issues={form.issues} />
        <Form action={base} enctype="multipart/form-data">
          <div class={form.issues.length ? "field field-error" : "field"}>
            <label for="field-file">{t("enterprises.import.file")}</label>
            <p class="hint" id="hint-file">
              {t("enterprises.import.fileHint")}
            </p>
            <input
              id="field-file"
              name="file"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="hint-file"
              required
            />
          </div>
          <SubmitButton label={t("enterprises.import.preview")} />
        </Form>
      </div>
      {recent.length > 0 && (
        <TableWrap caption={t("enterprises.import.recent")}>
          <thead>
            <tr>
              <th scope="col">{t("enterprises.import.fileName")}</th>
              <th scope="col">{t("enterprises.import.uploadedAt")}</th>
              <th scope="col">{t("enterprises.field.status")}</th>
              <th scope="col" class="numeric">
                {t("enterprises.import.totalRows")}
              </th>
            </tr>
          </thead>
          <tbody>
            {recent.map((record) => (
              <tr key={record.id}>
                <td>
                  <a href={`${base}/${record.id}`}>{record.fileName}</a>
                </td>
                <td>{formatDateTime(record.createdAt)}</td>
                <td>{t(`enterprises.import.status.${record.status}`)}</td>
                <td class="numeric">{formatNumber(record.totalRows)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}

function ProblemsTable({ problems }: { problems: RowProblem[] }) {
  const { t } = usePage();
  return (
    <TableWrap caption={t("enterprises.import.problemsCaption", { count: problems.length })}>
      <thead>
        <tr>
          <th scope="col" class="numeric">
            {t("enterprises.import.row")}
          </th>
          <th scope="col">{t("enterprises.import.column")}</th>
          <th scope="col">{t("enterprises.import.reason")}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={index}>
            <td class="numeric">{problem.row}</td>
            <td>{problem.column}</td>
            <td>{t(problem.messageKey, problem.params)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

/** Preview before confirmation, then the progress of the run (refreshing itself every 2 s without JavaScript). */
export function ImportStatusPage({ record }: { record: ImportPreview }) {
  const { t } = usePage();
  const { base, crumbs } = useImportCrumbs();
  const problems = record.problems as RowProblem[];
  const invalidRows = new Set(problems.map((problem) => problem.row)).size;
  const isRunning = record.status === "running";
  const title = t("enterprises.import.recordTitle", { file: record.fileName });
  const count = (key: string, value: number) => (
    <>
      <dt>{t(key)}</dt>
      <dd>{formatNumber(value)}</dd>
    </>
  );
  return (
    <Layout
      title={title}
      breadcrumbs={[
        ...crumbs,
        { href: base, label: t("enterprises.import.title") },
        { label: record.fileName },
      ]}
      head={isRunning ? <meta http-equiv="refresh" content="2" /> : undefined}
    >
      <h1>{title}</h1>
      <p role="status">
        <span class="tag">{t(`enterprises.import.status.${record.status}`)}</span>
      </p>
      {record.status === "previewed" && (
        <>
          <dl class="summary-list">
            {count("enterprises.import.totalRows", record.totalRows)}
            {count("enterprises.import.newRows", record.newCount)}
            {count("enterprises.import.changedRows", record.changedCount)}
            {count("enterprises.import.unchangedRows", record.sameCount)}
            {count("enterprises.import.invalidRows", invalidRows)}
          </dl>
          <p>{t("enterprises.import.confirmHint")}</p>
          <div class="item-actions">
            {record.validRows > 0 && (
              <Form action={`${base}/${record.id}/confirm`} class="inline-form">
                <SubmitButton
                  label={t("enterprises.import.confirm", { count: formatNumber(record.validRows) })}
                />
              </Form>
            )}
            <Form action={`${base}/${record.id}/cancel`} class="inline-form">
              <SubmitButton label={t("enterprises.import.cancel")} variant="secondary" />
            </Form>
          </div>
        </>
      )}
      {record.status !== "previewed" && (
        <>
          <p>
            <label for="import-progress">{t("enterprises.import.progress")}</label>{" "}
            <progress id="import-progress" max={Math.max(record.validRows, 1)} value={record.processedRows}>
              {formatNumber(record.processedRows)} / {formatNumber(record.validRows)}
            </progress>{" "}
            {t("enterprises.import.processed", {
              done: formatNumber(record.processedRows),
              total: formatNumber(record.validRows),
            })}
          </p>
          <dl class="summary-list">
            {count("enterprises.import.createdCount", record.createdCount)}
            {count("enterprises.import.updatedCount", record.updatedCount)}
            {count("enterprises.import.unchangedCount", record.unchangedCount)}
            {count("enterprises.import.invalidRows", invalidRows)}
          </dl>
          {record.status === "failed" && <p class="error-message">{t("enterprises.import.failed")}</p>}
        </>
      )}
      {problems.length > 0 ? (
        <ProblemsTable problems={problems} />
      ) : (
        <p>{t("enterprises.import.noProblems")}</p>
      )}
      {record.unknownCommunes.length > 0 && (
        <TableWrap
          caption={t("enterprises.import.unknownCommunes", { count: record.unknownCommunes.length })}
        >
          <thead>
            <tr>
              <th scope="col" class="numeric">
                {t("enterprises.import.row")}
              </th>
              <th scope="col">{t("enterprises.field.commune")}</th>
            </tr>
          </thead>
          <tbody>
            {record.unknownCommunes.map((entry) => (
              <tr key={entry.row}>
                <td class="numeric">{entry.row}</td>
                <td>{entry.name}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}
