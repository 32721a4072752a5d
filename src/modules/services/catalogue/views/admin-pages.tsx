import { formatDate, formatDateTime, formatNumber } from "../../../../platform/vn-format.ts";
import { Form, TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { AdminProcedureItem, AdminProcedureView } from "../services/manage-procedures.ts";
import { dong, ProcedureFacts } from "./procedure-facts.tsx";

export function adminBase(slug: string): string {
  return `/${slug}/admin/services/procedures`;
}

/** The administrator's list of every procedure of the portal, retired ones included. */
export function AdminProcedureListPage({ items }: { items: AdminProcedureItem[] }) {
  const { t, province } = usePage();
  const base = adminBase(province!.slug);
  const title = t("services.catalogue.admin.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: title }]}
    >
      <div class="page-heading">
        <h1>{title}</h1>
        <p class="actions">
          <a class="button button-secondary" href={`${base}/new`}>
            {t("services.catalogue.admin.new")}
          </a>
        </p>
      </div>
      <p role="status">{t("services.catalogue.total", { count: formatNumber(items.length) })}</p>
      <TableWrap caption={t("services.catalogue.admin.listCaption")}>
        <thead>
          <tr>
            <th scope="col">{t("services.catalogue.code")}</th>
            <th scope="col">{t("services.catalogue.admin.name")}</th>
            <th scope="col">{t("services.catalogue.kindLabel")}</th>
            <th scope="col" class="numeric">
              {t("services.catalogue.admin.currentVersion")}
            </th>
            <th scope="col">{t("services.catalogue.admin.status")}</th>
            <th scope="col">{t("services.catalogue.admin.updatedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <td class="nowrap">{item.code}</td>
              <td>
                <a href={`${base}/${encodeURIComponent(item.code)}`}>{item.name ?? item.code}</a>
              </td>
              <td>{t(`services.catalogue.kind.${item.kind}`)}</td>
              <td class="numeric">
                {item.version ?? "—"} / {item.versionCount}
              </td>
              <td>{t(`services.catalogue.status.${item.status}`)}</td>
              <td class="nowrap">{formatDateTime(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </Layout>
  );
}

/** One procedure for its administrator: status, versions (with their dossiers), the current version's facts. */
export function AdminProcedurePage({ view }: { view: AdminProcedureView }) {
  const { t, province, locale } = usePage();
  const base = adminBase(province!.slug);
  const code = encodeURIComponent(view.procedure.code);
  const name = locale === "en" ? view.version.nameEn : view.version.name;
  const units = new Map(view.units.map((unit) => [unit.id, unit]));
  const isActive = view.procedure.status === "active";
  return (
    <Layout
      title={name}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: base, label: t("services.catalogue.admin.title") },
        { label: name },
      ]}
    >
      <h1>{name}</h1>
      <p>
        {t("services.catalogue.admin.status")}:{" "}
        <strong>{t(`services.catalogue.status.${view.procedure.status}`)}</strong>
      </p>
      <div class="item-actions">
        <a class="button" href={`${base}/${code}/versions/new`}>
          {t("services.catalogue.admin.publish")}
        </a>
        <Form action={`${base}/${code}/status`} class="inline-form">
          <input type="hidden" name="status" value={isActive ? "retired" : "active"} />
          <button type="submit" class={isActive ? "button button-danger" : "button button-secondary"}>
            {t(isActive ? "services.catalogue.admin.retire" : "services.catalogue.admin.reinstate")}
          </button>
        </Form>
        {isActive && (
          <a href={`/${province!.slug}/services/${code}`}>{t("services.catalogue.admin.publicPage")}</a>
        )}
      </div>
      <h2>{t("services.catalogue.admin.versions")}</h2>
      <TableWrap caption={t("services.catalogue.admin.versionsCaption")}>
        <thead>
          <tr>
            <th scope="col" class="numeric">
              {t("services.catalogue.admin.version")}
            </th>
            <th scope="col">{t("services.catalogue.admin.name")}</th>
            <th scope="col">{t("services.catalogue.admin.publishedAt")}</th>
            <th scope="col" class="numeric">
              {t("services.catalogue.processingTime")}
            </th>
            <th scope="col" class="numeric">
              {t("services.catalogue.fees.onlineShort")}
            </th>
            <th scope="col" class="numeric">
              {t("services.catalogue.admin.dossiers")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.versions.map((version) => (
            <tr key={version.id}>
              <td class="numeric">
                {version.version}
                {version.id === view.version.id && (
                  <span class="tag">{t("services.catalogue.admin.current")}</span>
                )}
              </td>
              <td>{version.name}</td>
              <td class="nowrap">{formatDate(version.publishedAt)}</td>
              <td class="numeric">{version.processingWorkingDays}</td>
              <td class="numeric nowrap">{dong(version.onlineFeeDong)}</td>
              <td class="numeric">{formatNumber(version.dossierCount)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <h2>{t("services.catalogue.admin.currentFacts")}</h2>
      <ProcedureFacts detail={view} units={units} />
    </Layout>
  );
}
