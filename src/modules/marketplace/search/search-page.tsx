import type { FieldIssue } from "../../../platform/errors.ts";
import { fileUrl } from "../../../platform/files.ts";
import { formatNumber, formatVnd } from "../../../platform/vn-format.ts";
import { ErrorSummary, type FormState, Pagination } from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { highlightRuns } from "./normalize.ts";
import { type SearchItem, type SearchResult, type SearchType, searchSorts, searchTypes } from "./query.ts";

export type CategoryOption = { slug: string; name: string; nameEn: string; depth: number; rootSlug: string };
export type PlaceOption = { value: string; label: string };

export type SearchPageProps = {
  params: Record<string, string>;
  /** null when the parameters were refused: the form is shown with `issues`, no results. */
  result: SearchResult | null;
  issues: FieldIssue[];
  categories: CategoryOption[];
  provinces: PlaceOption[];
  communes: PlaceOption[];
};

/** `?…` with `changes` applied to `params` (undefined removes a key); "page" goes unless set. */
export function searchHref(
  base: string,
  params: Record<string, string>,
  changes: Record<string, string | undefined>,
): string {
  const next = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...params, page: undefined, ...changes };
  for (const [key, value] of Object.entries(merged))
    if (value !== undefined && value !== "") next.set(key, value);
  const query = next.toString();
  return query ? `${base}?${query}` : base;
}

function Highlighted({ text, result }: { text: string; result: SearchResult }) {
  const terms = result.words.flatMap((word) => word.alternatives);
  const last = result.words.at(-1);
  const prefix = last?.prefix ? last.word : null;
  return (
    <>
      {highlightRuns(text, terms, prefix).map((run, index) =>
        run.match ? <mark key={index}>{run.text}</mark> : run.text,
      )}
    </>
  );
}

function itemPath(province: string, item: SearchItem): string {
  if (item.type === "product") return `/${province}/products/${item.slug}`;
  if (item.type === "offer") return `/${province}/offers/${item.slug}`;
  return `/${province}/storefronts/${item.slug}`;
}

function ResultItem({ item, result }: { item: SearchItem; result: SearchResult }) {
  const { t, locale, province } = usePage();
  const title = locale === "en" && item.titleEn ? item.titleEn : item.title;
  const typeLabel =
    item.type === "offer"
      ? t(item.offerKind === "buy" ? "search.kind.buy" : "search.kind.sell")
      : t(`search.type.${item.type}`);
  return (
    <li class="search-result">
      {item.image ? (
        <img
          class="search-thumb"
          src={fileUrl(
            { storageKey: item.image.storageKey, thumbnailKey: item.image.thumbnailKey },
            "thumbnail",
          )}
          alt=""
          width={96}
          height={96}
          loading="lazy"
        />
      ) : (
        <span class="search-thumb search-thumb-empty" aria-hidden="true" />
      )}
      <div class="search-result-body">
        <p class="search-result-type">
          <span class="tag">{typeLabel}</span>
          {item.verified && <span class="tag tag-verified">{t("search.verifiedBadge")}</span>}
          {item.ocopStars !== null && (
            <span class="tag tag-ocop">{t("search.ocopStars", { stars: item.ocopStars })}</span>
          )}
        </p>
        <h3>
          <a href={itemPath(province!.slug, item)} lang={title === item.title ? "vi" : undefined}>
            <Highlighted text={title} result={result} />
          </a>
        </h3>
        {item.summary && (
          <p class="search-result-summary" lang="vi">
            <Highlighted text={item.summary} result={result} />
          </p>
        )}
        <p class="search-result-meta">
          {item.type !== "enterprise" && (
            <span class="search-price">
              {item.priceDong === null ? t("search.priceOnRequest") : formatVnd(item.priceDong)}
            </span>
          )}
          {item.type !== "enterprise" && <span lang="vi">{item.enterpriseName}</span>}
          {(item.communeName || item.addressProvinceName) && (
            <span>{[item.communeName, item.addressProvinceName].filter(Boolean).join(", ")}</span>
          )}
        </p>
      </div>
    </li>
  );
}

function CategorySelect({ categories, value }: { categories: CategoryOption[]; value: string }) {
  const { t, locale } = usePage();
  const roots = categories.filter((category) => category.depth === 0);
  return (
    <div class="field">
      <label for="field-category">{t("search.field.category")}</label>
      <select id="field-category" name="category" class="input">
        <option value="">{t("search.anyCategory")}</option>
        {roots.map((root) => (
          <optgroup key={root.slug} label={locale === "en" ? root.nameEn : root.name}>
            {categories
              .filter((category) => category.rootSlug === root.slug)
              .map((category) => (
                <option key={category.slug} value={category.slug} selected={category.slug === value}>
                  {`${"— ".repeat(category.depth)}${locale === "en" ? category.nameEn : category.name}`}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function Select({
  name,
  label,
  value,
  options,
  issue,
}: {
  name: string;
  label: string;
  value: string;
  options: PlaceOption[];
  issue?: FieldIssue;
}) {
  const { t } = usePage();
  return (
    <div class={issue ? "field field-error" : "field"}>
      <label for={`field-${name}`}>{label}</label>
      {issue && (
        <p class="error-message" id={`error-${name}`}>
          {t(issue.messageKey, issue.params)}
        </p>
      )}
      <select
        id={`field-${name}`}
        name={name}
        class="input"
        aria-invalid={issue ? "true" : undefined}
        aria-describedby={issue ? `error-${name}` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function PriceField({ name, label, form }: { name: string; label: string; form: FormState }) {
  const { t } = usePage();
  const issue = form.issues.find((candidate) => candidate.field === name);
  const describedBy = [`hint-price`, issue ? `error-${name}` : ""].filter(Boolean).join(" ");
  return (
    <div class={issue ? "field field-error" : "field"}>
      <label for={`field-${name}`}>{label}</label>
      {issue && (
        <p class="error-message" id={`error-${name}`}>
          {t(issue.messageKey, issue.params)}
        </p>
      )}
      <input
        id={`field-${name}`}
        name={name}
        class="input input-medium"
        inputMode="numeric"
        value={form.values[name] ?? ""}
        aria-invalid={issue ? "true" : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function SearchPage(props: SearchPageProps) {
  const { t, province } = usePage();
  const { params, result } = props;
  const base = `/${province!.slug}/search`;
  const form: FormState = { values: params, issues: props.issues };
  const issueOf = (field: string) => props.issues.find((issue) => issue.field === field);
  const q = params.q ?? "";
  const pageTitle = q ? t("search.titleFor", { q }) : t("search.title");
  const type = (result?.criteria.type ?? "all") as SearchType;
  return (
    <Layout
      title={pageTitle}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: `/${province!.slug}/floor`, label: t("search.floor") },
        { label: t("search.title") },
      ]}
      head={<meta name="robots" content="noindex, follow" />}
    >
      <h1>{t("search.title")}</h1>
      <ErrorSummary issues={props.issues} />
      <search>
        <form method="get" action={base} class="search-form">
          <div class="search-box">
            <label for="field-q">{t("search.field.q")}</label>
            <div class="search-box-row">
              <input id="field-q" name="q" type="search" class="input" value={q} maxLength={200} />
              {params.type && <input type="hidden" name="type" value={params.type} />}
              <button type="submit" class="button">
                {t("search.submit")}
              </button>
            </div>
            <p class="hint">{t("search.hint")}</p>
          </div>
          <details
            class="search-filters"
            open={Object.keys(params).some((key) => !["q", "type", "page"].includes(key))}
          >
            <summary>{t("search.filters")}</summary>
            <div class="search-filter-grid">
              <CategorySelect categories={props.categories} value={params.category ?? ""} />
              <Select
                name="kind"
                label={t("search.field.kind")}
                value={params.kind ?? ""}
                issue={issueOf("kind")}
                options={[
                  { value: "", label: t("search.anyKind") },
                  { value: "sell", label: t("search.kind.sell") },
                  { value: "buy", label: t("search.kind.buy") },
                ]}
              />
              <Select
                name="addressProvince"
                label={t("search.field.addressProvince")}
                value={params.addressProvince ?? ""}
                issue={issueOf("addressProvince")}
                options={[{ value: "", label: t("search.anyProvince") }, ...props.provinces]}
              />
              <Select
                name="commune"
                label={t("search.field.commune")}
                value={params.commune ?? ""}
                issue={issueOf("commune")}
                options={[{ value: "", label: t("search.anyCommune") }, ...props.communes]}
              />
              <Select
                name="ocop"
                label={t("search.field.ocop")}
                value={params.ocop ?? ""}
                issue={issueOf("ocop")}
                options={[
                  { value: "", label: t("search.anyOcop") },
                  ...[3, 4, 5].map((stars) => ({
                    value: String(stars),
                    label: t("search.ocopAtLeast", { stars }),
                  })),
                ]}
              />
              <PriceField name="priceMin" label={t("search.field.priceMin")} form={form} />
              <PriceField name="priceMax" label={t("search.field.priceMax")} form={form} />
              <p class="hint" id="hint-price">
                {t("search.priceHint")}
              </p>
              <div class="field">
                <label class="checkbox">
                  <input type="checkbox" name="verified" value="1" checked={params.verified !== undefined} />{" "}
                  {t("search.field.verified")}
                </label>
              </div>
              <Select
                name="sort"
                label={t("search.field.sort")}
                value={params.sort ?? ""}
                issue={issueOf("sort")}
                options={[
                  { value: "", label: t("search.sort.default") },
                  ...searchSorts.map((sort) => ({ value: sort, label: t(`search.sort.${sort}`) })),
                ]}
              />
            </div>
            <button type="submit" class="button">
              {t("search.apply")}
            </button>{" "}
            <a href={q ? searchHref(base, { q }, {}) : base}>{t("search.clearFilters")}</a>
          </details>
        </form>
      </search>

      {result && (
        <section aria-labelledby="search-results-heading">
          <nav class="sub-nav search-tabs" aria-label={t("search.typesLabel")}>
            <ul>
              {searchTypes.map((tab) => (
                <li key={tab}>
                  <a
                    href={searchHref(base, params, { type: tab === "all" ? undefined : tab })}
                    aria-current={tab === type ? "page" : undefined}
                  >
                    {t(`search.tab.${tab}`)} ({formatNumber(result.counts[tab])})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <h2 id="search-results-heading" aria-live="polite">
            {t("search.found", { count: formatNumber(result.total) })}
          </h2>
          {result.words.some((word) => word.corrected) && (
            <p class="search-corrections">
              {t("search.corrected", {
                words: result.words
                  .filter((word) => word.corrected)
                  .map((word) => `${word.word} → ${word.alternatives.join(", ")}`)
                  .join("; "),
              })}
            </p>
          )}
          {result.items.length === 0 ? (
            <div class="search-empty">
              <p>{result.total > 0 ? t("search.pageBeyond") : t("search.empty")}</p>
              <ul>
                <li>{t("search.suggestion.spelling")}</li>
                <li>{t("search.suggestion.fewerWords")}</li>
                <li>{t("search.suggestion.filters")}</li>
              </ul>
            </div>
          ) : (
            <ol class="search-results" start={(result.criteria.page - 1) * result.criteria.pageSize + 1}>
              {result.items.map((item) => (
                <ResultItem key={`${item.type}-${item.id}`} item={item} result={result} />
              ))}
            </ol>
          )}
          <Pagination
            page={result.criteria.page}
            pageCount={result.pageCount}
            hrefFor={(page) => searchHref(base, params, { page: page === 1 ? undefined : String(page) })}
          />
        </section>
      )}
    </Layout>
  );
}
