import { Layout } from "./layout.tsx";
import { usePage } from "./page-context.ts";

/** 403, 404, 429 and 500 pages in the user's language; a 5xx never shows internals. */
export function ErrorPage({
  status,
  messageKey,
  params,
}: {
  status: number;
  messageKey: string;
  params?: Record<string, string | number>;
}) {
  const { t, province } = usePage();
  const titleKey = `error.title.${status}`;
  return (
    <Layout title={t(titleKey)}>
      <h1>{t(titleKey)}</h1>
      <p class="lead">{t(messageKey, params)}</p>
      <p>
        <a href={province ? `/${province.slug}` : "/"}>{t("error.backHome")}</a>
      </p>
    </Layout>
  );
}
