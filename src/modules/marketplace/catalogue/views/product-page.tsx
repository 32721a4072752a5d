import { fileUrl } from "../../../../platform/files.ts";
import { formatDate, formatNumber, todayInVietnam } from "../../../../platform/vn-format.ts";
import { TableWrap } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { hsChapterName } from "../../hs-code.ts";
import { isOcopCertificateValid } from "../../ocop.ts";
import type { PublicProduct } from "../queries.ts";
import {
  CertificateHeadCells,
  certificateValidity,
  localized,
  OcopCertificate,
  PreviewBanner,
  Price,
  Section,
} from "./parts.tsx";
import { absoluteUrl, SeoHead } from "./seo.tsx";

export function productJsonLd(view: PublicProduct, publicUrl: string, path: string, locale: "vi" | "en") {
  const { product, enterprise, images, category } = view;
  const today = todayInVietnam();
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: localized(product.name, product.nameEn, locale),
    description: localized(product.description, product.descriptionEn, locale).slice(0, 1000),
    url: absoluteUrl(publicUrl, path),
    category: localized(category.name, category.nameEn, locale),
    ...(images.length > 0
      ? { image: images.map((image) => absoluteUrl(publicUrl, fileUrl(image.file))) }
      : {}),
    ...(product.hsCode
      ? { additionalProperty: [{ "@type": "PropertyValue", name: "HS code", value: product.hsCode }] }
      : {}),
    ...(product.origin ? { countryOfOrigin: product.origin } : {}),
    brand: { "@type": "Organization", name: enterprise.name },
    ...(product.ocopStars && product.ocopCertifiedOn && isOcopCertificateValid(product.ocopCertifiedOn, today)
      ? {
          award: `OCOP ${product.ocopStars}★`,
        }
      : {}),
    offers: {
      "@type": "Offer",
      url: absoluteUrl(publicUrl, path),
      priceCurrency: "VND",
      ...(product.priceDong !== null ? { price: product.priceDong.toString() } : {}),
      availability: "https://schema.org/InStock",
      seller: { "@type": "Organization", name: enterprise.name },
      ...(product.minOrderQuantity
        ? {
            eligibleQuantity: {
              "@type": "QuantitativeValue",
              minValue: product.minOrderQuantity,
              unitText: product.unit,
            },
          }
        : {}),
    },
  };
}

export function ProductPage({ view, publicUrl }: { view: PublicProduct; publicUrl: string }) {
  const { t, locale, province } = usePage();
  const base = `/${province!.slug}`;
  const { product, enterprise, category, storefront, images, certificates } = view;
  const name = localized(product.name, product.nameEn, locale);
  const description = localized(product.description, product.descriptionEn, locale);
  const path = `${base}/products/${product.slug}`;
  const chapter = product.hsCode ? hsChapterName(product.hsCode.slice(0, 2)) : undefined;
  const storefrontIsPublic = storefront?.status === "published" && enterprise.status === "verified";
  const [main, ...others] = images;
  return (
    <Layout
      title={name}
      breadcrumbs={[
        { href: base, label: t("nav.home") },
        { href: `${base}/floor`, label: t("nav.floor") },
        {
          href: `${base}/search?category=${encodeURIComponent(category.slug)}`,
          label: localized(category.name, category.nameEn, locale),
        },
        { label: name },
      ]}
      head={
        <SeoHead
          publicUrl={publicUrl}
          path={path}
          title={name}
          description={description || name}
          image={main ? fileUrl(main.file) : null}
          type="product"
          locale={locale}
          jsonLd={productJsonLd(view, publicUrl, path, locale)}
        />
      }
    >
      {view.isPreview && <PreviewBanner status={product.status} />}
      <h1>{name}</h1>
      <div class="catalogue-product">
        <div class="catalogue-gallery">
          {main ? (
            <a href={fileUrl(main.file)}>
              <img
                class="catalogue-main-image"
                src={fileUrl(main.file, "thumbnail")}
                alt={main.alt ?? name}
                width={400}
              />
            </a>
          ) : (
            <p class="meta">{t("catalogue.product.noImages")}</p>
          )}
          {others.length > 0 && (
            <ul class="catalogue-thumbs">
              {others.map((image, index) => (
                <li key={image.fileId}>
                  <a href={fileUrl(image.file)}>
                    <img
                      src={fileUrl(image.file, "thumbnail")}
                      alt={image.alt ?? t("catalogue.imageOf", { name, number: index + 2 })}
                      loading="lazy"
                      width={96}
                    />
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <p class="catalogue-price-line">
            <Price
              priceDong={product.priceDong}
              unit={product.priceDong === null ? undefined : product.unit}
            />
          </p>
          <dl class="summary-list">
            <dt>{t("catalogue.field.unit")}</dt>
            <dd>{product.unit}</dd>
            {product.minOrderQuantity !== null && (
              <>
                <dt>{t("catalogue.field.minOrderQuantity")}</dt>
                <dd>
                  {formatNumber(product.minOrderQuantity, { maximumFractionDigits: 3 })} {product.unit}
                </dd>
              </>
            )}
            {product.hsCode && (
              <>
                <dt>{t("catalogue.field.hsCode")}</dt>
                <dd>
                  {product.hsCode}
                  {chapter && (
                    <span class="meta">
                      {" "}
                      — {t("catalogue.hsChapter", { name: localized(chapter.vi, chapter.en, locale) })}
                    </span>
                  )}
                </dd>
              </>
            )}
            {product.origin && (
              <>
                <dt>{t("catalogue.field.origin")}</dt>
                <dd>{product.origin}</dd>
              </>
            )}
            <dt>{t("catalogue.field.category")}</dt>
            <dd>{localized(category.name, category.nameEn, locale)}</dd>
          </dl>
          <p class="actions">
            <a class="button" href={`${base}/inquiries/new?product=${product.id}`}>
              {t("catalogue.action.requestQuote")}
            </a>
            <a href={`${base}/report-listing?type=product&id=${product.id}`}>
              {t("catalogue.action.report")}
            </a>
          </p>
        </div>
      </div>

      {description && (
        <Section id="description" title={t("catalogue.product.description")}>
          <p class="prewrap">{description}</p>
        </Section>
      )}

      {product.ocopStars && (
        <Section id="ocop" title={t("catalogue.product.ocop")}>
          <OcopCertificate
            stars={product.ocopStars}
            number={product.ocopCertificateNumber}
            certifiedOn={product.ocopCertifiedOn}
            expiresOn={product.ocopExpiresOn}
          />
        </Section>
      )}

      {certificates.length > 0 && (
        <Section id="certificates" title={t("catalogue.product.certificates")}>
          <TableWrap caption={t("catalogue.product.certificatesOf", { name })}>
            <thead>
              <tr>
                <th scope="col">{t("catalogue.field.certificateTitle")}</th>
                <th scope="col">{t("catalogue.field.certificateKind")}</th>
                <th scope="col">{t("catalogue.field.certificateNumber")}</th>
                <th scope="col">{t("catalogue.field.issuer")}</th>
                <th scope="col">{t("catalogue.field.validity")}</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((certificate) => {
                const expired = certificate.expiresOn !== null && certificate.expiresOn < todayInVietnam();
                return (
                  <tr key={certificate.id}>
                    <CertificateHeadCells certificate={certificate} />
                    <td>{certificate.issuer ?? ""}</td>
                    <td>
                      {certificateValidity(certificate)}
                      {expired && <strong> ({t("catalogue.ocop.expired")})</strong>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </TableWrap>
        </Section>
      )}

      <Section id="seller" title={t("catalogue.product.seller")}>
        <div class="panel catalogue-seller">
          <p class="strong">
            {storefrontIsPublic && storefront ? (
              <a href={`${base}/storefronts/${storefront.slug}`}>
                {localized(enterprise.name, enterprise.nameEn, locale)}
              </a>
            ) : (
              localized(enterprise.name, enterprise.nameEn, locale)
            )}
          </p>
          {storefront?.badgeGrantedAt && <p class="tag catalogue-badge">{t("catalogue.badge")}</p>}
          <dl class="summary-list">
            <dt>{t("catalogue.taxCodeLabel")}</dt>
            <dd>{enterprise.taxCode}</dd>
            {enterprise.addressLine && (
              <>
                <dt>{t("catalogue.address")}</dt>
                <dd>{enterprise.addressLine}</dd>
              </>
            )}
            {(storefront?.contactPhone ?? enterprise.phone) && (
              <>
                <dt>{t("catalogue.field.contactPhone")}</dt>
                <dd>{storefront?.contactPhone ?? enterprise.phone}</dd>
              </>
            )}
            {(storefront?.contactEmail ?? enterprise.email) && (
              <>
                <dt>{t("catalogue.field.contactEmail")}</dt>
                <dd>{storefront?.contactEmail ?? enterprise.email}</dd>
              </>
            )}
          </dl>
        </div>
      </Section>
      <p class="meta">
        {product.publishedAt && t("catalogue.product.publishedOn", { date: formatDate(product.publishedAt) })}
      </p>
    </Layout>
  );
}
