import type { Locale } from "../../../../platform/i18n.ts";

export type SeoInfo = {
  publicUrl: string;
  /** Path of the page, from the root ("/dong-thap/products/ca-phe"). */
  path: string;
  title: string;
  description: string;
  /** Absolute URL or a path under the site (made absolute). */
  image: string | null;
  type: "website" | "product" | "profile";
  locale: Locale;
  jsonLd: Record<string, unknown>;
};

/** Absolute URL on this installation. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${publicUrl.replace(/\/+$/, "")}${path}`;
}

/**
 * JSON-LD for a <script> element: JSON.stringify, with "<" escaped so no value can close the script element
 * ("</script>" in a product name stays data).
 */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/** Canonical link, OpenGraph tags and schema.org JSON-LD for Layout's `head`. */
export function SeoHead(info: SeoInfo) {
  const url = absoluteUrl(info.publicUrl, info.path);
  const description = info.description.replace(/\s+/g, " ").trim().slice(0, 300);
  return (
    <>
      <link rel="canonical" href={url} />
      <meta name="description" content={description} />
      <meta property="og:title" content={info.title} />
      <meta property="og:description" content={description} />
      <meta property="og:type" content={info.type} />
      <meta property="og:url" content={url} />
      {info.image && <meta property="og:image" content={absoluteUrl(info.publicUrl, info.image)} />}
      <meta property="og:locale" content={info.locale === "en" ? "en_US" : "vi_VN"} />
      <meta property="og:locale:alternate" content={info.locale === "en" ? "vi_VN" : "en_US"} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(info.jsonLd) }} />
    </>
  );
}
