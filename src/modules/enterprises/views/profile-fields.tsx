import { formatMillionDong } from "../../../platform/vn-format.ts";
import {
  CheckboxGroup,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from "../../../views/components.tsx";
import { usePage } from "../../../views/page-context.ts";
import { legalForms, readinessFields } from "../schema.ts";
import type { EnterpriseRow } from "../services/membership.ts";
import { VSIC_SECTIONS } from "../vsic.ts";

export type PlaceOptions = {
  provinces: { id: number; name: string }[];
  communes: { id: number; name: string; kind: string; formerDistrict: string | null }[];
};

const readinessValue = (value: boolean | null) =>
  value === true ? "yes" : value === false ? "no" : "unknown";

/** The profile as the edit form shows it: amounts in triệu đồng, lists comma-separated. */
export function profileFormValues(enterprise: EnterpriseRow): Record<string, string> {
  const values: Record<string, string> = {
    name: enterprise.name,
    nameEn: enterprise.nameEn ?? "",
    shortName: enterprise.shortName ?? "",
    legalForm: enterprise.legalForm,
    vsicSection: enterprise.vsicSection,
    vsicCode: enterprise.vsicCode ?? "",
    productsDescription: enterprise.productsDescription,
    productsDescriptionEn: enterprise.productsDescriptionEn ?? "",
    addressLine: enterprise.addressLine,
    addressProvinceId: enterprise.addressProvinceId ? String(enterprise.addressProvinceId) : "",
    communeId: enterprise.communeId ? String(enterprise.communeId) : "",
    formerDistrict: enterprise.formerDistrict ?? "",
    representativeName: enterprise.representativeName ?? "",
    phone: enterprise.phone ?? "",
    email: enterprise.email ?? "",
    website: enterprise.website ?? "",
    foundedYear: enterprise.foundedYear ? String(enterprise.foundedYear) : "",
    employees: enterprise.employees === null ? "" : String(enterprise.employees),
    revenueMillion: enterprise.revenueDong === null ? "" : formatMillionDong(enterprise.revenueDong),
    capitalMillion: enterprise.capitalDong === null ? "" : formatMillionDong(enterprise.capitalDong),
    isExporter: enterprise.isExporter ? "true" : "",
    exportMarkets: enterprise.exportMarkets.join(", "),
    hsCodes: enterprise.hsCodes.join(", "),
  };
  for (const field of readinessFields) values[field] = readinessValue(enterprise[field]);
  return values;
}

/** Every field of the enterprise profile, grouped as the representative thinks of them. */
export function ProfileFields({ form, places }: { form: FormState; places: PlaceOptions }) {
  const { t, locale } = usePage();
  const choose = { value: "", label: t("enterprises.form.choose") };
  return (
    <>
      <fieldset class="field">
        <legend>{t("enterprises.form.identity")}</legend>
        <TextField name="name" label={t("enterprises.field.name")} form={form} required />
        <TextField name="nameEn" label={t("enterprises.field.nameEn")} form={form} />
        <TextField name="shortName" label={t("enterprises.field.shortName")} form={form} width="medium" />
        <SelectField
          name="legalForm"
          label={t("enterprises.field.legalForm")}
          form={form}
          options={[
            choose,
            ...legalForms.map((form) => ({ value: form, label: t(`enterprises.legalForm.${form}`) })),
          ]}
        />
        <SelectField
          name="vsicSection"
          label={t("enterprises.field.vsicSection")}
          form={form}
          options={[
            choose,
            ...VSIC_SECTIONS.map((entry) => ({
              value: entry.section,
              label: `${entry.section} – ${locale === "en" ? entry.nameEn : entry.nameVi}`,
            })),
          ]}
        />
        <TextField
          name="vsicCode"
          label={t("enterprises.field.vsicCode")}
          hint={t("enterprises.hint.vsicCode")}
          form={form}
          inputMode="numeric"
          width="short"
        />
        <TextArea
          name="productsDescription"
          label={t("enterprises.field.productsDescription")}
          form={form}
          rows={3}
        />
        <TextArea
          name="productsDescriptionEn"
          label={t("enterprises.field.productsDescriptionEn")}
          form={form}
          rows={3}
        />
      </fieldset>
      <fieldset class="field">
        <legend>{t("enterprises.form.address")}</legend>
        <TextField name="addressLine" label={t("enterprises.field.addressLine")} form={form} />
        <SelectField
          name="addressProvinceId"
          label={t("enterprises.field.addressProvince")}
          form={form}
          options={[
            choose,
            ...places.provinces.map((province) => ({ value: String(province.id), label: province.name })),
          ]}
        />
        <SelectField
          name="communeId"
          label={t("enterprises.field.commune")}
          hint={t("enterprises.hint.commune")}
          form={form}
          options={[
            choose,
            ...places.communes.map((commune) => ({
              value: String(commune.id),
              label: `${commune.kind} ${commune.name}${commune.formerDistrict ? ` (${commune.formerDistrict})` : ""}`,
            })),
          ]}
        />
        <TextField
          name="formerDistrict"
          label={t("enterprises.field.formerDistrict")}
          form={form}
          width="medium"
        />
      </fieldset>
      <fieldset class="field">
        <legend>{t("enterprises.form.contact")}</legend>
        <TextField
          name="representativeName"
          label={t("enterprises.field.representativeName")}
          form={form}
          autocomplete="name"
        />
        <TextField
          name="phone"
          label={t("enterprises.field.phone")}
          hint={t("enterprises.hint.phone")}
          form={form}
          type="tel"
          autocomplete="tel"
          width="medium"
        />
        <TextField
          name="email"
          label={t("enterprises.field.email")}
          form={form}
          type="email"
          autocomplete="email"
        />
        <TextField
          name="website"
          label={t("enterprises.field.website")}
          form={form}
          type="url"
          autocomplete="url"
        />
      </fieldset>
      <fieldset class="field">
        <legend>{t("enterprises.form.figures")}</legend>
        <p class="hint">{t("enterprises.hint.figures")}</p>
        <div class="field-row">
          <TextField
            name="foundedYear"
            label={t("enterprises.field.foundedYear")}
            form={form}
            inputMode="numeric"
            width="short"
          />
          <TextField
            name="employees"
            label={t("enterprises.field.employees")}
            form={form}
            inputMode="numeric"
            width="short"
          />
        </div>
        <div class="field-row">
          <TextField
            name="revenueMillion"
            label={t("enterprises.field.revenueMillion")}
            form={form}
            inputMode="decimal"
            width="medium"
          />
          <TextField
            name="capitalMillion"
            label={t("enterprises.field.capitalMillion")}
            form={form}
            inputMode="decimal"
            width="medium"
          />
        </div>
      </fieldset>
      <fieldset class="field">
        <legend>{t("enterprises.form.readiness")}</legend>
        {readinessFields.map((field) => (
          <SelectField
            key={field}
            name={field}
            label={t(`enterprises.readiness.${field}`)}
            form={form}
            options={["unknown", "yes", "no"].map((value) => ({
              value,
              label: t(`enterprises.answer.${value}`),
            }))}
          />
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>{t("enterprises.form.export")}</legend>
        <CheckboxGroup
          name="isExporter"
          label={t("enterprises.field.isExporter")}
          form={form}
          options={[{ value: "true", label: t("enterprises.field.isExporterOption") }]}
          selected={form.values.isExporter === "true" || form.values.isExporter === "on" ? ["true"] : []}
        />
        <TextField
          name="exportMarkets"
          label={t("enterprises.field.exportMarkets")}
          hint={t("enterprises.hint.exportMarkets")}
          form={form}
        />
        <TextField
          name="hsCodes"
          label={t("enterprises.field.hsCodes")}
          hint={t("enterprises.hint.hsCodes")}
          form={form}
        />
      </fieldset>
    </>
  );
}
