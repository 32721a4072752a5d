import { createHmac } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { createTranslator, type Locale } from "../../../platform/i18n.ts";
import { queueMail } from "../../../platform/mail.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput, requiredEmail } from "../../../platform/validation.ts";
import { formatDate, formatNumber } from "../../../platform/vn-format.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { provinces } from "../../geo/schema.ts";
import { hashToken } from "../../identity/tokens.ts";
import { addDays, todayInVietnam } from "../offers/inputs.ts";
import { marketplaceLink, marketplaceLinkSecret } from "../offers/links.ts";
import { categories, digestSubscriptions, offers } from "../schema.ts";
import { isReadableOffer } from "../visibility.ts";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd string that is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The provinces whose rows a province's portal shows: itself and the former provinces merged into it. */
async function scopeOfProvince(db: Executor, provinceId: number): Promise<number[]> {
  const rows = await db
    .select({ id: provinces.id })
    .from(provinces)
    .where(or(eq(provinces.id, provinceId), eq(provinces.successorId, provinceId)));
  return rows.map((row) => row.id);
}

/** The offers published on `date` (Vietnam calendar day) in the given provinces, newest first. */
async function offersPublishedOn(
  db: Executor,
  scope: number[],
  date: string,
  filter: { kinds?: readonly string[]; topCategoryIds?: readonly number[] } = {},
) {
  return db
    .select({
      id: offers.id,
      kind: offers.kind,
      slug: offers.slug,
      title: offers.title,
      titleEn: offers.titleEn,
      quantity: offers.quantity,
      unit: offers.unit,
      priceDong: offers.priceDong,
      expiresOn: offers.expiresOn,
      status: offers.status,
      publishedAt: offers.publishedAt,
      enterpriseName: enterprises.name,
      categoryName: categories.name,
      categoryNameEn: categories.nameEn,
      provinceSlug: provinces.slug,
    })
    .from(offers)
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .innerJoin(categories, eq(categories.id, offers.categoryId))
    .innerJoin(provinces, eq(provinces.id, offers.provinceId))
    .where(
      and(
        inArray(offers.provinceId, scope),
        isReadableOffer(),
        sql`(${offers.publishedAt} at time zone 'Asia/Ho_Chi_Minh')::date = ${date}::date`,
        filter.kinds && filter.kinds.length > 0
          ? inArray(offers.kind, [...filter.kinds] as ("sell" | "buy")[])
          : undefined,
        filter.topCategoryIds && filter.topCategoryIds.length > 0
          ? sql`${categories.path}[1] = any(${sql`array[${sql.join(
              filter.topCategoryIds.map((id) => sql`${id}::int`),
              sql`, `,
            )}]::int[]`})`
          : undefined,
      ),
    )
    .orderBy(desc(offers.publishedAt), desc(offers.id));
}

export type DailyOffer = Awaited<ReturnType<typeof offersPublishedOn>>[number];

/** The daily "trade opportunities" page: offers published that day, grouped by kind. */
export async function getDailyOpportunities(ctx: ServiceContext, date: string) {
  const rows = await offersPublishedOn(ctx.db, [...ctx.province.scopeIds], date);
  return { sell: rows.filter((row) => row.kind === "sell"), buy: rows.filter((row) => row.kind === "buy") };
}

export async function topLevelCategories(db: Executor) {
  return db
    .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.depth, 1))
    .orderBy(asc(categories.position));
}

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : value.split(",")).filter(Boolean).map(Number),
  )
  .pipe(z.array(z.number().int().positive("validation.invalid")).max(50));

export const SubscribeInput = z.object({
  email: requiredEmail,
  locale: z.enum(["vi", "en"], "validation.choose"),
  categoryIds: idList,
  offerKinds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (value === undefined ? [] : Array.isArray(value) ? value : value.split(",")).filter(Boolean),
    )
    .pipe(z.array(z.enum(["sell", "buy"], "validation.invalid")).min(1, "validation.chooseAtLeastOne")),
});

/**
 * A subscriber's link key. Derived (HMAC with the installation's secret) from the subscription's id and
 * creation instant, so every digest can carry the same unsubscribe link while only the SHA-256 is stored.
 */
export function subscriptionToken(subscription: { id: number; createdAt: Date }): string {
  return createHmac("sha256", marketplaceLinkSecret())
    .update(`digest-subscription:${subscription.id}:${subscription.createdAt.getTime()}`)
    .digest("base64url");
}

const confirmLink = (slug: string, token: string) =>
  marketplaceLink(`/${slug}/opportunities/confirm/${token}`);
const unsubscribeLink = (slug: string, token: string) =>
  marketplaceLink(`/${slug}/opportunities/unsubscribe/${token}`);

/**
 * Subscribes an address to the daily digest (double opt-in): a confirmation mail with a link is sent; nothing
 * is delivered before it is followed. The answer is the same whether the address was known or not. An active
 * subscriber is not changed (a stranger cannot rewrite someone's preferences); it is told it is subscribed.
 */
export async function subscribeToDigest({
  ctx,
  form,
}: {
  ctx: ServiceContext;
  form: unknown;
}): Promise<void> {
  const values = parseInput(SubscribeInput, form);
  const validCategories = new Set((await topLevelCategories(ctx.db)).map((row) => row.id));
  const categoryIds = values.categoryIds.filter((id) => validCategories.has(id));
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(digestSubscriptions)
      .where(
        and(
          eq(digestSubscriptions.provinceId, ctx.province.id),
          sql`lower(${digestSubscriptions.email}) = ${values.email.toLowerCase()}`,
        ),
      );
    const t = createTranslator(values.locale);
    if (existing?.confirmedAt && !existing.unsubscribedAt) {
      const token = subscriptionToken(existing);
      await queueMail(tx, {
        provinceId: ctx.province.id,
        to: existing.email,
        subject: t("opportunities.mail.already.subject", { province: ctx.province.name }),
        text: t("opportunities.mail.already.body", { link: unsubscribeLink(ctx.province.slug, token) }),
        isSensitive: true,
      });
      return;
    }
    let subscription: typeof digestSubscriptions.$inferSelect;
    if (existing) {
      [subscription] = (await tx
        .update(digestSubscriptions)
        .set({
          locale: values.locale,
          categoryIds,
          offerKinds: values.offerKinds,
          confirmedAt: null,
          unsubscribedAt: null,
        })
        .where(eq(digestSubscriptions.id, existing.id))
        .returning()) as [typeof digestSubscriptions.$inferSelect];
    } else {
      const createdAt = new Date();
      const [inserted] = await tx
        .insert(digestSubscriptions)
        .values({
          provinceId: ctx.province.id,
          email: values.email,
          locale: values.locale,
          categoryIds,
          offerKinds: values.offerKinds,
          // Replaced below once the id is known; unique meanwhile.
          tokenHash: `pending:${createdAt.getTime()}:${Math.random()}`,
          createdAt,
        })
        .returning();
      subscription = inserted!;
      await tx
        .update(digestSubscriptions)
        .set({ tokenHash: hashToken(subscriptionToken(subscription)) })
        .where(eq(digestSubscriptions.id, subscription.id));
    }
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "digest.subscribe",
      entityType: "digestSubscription",
      entityId: subscription.id,
      after: { locale: values.locale, categoryIds, offerKinds: values.offerKinds },
      ipAddress: ctx.ipAddress,
    });
    await queueMail(tx, {
      provinceId: ctx.province.id,
      to: subscription.email,
      subject: t("opportunities.mail.confirm.subject", { province: ctx.province.name }),
      text: t("opportunities.mail.confirm.body", {
        province: ctx.province.name,
        link: confirmLink(ctx.province.slug, subscriptionToken(subscription)),
      }),
      isSensitive: true,
    });
  });
}

async function findByToken(ctx: ServiceContext, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError("opportunities.errors.linkInvalid");
  const [row] = await ctx.db
    .select()
    .from(digestSubscriptions)
    .where(
      and(
        eq(digestSubscriptions.tokenHash, hashToken(token)),
        inArray(digestSubscriptions.provinceId, [...ctx.province.scopeIds]),
      ),
    );
  if (!row) throw new NotFoundError("opportunities.errors.linkInvalid");
  return row;
}

export async function getSubscriptionByToken(ctx: ServiceContext, token: string) {
  return findByToken(ctx, token);
}

/** Follows the confirmation link: the subscription becomes active (idempotent). */
export async function confirmSubscription({
  ctx,
  token,
}: {
  ctx: ServiceContext;
  token: string;
}): Promise<void> {
  const subscription = await findByToken(ctx, token);
  if (subscription.confirmedAt && !subscription.unsubscribedAt) return;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(digestSubscriptions)
      .set({ confirmedAt: new Date(), unsubscribedAt: null })
      .where(eq(digestSubscriptions.id, subscription.id));
    await recordAudit(tx, {
      provinceId: subscription.provinceId,
      actorUserId: ctx.actor?.userId ?? null,
      action: "digest.confirm",
      entityType: "digestSubscription",
      entityId: subscription.id,
      ipAddress: ctx.ipAddress,
    });
  });
}

/** Follows the unsubscribe link of a digest: no more mail (idempotent). */
export async function unsubscribe({ ctx, token }: { ctx: ServiceContext; token: string }): Promise<void> {
  const subscription = await findByToken(ctx, token);
  if (subscription.unsubscribedAt) return;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(digestSubscriptions)
      .set({ unsubscribedAt: new Date() })
      .where(eq(digestSubscriptions.id, subscription.id));
    await recordAudit(tx, {
      provinceId: subscription.provinceId,
      actorUserId: ctx.actor?.userId ?? null,
      action: "digest.unsubscribe",
      entityType: "digestSubscription",
      entityId: subscription.id,
      ipAddress: ctx.ipAddress,
    });
  });
}

function digestText(t: ReturnType<typeof createTranslator>, locale: Locale, items: DailyOffer[]): string {
  const line = (item: DailyOffer) => {
    const title = locale === "en" && item.titleEn ? item.titleEn : item.title;
    const quantity = `${formatNumber(item.quantity, { maximumFractionDigits: 3 })} ${item.unit}`;
    return `- ${title} — ${quantity} — ${item.enterpriseName}\n  ${marketplaceLink(`/${item.provinceSlug}/offers/${item.slug}`)}`;
  };
  const sections: string[] = [];
  for (const kind of ["sell", "buy"] as const) {
    const ofKind = items.filter((item) => item.kind === kind);
    if (ofKind.length > 0)
      sections.push(`${t(`opportunities.kind.${kind}`)} (${ofKind.length})\n${ofKind.map(line).join("\n")}`);
  }
  return sections.join("\n\n");
}

/**
 * Queues the daily digest of `date` (yyyy-mm-dd, a Vietnam calendar day) for every confirmed, still subscribed
 * address whose last digest is older: one mail each, in its language, listing that day's published offers of
 * its kinds and top-level categories, with its unsubscribe link. Addresses with nothing to read get no mail.
 * Each subscriber is claimed by moving `lastSentOn` to `date` in the transaction that queues its mail, so a
 * second run for the same date (or two runs at once) sends nothing more.
 */
export async function sendTradeDigests(db: Executor, options: { date: string }): Promise<{ sent: number }> {
  if (!isCalendarDate(options.date)) throw new RangeError(`Not a calendar date: ${options.date}`);
  const { date } = options;
  const due = await db
    .select({
      subscription: digestSubscriptions,
      provinceSlug: provinces.slug,
      provinceName: provinces.name,
    })
    .from(digestSubscriptions)
    .innerJoin(provinces, eq(provinces.id, digestSubscriptions.provinceId))
    .where(
      and(
        isNotNull(digestSubscriptions.confirmedAt),
        isNull(digestSubscriptions.unsubscribedAt),
        or(isNull(digestSubscriptions.lastSentOn), lt(digestSubscriptions.lastSentOn, date)),
      ),
    )
    .orderBy(asc(digestSubscriptions.id));
  const scopes = new Map<number, number[]>();
  let sent = 0;
  for (const { subscription, provinceSlug, provinceName } of due) {
    let scope = scopes.get(subscription.provinceId);
    if (!scope) {
      scope = await scopeOfProvince(db, subscription.provinceId);
      scopes.set(subscription.provinceId, scope);
    }
    const items = await offersPublishedOn(db, scope, date, {
      kinds: subscription.offerKinds,
      topCategoryIds: subscription.categoryIds,
    });
    if (items.length === 0) continue;
    const delivered = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(digestSubscriptions)
        .set({ lastSentOn: date })
        .where(
          and(
            eq(digestSubscriptions.id, subscription.id),
            or(isNull(digestSubscriptions.lastSentOn), lt(digestSubscriptions.lastSentOn, date)),
            isNull(digestSubscriptions.unsubscribedAt),
          ),
        )
        .returning({ id: digestSubscriptions.id });
      if (claimed.length === 0) return false;
      const locale = subscription.locale;
      const t = createTranslator(locale);
      await queueMail(tx, {
        provinceId: subscription.provinceId,
        to: subscription.email,
        subject: t("opportunities.mail.digest.subject", {
          date: formatDate(date),
          count: items.length,
          province: provinceName,
        }),
        text: t("opportunities.mail.digest.body", {
          date: formatDate(date),
          offers: digestText(t, locale, items),
          page: marketplaceLink(`/${provinceSlug}/opportunities?date=${date}`),
          unsubscribe: unsubscribeLink(provinceSlug, subscriptionToken(subscription)),
        }),
      });
      return true;
    });
    if (delivered) sent += 1;
  }
  return { sent };
}

/**
 * The daily job: the digest of yesterday (Vietnam date). Safe to run as often as wanted (hourly timer, cron,
 * a retry after a failure): subscribers already served for that day are skipped.
 */
export function sendYesterdaysDigests(db: Executor, now = new Date()): Promise<{ sent: number }> {
  return sendTradeDigests(db, { date: addDays(todayInVietnam(now), -1) });
}
