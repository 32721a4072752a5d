import { fileUrl } from "../../../../platform/files.ts";
import { formatDate, formatNumber } from "../../../../platform/vn-format.ts";
import {
  DeleteButton,
  ErrorSummary,
  FileField,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TableWrap,
  TextArea,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { hsChapterName } from "../../hs-code.ts";
import { ocopStarLevels } from "../../ocop.ts";
import { certificateKinds } from "../inputs.ts";
import {
  type listCategoryChoices,
  maxProductImages,
  type OwnProduct,
  type ProductRow,
} from "../services/products.ts";
import {
  CertificateHeadCells,
  certificateValidity,
  documentAccept,
  imageAccept,
  localized,
  OcopCertificate,
  Section,
  StatusTag,
} from "./parts.tsx";

type CategoryChoice = Awaited<ReturnType<typeof listCategoryChoices>>[number];

export function productFormValues(product: ProductRow): Record<string, string> {
  return {
    name: product.name,
    nameEn: product.nameEn ?? "",
    description: product.description,
    descriptionEn: product.descriptionEn ?? "",
    categoryId: String(product.categoryId),
    priceKind: product.priceDong === null ? "contact" : "amount",
    price: product.priceDong === null ? "" : formatNumber(product.priceDong),
    unit: product.unit,
    minOrderQuantity:
      product.minOrderQuantity === null
        ? ""
        : formatNumber(product.minOrderQuantity, { maximumFractionDigits: 3 }),
    hsCode: product.hsCode ?? "",
    origin: product.origin ?? "",
    ocopStars: product.ocopStars === null ? "" : String(product.ocopStars),
    ocopCertificateNumber: product.ocopCertificateNumber ?? "",
    ocopCertifiedOn: product.ocopCertifiedOn ? formatDate(product.ocopCertifiedOn) : "",
  };
}

/** The category select: every top-level group is an <optgroup> of its sub-categories (or of itself when it has none). */
function CategorySelect({ choices, form }: { choices: CategoryChoice[]; form: FormState }) {
  const { t, locale } = usePage();
  const issue = form.issues.find((item) => item.field === "categoryId");
  const roots = choices.filter((choice) => choice.parentId === null);
  const selected = form.values.categoryId ?? "";
  return (
    <div class={issue ? "field field-error" : "field"}>
      <label for="field-categoryId">{t("catalogue.field.category")}</label>
      {issue && (
        <p class="error-message" id="error-categoryId">
          <span class="visually-hidden">{t("form.errorPrefix")}</span> {t(issue.messageKey, issue.params)}
        </p>
      )}
      <select
        id="field-categoryId"
        name="categoryId"
        class="input"
        aria-invalid={issue ? "true" : undefined}
        aria-describedby={issue ? "error-categoryId" : undefined}
      >
        <option value="">{t("catalogue.field.categoryChoose")}</option>
        {roots.map((root) => {
          const descendants = choices
            .filter((choice) => choice.id !== root.id && choice.path[0] === root.id)
            .sort((a, b) => a.path.join(".").localeCompare(b.path.join("."), "en", { numeric: true }));
          const options = descendants.length > 0 ? descendants : [root];
          return (
            <optgroup key={root.id} label={localized(root.name, root.nameEn, locale)}>
              {options.map((choice) => (
                <option key={choice.id} value={String(choice.id)} selected={selected === String(choice.id)}>
                  {`${choice.depth > 1 ? "— " : ""}${localized(choice.name, choice.nameEn, locale)}`}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}

function ProductFields({ form, choices }: { form: FormState; choices: CategoryChoice[] }) {
  const { t, locale } = usePage();
  const chapter = form.values.hsCode
    ? hsChapterName(form.values.hsCode.replace(/\D/g, "").slice(0, 2))
    : undefined;
  return (
    <>
      <TextField name="name" label={t("catalogue.field.name")} form={form} />
      <TextField name="nameEn" label={t("catalogue.field.nameEn")} form={form} />
      <TextArea name="description" label={t("catalogue.field.description")} form={form} rows={6} />
      <TextArea name="descriptionEn" label={t("catalogue.field.descriptionEn")} form={form} rows={6} />
      <CategorySelect choices={choices} form={form} />
      <SelectField
        name="priceKind"
        label={t("catalogue.field.priceKind")}
        form={form}
        options={[
          { value: "amount", label: t("catalogue.price.amount") },
          { value: "contact", label: t("catalogue.price.contact") },
        ]}
      />
      <TextField
        name="price"
        label={t("catalogue.field.price")}
        hint={t("catalogue.field.priceHint")}
        form={form}
        inputMode="numeric"
        width="medium"
      />
      <div class="field-row">
        <TextField
          name="unit"
          label={t("catalogue.field.unit")}
          hint={t("catalogue.field.unitHint")}
          form={form}
          width="short"
        />
        <TextField
          name="minOrderQuantity"
          label={t("catalogue.field.minOrderQuantity")}
          form={form}
          inputMode="decimal"
          width="short"
        />
      </div>
      <TextField
        name="hsCode"
        label={t("catalogue.field.hsCode")}
        hint={
          chapter
            ? t("catalogue.hsChapter", { name: localized(chapter.vi, chapter.en, locale) })
            : t("catalogue.field.hsCodeHint")
        }
        form={form}
        width="medium"
      />
      <TextField name="origin" label={t("catalogue.field.origin")} form={form} />
      <fieldset class="field">
        <legend>{t("catalogue.field.ocop")}</legend>
        <SelectField
          name="ocopStars"
          label={t("catalogue.field.ocopStars")}
          form={form}
          options={[
            { value: "", label: t("catalogue.field.ocopNone") },
            ...ocopStarLevels.map((stars) => ({
              value: String(stars),
              label: t("catalogue.ocop.stars", { stars }),
            })),
          ]}
        />
        <TextField
          name="ocopCertificateNumber"
          label={t("catalogue.ocop.certificateNumber")}
          form={form}
          width="medium"
        />
        <TextField
          name="ocopCertifiedOn"
          label={t("catalogue.ocop.certifiedOn")}
          hint={t("catalogue.field.dateHint")}
          form={form}
          width="short"
        />
      </fieldset>
    </>
  );
}

export function NewProductPage({ form, choices }: { form: FormState; choices: CategoryChoice[] }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  const title = t("catalogue.myProducts.new");
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: base, label: t("nav.home") },
        { href: `${base}/my/products`, label: t("catalogue.myProducts.title") },
        { label: title },
      ]}
    >
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{t("catalogue.product.newLead")}</p>
        <ErrorSummary issues={form.issues} />
        <Form action={`${base}/my/products`}>
          <ProductFields form={form} choices={choices} />
          <SubmitButton label={t("catalogue.action.saveDraft")} />
        </Form>
        <p>
          <a href={`${base}/my/products`}>{t("form.cancel")}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Swaps an image with its neighbour; the hidden text names which image, for screen readers. */
function MoveImageButton({
  action,
  direction,
  index,
}: {
  action: string;
  direction: "up" | "down";
  index: number;
}) {
  const { t } = usePage();
  return (
    <Form action={action} class="inline-form">
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="button button-secondary">
        {t(direction === "up" ? "catalogue.action.moveUp" : "catalogue.action.moveDown")}
        <span class="visually-hidden"> {t("catalogue.imageNumber", { number: index + 1 })}</span>
      </button>
    </Form>
  );
}

export type EditForms = { main: FormState; images: FormState; certificate: FormState };

export function EditProductPage({
  own,
  forms,
  choices,
}: {
  own: OwnProduct;
  forms: EditForms;
  choices: CategoryChoice[];
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}`;
  const { product, images, certificates, enterprise } = own;
  const action = `${base}/my/products/${product.id}`;
  return (
    <Layout
      title={product.name}
      breadcrumbs={[
        { href: base, label: t("nav.home") },
        { href: `${base}/my/products`, label: t("catalogue.myProducts.title") },
        { label: product.name },
      ]}
    >
      <div class="page-heading">
        <h1>{product.name}</h1>
        <StatusTag status={product.status} />
      </div>
      {product.status === "published" && (
        <p class="panel panel-warning">{t("catalogue.product.editSendsBack")}</p>
      )}
      {product.status === "pending" && <p class="panel">{t("catalogue.product.pendingNote")}</p>}
      {product.status === "hidden" && (
        <div class="panel panel-warning">
          <p>{t("catalogue.product.hiddenNote")}</p>
          {product.moderationReason && (
            <p>{t("catalogue.myStorefront.reason", { reason: product.moderationReason })}</p>
          )}
        </div>
      )}
      {enterprise.status !== "verified" && (
        <p class="panel panel-warning">{t("catalogue.myProducts.notVerified")}</p>
      )}
      <div class="actions">
        <a href={`${base}/products/${product.slug}`}>{t("catalogue.product.preview")}</a>
        {(product.status === "draft" || product.status === "hidden") && enterprise.status === "verified" && (
          <Form action={`${action}/submit`} class="inline-form">
            <SubmitButton label={t("catalogue.action.submit")} />
          </Form>
        )}
        {(product.status === "pending" || product.status === "published") && (
          <Form action={`${action}/withdraw`} class="inline-form">
            <SubmitButton label={t("catalogue.action.withdraw")} variant="secondary" />
          </Form>
        )}
        {product.status === "draft" && (
          <DeleteButton
            action={`${action}/delete`}
            label={t("catalogue.action.delete")}
            itemName={product.name}
          />
        )}
      </div>

      <div class="narrow">
        <Section id="details" title={t("catalogue.product.details")}>
          <ErrorSummary issues={forms.main.issues} />
          <Form action={action}>
            <ProductFields form={forms.main} choices={choices} />
            <SubmitButton label={t("form.save")} />
          </Form>
          {product.ocopStars && (
            <OcopCertificate
              stars={product.ocopStars}
              number={product.ocopCertificateNumber}
              certifiedOn={product.ocopCertifiedOn}
              expiresOn={product.ocopExpiresOn}
            />
          )}
        </Section>

        <Section id="images" title={t("catalogue.product.images", { max: maxProductImages })}>
          {images.length === 0 ? (
            <p>{t("catalogue.product.noImages")}</p>
          ) : (
            <ol class="catalogue-image-list">
              {images.map((image, index) => (
                <li key={image.fileId} class="catalogue-card">
                  <a href={fileUrl(image.file)}>
                    <img
                      src={fileUrl(image.file, "thumbnail")}
                      alt={image.alt ?? t("catalogue.imageOf", { name: product.name, number: index + 1 })}
                      width={200}
                    />
                  </a>
                  <Form action={`${action}/images/${image.fileId}/alt`} class="form">
                    <TextField
                      name={`alt-${image.fileId}`}
                      label={t("catalogue.field.alt")}
                      form={{ values: { [`alt-${image.fileId}`]: image.alt ?? "" }, issues: [] }}
                    />
                    <SubmitButton label={t("catalogue.action.saveAlt")} variant="secondary" />
                  </Form>
                  <div class="actions">
                    {index > 0 && (
                      <MoveImageButton
                        action={`${action}/images/${image.fileId}/move`}
                        direction="up"
                        index={index}
                      />
                    )}
                    {index < images.length - 1 && (
                      <MoveImageButton
                        action={`${action}/images/${image.fileId}/move`}
                        direction="down"
                        index={index}
                      />
                    )}
                    <DeleteButton
                      action={`${action}/images/${image.fileId}/delete`}
                      label={t("catalogue.action.removeImage")}
                      itemName={t("catalogue.imageNumber", { number: index + 1 })}
                    />
                  </div>
                </li>
              ))}
            </ol>
          )}
          {images.length < maxProductImages && (
            <>
              <ErrorSummary issues={forms.images.issues} />
              <Form action={`${action}/images`} enctype="multipart/form-data">
                <FileField
                  name="images"
                  label={t("catalogue.field.productImages")}
                  hint={t("catalogue.field.imagesHint", { max: maxProductImages - images.length })}
                  form={forms.images}
                  multiple
                  accept={imageAccept}
                />
                <TextField
                  name="alt"
                  label={t("catalogue.field.alt")}
                  hint={t("catalogue.field.altHint")}
                  form={forms.images}
                />
                <SubmitButton label={t("catalogue.action.upload")} variant="secondary" />
              </Form>
            </>
          )}
        </Section>

        <Section id="certificates" title={t("catalogue.product.certificates")}>
          {certificates.length === 0 ? (
            <p>{t("catalogue.product.noCertificates")}</p>
          ) : (
            <TableWrap caption={t("catalogue.product.certificates")}>
              <thead>
                <tr>
                  <th scope="col">{t("catalogue.field.certificateTitle")}</th>
                  <th scope="col">{t("catalogue.field.certificateKind")}</th>
                  <th scope="col">{t("catalogue.field.certificateNumber")}</th>
                  <th scope="col">{t("catalogue.field.validity")}</th>
                  <th scope="col">{t("catalogue.field.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {certificates.map((certificate) => (
                  <tr key={certificate.id}>
                    <CertificateHeadCells certificate={certificate} />
                    <td>{certificateValidity(certificate)}</td>
                    <td>
                      <DeleteButton
                        action={`${action}/certificates/${certificate.id}/delete`}
                        label={t("catalogue.action.removeCertificate")}
                        itemName={certificate.title}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableWrap>
          )}
          <h3>{t("catalogue.product.addCertificate")}</h3>
          <ErrorSummary issues={forms.certificate.issues} />
          <Form action={`${action}/certificates`} enctype="multipart/form-data">
            <SelectField
              name="kind"
              label={t("catalogue.field.certificateKind")}
              form={forms.certificate}
              options={certificateKinds.map((kind) => ({
                value: kind,
                label: t(`catalogue.certificateKind.${kind}`),
              }))}
            />
            <TextField name="title" label={t("catalogue.field.certificateTitle")} form={forms.certificate} />
            <TextField
              name="number"
              label={t("catalogue.field.certificateNumber")}
              form={forms.certificate}
              width="medium"
            />
            <TextField name="issuer" label={t("catalogue.field.issuer")} form={forms.certificate} />
            <div class="field-row">
              <TextField
                name="issuedOn"
                label={t("catalogue.field.issuedOn")}
                hint={t("catalogue.field.dateHint")}
                form={forms.certificate}
                width="short"
              />
              <TextField
                name="expiresOn"
                label={t("catalogue.field.expiresOn")}
                hint={t("catalogue.field.dateHint")}
                form={forms.certificate}
                width="short"
              />
            </div>
            <FileField
              name="document"
              label={t("catalogue.field.document")}
              hint={t("catalogue.field.documentHint")}
              form={forms.certificate}
              accept={documentAccept}
            />
            <SubmitButton label={t("catalogue.action.addCertificate")} variant="secondary" />
          </Form>
        </Section>
      </div>
    </Layout>
  );
}
