import { fileUrl } from "../../../../platform/files.ts";
import {
  DeleteButton,
  ErrorSummary,
  FileField,
  Form,
  type FormState,
  SubmitButton,
  TextArea,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { maxGalleryImages, type OwnStorefront } from "../services/storefront.ts";
import { imageAccept, Section, StatusTag } from "./parts.tsx";

export function storefrontFormValues(state: OwnStorefront): Record<string, string> {
  if (state.kind !== "ready") return {};
  const storefront = state.storefront;
  if (!storefront) {
    return {
      slug: state.suggestedSlug,
      contactPhone: state.enterprise.phone ?? "",
      contactEmail: state.enterprise.email ?? "",
      contactName: state.enterprise.representativeName ?? "",
    };
  }
  return {
    slug: storefront.slug,
    introduction: storefront.introduction,
    introductionEn: storefront.introductionEn ?? "",
    videoUrl: storefront.videoUrl ?? "",
    contactName: storefront.contactName ?? "",
    contactPhone: storefront.contactPhone ?? "",
    contactEmail: storefront.contactEmail ?? "",
  };
}

export function MyStorefrontPage({
  state,
  form,
  galleryForm,
}: {
  state: OwnStorefront;
  form: FormState;
  galleryForm?: FormState;
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  const title = t("catalogue.myStorefront.title");
  const breadcrumbs = [
    { href: base, label: t("nav.home") },
    { href: `${base}/floor`, label: t("nav.floor") },
    { label: title },
  ];
  if (state.kind !== "ready") {
    return (
      <Layout title={title} breadcrumbs={breadcrumbs}>
        <h1>{title}</h1>
        <div class="panel panel-warning">
          <p>
            {state.kind === "no-enterprise"
              ? t("catalogue.myStorefront.noEnterprise")
              : t("catalogue.myStorefront.notVerified", {
                  status: t(`catalogue.enterpriseStatus.${state.enterprise.status}`),
                })}
          </p>
          {state.kind === "not-verified" && state.enterprise.statusReason && (
            <p>{t("catalogue.myStorefront.reason", { reason: state.enterprise.statusReason })}</p>
          )}
          <p>
            <a href={`${base}/my/enterprise`}>{t("catalogue.myStorefront.toEnterprise")}</a>
          </p>
        </div>
      </Layout>
    );
  }
  const { storefront, enterprise, logo, gallery } = state;
  const galleryState = galleryForm ?? { values: {}, issues: [] };
  return (
    <Layout title={title} breadcrumbs={breadcrumbs}>
      <div class="page-heading">
        <h1>{title}</h1>
        {storefront && <StatusTag status={storefront.status} />}
      </div>
      <p class="lead">{enterprise.name}</p>
      {storefront?.status === "published" && (
        <p class="panel panel-warning">{t("catalogue.myStorefront.editSendsBack")}</p>
      )}
      {storefront?.status === "pending" && <p class="panel">{t("catalogue.myStorefront.pendingNote")}</p>}
      {storefront?.status === "hidden" && (
        <div class="panel panel-warning">
          <p>{t("catalogue.myStorefront.hiddenNote")}</p>
          {storefront.moderationReason && (
            <p>{t("catalogue.myStorefront.reason", { reason: storefront.moderationReason })}</p>
          )}
        </div>
      )}
      {storefront && (
        <div class="actions">
          <a href={`${base}/storefronts/${storefront.slug}`}>{t("catalogue.myStorefront.view")}</a>
          <a href={`${base}/my/products`}>{t("catalogue.myStorefront.products")}</a>
          {(storefront.status === "draft" || storefront.status === "hidden") && (
            <Form action={`${base}/my/storefront/submit`} class="inline-form">
              <SubmitButton label={t("catalogue.action.submit")} />
            </Form>
          )}
        </div>
      )}

      <div class="narrow">
        <Section id="details" title={t("catalogue.myStorefront.details")}>
          <ErrorSummary issues={form.issues} />
          <Form action={`${base}/my/storefront`} enctype="multipart/form-data">
            <TextField
              name="slug"
              label={t("catalogue.field.slug")}
              hint={t("catalogue.field.slugHint", { prefix: `${base}/storefronts/` })}
              form={form}
              width="medium"
            />
            <TextArea name="introduction" label={t("catalogue.field.introduction")} form={form} rows={8} />
            <TextArea
              name="introductionEn"
              label={t("catalogue.field.introductionEn")}
              form={form}
              rows={8}
            />
            {logo && (
              <p>
                <img
                  src={fileUrl(logo, "thumbnail")}
                  alt={t("catalogue.logoOf", { name: enterprise.name })}
                  width={160}
                />
              </p>
            )}
            <FileField
              name="logo"
              label={logo ? t("catalogue.field.logoReplace") : t("catalogue.field.logo")}
              hint={t("catalogue.field.imageHint")}
              form={form}
              accept={imageAccept}
            />
            <TextField
              name="videoUrl"
              label={t("catalogue.field.videoUrl")}
              hint={t("catalogue.field.videoUrlHint")}
              form={form}
              type="url"
            />
            <TextField
              name="contactName"
              label={t("catalogue.field.contactName")}
              form={form}
              autocomplete="name"
            />
            <TextField
              name="contactPhone"
              label={t("catalogue.field.contactPhone")}
              form={form}
              type="tel"
              autocomplete="tel"
              width="medium"
            />
            <TextField
              name="contactEmail"
              label={t("catalogue.field.contactEmail")}
              form={form}
              type="email"
              autocomplete="email"
            />
            <SubmitButton label={storefront ? t("form.save") : t("catalogue.myStorefront.create")} />
          </Form>
        </Section>

        {storefront && (
          <Section id="gallery" title={t("catalogue.myStorefront.gallery", { max: maxGalleryImages })}>
            {gallery.length === 0 ? (
              <p>{t("catalogue.myStorefront.galleryEmpty")}</p>
            ) : (
              <ul class="catalogue-grid">
                {gallery.map((image) => (
                  <li key={image.fileId} class="catalogue-card">
                    <a href={fileUrl(image.file)}>
                      <img
                        src={fileUrl(image.file, "thumbnail")}
                        alt={image.caption ?? t("catalogue.galleryImage", { number: image.position + 1 })}
                        width={200}
                      />
                    </a>
                    <Form action={`${base}/my/storefront/images/${image.fileId}/caption`}>
                      <TextField
                        name={`caption-${image.fileId}`}
                        label={t("catalogue.field.caption")}
                        form={{ values: { [`caption-${image.fileId}`]: image.caption ?? "" }, issues: [] }}
                      />
                      <SubmitButton label={t("catalogue.action.saveCaption")} variant="secondary" />
                    </Form>
                    <DeleteButton
                      action={`${base}/my/storefront/images/${image.fileId}/delete`}
                      label={t("catalogue.action.removeImage")}
                      itemName={image.caption ?? image.file.originalName}
                    />
                  </li>
                ))}
              </ul>
            )}
            {gallery.length < maxGalleryImages && (
              <>
                <ErrorSummary issues={galleryState.issues} />
                <Form action={`${base}/my/storefront/images`} enctype="multipart/form-data">
                  <FileField
                    name="images"
                    label={t("catalogue.field.galleryImages")}
                    hint={t("catalogue.field.imagesHint", { max: maxGalleryImages - gallery.length })}
                    form={galleryState}
                    multiple
                    accept={imageAccept}
                  />
                  <TextField name="caption" label={t("catalogue.field.caption")} form={galleryState} />
                  <SubmitButton label={t("catalogue.action.upload")} variant="secondary" />
                </Form>
              </>
            )}
          </Section>
        )}
      </div>
    </Layout>
  );
}
