import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { CategoryNode, ListingCard } from "../queries.ts";
import { localized, OcopStars, Price, Section, Thumbnail } from "./parts.tsx";
import { SeoHead } from "./seo.tsx";

export function FloorHomePage({
  tree,
  newestProducts,
  newestStorefronts,
  publicUrl,
}: {
  tree: CategoryNode[];
  newestProducts: ListingCard[];
  newestStorefronts: ListingCard[];
  publicUrl: string;
}) {
  const { t, locale, province } = usePage();
  const base = `/${province!.slug}`;
  const title = t("catalogue.floor.title");
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: base, label: t("nav.home") }, { label: title }]}
      head={
        <SeoHead
          publicUrl={publicUrl}
          path={`${base}/floor`}
          title={title}
          description={t("catalogue.floor.lead", { province: province!.name })}
          image={null}
          type="website"
          locale={locale}
          jsonLd={{
            "@context": "https://schema.org",
            "@type": "WebPage",
            name: title,
            url: `${publicUrl}${base}/floor`,
          }}
        />
      }
    >
      <h1>{title}</h1>
      <p class="lead">{t("catalogue.floor.lead", { province: province!.name })}</p>
      <nav class="actions" aria-label={t("catalogue.floor.shortcuts")}>
        <a class="button" href={`${base}/search`}>
          {t("catalogue.floor.search")}
        </a>
        <a class="button button-secondary" href={`${base}/offers`}>
          {t("catalogue.floor.offers")}
        </a>
        <a class="button button-secondary" href={`${base}/opportunities`}>
          {t("catalogue.floor.opportunities")}
        </a>
      </nav>

      <Section id="categories" title={t("catalogue.floor.categories")}>
        <ul class="catalogue-categories">
          {tree.map((node) => (
            <li key={node.id}>
              <h3>
                <a href={`${base}/search?category=${encodeURIComponent(node.slug)}`}>
                  {localized(node.name, node.nameEn, locale)}
                </a>{" "}
                <span class="meta">{t("catalogue.floor.listingCount", { count: node.listingCount })}</span>
              </h3>
              {node.children.length > 0 && (
                <ul>
                  {node.children.map((child) => (
                    <li key={child.id}>
                      <a href={`${base}/search?category=${encodeURIComponent(child.slug)}`}>
                        {localized(child.name, child.nameEn, locale)}
                      </a>{" "}
                      <span class="meta">({child.listingCount})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="newest-products" title={t("catalogue.floor.newestProducts")}>
        {newestProducts.length === 0 ? (
          <p>{t("catalogue.floor.noProducts")}</p>
        ) : (
          <ul class="catalogue-grid">
            {newestProducts.map((item) => (
              <li key={item.id} class="catalogue-card">
                <Thumbnail file={item.image} alt="" />
                <h3>
                  <a href={`${base}/products/${item.slug}`}>{localized(item.title, item.titleEn, locale)}</a>
                </h3>
                <p class="meta">{item.enterpriseName}</p>
                <p>
                  <Price priceDong={item.priceDong} />
                </p>
                {item.ocopStars && <OcopStars stars={item.ocopStars} />}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="newest-storefronts" title={t("catalogue.floor.newestStorefronts")}>
        {newestStorefronts.length === 0 ? (
          <p>{t("catalogue.floor.noStorefronts")}</p>
        ) : (
          <ul class="catalogue-grid">
            {newestStorefronts.map((item) => (
              <li key={item.id} class="catalogue-card">
                <Thumbnail file={item.image} alt="" />
                <h3>
                  <a href={`${base}/storefronts/${item.slug}`}>
                    {localized(item.title, item.titleEn, locale)}
                  </a>
                </h3>
                {item.verified && <p class="tag catalogue-badge">{t("catalogue.badge")}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <aside class="panel catalogue-cta" aria-labelledby="cta-title">
        <h2 id="cta-title">{t("catalogue.floor.ctaTitle")}</h2>
        <p>{t("catalogue.floor.ctaBody")}</p>
        <a class="button" href={`${base}/my/storefront`}>
          {t("catalogue.floor.ctaButton")}
        </a>
      </aside>
    </Layout>
  );
}
