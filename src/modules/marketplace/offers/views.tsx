import { fileUrl } from "../../../platform/files.ts";
import type { Translate } from "../../../platform/i18n.ts";
import { formatDate, formatNumber, formatVnd } from "../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  Pagination,
  SelectField,
  SubmitButton,
  TableWrap,
  TextArea,
  TextField,
} from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { daysLeft, deliveryTermOptions, incoterms, todayInVietnam } from "./inputs.ts";
import {
  type getMyOffer,
  type getOfferFormOptions,
  type getPublicOffer,
  type listMyOffers,
  type listMyQuotes,
  type listPublicOffers,
  type OfferAttachment,
  type OfferRow,
  publicPageSize,
  type QuoteSort,
} from "./services.ts";

type Awaited2<T> = T extends Promise<infer U> ? U : T;

export function kindLabel(t: Translate, kind: "sell" | "buy"): string {
  return t(`offers.kind.${kind}`);
}

export function statusLabel(t: Translate, offer: Pick<OfferRow, "status" | "expiresOn">): string {
  if (offer.status === "published" && offer.expiresOn < todayInVietnam()) return t("offers.status.expired");
  return t(`offers.status.${offer.status}`);
}

export function deliveryLabel(t: Translate, terms: string | null): string {
  if (!terms) return t("offers.delivery.none");
  if ((incoterms as readonly string[]).includes(terms)) return `${terms} (Incoterms® 2020)`;
  if ((deliveryTermOptions as readonly string[]).includes(terms)) return t(`offers.delivery.${terms}`);
  return terms;
}

function priceText(t: Translate, priceDong: bigint | null, unit: string): string {
  return priceDong === null
    ? t("offers.price.none")
    : t("offers.price.perUnit", { price: formatVnd(priceDong), unit });
}

function quantityText(quantity: number, unit: string): string {
  return `${formatNumber(quantity, { maximumFractionDigits: 3 })} ${unit}`;
}

/** "Còn 12 ngày", "Hạn cuối hôm nay", "Đã hết hạn", "Đã đóng". */
export function Availability({ offer }: { offer: Pick<OfferRow, "status" | "expiresOn"> }) {
  const { t } = usePage();
  if (offer.status === "closed") return <span class="tag">{t("offers.availability.closed")}</span>;
  const left = daysLeft(offer.expiresOn);
  if (left < 0) return <span class="tag">{t("offers.availability.expired")}</span>;
  if (left === 0) return <span class="tag">{t("offers.availability.lastDay")}</span>;
  return <span class="tag">{t("offers.availability.daysLeft", { days: left })}</span>;
}

function Attachments({ items }: { items: OfferAttachment[] }) {
  const { t } = usePage();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="offer-attachments">
      <h2 id="offer-attachments">{t("offers.field.attachments")}</h2>
      <ul>
        {items.map((file) => (
          <li key={file.fileId}>
            <a href={fileUrl(file)}>{file.name}</a>{" "}
            <span class="meta">({formatNumber(Math.ceil(file.byteSize / 1024))} KB)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The facts of an offer as a definition list (public page and owner's page). */
function OfferFacts({ offer, categoryName }: { offer: OfferRow; categoryName: string }) {
  const { t, locale } = usePage();
  const specification =
    locale === "en" && offer.specificationEn ? offer.specificationEn : offer.specification;
  return (
    <dl class="summary-list">
      <dt>{t("offers.field.kind")}</dt>
      <dd>{kindLabel(t, offer.kind)}</dd>
      <dt>{t("offers.field.category")}</dt>
      <dd>{categoryName}</dd>
      <dt>{t("offers.field.quantity")}</dt>
      <dd>{quantityText(offer.quantity, offer.unit)}</dd>
      <dt>{t("offers.field.price")}</dt>
      <dd>{priceText(t, offer.priceDong, offer.unit)}</dd>
      <dt>{t("offers.field.deliveryTerms")}</dt>
      <dd>{deliveryLabel(t, offer.deliveryTerms)}</dd>
      {offer.deliveryPlace && (
        <>
          <dt>{t("offers.field.deliveryPlace")}</dt>
          <dd>{offer.deliveryPlace}</dd>
        </>
      )}
      <dt>{t("offers.field.expiresOn")}</dt>
      <dd>
        {formatDate(offer.expiresOn)} <Availability offer={offer} />
      </dd>
      <dt>{t("offers.field.specification")}</dt>
      <dd class="prewrap">{specification}</dd>
    </dl>
  );
}

export function MyOffersPage({ data }: { data: Awaited2<ReturnType<typeof listMyOffers>> }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/my/offers`;
  return (
    <Layout title={t("offers.my.title")} breadcrumbs={[{ label: t("offers.my.title") }]}>
      <div class="page-heading">
        <h1>{t("offers.my.title")}</h1>
        <p>
          <a class="button" href={`${base}/new`}>
            {t("offers.my.new")}
          </a>{" "}
          <a href={`/${province!.slug}/my/quotes`}>{t("offers.quotes.myTitle")}</a>
        </p>
      </div>
      <p class="lead">{t("offers.my.lead", { enterprise: data.enterprise.name })}</p>
      {data.rows.length === 0 ? (
        <p>{t("offers.my.empty")}</p>
      ) : (
        <TableWrap caption={t("offers.my.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("offers.field.title")}</th>
              <th scope="col">{t("offers.field.kind")}</th>
              <th scope="col">{t("offers.field.status")}</th>
              <th scope="col">{t("offers.field.expiresOn")}</th>
              <th scope="col" class="numeric">
                {t("offers.my.openQuotes")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map(({ offer, openQuotes }) => (
              <tr key={offer.id}>
                <th scope="row">
                  <a href={`${base}/${offer.id}`}>{offer.title}</a>
                </th>
                <td>{kindLabel(t, offer.kind)}</td>
                <td>{statusLabel(t, offer)}</td>
                <td>{formatDate(offer.expiresOn)}</td>
                <td class="numeric">{offer.kind === "buy" ? formatNumber(openQuotes) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}

export function OfferFormPage(props: {
  offerId: number | null;
  form: FormState;
  options: Awaited2<ReturnType<typeof getOfferFormOptions>>;
  attachments: OfferAttachment[];
}) {
  const { t, locale, province } = usePage();
  const base = `/${province!.slug}/my/offers`;
  const title = props.offerId === null ? t("offers.form.newTitle") : t("offers.form.editTitle");
  const kind = props.form.values.kind ?? "";
  return (
    <FormPage
      title={title}
      breadcrumbs={[{ href: base, label: t("offers.my.title") }]}
      action={props.offerId === null ? base : `${base}/${props.offerId}/edit`}
      form={props.form}
      backHref={props.offerId === null ? base : `${base}/${props.offerId}`}
      lead={props.offerId === null ? t("offers.form.lead") : t("offers.form.editLead")}
      enctype="multipart/form-data"
    >
      <SelectField
        name="kind"
        label={t("offers.field.kind")}
        form={props.form}
        options={[
          { value: "", label: t("offers.form.choose") },
          { value: "sell", label: t("offers.kind.sell") },
          { value: "buy", label: t("offers.kind.buy") },
        ]}
      />
      <TextField
        name="title"
        label={t("offers.field.title")}
        hint={t("offers.form.titleHint")}
        form={props.form}
        required
      />
      <TextField name="titleEn" label={t("offers.field.titleEn")} form={props.form} />
      <SelectField
        name="categoryId"
        label={t("offers.field.category")}
        form={props.form}
        options={[
          { value: "", label: t("offers.form.choose") },
          ...props.options.categories.map((category) => ({
            value: String(category.id),
            label: `${"— ".repeat(category.depth - 1)}${locale === "en" ? category.nameEn : category.name}`,
          })),
        ]}
      />
      {(kind !== "buy" || props.options.products.length > 0) && (
        <SelectField
          name="productId"
          label={t("offers.field.product")}
          hint={t("offers.form.productHint")}
          form={props.form}
          options={[
            { value: "", label: t("offers.form.noProduct") },
            ...props.options.products.map((product) => ({ value: String(product.id), label: product.name })),
          ]}
        />
      )}
      <TextArea
        name="specification"
        label={t("offers.field.specification")}
        hint={t("offers.form.specificationHint")}
        form={props.form}
        rows={6}
        required
      />
      <TextArea name="specificationEn" label={t("offers.field.specificationEn")} form={props.form} rows={4} />
      <div class="field-row">
        <TextField
          name="quantity"
          label={t("offers.field.quantity")}
          form={props.form}
          inputMode="decimal"
          width="short"
          required
        />
        <TextField
          name="unit"
          label={t("offers.field.unit")}
          hint={t("offers.form.unitHint")}
          form={props.form}
          width="short"
          required
        />
      </div>
      <TextField
        name="priceDong"
        label={t("offers.field.priceDong")}
        hint={t("offers.form.priceHint")}
        form={props.form}
        inputMode="numeric"
        width="medium"
      />
      <SelectField
        name="deliveryTerm"
        label={t("offers.field.deliveryTerms")}
        hint={t("offers.form.deliveryHint")}
        form={props.form}
        options={deliveryTermOptions.map((option) => ({
          value: option,
          label: (incoterms as readonly string[]).includes(option)
            ? `${option} — ${t(`offers.incoterm.${option}`)}`
            : t(`offers.delivery.${option}`),
        }))}
      />
      <TextField name="deliveryTermOther" label={t("offers.field.deliveryTermOther")} form={props.form} />
      <TextField name="deliveryPlace" label={t("offers.field.deliveryPlace")} form={props.form} />
      <TextField
        name="expiresOn"
        label={t("offers.field.expiresOn")}
        hint={t("offers.form.expiresHint")}
        form={props.form}
        width="medium"
        required
      />
      {props.attachments.length > 0 && (
        <div class="field">
          <p class="strong">{t("offers.form.currentAttachments")}</p>
          <ul>
            {props.attachments.map((file) => (
              <li key={file.fileId}>
                <a href={fileUrl(file)}>{file.name}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for="field-attachments">{t("offers.field.attachments")}</label>
        <p class="hint" id="hint-attachments">
          {t("offers.form.attachmentsHint")}
        </p>
        <input
          id="field-attachments"
          name="attachments"
          type="file"
          multiple
          aria-describedby="hint-attachments"
        />
      </div>
    </FormPage>
  );
}

const quoteStatusKey = (status: string) => `offers.quoteStatus.${status}`;

export function MyOfferPage({
  data,
  sort,
}: {
  data: Awaited2<ReturnType<typeof getMyOffer>>;
  sort: QuoteSort;
}) {
  const { t, province } = usePage();
  const { offer } = data;
  const base = `/${province!.slug}/my/offers/${offer.id}`;
  const openQuotes = data.quotes.filter((row) => row.quote.status === "submitted");
  return (
    <Layout
      title={offer.title}
      breadcrumbs={[
        { href: `/${province!.slug}/my/offers`, label: t("offers.my.title") },
        { label: offer.title },
      ]}
    >
      <h1>{offer.title}</h1>
      <p>
        <span class="tag">{statusLabel(t, offer)}</span>{" "}
        {offer.status === "published" || offer.status === "closed" ? (
          <a href={`/${province!.slug}/offers/${offer.slug}`}>{t("offers.my.viewPublic")}</a>
        ) : null}
      </p>
      {offer.status === "hidden" && offer.moderationReason && (
        <div class="panel panel-warning">
          <p>{t("offers.my.hiddenReason", { reason: offer.moderationReason })}</p>
        </div>
      )}
      {offer.status === "pending" && <p class="panel">{t("offers.my.pendingNote")}</p>}
      <div class="actions">
        {data.editable && (
          <a class="button button-secondary" href={`${base}/edit`}>
            {t("form.edit")}
          </a>
        )}
        {data.editable && (offer.status === "draft" || offer.status === "hidden") && (
          <Form action={`${base}/submit`} class="inline-form">
            <SubmitButton label={t("offers.my.submit")} />
          </Form>
        )}
        {data.editable && (offer.status === "pending" || offer.status === "published") && (
          <Form action={`${base}/withdraw`} class="inline-form">
            <SubmitButton label={t("offers.my.withdraw")} variant="secondary" />
          </Form>
        )}
      </div>
      {!data.editable && <p class="meta">{t("offers.my.notEditable")}</p>}
      <OfferFacts offer={offer} categoryName={data.category.name} />
      <Attachments items={data.attachments} />
      {data.editable && data.attachments.length > 0 && (
        <details>
          <summary>{t("offers.my.removeAttachments")}</summary>
          <ul>
            {data.attachments.map((file) => (
              <li key={file.fileId}>
                <Form action={`${base}/attachments/${file.fileId}/delete`} class="inline-form">
                  <span>{file.name}</span>{" "}
                  <button type="submit" class="link-button">
                    {t("form.delete")}
                    <span class="visually-hidden"> {file.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </details>
      )}

      {offer.kind === "buy" && (
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">{t("offers.quotes.heading", { count: data.quotes.length })}</h2>
          {data.quotes.length === 0 ? (
            <p>{t("offers.quotes.none")}</p>
          ) : (
            <>
              <p class="sub-nav">
                {t("offers.quotes.sortBy")}{" "}
                {(["price", "total", "date"] as const).map((key) =>
                  key === sort ? (
                    <strong key={key} aria-current="true">
                      {t(`offers.quotes.sort.${key}`)}{" "}
                    </strong>
                  ) : (
                    <a key={key} href={`${base}?sort=${key}`}>
                      {t(`offers.quotes.sort.${key}`)}{" "}
                    </a>
                  ),
                )}
              </p>
              <TableWrap caption={t("offers.quotes.caption")}>
                <thead>
                  <tr>
                    <th scope="col">{t("offers.quotes.seller")}</th>
                    <th scope="col" class="numeric">
                      {t("offers.quotes.unitPrice")}
                    </th>
                    <th scope="col" class="numeric">
                      {t("offers.field.quantity")}
                    </th>
                    <th scope="col" class="numeric">
                      {t("offers.quotes.total")}
                    </th>
                    <th scope="col">{t("offers.quotes.validUntil")}</th>
                    <th scope="col">{t("offers.quotes.message")}</th>
                    <th scope="col">{t("offers.field.status")}</th>
                    <th scope="col">{t("form.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.quotes.map(({ quote, sellerName, sellerBadge, storefrontSlug }) => (
                    <tr key={quote.id}>
                      <th scope="row">
                        {storefrontSlug ? (
                          <a href={`/${province!.slug}/storefronts/${storefrontSlug}`}>{sellerName}</a>
                        ) : (
                          sellerName
                        )}{" "}
                        {sellerBadge && <span class="tag">{t("offers.badge.verified")}</span>}
                      </th>
                      <td class="numeric nowrap">
                        {formatVnd(quote.priceDong)}/{quote.unit}
                      </td>
                      <td class="numeric nowrap">{quantityText(quote.quantity, quote.unit)}</td>
                      <td class="numeric nowrap">
                        {formatVnd(BigInt(Math.round(Number(quote.priceDong) * quote.quantity)))}
                      </td>
                      <td>{formatDate(quote.validUntil)}</td>
                      <td class="prewrap">{quote.message}</td>
                      <td>{t(quoteStatusKey(quote.status))}</td>
                      <td>
                        {quote.status === "submitted" && offer.status === "published" && (
                          <Form action={`${base}/quotes/${quote.id}/accept`} class="inline-form">
                            <button type="submit" class="button">
                              {t("offers.quotes.accept")}
                              <span class="visually-hidden"> {sellerName}</span>
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </TableWrap>
              {offer.status === "published" && openQuotes.length > 0 && (
                <p class="hint">{t("offers.quotes.acceptHint")}</p>
              )}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">
          {offer.kind === "buy" ? t("offers.matches.buyHeading") : t("offers.matches.sellHeading")}
        </h2>
        {data.matches.length === 0 ? (
          <p>{offer.status === "published" ? t("offers.matches.none") : t("offers.matches.afterPublish")}</p>
        ) : (
          <ul class="card-list">
            {data.matches.map((match) => (
              <li key={`${match.type}-${match.id}`} class="card">
                <a href={match.href}>{match.title}</a>{" "}
                <span class="meta">
                  {match.type === "product" ? t("offers.matches.product") : t("offers.matches.offer")} ·{" "}
                  {match.enterpriseName}
                  {match.notified ? ` · ${t("offers.matches.notified")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

export function PublicOffersPage(props: {
  kind: "sell" | "buy";
  categoryId: number | null;
  page: number;
  data: Awaited2<ReturnType<typeof listPublicOffers>>;
}) {
  const { t, locale, province } = usePage();
  const base = `/${province!.slug}/offers`;
  const query = (kind: string, page = 1) => {
    const params = new URLSearchParams({ kind });
    if (props.categoryId) params.set("category", String(props.categoryId));
    if (page > 1) params.set("page", String(page));
    return `${base}?${params}`;
  };
  const pageCount = Math.max(1, Math.ceil(props.data.total / publicPageSize));
  const title = t("offers.public.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: `/${province!.slug}/floor`, label: t("offers.floor") }, { label: title }]}
    >
      <h1>{title}</h1>
      <nav class="sub-nav" aria-label={t("offers.public.tabs")}>
        <ul>
          {(["sell", "buy"] as const).map((kind) => (
            <li key={kind}>
              <a href={query(kind)} aria-current={kind === props.kind ? "page" : undefined}>
                {t(`offers.public.tab.${kind}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} class="inline-form">
        <input type="hidden" name="kind" value={props.kind} />
        <label for="filter-category">{t("offers.field.category")}</label>{" "}
        <select id="filter-category" name="category" class="input input-medium">
          <option value="">{t("offers.public.allCategories")}</option>
          {props.data.topCategories.map((category) => (
            <option key={category.id} value={String(category.id)} selected={category.id === props.categoryId}>
              {locale === "en" ? category.nameEn : category.name}
            </option>
          ))}
        </select>{" "}
        <button type="submit" class="button button-secondary">
          {t("offers.public.filter")}
        </button>
      </form>
      <p role="status">{t("offers.public.total", { total: formatNumber(props.data.total) })}</p>
      {props.data.rows.length === 0 ? (
        <p>{t("offers.public.empty")}</p>
      ) : (
        <ul class="card-list">
          {props.data.rows.map(({ offer, enterpriseName, categoryName, categoryNameEn, badge }) => (
            <li key={offer.id} class="card">
              <h2>
                <a href={`${base}/${offer.slug}`}>
                  {locale === "en" && offer.titleEn ? offer.titleEn : offer.title}
                </a>
              </h2>
              <p class="meta">
                {enterpriseName} {badge && <span class="tag">{t("offers.badge.verified")}</span>} ·{" "}
                {locale === "en" ? categoryNameEn : categoryName}
              </p>
              <p>
                {quantityText(offer.quantity, offer.unit)} · {priceText(t, offer.priceDong, offer.unit)} ·{" "}
                <Availability offer={offer} />
              </p>
              <p class="meta">
                {t("offers.public.postedOn", { date: formatDate(offer.publishedAt ?? offer.createdAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={props.page} pageCount={pageCount} hrefFor={(page) => query(props.kind, page)} />
    </Layout>
  );
}

/**
 * schema.org JSON-LD: an Offer (businessFunction Sell) for a sell offer, a Demand (businessFunction Buy) for a buy
 * offer. "<" is escaped so the text cannot close the script element.
 */
export function offerJsonLd(data: Awaited2<ReturnType<typeof getPublicOffer>>, url: string): string {
  const { offer, enterprise } = data;
  const party = {
    "@type": "Organization",
    name: enterprise.name,
    ...(enterprise.nameEn ? { alternateName: enterprise.nameEn } : {}),
    taxID: enterprise.taxCode,
  };
  const isOpen = offer.status === "published" && offer.expiresOn >= todayInVietnam();
  // schema.org: an Offer names its seller; a Demand has no property for the party that demands, so the buyer
  // is shown on the page only.
  const document: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": offer.kind === "sell" ? "Offer" : "Demand",
    name: offer.title,
    description: offer.specification.slice(0, 500),
    url,
    businessFunction: `http://purl.org/goodrelations/v1#${offer.kind === "sell" ? "Sell" : "Buy"}`,
    itemOffered: { "@type": "Product", name: offer.title, category: data.category.name },
    eligibleQuantity: { "@type": "QuantitativeValue", value: offer.quantity, unitText: offer.unit },
    validThrough: offer.expiresOn,
    availability: isOpen ? "https://schema.org/InStock" : "https://schema.org/Discontinued",
  };
  if (offer.kind === "sell") {
    document.seller = party;
    document.category = data.category.name;
  }
  if (offer.priceDong !== null) {
    document.priceSpecification = {
      "@type": "UnitPriceSpecification",
      price: offer.priceDong.toString(),
      priceCurrency: "VND",
      unitText: offer.unit,
    };
  }
  if (offer.publishedAt) document.validFrom = offer.publishedAt.toISOString();
  if (offer.deliveryPlace) document.areaServed = offer.deliveryPlace;
  return JSON.stringify(document).replace(/</g, "\\u003c");
}

export function PublicOfferPage(props: {
  data: Awaited2<ReturnType<typeof getPublicOffer>>;
  quoteForm: FormState;
  absoluteUrl: string;
}) {
  const { t, locale, province, actor } = usePage();
  const { offer, enterprise, category, storefront, badge } = props.data;
  const slug = province!.slug;
  const title = locale === "en" && offer.titleEn ? offer.titleEn : offer.title;
  const description = offer.specification.slice(0, 200);
  const closedOrExpired = offer.status === "closed" || offer.expiresOn < todayInVietnam();
  const head = (
    <>
      <meta name="description" content={description} />
      <meta property="og:type" content="website" />
      <meta property="og:title" content={`${kindLabel(t, offer.kind)}: ${title}`} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={props.absoluteUrl} />
      <meta property="og:locale" content={locale === "en" ? "en_US" : "vi_VN"} />
      <link rel="canonical" href={props.absoluteUrl} />
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: offerJsonLd(props.data, props.absoluteUrl) }}
      />
    </>
  );
  return (
    <Layout
      title={title}
      head={head}
      breadcrumbs={[
        { href: `/${slug}/offers?kind=${offer.kind}`, label: t("offers.public.title") },
        { label: title },
      ]}
    >
      <p class="meta">{kindLabel(t, offer.kind)}</p>
      <h1>{title}</h1>
      <OfferFacts offer={offer} categoryName={locale === "en" ? category.nameEn : category.name} />
      {props.data.product && (
        <p>
          {t("offers.public.linkedProduct")}{" "}
          <a href={`/${slug}/products/${props.data.product.slug}`}>{props.data.product.name}</a>
        </p>
      )}
      <Attachments items={props.data.attachments} />

      <section aria-labelledby="party-heading" class="card">
        <h2 id="party-heading">
          {offer.kind === "sell" ? t("offers.public.seller") : t("offers.public.buyer")}
        </h2>
        <p class="strong">
          {storefront ? (
            <a href={`/${slug}/storefronts/${storefront.slug}`}>{enterprise.name}</a>
          ) : (
            enterprise.name
          )}{" "}
          {badge && <span class="tag">{t("offers.badge.verified")}</span>}
        </p>
        {enterprise.nameEn && <p>{enterprise.nameEn}</p>}
        <p class="meta">{t("offers.public.taxCode", { taxCode: enterprise.taxCode })}</p>
        {enterprise.addressLine && <p>{enterprise.addressLine}</p>}
        {storefront?.contactName && (
          <p>
            {t("offers.public.contactPerson", { name: storefront.contactName })}
            {storefront.contactPhone && (
              <>
                {" · "}
                <a href={`tel:${storefront.contactPhone.replace(/[^+0-9]/g, "")}`}>
                  {storefront.contactPhone}
                </a>
              </>
            )}
          </p>
        )}
        <p>
          <a class="button" href={`/${slug}/inquiries/new?offer=${offer.id}`}>
            {t("offers.public.contact")}
          </a>
        </p>
      </section>

      {offer.kind === "buy" && (
        <section aria-labelledby="quote-heading">
          <h2 id="quote-heading">{t("offers.quote.heading")}</h2>
          <ErrorSummary issues={props.quoteForm.issues} />
          {closedOrExpired ? (
            <p>
              {offer.status === "closed"
                ? t("offers.quote.refused.closed")
                : t("offers.quote.refused.expired")}
            </p>
          ) : !actor ? (
            <p>
              <a href={`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/offers/${offer.slug}`)}`}>
                {t("offers.quote.signIn")}
              </a>
            </p>
          ) : !props.data.acting ? (
            <p>
              {t("offers.quote.enterpriseOnly")}{" "}
              <a href={`/${slug}/my/enterprise`}>{t("offers.quote.registerEnterprise")}</a>
            </p>
          ) : props.data.acting.status !== "verified" && !props.data.isOwner ? (
            <p>{t("offers.quote.notVerified")}</p>
          ) : props.data.isOwner ? (
            <p>
              {t("offers.quote.ownOffer")}{" "}
              <a href={`/${slug}/my/offers/${offer.id}`}>{t("offers.quote.seeQuotes")}</a>
            </p>
          ) : props.data.myOpenQuote ? (
            <div class="panel">
              <p>
                {t("offers.quote.alreadySent", {
                  price: formatVnd(props.data.myOpenQuote.priceDong),
                  unit: props.data.myOpenQuote.unit,
                  validUntil: formatDate(props.data.myOpenQuote.validUntil),
                })}
              </p>
              <Form action={`/${slug}/my/quotes/${props.data.myOpenQuote.id}/withdraw`} class="inline-form">
                <SubmitButton label={t("offers.quote.withdraw")} variant="secondary" />
              </Form>
            </div>
          ) : (
            <>
              <p>{t("offers.quote.lead")}</p>
              <Form action={`/${slug}/offers/${offer.slug}/quotes`}>
                <TextField
                  name="priceDong"
                  label={t("offers.quote.priceDong")}
                  hint={t("offers.quote.priceHint")}
                  form={props.quoteForm}
                  inputMode="numeric"
                  width="medium"
                  required
                />
                <div class="field-row">
                  <TextField
                    name="quantity"
                    label={t("offers.field.quantity")}
                    form={props.quoteForm}
                    inputMode="decimal"
                    width="short"
                    required
                  />
                  <TextField
                    name="unit"
                    label={t("offers.field.unit")}
                    form={props.quoteForm}
                    width="short"
                    required
                  />
                </div>
                <TextField
                  name="validUntil"
                  label={t("offers.quotes.validUntil")}
                  hint={t("form.dateHint")}
                  form={props.quoteForm}
                  width="medium"
                  required
                />
                <TextArea name="message" label={t("offers.quotes.message")} form={props.quoteForm} rows={4} />
                <SubmitButton label={t("offers.quote.send")} />
              </Form>
            </>
          )}
        </section>
      )}
      <p class="meta">
        <a href={`/${slug}/report-listing?type=offer&id=${offer.id}`}>{t("offers.public.report")}</a>
      </p>
    </Layout>
  );
}

export function MyQuotesPage({ data }: { data: Awaited2<ReturnType<typeof listMyQuotes>> }) {
  const { t, province } = usePage();
  const slug = province!.slug;
  return (
    <Layout title={t("offers.quotes.myTitle")} breadcrumbs={[{ label: t("offers.quotes.myTitle") }]}>
      <h1>{t("offers.quotes.myTitle")}</h1>
      <p class="lead">{t("offers.quotes.myLead", { enterprise: data.enterprise.name })}</p>
      {data.rows.length === 0 ? (
        <p>
          {t("offers.quotes.myEmpty")} <a href={`/${slug}/offers?kind=buy`}>{t("offers.public.tab.buy")}</a>
        </p>
      ) : (
        <TableWrap caption={t("offers.quotes.myCaption")}>
          <thead>
            <tr>
              <th scope="col">{t("offers.quotes.offer")}</th>
              <th scope="col">{t("offers.public.buyer")}</th>
              <th scope="col" class="numeric">
                {t("offers.quotes.unitPrice")}
              </th>
              <th scope="col" class="numeric">
                {t("offers.field.quantity")}
              </th>
              <th scope="col">{t("offers.quotes.validUntil")}</th>
              <th scope="col">{t("offers.field.status")}</th>
              <th scope="col">{t("form.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map(({ quote, offerTitle, offerSlug, offerStatus, buyerName }) => (
              <tr key={quote.id}>
                <th scope="row">
                  {offerStatus === "published" || offerStatus === "closed" ? (
                    <a href={`/${slug}/offers/${offerSlug}`}>{offerTitle}</a>
                  ) : (
                    offerTitle
                  )}
                </th>
                <td>{buyerName}</td>
                <td class="numeric nowrap">
                  {formatVnd(quote.priceDong)}/{quote.unit}
                </td>
                <td class="numeric nowrap">{quantityText(quote.quantity, quote.unit)}</td>
                <td>{formatDate(quote.validUntil)}</td>
                <td>{t(quoteStatusKey(quote.status))}</td>
                <td>
                  {quote.status === "submitted" && (
                    <Form action={`/${slug}/my/quotes/${quote.id}/withdraw`} class="inline-form">
                      <button type="submit" class="link-button">
                        {t("offers.quote.withdraw")}
                        <span class="visually-hidden"> {offerTitle}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
    </Layout>
  );
}
