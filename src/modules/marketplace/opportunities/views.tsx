import { formatDate, formatNumber, formatVnd } from "../../../platform/vn-format.ts";
import {
  CheckboxGroup,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { Availability } from "../offers/views.tsx";
import type { DailyOffer, getSubscriptionByToken, topLevelCategories } from "./services.ts";

function OfferList({ items }: { items: DailyOffer[] }) {
  const { t, locale } = usePage();
  return (
    <ul class="card-list">
      {items.map((item) => (
        <li key={item.id} class="card">
          <h3>
            <a href={`/${item.provinceSlug}/offers/${item.slug}`}>
              {locale === "en" && item.titleEn ? item.titleEn : item.title}
            </a>
          </h3>
          <p class="meta">
            {item.enterpriseName} · {locale === "en" ? item.categoryNameEn : item.categoryName}
          </p>
          <p>
            {formatNumber(item.quantity, { maximumFractionDigits: 3 })} {item.unit}
            {item.priceDong !== null
              ? ` · ${formatVnd(item.priceDong)}/${item.unit}`
              : ` · ${t("offers.price.none")}`}{" "}
            · <Availability offer={item} />
          </p>
        </li>
      ))}
    </ul>
  );
}

export function OpportunitiesPage(props: {
  date: string;
  previous: string;
  next: string | null;
  data: { sell: DailyOffer[]; buy: DailyOffer[] };
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/opportunities`;
  const title = t("opportunities.title");
  return (
    <Layout
      title={`${title} ${formatDate(props.date)}`}
      breadcrumbs={[{ href: `/${province!.slug}/floor`, label: t("offers.floor") }, { label: title }]}
    >
      <h1>
        {title} — {formatDate(props.date)}
      </h1>
      <p class="lead">{t("opportunities.lead")}</p>
      <nav class="pagination" aria-label={t("opportunities.days")}>
        <a href={`${base}?date=${props.previous}`} rel="prev">
          {t("opportunities.previousDay", { date: formatDate(props.previous) })}
        </a>
        {props.next && (
          <a href={`${base}?date=${props.next}`} rel="next">
            {t("opportunities.nextDay", { date: formatDate(props.next) })}
          </a>
        )}
      </nav>
      <p>
        <a class="button button-secondary" href={`${base}/subscribe`}>
          {t("opportunities.subscribeLink")}
        </a>
      </p>
      {(["sell", "buy"] as const).map((kind) => (
        <section key={kind} aria-labelledby={`opportunities-${kind}`}>
          <h2 id={`opportunities-${kind}`}>
            {t(`opportunities.kind.${kind}`)} ({formatNumber(props.data[kind].length)})
          </h2>
          {props.data[kind].length === 0 ? (
            <p>{t("opportunities.none")}</p>
          ) : (
            <OfferList items={props.data[kind]} />
          )}
        </section>
      ))}
    </Layout>
  );
}

export function SubscribePage(props: {
  form: FormState;
  categories: Awaited<ReturnType<typeof topLevelCategories>>;
}) {
  const { t, locale, province } = usePage();
  const split = (name: string) => (props.form.values[name] ?? "").split(",").filter(Boolean);
  return (
    <FormPage
      title={t("opportunities.subscribe.title")}
      breadcrumbs={[{ href: `/${province!.slug}/opportunities`, label: t("opportunities.title") }]}
      action={`/${province!.slug}/opportunities/subscribe`}
      form={props.form}
      backHref={`/${province!.slug}/opportunities`}
      lead={t("opportunities.subscribe.lead")}
      submitLabel={t("opportunities.subscribe.submit")}
    >
      <TextField
        name="email"
        label={t("opportunities.field.email")}
        form={props.form}
        type="email"
        autocomplete="email"
        required
      />
      <SelectField
        name="locale"
        label={t("opportunities.field.locale")}
        form={props.form}
        options={[
          { value: "vi", label: t("opportunities.locale.vi") },
          { value: "en", label: t("opportunities.locale.en") },
        ]}
      />
      <CheckboxGroup
        name="offerKinds"
        label={t("opportunities.field.kinds")}
        form={props.form}
        selected={split("offerKinds")}
        options={[
          { value: "sell", label: t("opportunities.kind.sell") },
          { value: "buy", label: t("opportunities.kind.buy") },
        ]}
      />
      <CheckboxGroup
        name="categoryIds"
        label={t("opportunities.field.categories")}
        hint={t("opportunities.field.categoriesHint")}
        form={props.form}
        selected={split("categoryIds")}
        options={props.categories.map((category) => ({
          value: String(category.id),
          label: locale === "en" ? category.nameEn : category.name,
        }))}
      />
    </FormPage>
  );
}

/** The page behind a confirmation or unsubscribe link: one button, so mail scanners that open links change nothing. */
export function SubscriptionLinkPage(props: {
  mode: "confirm" | "unsubscribe";
  subscription: Awaited<ReturnType<typeof getSubscriptionByToken>>;
  action: string;
}) {
  const { t } = usePage();
  const { subscription } = props;
  const done =
    props.mode === "confirm"
      ? subscription.confirmedAt !== null && subscription.unsubscribedAt === null
      : subscription.unsubscribedAt !== null;
  const title = t(`opportunities.${props.mode}.title`);
  return (
    <Layout title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        {done ? (
          <p class="panel panel-ok">{t(`opportunities.${props.mode}.done`, { email: subscription.email })}</p>
        ) : (
          <>
            <p>{t(`opportunities.${props.mode}.lead`, { email: subscription.email })}</p>
            <Form action={props.action}>
              <SubmitButton
                label={t(`opportunities.${props.mode}.button`)}
                variant={props.mode === "unsubscribe" ? "secondary" : undefined}
              />
            </Form>
          </>
        )}
      </div>
    </Layout>
  );
}
