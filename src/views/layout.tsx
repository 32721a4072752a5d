import type { ComponentChildren } from "preact";
import { can } from "../platform/authorization.ts";
import { Breadcrumbs, type Crumb, FlashMessage } from "./components.tsx";
import { usePage } from "./page-context.ts";
import { provinceDisplayName } from "./province-name.ts";

type LayoutProps = {
  title: string;
  breadcrumbs?: Crumb[];
  children: ComponentChildren;
  /** Extra <head> content such as OpenGraph tags. */
  head?: ComponentChildren;
};

export function Layout({ title, breadcrumbs, children, head }: LayoutProps) {
  const { t, locale, province, actor, currentPath, flash, publicUrl } = usePage();
  const siteName = province ? t("layout.portalOf", { province: province.name }) : t("layout.siteName");
  const otherLocale = locale === "vi" ? "en" : "vi";
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <LanguageAlternates publicUrl={publicUrl} currentPath={currentPath} />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={province ? `/${province.slug}` : "/"}>
              <span class="brand-mark" aria-hidden="true">
                TMĐT
              </span>
              <span class="brand-text">
                <span class="brand-name">{siteName}</span>
                {province && <span class="brand-sub">{t("layout.department")}</span>}
              </span>
            </a>
            <div class="header-tools">
              <a
                class="lang-switch"
                href={`/lang/${otherLocale}?back=${encodeURIComponent(currentPath)}`}
                hreflang={otherLocale}
                lang={otherLocale}
              >
                {t("layout.switchLanguage")}
              </a>
              {province && <AccountLinks />}
            </div>
          </div>
          {province && (
            <nav class="main-nav" aria-label={t("layout.mainNavigation")}>
              <ul class="container">
                <NavLink href={`/${province.slug}`} label={t("nav.home")} exact />
                <NavLink href={`/${province.slug}/floor`} label={t("nav.floor")} />
                <NavLink href={`/${province.slug}/opportunities`} label={t("nav.opportunities")} />
                <NavLink href={`/${province.slug}/plans`} label={t("nav.plans")} />
                <NavLink href={`/${province.slug}/services`} label={t("nav.services")} />
                {actor?.roles.has("enterprise") && (
                  <NavLink href={`/${province.slug}/my/enterprise`} label={t("nav.myEnterprise")} />
                )}
                {(actor?.roles.has("enterprise") || actor?.roles.has("citizen")) && (
                  <NavLink href={`/${province.slug}/my/dossiers`} label={t("nav.myDossiers")} />
                )}
                {can(actor, "services.process", province) && (
                  <NavLink href={`/${province.slug}/admin/services/inbox`} label={t("nav.serviceInbox")} />
                )}
                {can(actor, "enterprises.read", province) && (
                  <NavLink href={`/${province.slug}/admin/enterprises`} label={t("nav.enterprises")} />
                )}
                {can(actor, "marketplace.moderate", province) && (
                  <NavLink href={`/${province.slug}/admin/moderation`} label={t("nav.moderation")} />
                )}
                {can(actor, "marketplace.stats", province) && (
                  <NavLink href={`/${province.slug}/admin/floor-stats`} label={t("nav.floorStats")} />
                )}
                {can(actor, "users.manage", province) && (
                  <NavLink href={`/${province.slug}/admin/users`} label={t("nav.users")} />
                )}
                {can(actor, "units.manage", province) && (
                  <NavLink href={`/${province.slug}/admin/units`} label={t("nav.units")} />
                )}
                {can(actor, "audit.read", province) && (
                  <NavLink href={`/${province.slug}/admin/audit`} label={t("nav.audit")} />
                )}
                {can(actor, "outbox.read", province) && (
                  <NavLink href={`/${province.slug}/admin/outbox`} label={t("nav.outbox")} />
                )}
              </ul>
            </nav>
          )}
        </header>
        {province?.successor && (
          <div class="notice-band" role="note">
            <div class="container">
              {t("province.mergedNotice", {
                province: province.name,
                successor: provinceDisplayName(province.successor, t),
                date: "01/07/2025",
              })}
            </div>
          </div>
        )}
        <main id="main" class="container" tabindex={-1}>
          {province && currentPath.startsWith(`/${province.slug}/admin/services`) && <ServicesAdminNav />}
          {province && actor?.roles.has("enterprise") && currentPath.startsWith(`/${province.slug}/my/`) && (
            <EnterpriseAreaNav />
          )}
          {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
          {flash && <FlashMessage flash={flash} />}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{province ? t("layout.footerProvince", { province: province.name }) : t("layout.siteName")}</p>
            <p>
              <a href="/api/docs">{t("layout.apiDocs")}</a> · {t("layout.openSource")}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function NavLink({ href, label, exact }: { href: string; label: string; exact?: boolean }) {
  const { currentPath } = usePage();
  const path = currentPath.split("?")[0] ?? "";
  const isCurrent = exact ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <li>
      <a href={href} aria-current={isCurrent ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
}

function AccountLinks() {
  const { t, actor, province, csrfToken } = usePage();
  if (!province) return null;
  if (!actor) {
    return (
      <span class="account-links">
        <a href={`/${province.slug}/sign-in`}>{t("nav.signIn")}</a>
        <a href={`/${province.slug}/sign-up`}>{t("nav.signUp")}</a>
      </span>
    );
  }
  return (
    <span class="account-links">
      <a href={`/${province.slug}/account`}>{actor.fullName}</a>
      <form method="post" action={`/${province.slug}/sign-out`} class="inline-form">
        <input type="hidden" name="_csrf" value={csrfToken()} />
        <button type="submit" class="link-button">
          {t("nav.signOut")}
        </button>
      </form>
    </span>
  );
}

/** The one-stop shop's staff area: inbox, dashboard, payments, and the administrator's catalogue and settings. */
function ServicesAdminNav() {
  const { t, province, actor } = usePage();
  if (!province) return null;
  const base = `/${province.slug}/admin/services`;
  return (
    <nav class="sub-nav" aria-label={t("nav.servicesArea")}>
      <ul>
        {can(actor, "services.process", province) && (
          <NavLink href={`${base}/inbox`} label={t("nav.services.inbox")} />
        )}
        {can(actor, "services.process", province) && (
          <NavLink href={`${base}/register`} label={t("services.processing.register.nav")} />
        )}
        {can(actor, "services.oversee", province) && (
          <NavLink href={`${base}/dashboard`} label={t("nav.services.dashboard")} />
        )}
        {can(actor, "services.payments", province) && (
          <NavLink href={`${base}/payments`} label={t("nav.services.payments")} />
        )}
        {can(actor, "services.manage", province) && (
          <>
            <NavLink href={`${base}/procedures`} label={t("nav.services.procedures")} />
            <NavLink href={`${base}/holidays`} label={t("nav.services.holidays")} />
            <NavLink href={`${base}/settings`} label={t("nav.services.settings")} />
            <NavLink href={`${base}/certificate`} label={t("nav.services.certificate")} />
          </>
        )}
      </ul>
    </nav>
  );
}

/** The enterprise representative's own area: profile, storefront, products, offers, quotes, inquiries. */
function EnterpriseAreaNav() {
  const { t, province } = usePage();
  if (!province) return null;
  const base = `/${province.slug}/my`;
  return (
    <nav class="sub-nav" aria-label={t("nav.enterpriseArea")}>
      <ul>
        <NavLink href={`${base}/enterprise`} label={t("nav.my.enterprise")} />
        <NavLink href={`${base}/storefront`} label={t("nav.my.storefront")} />
        <NavLink href={`${base}/products`} label={t("nav.my.products")} />
        <NavLink href={`${base}/offers`} label={t("nav.my.offers")} />
        <NavLink href={`${base}/quotes`} label={t("nav.my.quotes")} />
        <NavLink href={`${base}/inquiries`} label={t("nav.my.inquiries")} />
      </ul>
    </nav>
  );
}

/** Each page in Vietnamese (its plain address, the default) and in English (`?lang=en`), for search engines. */
function LanguageAlternates({ publicUrl, currentPath }: { publicUrl: string; currentPath: string }) {
  const url = new URL(currentPath, `${publicUrl}/`);
  url.searchParams.delete("lang");
  const vietnamese = url.toString();
  url.searchParams.set("lang", "en");
  const english = url.toString();
  return (
    <>
      <link rel="alternate" hreflang="vi" href={vietnamese} />
      <link rel="alternate" hreflang="en" href={english} />
      <link rel="alternate" hreflang="x-default" href={vietnamese} />
    </>
  );
}
