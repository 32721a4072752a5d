import { Fragment } from "preact";
import { formatDate, formatDateTime, formatNumber } from "../../../platform/vn-format.ts";
import {
  type Crumb,
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
import type { listingReports } from "../schema.ts";
import { type ListingType, listingPath, type ModeratedListing } from "./listings.ts";
import {
  type ModerationQueue,
  type QueueItem,
  type QueueTab,
  queueTabs,
  type ReportItem,
  type ReviewFact,
} from "./queue.ts";
import { reportReasons } from "./reports.ts";

type ReportRow = typeof listingReports.$inferSelect;

function useCrumbs(): { base: string; crumbs: Crumb[] } {
  const { t, province } = usePage();
  const slug = province!.slug;
  return {
    base: `/${slug}/admin/moderation`,
    crumbs: [
      { href: `/${slug}`, label: t("nav.home") },
      { href: `/${slug}/admin/moderation`, label: t("moderation.title") },
    ],
  };
}

function StatusTag({ status }: { status: string }) {
  const { t } = usePage();
  return (
    <span class={`tag moderation-status moderation-status-${status}`}>
      {t(`moderation.status.${status}`)}
    </span>
  );
}

/** A one-click decision (no reason needed); the listing's name is read out with the label. */
function ActionButton({
  action,
  label,
  itemName,
  variant,
}: {
  action: string;
  label: string;
  itemName?: string;
  variant?: "secondary";
}) {
  return (
    <Form action={action} class="inline-form">
      <button type="submit" class={variant ? `button button-${variant}` : "button"}>
        {label}
        {itemName && <span class="visually-hidden"> {itemName}</span>}
      </button>
    </Form>
  );
}

function ItemsTable({ queue, caption }: { queue: ModerationQueue; caption: string }) {
  const { t, province } = usePage();
  const { base } = useCrumbs();
  const dateHeading =
    queue.tab === "published"
      ? t("moderation.column.updated")
      : queue.tab === "hidden"
        ? t("moderation.column.hiddenOn")
        : t("moderation.column.submitted");
  const isPending = queue.tab === "storefronts" || queue.tab === "products" || queue.tab === "offers";
  return (
    <TableWrap caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("moderation.column.listing")}</th>
          <th scope="col">{t("moderation.column.enterprise")}</th>
          <th scope="col">{t("moderation.column.category")}</th>
          <th scope="col">{dateHeading}</th>
          <th scope="col">{t("form.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {queue.items.map((item: QueueItem) => {
          const review = `${base}/${item.type}/${item.id}`;
          return (
            <tr key={`${item.type}-${item.id}`}>
              <td>
                <a href={review}>{item.title}</a>
                {item.kind && <span class="tag">{t(`moderation.kind.${item.kind}`)}</span>}
                {item.hasBadge && <span class="tag">{t("moderation.badge.short")}</span>}
                {queue.tab === "hidden" && item.moderationReason && (
                  <p class="meta">{t("moderation.reasonShown", { reason: item.moderationReason })}</p>
                )}
              </td>
              <td>
                {item.enterpriseName}
                {!item.enterpriseVerified && <span class="tag">{t("moderation.enterpriseNotVerified")}</span>}
              </td>
              <td>{item.categoryName ?? "—"}</td>
              <td class="nowrap">{formatDate(item.date)}</td>
              <td>
                <div class="item-actions">
                  {isPending && item.enterpriseVerified && (
                    <ActionButton
                      action={`${review}/publish`}
                      label={t("moderation.decision.publish")}
                      itemName={item.title}
                    />
                  )}
                  {queue.tab === "hidden" && item.enterpriseVerified && (
                    <ActionButton
                      action={`${review}/restore`}
                      label={t("moderation.decision.restore")}
                      itemName={item.title}
                    />
                  )}
                  {queue.tab === "published" && (
                    <a href={listingPath(province!.slug, item)}>{t("moderation.viewPublic")}</a>
                  )}
                  <a href={review}>
                    {queue.tab === "hidden" ? t("moderation.review") : t("moderation.reviewOrHide")}
                    <span class="visually-hidden"> {item.title}</span>
                  </a>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableWrap>
  );
}

function ReportsTable({ reports }: { reports: ReportItem[] }) {
  const { t } = usePage();
  const { base } = useCrumbs();
  return (
    <TableWrap caption={t("moderation.tab.reports")}>
      <thead>
        <tr>
          <th scope="col">{t("moderation.column.listing")}</th>
          <th scope="col">{t("moderation.report.reason")}</th>
          <th scope="col">{t("moderation.report.details")}</th>
          <th scope="col">{t("moderation.column.reportedOn")}</th>
          <th scope="col">{t("form.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((report) => (
          <tr key={report.id}>
            <td>
              <span class="tag">{t(`moderation.type.${report.type}`)}</span>{" "}
              {report.listingTitle ? (
                <a href={`${base}/${report.type}/${report.listingId}`}>{report.listingTitle}</a>
              ) : (
                t("moderation.report.listingGone")
              )}
              {report.listingStatus && <StatusTag status={report.listingStatus} />}
            </td>
            <td>{t(`moderation.reason.${report.reason}`)}</td>
            <td class="prewrap">{report.details || "—"}</td>
            <td class="nowrap">{formatDate(report.createdAt)}</td>
            <td>
              <a href={`${base}/reports/${report.id}`}>
                {t("moderation.report.handle")}
                <span class="visually-hidden"> #{report.id}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function ModerationPage({ queue }: { queue: ModerationQueue }) {
  const { t } = usePage();
  const { base, crumbs } = useCrumbs();
  const tabHref = (tab: QueueTab) => `${base}?tab=${tab}`;
  const caption = t(`moderation.tab.${queue.tab}`);
  const isEmpty = queue.tab === "reports" ? queue.reports.length === 0 : queue.items.length === 0;
  const query = (page: number) => {
    const params = new URLSearchParams({ tab: queue.tab, page: String(page) });
    if (queue.filter.q) params.set("q", queue.filter.q);
    if (queue.filter.type) params.set("type", queue.filter.type);
    return `${base}?${params}`;
  };
  return (
    <Layout
      title={t("moderation.title")}
      breadcrumbs={crumbs.slice(0, 1).concat({ label: t("moderation.title") })}
    >
      <h1>{t("moderation.title")}</h1>
      <p class="lead">{t("moderation.lead")}</p>
      <nav class="sub-nav" aria-label={t("moderation.tabs")}>
        <ul>
          {queueTabs.map((tab) => (
            <li key={tab}>
              <a href={tabHref(tab)} aria-current={tab === queue.tab ? "page" : undefined}>
                {t(`moderation.tab.${tab}`)} ({formatNumber(queue.counts[tab])})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{caption}</h2>
      {(queue.tab === "published" || queue.tab === "hidden") && (
        <form method="get" action={base} class="form moderation-filter">
          <input type="hidden" name="tab" value={queue.tab} />
          <div class="field-row">
            <TextField
              name="q"
              label={t("moderation.filter.q")}
              form={{ values: { q: queue.filter.q }, issues: [] }}
            />
            <SelectField
              name="type"
              label={t("moderation.filter.type")}
              form={{ values: { type: queue.filter.type }, issues: [] }}
              options={(["product", "offer", "storefront"] as const).map((type) => ({
                value: type,
                label: t(`moderation.typePlural.${type}`),
              }))}
            />
          </div>
          <button type="submit" class="button button-secondary">
            {t("moderation.filter.submit")}
          </button>
        </form>
      )}
      {isEmpty ? (
        <p>{t("moderation.empty")}</p>
      ) : queue.tab === "reports" ? (
        <ReportsTable reports={queue.reports} />
      ) : (
        <ItemsTable queue={queue} caption={caption} />
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} hrefFor={query} />
    </Layout>
  );
}

export function ReviewPage({
  listing,
  facts,
  reports,
  form,
}: {
  listing: ModeratedListing;
  facts: ReviewFact[];
  reports: ReportRow[];
  form: FormState;
}) {
  const { t, province } = usePage();
  const { base, crumbs } = useCrumbs();
  const action = `${base}/${listing.type}/${listing.id}`;
  const title = t("moderation.reviewTitle", {
    type: t(`moderation.type.${listing.type}`),
    title: listing.title,
  });
  const canPublish = listing.enterpriseStatus === "verified";
  return (
    <Layout title={title} breadcrumbs={[...crumbs, { label: listing.title }]}>
      <h1>{title}</h1>
      <ErrorSummary issues={form.issues} />
      <dl class="summary-list">
        <dt>{t("moderation.column.enterprise")}</dt>
        <dd>
          {listing.enterpriseName}{" "}
          <span class="tag">{t(`moderation.enterpriseStatus.${listing.enterpriseStatus}`)}</span>
        </dd>
        <dt>{t("field.status")}</dt>
        <dd>
          <StatusTag status={listing.status} />
        </dd>
        {listing.kind && (
          <>
            <dt>{t("moderation.kindLabel")}</dt>
            <dd>{t(`moderation.kind.${listing.kind}`)}</dd>
          </>
        )}
        {listing.expiresOn && (
          <>
            <dt>{t("moderation.expiresOn")}</dt>
            <dd>{formatDate(listing.expiresOn)}</dd>
          </>
        )}
        {listing.publishedAt && (
          <>
            <dt>{t("moderation.publishedAt")}</dt>
            <dd>{formatDateTime(listing.publishedAt)}</dd>
          </>
        )}
        {listing.moderationReason && (
          <>
            <dt>{t("moderation.reasonLabel")}</dt>
            <dd class="prewrap">{listing.moderationReason}</dd>
          </>
        )}
        {listing.type === "storefront" && (
          <>
            <dt>{t("moderation.badge.label")}</dt>
            <dd>
              {listing.badgeGrantedAt
                ? t("moderation.badge.grantedOn", { date: formatDate(listing.badgeGrantedAt) })
                : t("moderation.badge.none")}
            </dd>
          </>
        )}
      </dl>
      <section class="panel" aria-labelledby="listing-content">
        <h2 id="listing-content">{t("moderation.content")}</h2>
        <dl class="summary-list">
          {facts.map((fact) => (
            <Fragment key={fact.labelKey}>
              <dt>{t(fact.labelKey)}</dt>
              <dd>{fact.value === null ? "—" : fact.isKey ? t(fact.value) : fact.value}</dd>
            </Fragment>
          ))}
        </dl>
        <p class="prewrap">{listing.description || "—"}</p>
        {(listing.status === "published" || listing.status === "closed") && (
          <p>
            <a href={listingPath(province!.slug, listing)}>{t("moderation.viewPublic")}</a>
          </p>
        )}
      </section>
      <h2>{t("moderation.decisions")}</h2>
      {!canPublish && <p class="panel panel-warning">{t("moderation.cannotPublishUnverified")}</p>}
      <div class="actions">
        {listing.status === "pending" && canPublish && (
          <ActionButton action={`${action}/publish`} label={t("moderation.decision.publish")} />
        )}
        {listing.status === "hidden" && canPublish && (
          <ActionButton action={`${action}/restore`} label={t("moderation.decision.restore")} />
        )}
        {listing.type === "storefront" && listing.status === "published" && !listing.badgeGrantedAt && (
          <ActionButton action={`${action}/grant-badge`} label={t("moderation.decision.grant-badge")} />
        )}
        {listing.type === "storefront" && listing.badgeGrantedAt && (
          <ActionButton
            action={`${action}/revoke-badge`}
            label={t("moderation.decision.revoke-badge")}
            variant="secondary"
          />
        )}
      </div>
      {(listing.status === "pending" || listing.status === "published") && (
        <Form action={`${action}/hide`}>
          <TextArea
            name="reason"
            label={t("moderation.hideReason")}
            hint={t("moderation.hideReasonHint")}
            form={form}
            rows={4}
            required
          />
          <SubmitButton label={t("moderation.decision.hide")} variant="danger" />
        </Form>
      )}
      {reports.length > 0 && (
        <TableWrap caption={t("moderation.reportsAbout")}>
          <thead>
            <tr>
              <th scope="col">{t("moderation.report.reason")}</th>
              <th scope="col">{t("moderation.report.details")}</th>
              <th scope="col">{t("field.status")}</th>
              <th scope="col">{t("moderation.column.reportedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id}>
                <td>
                  {report.status === "open" ? (
                    <a href={`${base}/reports/${report.id}`}>{t(`moderation.reason.${report.reason}`)}</a>
                  ) : (
                    t(`moderation.reason.${report.reason}`)
                  )}
                </td>
                <td class="prewrap">{report.details || "—"}</td>
                <td>{t(`moderation.reportStatus.${report.status}`)}</td>
                <td class="nowrap">{formatDate(report.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <p>
        <a
          href={`${base}?tab=${listing.status === "hidden" ? "hidden" : listing.status === "pending" ? `${listing.type}s` : "published"}`}
        >
          {t("moderation.backToQueue")}
        </a>
      </p>
    </Layout>
  );
}

export function ReportDecisionPage({
  report,
  listing,
  form,
}: {
  report: ReportRow;
  listing: ModeratedListing | null;
  form: FormState;
}) {
  const { t } = usePage();
  const { base, crumbs } = useCrumbs();
  const title = t("moderation.report.handleTitle", { id: report.id });
  const action = `${base}/reports/${report.id}`;
  return (
    <Layout title={title} breadcrumbs={[...crumbs, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary issues={form.issues} />
      <dl class="summary-list">
        <dt>{t("moderation.column.listing")}</dt>
        <dd>
          {listing ? (
            <a href={`${base}/${listing.type}/${listing.id}`}>{listing.title}</a>
          ) : (
            t("moderation.report.listingGone")
          )}
        </dd>
        <dt>{t("moderation.report.reason")}</dt>
        <dd>{t(`moderation.reason.${report.reason}`)}</dd>
        <dt>{t("moderation.report.details")}</dt>
        <dd class="prewrap">{report.details || "—"}</dd>
        <dt>{t("moderation.report.email")}</dt>
        <dd>{report.reporterEmail ?? "—"}</dd>
        <dt>{t("moderation.column.reportedOn")}</dt>
        <dd>{formatDateTime(report.createdAt)}</dd>
        <dt>{t("field.status")}</dt>
        <dd>{t(`moderation.reportStatus.${report.status}`)}</dd>
      </dl>
      {report.status === "open" && (
        <>
          <Form action={action}>
            <input type="hidden" name="outcome" value="resolve" />
            <h2>{t("moderation.report.resolveHeading")}</h2>
            {listing && (listing.status === "published" || listing.status === "pending") && (
              <>
                <div class="field">
                  <label class="checkbox">
                    <input type="checkbox" name="hide" value="1" checked={form.values.hide === "1"} />{" "}
                    {t("moderation.report.alsoHide")}
                  </label>
                </div>
                <TextArea
                  name="reason"
                  label={t("moderation.hideReason")}
                  hint={t("moderation.report.reasonHint")}
                  form={form}
                  rows={3}
                />
              </>
            )}
            <SubmitButton label={t("moderation.report.resolve")} />
          </Form>
          <Form action={action}>
            <input type="hidden" name="outcome" value="dismiss" />
            <h2>{t("moderation.report.dismissHeading")}</h2>
            <SubmitButton label={t("moderation.report.dismiss")} variant="secondary" />
          </Form>
        </>
      )}
      <p>
        <a href={`${base}?tab=reports`}>{t("moderation.backToQueue")}</a>
      </p>
    </Layout>
  );
}

export function ReportListingPage({
  type,
  listing,
  form,
}: {
  type: ListingType;
  listing: ModeratedListing;
  form: FormState;
}) {
  const { t, province } = usePage();
  const slug = province!.slug;
  const hasReasonError = form.issues.some((issue) => issue.field === "reason");
  return (
    <FormPage
      title={t("moderation.report.title")}
      lead={t("moderation.report.lead", { type: t(`moderation.type.${type}`), title: listing.title })}
      breadcrumbs={[
        { href: `/${slug}`, label: t("nav.home") },
        { href: listingPath(slug, listing), label: listing.title },
      ]}
      action={`/${slug}/report-listing?type=${type}&id=${listing.id}`}
      form={form}
      backHref={listingPath(slug, listing)}
      submitLabel={t("moderation.report.submit")}
    >
      <fieldset
        class={hasReasonError ? "field field-error" : "field"}
        id="field-reason"
        aria-describedby={hasReasonError ? "error-reason" : undefined}
      >
        <legend>{t("moderation.report.reason")}</legend>
        {hasReasonError && (
          <p class="error-message" id="error-reason">
            <span class="visually-hidden">{t("form.errorPrefix")}</span> {t("moderation.report.chooseReason")}
          </p>
        )}
        {reportReasons.map((reason) => (
          <label class="checkbox" key={reason}>
            <input type="radio" name="reason" value={reason} checked={form.values.reason === reason} />{" "}
            {t(`moderation.reason.${reason}`)}
          </label>
        ))}
      </fieldset>
      <TextArea
        name="details"
        label={t("moderation.report.details")}
        hint={t("moderation.report.detailsHint")}
        form={form}
      />
      <TextField
        name="email"
        type="email"
        autocomplete="email"
        label={t("moderation.report.email")}
        hint={t("moderation.report.emailHint")}
        form={form}
      />
    </FormPage>
  );
}
