import { type FormState, SelectField, TableWrap, TextField } from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";

type Unit = {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: "provincial" | "central" | "other";
};

export function UnitsPage({ units }: { units: Unit[] }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/admin/units`;
  return (
    <Layout
      title={t("units.title")}
      breadcrumbs={[{ href: `/${province!.slug}`, label: t("nav.home") }, { label: t("units.title") }]}
    >
      <div class="page-heading">
        <h1>{t("units.title")}</h1>
        <a class="button" href={`${base}/new`}>
          {t("units.create")}
        </a>
      </div>
      <p class="lead">{t("units.lead")}</p>
      <TableWrap caption={t("units.title")}>
        <thead>
          <tr>
            <th scope="col">{t("units.code")}</th>
            <th scope="col">{t("units.name")}</th>
            <th scope="col">{t("units.nameEn")}</th>
            <th scope="col">{t("units.kind")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td>
                <code>{unit.code}</code>
              </td>
              <td lang="vi">
                <a href={`${base}/${unit.id}`}>{unit.name}</a>
              </td>
              <td lang="en">{unit.nameEn ?? "—"}</td>
              <td>{t(`units.kind.${unit.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </Layout>
  );
}

export function UnitFormPage({ form, unitId }: { form: FormState; unitId: number | null }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/admin/units`;
  const title = unitId ? t("units.edit") : t("units.create");
  return (
    <FormPage
      title={title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: base, label: t("units.title") },
      ]}
      action={unitId ? `${base}/${unitId}` : base}
      form={form}
      backHref={base}
    >
      <TextField
        name="code"
        label={t("units.code")}
        hint={t("units.codeHint")}
        form={form}
        width="medium"
        required
      />
      <TextField name="name" label={t("units.name")} form={form} required />
      <TextField name="nameEn" label={t("units.nameEn")} form={form} />
      <SelectField
        name="kind"
        label={t("units.kind")}
        form={form}
        options={(["provincial", "central", "other"] as const).map((kind) => ({
          value: kind,
          label: t(`units.kind.${kind}`),
        }))}
      />
    </FormPage>
  );
}
