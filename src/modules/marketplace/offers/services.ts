import { and, asc, count, desc, eq, inArray, like, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { checkUpload, type IncomingFile, storeUpload } from "../../../platform/files.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { slugify } from "../../../platform/text.ts";
import { parseInput } from "../../../platform/validation.ts";
import { formatDate, formatNumber, formatVnd } from "../../../platform/vn-format.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { assertActingEnterprise, findActingEnterprise } from "../../enterprises/services/membership.ts";
import {
  categories,
  offerAttachments,
  offerMatches,
  offers,
  products,
  quotes,
  storefronts,
} from "../schema.ts";
import { refreshOfferDocument } from "../search/documents.ts";
import { isOpenOffer, isReadableOffer } from "../visibility.ts";
import { OfferInput, QuoteInput, todayInVietnam } from "./inputs.ts";
import { marketplaceLink } from "./links.ts";
import { mailEnterprise } from "./recipients.ts";

export type OfferRow = typeof offers.$inferSelect;
export const maxAttachments = 5;
const mailT = createTranslator("vi");

function scope(ctx: ServiceContext) {
  return [...ctx.province.scopeIds];
}

/** An offer of the acting enterprise in this portal, or 404 (another enterprise's offer is not found, not forbidden). */
async function loadOwnOffer(db: Executor, ctx: ServiceContext, enterpriseId: number, offerId: number) {
  const [row] = await db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.id, offerId),
        eq(offers.enterpriseId, enterpriseId),
        inArray(offers.provinceId, scope(ctx)),
      ),
    );
  if (!row) throw new NotFoundError("offers.errors.notFound");
  return row;
}

/** A closed offer, or one past its last day, is a record of what happened: it cannot be changed any more. */
export function isEditable(offer: Pick<OfferRow, "status" | "expiresOn">, today = todayInVietnam()): boolean {
  return offer.status !== "closed" && offer.expiresOn >= today;
}

async function uniqueOfferSlug(db: Executor, ctx: ServiceContext, title: string): Promise<string> {
  const base = slugify(title).slice(0, 80).replace(/-+$/, "") || "chao-hang";
  const taken = await db
    .select({ slug: offers.slug })
    .from(offers)
    .where(
      and(eq(offers.provinceId, ctx.province.id), or(eq(offers.slug, base), like(offers.slug, `${base}-%`))),
    );
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    if (!used.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }
}

async function checkReferences(db: Executor, enterpriseId: number, input: OfferInput): Promise<void> {
  const [category] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.id, input.categoryId));
  const issues = [];
  if (!category) issues.push({ field: "categoryId", messageKey: "validation.choose" });
  if (input.productId !== null) {
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.enterpriseId, enterpriseId)));
    if (!product) issues.push({ field: "productId", messageKey: "validation.invalid" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

async function addAttachments(
  tx: Executor,
  ctx: ServiceContext,
  offerId: number,
  files: readonly IncomingFile[],
): Promise<void> {
  if (files.length === 0) return;
  const [existing] = await tx
    .select({ total: count(), last: sql<number>`coalesce(max(${offerAttachments.position}), 0)::int` })
    .from(offerAttachments)
    .where(eq(offerAttachments.offerId, offerId));
  if ((existing?.total ?? 0) + files.length > maxAttachments) {
    throw new ValidationError([
      {
        field: "attachments",
        messageKey: "offers.validation.tooManyAttachments",
        params: { max: maxAttachments },
      },
    ]);
  }
  // Every file is checked before any is stored, so a bad second file leaves nothing behind.
  for (const file of files) await checkUpload(file, "document", "attachments");
  let position = existing?.last ?? 0;
  for (const file of files) {
    const stored = await storeUpload(tx, {
      file,
      kind: "document",
      field: "attachments",
      provinceId: ctx.province.id,
      ownerUserId: ctx.actor?.userId ?? null,
    });
    position += 1;
    await tx.insert(offerAttachments).values({ offerId, fileId: stored.id, position });
  }
}

function offerValues(input: OfferInput) {
  return {
    kind: input.kind,
    title: input.title,
    titleEn: input.titleEn,
    categoryId: input.categoryId,
    productId: input.kind === "sell" ? input.productId : null,
    specification: input.specification,
    specificationEn: input.specificationEn,
    quantity: input.quantity,
    unit: input.unit,
    priceDong: input.priceDong,
    deliveryTerms: input.deliveryTerms,
    deliveryPlace: input.deliveryPlace,
    expiresOn: input.expiresOn,
  };
}

/** Saves a new offer as a draft of the acting enterprise (any member; submitting needs a verified enterprise). */
export async function createOffer(input: {
  ctx: ServiceContext;
  form: unknown;
  files?: readonly IncomingFile[];
}): Promise<number> {
  const { ctx } = input;
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  const values = parseInput(OfferInput, input.form);
  await checkReferences(ctx.db, enterprise.id, values);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offers)
      .values({
        ...offerValues(values),
        provinceId: ctx.province.id,
        enterpriseId: enterprise.id,
        slug: await uniqueOfferSlug(tx, ctx, values.title),
        status: "draft",
      })
      .returning();
    await addAttachments(tx, ctx, row!.id, input.files ?? []);
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "offer.create",
      entityType: "offer",
      entityId: row!.id,
      after: row,
      ipAddress: ctx.ipAddress,
    });
    await refreshOfferDocument(tx, row!.id);
    return row!.id;
  });
}

/**
 * Saves changes to an offer. A published (or pending) offer goes back to review: what the public sees has been
 * checked by an officer. A closed or expired offer cannot be changed.
 */
export async function updateOffer(input: {
  ctx: ServiceContext;
  offerId: number;
  form: unknown;
  files?: readonly IncomingFile[];
}): Promise<void> {
  const { ctx } = input;
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  const before = await loadOwnOffer(ctx.db, ctx, enterprise.id, input.offerId);
  if (!isEditable(before)) throw new ConflictError("offers.errors.notEditable");
  const values = parseInput(OfferInput, input.form);
  if (before.kind !== values.kind && before.status !== "draft") {
    throw new ValidationError([{ field: "kind", messageKey: "offers.validation.kindFixed" }]);
  }
  await checkReferences(ctx.db, enterprise.id, values);
  await ctx.db.transaction(async (tx) => {
    const status = before.status === "published" || before.status === "pending" ? "pending" : before.status;
    const [after] = await tx
      .update(offers)
      .set({ ...offerValues(values), status, updatedAt: new Date() })
      .where(eq(offers.id, before.id))
      .returning();
    await addAttachments(tx, ctx, before.id, input.files ?? []);
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "offer.update",
      entityType: "offer",
      entityId: before.id,
      before,
      after,
      ipAddress: ctx.ipAddress,
    });
    await refreshOfferDocument(tx, before.id);
  });
}

async function changeStatus(
  ctx: ServiceContext,
  offerId: number,
  options: { from: OfferRow["status"][]; to: OfferRow["status"]; action: string; verified: boolean },
): Promise<void> {
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: options.verified });
  await ctx.db.transaction(async (tx) => {
    const before = await loadOwnOffer(tx, ctx, enterprise.id, offerId);
    if (!isEditable(before)) throw new ConflictError("offers.errors.notEditable");
    if (!options.from.includes(before.status)) throw new ConflictError("offers.errors.wrongStatus");
    await tx.update(offers).set({ status: options.to, updatedAt: new Date() }).where(eq(offers.id, offerId));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: options.action,
      entityType: "offer",
      entityId: offerId,
      before: { status: before.status },
      after: { status: options.to },
      ipAddress: ctx.ipAddress,
    });
    await refreshOfferDocument(tx, offerId);
  });
}

/** Sends a draft (or a hidden offer after correction) to the officers; only verified enterprises may. */
export function submitOffer({ ctx, offerId }: { ctx: ServiceContext; offerId: number }): Promise<void> {
  return changeStatus(ctx, offerId, {
    from: ["draft", "hidden"],
    to: "pending",
    action: "offer.submit",
    verified: true,
  });
}

/** Takes an offer off the floor (or out of review): it becomes a draft again. */
export function withdrawOffer({ ctx, offerId }: { ctx: ServiceContext; offerId: number }): Promise<void> {
  return changeStatus(ctx, offerId, {
    from: ["pending", "published"],
    to: "draft",
    action: "offer.withdraw",
    verified: false,
  });
}

export async function removeOfferAttachment(input: {
  ctx: ServiceContext;
  offerId: number;
  fileId: number;
}): Promise<void> {
  const { ctx } = input;
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  await ctx.db.transaction(async (tx) => {
    const offer = await loadOwnOffer(tx, ctx, enterprise.id, input.offerId);
    if (!isEditable(offer)) throw new ConflictError("offers.errors.notEditable");
    const removed = await tx
      .delete(offerAttachments)
      .where(and(eq(offerAttachments.offerId, offer.id), eq(offerAttachments.fileId, input.fileId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError();
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "offer.removeAttachment",
      entityType: "offer",
      entityId: offer.id,
      before: { fileId: input.fileId },
      ipAddress: ctx.ipAddress,
    });
    await refreshOfferDocument(tx, offer.id);
  });
}

/** An offer's attached files, in their order. */
export async function attachmentsOf(db: Executor, offerId: number) {
  return db
    .select({
      fileId: uploadedFiles.id,
      name: uploadedFiles.originalName,
      storageKey: uploadedFiles.storageKey,
      thumbnailKey: uploadedFiles.thumbnailKey,
      contentType: uploadedFiles.contentType,
      byteSize: uploadedFiles.byteSize,
    })
    .from(offerAttachments)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, offerAttachments.fileId))
    .where(eq(offerAttachments.offerId, offerId))
    .orderBy(asc(offerAttachments.position));
}

export type OfferAttachment = Awaited<ReturnType<typeof attachmentsOf>>[number];

/** The acting enterprise's offers, newest first. */
export async function listMyOffers(ctx: ServiceContext) {
  const { enterprise } = await assertActingEnterprise(ctx);
  const rows = await ctx.db
    .select({
      offer: offers,
      openQuotes: sql<number>`(select count(*)::int from quotes q where q.offer_id = ${offers.id}
        and q.status = 'submitted')`,
    })
    .from(offers)
    .where(and(eq(offers.enterpriseId, enterprise.id), inArray(offers.provinceId, scope(ctx))))
    .orderBy(desc(offers.updatedAt), desc(offers.id));
  return { enterprise, rows };
}

export type QuoteSort = "price" | "total" | "date";

/** Quotes of a buy offer with their sellers, for its buyer only. */
async function quotesOf(db: Executor, offerId: number, sort: QuoteSort) {
  const total = sql`${quotes.priceDong}::numeric * ${quotes.quantity}::numeric`;
  const order =
    sort === "price"
      ? [asc(quotes.priceDong), asc(quotes.id)]
      : sort === "total"
        ? [asc(total), asc(quotes.id)]
        : [asc(quotes.createdAt), asc(quotes.id)];
  return db
    .select({
      quote: quotes,
      sellerName: enterprises.name,
      sellerVerified: sql<boolean>`${enterprises.status} = 'verified'`,
      sellerBadge: sql<boolean>`${storefronts.badgeGrantedAt} is not null`,
      storefrontSlug: sql<
        string | null
      >`case when ${storefronts.status} = 'published' then ${storefronts.slug} end`,
    })
    .from(quotes)
    .innerJoin(enterprises, eq(enterprises.id, quotes.enterpriseId))
    .leftJoin(storefronts, eq(storefronts.enterpriseId, enterprises.id))
    .where(and(eq(quotes.offerId, offerId), ne(quotes.status, "withdrawn")))
    .orderBy(...order);
}

export type QuoteWithSeller = Awaited<ReturnType<typeof quotesOf>>[number];

/** What an offer's matches point at, with titles and links (only listings still public). */
async function matchesOf(db: Executor, offerId: number) {
  const result = await db.execute(sql`
    select m.match_type, m.matched_id, m.score, m.notified_at, sd.title, sd.slug, sd.enterprise_name,
      sd.offer_kind, sd.verified, p.slug as province_slug
    from offer_matches m
    join search_documents sd on sd.doc_type = m.match_type and sd.doc_id = m.matched_id
    join provinces p on p.id = sd.province_id
    where m.offer_id = ${offerId}
    order by m.score desc, m.id`);
  return (
    result as unknown as {
      rows: {
        match_type: "product" | "offer";
        matched_id: number;
        score: number;
        notified_at: Date | string | null;
        title: string;
        slug: string;
        enterprise_name: string;
        offer_kind: "sell" | "buy" | null;
        verified: boolean;
        province_slug: string;
      }[];
    }
  ).rows.map((row) => ({
    type: row.match_type,
    id: Number(row.matched_id),
    score: Number(row.score),
    notified: row.notified_at !== null,
    title: row.title,
    href:
      row.match_type === "product"
        ? `/${row.province_slug}/products/${row.slug}`
        : `/${row.province_slug}/offers/${row.slug}`,
    enterpriseName: row.enterprise_name,
    verified: row.verified,
  }));
}

export type OfferMatchView = Awaited<ReturnType<typeof matchesOf>>[number];

/** The owner's view of one offer: everything, with quotes (buy offers) and matches. */
export async function getMyOffer(ctx: ServiceContext, offerId: number, sort: QuoteSort = "price") {
  const { enterprise } = await assertActingEnterprise(ctx);
  const offer = await loadOwnOffer(ctx.db, ctx, enterprise.id, offerId);
  const [category] = await ctx.db.select().from(categories).where(eq(categories.id, offer.categoryId));
  return {
    enterprise,
    offer,
    category: category!,
    attachments: await attachmentsOf(ctx.db, offer.id),
    quotes: offer.kind === "buy" ? await quotesOf(ctx.db, offer.id, sort) : [],
    matches: await matchesOf(ctx.db, offer.id),
    editable: isEditable(offer),
  };
}

/** The offer as a form shows it, for the edit page. */
export async function getOfferForEdit(ctx: ServiceContext, offerId: number) {
  const { enterprise } = await assertActingEnterprise(ctx);
  const offer = await loadOwnOffer(ctx.db, ctx, enterprise.id, offerId);
  if (!isEditable(offer)) throw new ConflictError("offers.errors.notEditable");
  return { offer, attachments: await attachmentsOf(ctx.db, offer.id) };
}

/** Options for the offer form: categories (indented tree order) and the enterprise's products. */
export async function getOfferFormOptions(ctx: ServiceContext) {
  const { enterprise } = await assertActingEnterprise(ctx);
  const categoryRows = await ctx.db
    .select({
      id: categories.id,
      name: categories.name,
      nameEn: categories.nameEn,
      depth: categories.depth,
      path: categories.path,
    })
    .from(categories)
    .orderBy(asc(categories.path));
  const productRows = await ctx.db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.enterpriseId, enterprise.id), ne(products.status, "hidden")))
    .orderBy(asc(products.name));
  return { enterprise, categories: categoryRows, products: productRows };
}

export const publicPageSize = 20;

/** Published offers still open, of verified enterprises, newest first, with the total count. */
export async function listPublicOffers(
  ctx: ServiceContext,
  options: { kind: "sell" | "buy"; categoryId: number | null; page: number },
) {
  const today = todayInVietnam();
  const where = and(
    inArray(offers.provinceId, scope(ctx)),
    isOpenOffer(today),
    eq(offers.kind, options.kind),
    options.categoryId === null
      ? undefined
      : sql`${offers.categoryId} in (select c.id from categories c where ${options.categoryId}::int = any(c.path))`,
  );
  const [totalRow] = await ctx.db
    .select({ total: count() })
    .from(offers)
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .where(where);
  const rows = await ctx.db
    .select({
      offer: offers,
      enterpriseName: enterprises.name,
      categoryName: categories.name,
      categoryNameEn: categories.nameEn,
      badge: sql<boolean>`${storefronts.badgeGrantedAt} is not null`,
    })
    .from(offers)
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .innerJoin(categories, eq(categories.id, offers.categoryId))
    .leftJoin(storefronts, eq(storefronts.enterpriseId, enterprises.id))
    .where(where)
    .orderBy(desc(offers.publishedAt), desc(offers.id))
    .limit(publicPageSize)
    .offset((options.page - 1) * publicPageSize);
  const topCategories = await ctx.db
    .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.depth, 1))
    .orderBy(asc(categories.position));
  return { rows, total: totalRow?.total ?? 0, topCategories };
}

/**
 * One offer as the public sees it: published or closed (a closed RFQ stays readable, marked closed), of a
 * verified enterprise, in this portal. Drafts, pending and hidden offers are not found.
 */
export async function getPublicOffer(ctx: ServiceContext, slug: string) {
  const [row] = await ctx.db
    .select({
      offer: offers,
      enterprise: enterprises,
      category: categories,
      storefront: storefronts,
    })
    .from(offers)
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .innerJoin(categories, eq(categories.id, offers.categoryId))
    .leftJoin(storefronts, eq(storefronts.enterpriseId, enterprises.id))
    .where(and(eq(offers.slug, slug), inArray(offers.provinceId, scope(ctx)), isReadableOffer()));
  if (!row) throw new NotFoundError("offers.errors.notFound");
  const [product] = row.offer.productId
    ? await ctx.db
        .select({ slug: products.slug, name: products.name })
        .from(products)
        .where(and(eq(products.id, row.offer.productId), eq(products.status, "published")))
    : [];
  const acting = await findActingEnterprise(ctx.db, ctx.actor, ctx.province.scopeIds);
  let myOpenQuote: typeof quotes.$inferSelect | null = null;
  if (acting && row.offer.kind === "buy") {
    const [quote] = await ctx.db
      .select()
      .from(quotes)
      .where(
        and(
          eq(quotes.offerId, row.offer.id),
          eq(quotes.enterpriseId, acting.id),
          eq(quotes.status, "submitted"),
        ),
      );
    myOpenQuote = quote ?? null;
  }
  return {
    ...row,
    storefront: row.storefront?.status === "published" ? row.storefront : null,
    badge: Boolean(row.storefront?.badgeGrantedAt),
    product: product ?? null,
    attachments: await attachmentsOf(ctx.db, row.offer.id),
    acting,
    myOpenQuote,
    isOwner: acting?.id === row.offer.enterpriseId,
  };
}

/** Why a quote cannot be sent now, as a catalogue key; null when it can. Checked again inside the transaction. */
function quoteRefusal(offer: OfferRow, quoterEnterpriseId: number, today: string): string | null {
  if (offer.kind !== "buy") return "offers.quote.refused.notBuy";
  if (offer.enterpriseId === quoterEnterpriseId) return "offers.quote.refused.own";
  if (offer.status === "closed") return "offers.quote.refused.closed";
  if (offer.status !== "published") return "offers.quote.refused.notPublished";
  if (offer.expiresOn < today) return "offers.quote.refused.expired";
  return null;
}

/**
 * A seller's quote on a buy offer. The quoter must be a member of a verified enterprise of this portal other
 * than the buyer; the offer must be published, not closed and not past its last day (Vietnam date); an
 * enterprise has at most one open quote per offer (it may withdraw it and quote again). The buyer's members
 * are told by e-mail.
 */
export async function createQuote(input: {
  ctx: ServiceContext;
  offerId: number;
  form: unknown;
}): Promise<number> {
  const { ctx } = input;
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: true });
  const values = parseInput(QuoteInput, input.form);
  const today = todayInVietnam();
  if (values.validUntil < today) {
    throw new ValidationError([{ field: "validUntil", messageKey: "offers.validation.validUntilPast" }]);
  }
  return ctx.db.transaction(async (tx) => {
    // Lock the offer row: an acceptance running at the same time must not close it under a new quote.
    const [offer] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.id, input.offerId), inArray(offers.provinceId, scope(ctx))))
      .for("update");
    if (!offer) throw new NotFoundError("offers.errors.notFound");
    const refusal = quoteRefusal(offer, enterprise.id, today);
    if (refusal) throw new ValidationError([{ field: "form", messageKey: refusal }]);
    const [open] = await tx
      .select({ id: quotes.id })
      .from(quotes)
      .where(
        and(
          eq(quotes.offerId, offer.id),
          eq(quotes.enterpriseId, enterprise.id),
          eq(quotes.status, "submitted"),
        ),
      );
    if (open) throw new ValidationError([{ field: "form", messageKey: "offers.quote.refused.alreadyOpen" }]);
    const [quote] = await tx
      .insert(quotes)
      .values({
        provinceId: ctx.province.id,
        offerId: offer.id,
        enterpriseId: enterprise.id,
        userId: actor.userId,
        priceDong: values.priceDong,
        quantity: values.quantity,
        unit: values.unit,
        validUntil: values.validUntil,
        message: values.message,
      })
      .returning();
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "quote.create",
      entityType: "quote",
      entityId: quote!.id,
      after: quote,
      ipAddress: ctx.ipAddress,
    });
    await mailEnterprise(tx, {
      provinceId: ctx.province.id,
      enterpriseId: offer.enterpriseId,
      subject: mailT("offers.mail.quote.subject", { title: offer.title }),
      text: mailT("offers.mail.quote.body", {
        seller: enterprise.name,
        title: offer.title,
        price: formatVnd(values.priceDong),
        quantity: formatNumber(values.quantity, { maximumFractionDigits: 3 }),
        unit: values.unit,
        validUntil: formatDate(values.validUntil),
        message: values.message,
        link: marketplaceLink(`/${ctx.province.slug}/my/offers/${offer.id}`),
      }),
    });
    return quote!.id;
  });
}

/** The quoting enterprise takes back its open quote (it may then quote again). */
export async function withdrawQuote({
  ctx,
  quoteId,
}: {
  ctx: ServiceContext;
  quoteId: number;
}): Promise<void> {
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  await ctx.db.transaction(async (tx) => {
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(
        and(
          eq(quotes.id, quoteId),
          eq(quotes.enterpriseId, enterprise.id),
          inArray(quotes.provinceId, scope(ctx)),
        ),
      );
    if (!quote) throw new NotFoundError("offers.errors.quoteNotFound");
    if (quote.status !== "submitted") throw new ConflictError("offers.errors.quoteNotOpen");
    await tx
      .update(quotes)
      .set({ status: "withdrawn", decidedAt: new Date() })
      .where(eq(quotes.id, quote.id));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "quote.withdraw",
      entityType: "quote",
      entityId: quote.id,
      before: { status: quote.status },
      after: { status: "withdrawn" },
      ipAddress: ctx.ipAddress,
    });
  });
}

/** The quotes the acting enterprise has sent, newest first, with their offers. */
export async function listMyQuotes(ctx: ServiceContext) {
  const { enterprise } = await assertActingEnterprise(ctx);
  const rows = await ctx.db
    .select({
      quote: quotes,
      offerTitle: offers.title,
      offerSlug: offers.slug,
      offerStatus: offers.status,
      buyerName: enterprises.name,
    })
    .from(quotes)
    .innerJoin(offers, eq(offers.id, quotes.offerId))
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .where(and(eq(quotes.enterpriseId, enterprise.id), inArray(quotes.provinceId, scope(ctx))))
    .orderBy(desc(quotes.createdAt), desc(quotes.id));
  return { enterprise, rows };
}

/**
 * The buyer accepts one quote: the offer closes (and leaves search), the quote is accepted, every other open
 * quote is declined, and each quoting enterprise is told by e-mail. Only the buyer's members may do this.
 */
export async function acceptQuote(input: {
  ctx: ServiceContext;
  offerId: number;
  quoteId: number;
}): Promise<void> {
  const { ctx } = input;
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  await ctx.db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(offers)
      .where(
        and(
          eq(offers.id, input.offerId),
          eq(offers.enterpriseId, enterprise.id),
          inArray(offers.provinceId, scope(ctx)),
        ),
      )
      .for("update");
    if (!offer) throw new NotFoundError("offers.errors.notFound");
    if (offer.status === "closed") throw new ConflictError("offers.quote.refused.closed");
    if (offer.status !== "published") throw new ConflictError("offers.errors.wrongStatus");
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, input.quoteId), eq(quotes.offerId, offer.id)));
    if (!quote) throw new NotFoundError("offers.errors.quoteNotFound");
    if (quote.status !== "submitted") throw new ConflictError("offers.errors.quoteNotOpen");
    const now = new Date();
    await tx
      .update(offers)
      .set({ status: "closed", acceptedQuoteId: quote.id, closedAt: now, updatedAt: now })
      .where(eq(offers.id, offer.id));
    await tx.update(quotes).set({ status: "accepted", decidedAt: now }).where(eq(quotes.id, quote.id));
    const declined = await tx
      .update(quotes)
      .set({ status: "declined", decidedAt: now })
      .where(and(eq(quotes.offerId, offer.id), eq(quotes.status, "submitted"), ne(quotes.id, quote.id)))
      .returning({ id: quotes.id, enterpriseId: quotes.enterpriseId });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "offer.acceptQuote",
      entityType: "offer",
      entityId: offer.id,
      before: { status: offer.status },
      after: { status: "closed", acceptedQuoteId: quote.id, declinedQuoteIds: declined.map((row) => row.id) },
      ipAddress: ctx.ipAddress,
    });
    await refreshOfferDocument(tx, offer.id);
    const link = marketplaceLink(`/${ctx.province.slug}/my/quotes`);
    await mailEnterprise(tx, {
      provinceId: ctx.province.id,
      enterpriseId: quote.enterpriseId,
      subject: mailT("offers.mail.accepted.subject", { title: offer.title }),
      text: mailT("offers.mail.accepted.body", { buyer: enterprise.name, title: offer.title, link }),
    });
    for (const row of declined) {
      await mailEnterprise(tx, {
        provinceId: ctx.province.id,
        enterpriseId: row.enterpriseId,
        subject: mailT("offers.mail.declined.subject", { title: offer.title }),
        text: mailT("offers.mail.declined.body", { buyer: enterprise.name, title: offer.title, link }),
      });
    }
  });
}

/** How many matches an offer has (for lists). */
export async function matchCount(db: Executor, offerId: number): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(offerMatches)
    .where(eq(offerMatches.offerId, offerId));
  return row?.total ?? 0;
}
