import { formatDate, formatDateTime } from "../../../../platform/vn-format.ts";
import { Pagination, TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { MyDossierLine } from "../queries.ts";
import { myDossiersPath, StateTag } from "./shared.tsx";

export type MyDossiersData = {
  drafts: MyDossierLine[];
  others: MyDossierLine[];
  otherCount: number;
  page: number;
  pageSize: number;
};

/** The applicant's dossiers: drafts to continue, then the submitted ones with their status and due date. */
export function MyDossiersPage({ data }: { data: MyDossiersData }) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const base = myDossiersPath(slug);
  const nameOf = (line: MyDossierLine) => (locale === "en" ? line.procedureNameEn : line.procedureName);
  const title = t("services.apply.my.title");
  return (
    <Layout title={title} breadcrumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>
        <a href={`/${slug}/services`}>{t("services.apply.my.findProcedure")}</a>
      </p>
      <h2>{t("services.apply.my.drafts")}</h2>
      {data.drafts.length === 0 ? (
        <p>{t("services.apply.my.noDrafts")}</p>
      ) : (
        <TableWrap caption={t("services.apply.my.drafts")}>
          <thead>
            <tr>
              <th scope="col">{t("services.apply.field.procedure")}</th>
              <th scope="col">{t("services.apply.my.lastSaved")}</th>
            </tr>
          </thead>
          <tbody>
            {data.drafts.map((line) => (
              <tr key={line.id}>
                <td>
                  <a href={`${base}/${line.id}`}>{nameOf(line)}</a>
                </td>
                <td>{formatDateTime(line.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <h2>{t("services.apply.my.submitted", { count: data.otherCount })}</h2>
      {data.others.length === 0 ? (
        <p>{t("services.apply.my.noneSubmitted")}</p>
      ) : (
        <TableWrap caption={t("services.apply.my.submitted", { count: data.otherCount })}>
          <thead>
            <tr>
              <th scope="col">{t("services.apply.field.code")}</th>
              <th scope="col">{t("services.apply.field.procedure")}</th>
              <th scope="col">{t("services.apply.field.status")}</th>
              <th scope="col">{t("services.apply.field.submittedAt")}</th>
              <th scope="col">{t("services.apply.field.dueDate")}</th>
            </tr>
          </thead>
          <tbody>
            {data.others.map((line) => (
              <tr key={line.id}>
                <td class="nowrap">
                  <a href={`${base}/${line.id}`}>{line.code ?? `#${line.id}`}</a>
                </td>
                <td>{nameOf(line)}</td>
                <td>
                  <StateTag state={line.state} />
                  {line.feeDong > 0 && line.paidAt === null && line.state === "submitted" ? (
                    <span class="tag">{t("services.apply.my.unpaid")}</span>
                  ) : null}
                </td>
                <td class="nowrap">{line.submittedAt ? formatDateTime(line.submittedAt) : "—"}</td>
                <td class="nowrap">{line.dueDate ? formatDate(line.dueDate) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <Pagination
        page={data.page}
        pageCount={Math.ceil(data.otherCount / data.pageSize)}
        hrefFor={(page) => `${base}?page=${page}`}
      />
    </Layout>
  );
}
