import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";

/**
 * The hop to an external gateway. Chrome applies the page's CSP `form-action 'self'` to the redirect that
 * follows a form submission, so a 303 from our form to VNPay would be blocked; a page that moves on by
 * itself (meta refresh, not governed by CSP) with a link for the payer to follow is not.
 */
export function GatewayRedirectPage({ url }: { url: string }) {
  const { t } = usePage();
  const title = t("services.pay.redirect.title");
  return (
    <Layout title={title} head={<meta http-equiv="refresh" content={`0;url=${url}`} />}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t("services.pay.redirect.explain")}</p>
        <p>
          <a class="button" href={url} rel="noreferrer">
            {t("services.pay.redirect.continue")}
          </a>
        </p>
      </div>
    </Layout>
  );
}
