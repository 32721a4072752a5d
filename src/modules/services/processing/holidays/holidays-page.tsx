import { formatDate } from "../../../../platform/vn-format.ts";
import {
  DeleteButton,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TableWrap,
  TextField,
} from "../../../../views/components.tsx";
import { FormPage } from "../../../../views/form-page.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { dayOfWeek } from "../../calendar/index.ts";
import type { DeadlineRecomputeListItem } from "../../dossiers/index.ts";
import { FIRST_HOLIDAY_YEAR, HOLIDAY_KINDS, type HolidayRow, LAST_HOLIDAY_YEAR } from "./holiday-inputs.ts";
import type { HolidayYear } from "./holiday-table.ts";
import { RecomputeRuns } from "./recompute-runs-view.tsx";

export const holidaysPath = (slug: string, year?: number) =>
  `/${slug}/admin/services/holidays${year === undefined ? "" : `?year=${year}`}`;

function useCrumbs() {
  const { t, province } = usePage();
  return [
    { href: `/${province!.slug}`, label: t("nav.home") },
    { href: `/${province!.slug}/admin/services/inbox`, label: t("services.processing.inbox.title") },
  ];
}

/** The date with its weekday, since whether a day is a weekend decides which kinds make sense. */
function DayCell({ date }: { date: string }) {
  const { t } = usePage();
  return (
    <td class="nowrap">
      {formatDate(date)} <span class="meta">({t(`services.processing.weekday.${dayOfWeek(date)}`)})</span>
    </td>
  );
}

export function HolidayFields({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <TextField
        name="date"
        label={t("services.processing.holidays.field.date")}
        hint={t("services.processing.holidays.field.dateHint")}
        form={form}
        width="medium"
        required
      />
      <TextField name="name" label={t("services.processing.holidays.field.name")} form={form} required />
      <TextField name="nameEn" label={t("services.processing.holidays.field.nameEn")} form={form} required />
      <SelectField
        name="kind"
        label={t("services.processing.holidays.field.kind")}
        hint={t("services.processing.holidays.field.kindHint")}
        form={form}
        options={HOLIDAY_KINDS.map((kind) => ({
          value: kind,
          label: t(`services.processing.holidays.kind.${kind}`),
        }))}
      />
    </>
  );
}

function RowsTable({ rows, slug }: { rows: HolidayRow[]; slug: string }) {
  const { t, locale } = usePage();
  return (
    <TableWrap caption={t("services.processing.holidays.tableCaption")}>
      <thead>
        <tr>
          <th scope="col">{t("services.processing.holidays.field.date")}</th>
          <th scope="col">{t("services.processing.holidays.field.name")}</th>
          <th scope="col">{t("services.processing.holidays.field.kind")}</th>
          <th scope="col">{t("services.processing.holidays.source")}</th>
          <th scope="col">{t("services.processing.holidays.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const name = locale === "en" ? row.nameEn : row.name;
          return (
            <tr key={row.id}>
              <DayCell date={row.date} />
              <td>{name}</td>
              <td>{t(`services.processing.holidays.kind.${row.kind}`)}</td>
              <td>{t(`services.processing.holidays.sourceKind.${row.source}`)}</td>
              <td>
                <div class="item-actions">
                  <a href={`/${slug}/admin/services/holidays/${row.id}/edit`}>
                    {t("services.processing.holidays.edit")}
                    <span class="visually-hidden"> {formatDate(row.date)}</span>
                  </a>
                  <DeleteButton
                    action={`/${slug}/admin/services/holidays/${row.id}/delete`}
                    label={t("services.processing.holidays.remove")}
                    itemName={`${formatDate(row.date)} – ${name}`}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableWrap>
  );
}

function DefaultsPreview({ table }: { table: HolidayYear }) {
  const { t, locale, province } = usePage();
  return (
    <>
      <p class="panel panel-warning">{t("services.processing.holidays.noRows", { year: table.year })}</p>
      <TableWrap caption={t("services.processing.holidays.defaultsCaption", { year: table.year })}>
        <thead>
          <tr>
            <th scope="col">{t("services.processing.holidays.field.date")}</th>
            <th scope="col">{t("services.processing.holidays.field.name")}</th>
            <th scope="col">{t("services.processing.holidays.field.kind")}</th>
          </tr>
        </thead>
        <tbody>
          {table.defaults.map((entry) => (
            <tr key={entry.date}>
              <DayCell date={entry.date} />
              <td>{locale === "en" ? entry.name.en : entry.name.vi}</td>
              <td>{t(`services.processing.holidays.kind.${entry.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <Form action={`/${province!.slug}/admin/services/holidays/generate`}>
        <input type="hidden" name="year" value={String(table.year)} />
        <SubmitButton label={t("services.processing.holidays.generate", { year: table.year })} />
      </Form>
    </>
  );
}

/**
 * The year's table (or the defaults it would start from), year navigation, the form to add a row, and the latest
 * recomputations of the open dossiers' deadlines that the changes queued.
 */
export function HolidaysPage({
  table,
  addForm,
  runs,
}: {
  table: HolidayYear;
  addForm: FormState;
  runs: DeadlineRecomputeListItem[];
}) {
  const { t, province } = usePage();
  const slug = province!.slug;
  const title = t("services.processing.holidays.title", { year: table.year });
  return (
    <Layout title={title} breadcrumbs={[...useCrumbs(), { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t("services.processing.holidays.lead")}</p>
      <ErrorSummary issues={addForm.issues} />
      <nav aria-label={t("services.processing.holidays.yearNavigation")} class="item-actions">
        {table.year > FIRST_HOLIDAY_YEAR && (
          <a href={holidaysPath(slug, table.year - 1)} rel="prev">
            {t("services.processing.holidays.previousYear", { year: table.year - 1 })}
          </a>
        )}
        {table.year < LAST_HOLIDAY_YEAR && (
          <a href={holidaysPath(slug, table.year + 1)} rel="next">
            {t("services.processing.holidays.nextYear", { year: table.year + 1 })}
          </a>
        )}
      </nav>
      {table.rows.length > 0 ? (
        <RowsTable rows={table.rows} slug={slug} />
      ) : (
        <DefaultsPreview table={table} />
      )}
      <h2>{t("services.processing.holidays.addHeading")}</h2>
      <p class="hint">{t("services.processing.holidays.addHint")}</p>
      <Form action={`/${slug}/admin/services/holidays`}>
        <input type="hidden" name="year" value={String(table.year)} />
        <HolidayFields form={addForm} />
        <SubmitButton label={t("services.processing.holidays.add")} />
      </Form>
      <RecomputeRuns runs={runs} year={table.year} pagePath={holidaysPath(slug, table.year)} />
    </Layout>
  );
}

export function EditHolidayPage({ holiday, form }: { holiday: HolidayRow; form: FormState }) {
  const { t, province } = usePage();
  const year = Number(holiday.date.slice(0, 4));
  const back = holidaysPath(province!.slug, year);
  return (
    <FormPage
      title={t("services.processing.holidays.editTitle", { date: formatDate(holiday.date) })}
      breadcrumbs={[...useCrumbs(), { href: back, label: t("services.processing.holidays.title", { year }) }]}
      action={`/${province!.slug}/admin/services/holidays/${holiday.id}`}
      form={form}
      backHref={back}
    >
      <HolidayFields form={form} />
    </FormPage>
  );
}

export const holidayFormValues = (row: HolidayRow): Record<string, string> => ({
  date: formatDate(row.date),
  name: row.name,
  nameEn: row.nameEn,
  kind: row.kind,
});
