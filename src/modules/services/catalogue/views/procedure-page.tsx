import { Form, SubmitButton } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { ProcedureDetail, UnitName } from "../queries.ts";
import { ProcedureFacts } from "./procedure-facts.tsx";

/** A procedure's public page, with the button that starts an online application (the "apply" area's route). */
export function ProcedurePage({
  detail,
  units,
}: {
  detail: ProcedureDetail;
  units: ReadonlyMap<number, UnitName>;
}) {
  const { t, province, locale } = usePage();
  const base = `/${province!.slug}/services`;
  const name = locale === "en" ? detail.version.nameEn : detail.version.name;
  const isActive = detail.procedure.status === "active";
  return (
    <Layout
      title={name}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: base, label: t("services.catalogue.title") },
        { label: name },
      ]}
    >
      <h1>{name}</h1>
      {isActive ? (
        <div class="panel">
          <Form action={`${base}/${encodeURIComponent(detail.procedure.code)}/apply`}>
            <p>
              {t(
                detail.version.onlineClass === "full"
                  ? "services.catalogue.apply.leadFull"
                  : "services.catalogue.apply.leadPartial",
              )}
            </p>
            <SubmitButton label={t("services.catalogue.apply.button")} />
          </Form>
        </div>
      ) : (
        <div class="panel panel-warning" role="note">
          <p>{t("services.catalogue.retiredNotice")}</p>
        </div>
      )}
      <ProcedureFacts detail={detail} units={units} />
    </Layout>
  );
}
