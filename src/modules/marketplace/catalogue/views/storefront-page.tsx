import { fileUrl } from "../../../../platform/files.ts";
import { formatDate, formatNumber } from "../../../../platform/vn-format.ts";
import { Pagination } from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { videoHostName } from "../inputs.ts";
import type { listEnterpriseProducts, listOpenOffers, PublicStorefront } from "../queries.ts";
import { localized, OcopStars, PreviewBanner, Price, Section, Thumbnail } from "./parts.tsx";
import { absoluteUrl, SeoHead } from "./seo.tsx";

export function StorefrontPage({
  view,
  products,
  offers,
  publicUrl,
}: {
  view: PublicStorefront;
  products: Awaited<ReturnType<typeof listEnterpriseProducts>>;
  offers: Awaited<ReturnType<typeof listOpenOffers>>;
  publicUrl: string;
}) {
  const { t, locale, province } = usePage();
  const base = `/${province!.slug}`;
  const { storefront, enterprise, logo, gallery } = view;
  const name = localized(enterprise.name, enterprise.nameEn, locale);
  const introduction = localized(storefront.introduction, storefront.introductionEn, locale);
  const path = `${base}/storefronts/${storefront.slug}`;
  const videoHost = storefront.videoUrl ? videoHostName(storefront.videoUrl) : null;
  const jsonLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: enterprise.name,
    ...(enterprise.nameEn ? { alternateName: enterprise.nameEn } : {}),
    url: absoluteUrl(publicUrl, path),
    description: introduction.slice(0, 500),
    taxID: enterprise.taxCode,
    ...(logo ? { logo: absoluteUrl(publicUrl, fileUrl(logo)) } : {}),
    ...(storefront.contactEmail ? { email: storefront.contactEmail } : {}),
    ...(storefront.contactPhone ? { telephone: storefront.contactPhone } : {}),
    ...(enterprise.addressLine
      ? { address: { "@type": "PostalAddress", streetAddress: enterprise.addressLine, addressCountry: "VN" } }
      : {}),
    ...(enterprise.website ? { sameAs: [enterprise.website] } : {}),
  };
  return (
    <Layout
      title={name}
      breadcrumbs={[
        { href: base, label: t("nav.home") },
        { href: `${base}/floor`, label: t("nav.floor") },
        { label: name },
      ]}
      head={
        <SeoHead
          publicUrl={publicUrl}
          path={path}
          title={name}
          description={introduction}
          image={logo ? fileUrl(logo) : gallery[0] ? fileUrl(gallery[0].file) : null}
          type="profile"
          locale={locale}
          jsonLd={jsonLd}
        />
      }
    >
      {view.isPreview && (
        <PreviewBanner status={enterprise.status !== "verified" ? "pending" : storefront.status} />
      )}
      <div class="catalogue-storefront-head">
        {logo && (
          <img
            class="catalogue-logo"
            src={fileUrl(logo, "thumbnail")}
            alt={t("catalogue.logoOf", { name })}
            width={120}
          />
        )}
        <div>
          <h1>{name}</h1>
          {storefront.badgeGrantedAt && (
            <p class="tag catalogue-badge">
              {t("catalogue.badge")}{" "}
              <span class="meta">({formatDate(storefront.badgeGrantedAt.toISOString().slice(0, 10))})</span>
            </p>
          )}
          <p class="meta">{t("catalogue.taxCode", { code: enterprise.taxCode })}</p>
        </div>
      </div>
      <p class="prewrap">{introduction}</p>

      {gallery.length > 0 && (
        <Section id="gallery" title={t("catalogue.storefront.gallery")}>
          <ul class="catalogue-grid">
            {gallery.map((image, index) => (
              <li key={image.fileId} class="catalogue-card">
                <figure>
                  <a href={fileUrl(image.file)}>
                    <img
                      src={fileUrl(image.file, "thumbnail")}
                      alt={image.caption ?? t("catalogue.galleryImage", { number: index + 1 })}
                      loading="lazy"
                      width={200}
                    />
                  </a>
                  {image.caption && <figcaption>{image.caption}</figcaption>}
                </figure>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {storefront.videoUrl && videoHost && (
        <p>
          <a href={storefront.videoUrl} rel="noopener noreferrer">
            {t("catalogue.storefront.video", { host: videoHost })}
          </a>
        </p>
      )}

      <Section id="contact" title={t("catalogue.storefront.contact")}>
        <dl class="summary-list">
          {storefront.contactName && (
            <>
              <dt>{t("catalogue.field.contactName")}</dt>
              <dd>{storefront.contactName}</dd>
            </>
          )}
          {storefront.contactPhone && (
            <>
              <dt>{t("catalogue.field.contactPhone")}</dt>
              <dd>
                <a href={`tel:${storefront.contactPhone.replace(/[^\d+]/g, "")}`}>
                  {storefront.contactPhone}
                </a>
              </dd>
            </>
          )}
          {storefront.contactEmail && (
            <>
              <dt>{t("catalogue.field.contactEmail")}</dt>
              <dd>
                <a href={`mailto:${storefront.contactEmail}`}>{storefront.contactEmail}</a>
              </dd>
            </>
          )}
          {enterprise.addressLine && (
            <>
              <dt>{t("catalogue.address")}</dt>
              <dd>{enterprise.addressLine}</dd>
            </>
          )}
        </dl>
      </Section>

      <Section
        id="products"
        title={t("catalogue.storefront.products", { count: formatNumber(products.total) })}
      >
        {products.items.length === 0 ? (
          <p>{t("catalogue.storefront.noProducts")}</p>
        ) : (
          <ul class="catalogue-grid">
            {products.items.map((item) => (
              <li key={item.id} class="catalogue-card">
                <Thumbnail file={item.image} alt="" />
                <h3>
                  <a href={`${base}/products/${item.slug}`}>{localized(item.name, item.nameEn, locale)}</a>
                </h3>
                <p>
                  <Price priceDong={item.priceDong} unit={item.unit} />
                </p>
                {item.ocopStars && <OcopStars stars={item.ocopStars} />}
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={products.page}
          pageCount={products.pageCount}
          hrefFor={(page) => `${path}?page=${page}#products-title`}
        />
      </Section>

      {offers.length > 0 && (
        <Section id="offers" title={t("catalogue.storefront.offers")}>
          <ul>
            {offers.map((offer) => (
              <li key={offer.id}>
                <span class="tag">{t(`catalogue.offerKind.${offer.kind}`)}</span>{" "}
                <a href={`${base}/offers/${offer.slug}`}>{localized(offer.title, offer.titleEn, locale)}</a>{" "}
                <span class="meta">
                  {formatNumber(offer.quantity, { maximumFractionDigits: 3 })} {offer.unit} ·{" "}
                  {t("catalogue.storefront.offerUntil", { date: formatDate(offer.expiresOn) })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <p class="actions">
        <a class="button" href={`${base}/inquiries/new?storefront=${storefront.id}`}>
          {t("catalogue.action.contactSeller")}
        </a>
        <a href={`${base}/report-listing?type=storefront&id=${storefront.id}`}>
          {t("catalogue.action.report")}
        </a>
      </p>
    </Layout>
  );
}
