import { createHmac } from "node:crypto";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import { queueMail } from "../../../platform/mail.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { findActingEnterprise, isMemberOf } from "../../enterprises/services/membership.ts";
import { hashToken } from "../../identity/tokens.ts";
import { marketplaceLink, marketplaceLinkSecret } from "../offers/links.ts";
import { mailEnterprise } from "../offers/recipients.ts";
import { inquiries, inquiryMessages, offers, products, storefronts } from "../schema.ts";
import { isPublicProduct, isPublicStorefront, isReadableOffer } from "../visibility.ts";
import { InquiryInput, InquiryReplyInput } from "./inputs.ts";

const mailT = createTranslator("vi");

export type InquiryTargetQuery = { product?: string; storefront?: string; offer?: string };

export type InquiryTarget = {
  enterpriseId: number;
  enterpriseName: string;
  productId: number | null;
  offerId: number | null;
  kind: "product" | "storefront" | "offer";
  title: string;
  href: string;
};

const isId = (value: string) => /^\d{1,9}$/.test(value);

/**
 * What a visitor writes about: a published product, a published storefront or a published (or closed) offer
 * of a verified enterprise of this portal. Anything else is not found.
 */
export async function resolveInquiryTarget(
  ctx: ServiceContext,
  query: InquiryTargetQuery,
): Promise<InquiryTarget> {
  const scope = [...ctx.province.scopeIds];
  const slug = ctx.province.slug;
  if (query.product) {
    const key = query.product;
    const [row] = await ctx.db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
      })
      .from(products)
      .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
      .where(
        and(
          isId(key) ? eq(products.id, Number(key)) : eq(products.slug, key),
          inArray(products.provinceId, scope),
          isPublicProduct(),
        ),
      );
    if (row) {
      return {
        enterpriseId: row.enterpriseId,
        enterpriseName: row.enterpriseName,
        productId: row.id,
        offerId: null,
        kind: "product",
        title: row.name,
        href: `/${slug}/products/${row.slug}`,
      };
    }
  } else if (query.offer) {
    const key = query.offer;
    const [row] = await ctx.db
      .select({
        id: offers.id,
        slug: offers.slug,
        title: offers.title,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
      })
      .from(offers)
      .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
      .where(
        and(
          isId(key) ? eq(offers.id, Number(key)) : eq(offers.slug, key),
          inArray(offers.provinceId, scope),
          isReadableOffer(),
        ),
      );
    if (row) {
      return {
        enterpriseId: row.enterpriseId,
        enterpriseName: row.enterpriseName,
        productId: null,
        offerId: row.id,
        kind: "offer",
        title: row.title,
        href: `/${slug}/offers/${row.slug}`,
      };
    }
  } else if (query.storefront) {
    const key = query.storefront;
    const [row] = await ctx.db
      .select({ slug: storefronts.slug, enterpriseId: enterprises.id, enterpriseName: enterprises.name })
      .from(storefronts)
      .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
      .where(
        and(
          isId(key) ? eq(storefronts.id, Number(key)) : eq(storefronts.slug, key),
          inArray(storefronts.provinceId, scope),
          isPublicStorefront(),
        ),
      );
    if (row) {
      return {
        enterpriseId: row.enterpriseId,
        enterpriseName: row.enterpriseName,
        productId: null,
        offerId: null,
        kind: "storefront",
        title: row.enterpriseName,
        href: `/${slug}/storefronts/${row.slug}`,
      };
    }
  }
  throw new NotFoundError("inquiries.errors.targetNotFound");
}

/**
 * The visitor's private link to a thread. It is derived from the inquiry (id and creation instant) with an
 * HMAC keyed by the installation's secret: 32 bytes nobody can compute without the key, and only its SHA-256
 * is stored. Being derivable, the same link can be put in every later notification, which a purely random
 * token kept only as a hash would not allow.
 */
export function threadToken(inquiry: { id: number; createdAt: Date }): string {
  return createHmac("sha256", marketplaceLinkSecret())
    .update(`inquiry-thread:${inquiry.id}:${inquiry.createdAt.getTime()}`)
    .digest("base64url");
}

const threadLink = (provinceSlug: string, token: string) =>
  marketplaceLink(`/${provinceSlug}/inquiries/t/${token}`);
const memberLink = (provinceSlug: string, inquiryId: number) =>
  marketplaceLink(`/${provinceSlug}/my/inquiries/${inquiryId}`);

/**
 * A visitor (or a signed-in user) writes to an enterprise: the inquiry and its first message are stored, the
 * enterprise (active members and storefront contact) is mailed, and the sender receives a confirmation with
 * the private link to the thread. Returns the inquiry id and that link's token.
 */
export async function createInquiry(input: {
  ctx: ServiceContext;
  target: InquiryTargetQuery;
  form: unknown;
}): Promise<{ inquiryId: number; token: string }> {
  const { ctx } = input;
  const target = await resolveInquiryTarget(ctx, input.target);
  const values = parseInput(InquiryInput, input.form);
  if (ctx.actor && (await isMemberOf(ctx.db, ctx.actor, target.enterpriseId))) {
    throw new ValidationError([{ field: "form", messageKey: "inquiries.errors.ownEnterprise" }]);
  }
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [inquiry] = await tx
      .insert(inquiries)
      .values({
        provinceId: ctx.province.id,
        enterpriseId: target.enterpriseId,
        productId: target.productId,
        offerId: target.offerId,
        senderUserId: ctx.actor?.userId ?? null,
        senderName: values.name,
        senderEmail: values.email,
        senderPhone: values.phone,
        senderCompany: values.company,
        subject: values.subject,
        // Replaced below once the id is known; a unique placeholder keeps the constraint satisfied meanwhile.
        accessTokenHash: `pending:${now.getTime()}:${Math.random()}`,
        lastMessageAt: now,
        createdAt: now,
      })
      .returning();
    const token = threadToken(inquiry!);
    await tx
      .update(inquiries)
      .set({ accessTokenHash: hashToken(token) })
      .where(eq(inquiries.id, inquiry!.id));
    await tx.insert(inquiryMessages).values({
      inquiryId: inquiry!.id,
      side: "buyer",
      authorUserId: ctx.actor?.userId ?? null,
      body: values.message,
      createdAt: now,
    });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "inquiry.create",
      entityType: "inquiry",
      entityId: inquiry!.id,
      after: { enterpriseId: target.enterpriseId, kind: target.kind, subject: values.subject },
      ipAddress: ctx.ipAddress,
    });
    await mailEnterprise(tx, {
      provinceId: ctx.province.id,
      enterpriseId: target.enterpriseId,
      subject: mailT("inquiries.mail.new.subject", { subject: values.subject }),
      text: mailT("inquiries.mail.new.body", {
        name: values.name,
        company: values.company ?? "—",
        email: values.email,
        phone: values.phone ?? "—",
        about: `${target.title} (${marketplaceLink(target.href)})`,
        message: values.message,
        link: memberLink(ctx.province.slug, inquiry!.id),
      }),
    });
    await queueMail(tx, {
      provinceId: ctx.province.id,
      to: values.email,
      subject: mailT("inquiries.mail.confirmation.subject", { enterprise: target.enterpriseName }),
      text: mailT("inquiries.mail.confirmation.body", {
        name: values.name,
        enterprise: target.enterpriseName,
        subject: values.subject,
        message: values.message,
        link: threadLink(ctx.province.slug, token),
      }),
      isSensitive: true,
    });
    return { inquiryId: inquiry!.id, token };
  });
}

async function loadThread(db: Executor, where: SQL | undefined) {
  const [row] = await db
    .select({ inquiry: inquiries, enterpriseName: enterprises.name })
    .from(inquiries)
    .innerJoin(enterprises, eq(enterprises.id, inquiries.enterpriseId))
    .where(where);
  if (!row) throw new NotFoundError("inquiries.errors.notFound");
  const messages = await db
    .select()
    .from(inquiryMessages)
    .where(eq(inquiryMessages.inquiryId, row.inquiry.id))
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id));
  return { ...row, messages };
}

export type Thread = Awaited<ReturnType<typeof loadThread>> & { side: "buyer" | "seller" };

/** The visitor's thread by its private link; a wrong token (or another portal's) is simply not found. */
export async function getThreadByToken(ctx: ServiceContext, token: string): Promise<Thread> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError("inquiries.errors.notFound");
  const thread = await loadThread(
    ctx.db,
    and(
      eq(inquiries.accessTokenHash, hashToken(token)),
      inArray(inquiries.provinceId, [...ctx.province.scopeIds]),
    ),
  );
  return { ...thread, side: "buyer" };
}

/**
 * A signed-in person's view of a thread: members of the enterprise written to read it as the seller; the
 * signed-in sender reads it as the buyer. Everyone else gets 404.
 */
export async function getMyThread(ctx: ServiceContext, inquiryId: number): Promise<Thread> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const thread = await loadThread(
    ctx.db,
    and(eq(inquiries.id, inquiryId), inArray(inquiries.provinceId, [...ctx.province.scopeIds])),
  );
  if (await isMemberOf(ctx.db, ctx.actor, thread.inquiry.enterpriseId)) return { ...thread, side: "seller" };
  if (thread.inquiry.senderUserId === ctx.actor.userId) return { ...thread, side: "buyer" };
  throw new NotFoundError("inquiries.errors.notFound");
}

async function addMessage(ctx: ServiceContext, thread: Thread, form: unknown): Promise<void> {
  const { message } = parseInput(InquiryReplyInput, form);
  const { inquiry } = thread;
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(inquiryMessages)
      .values({
        inquiryId: inquiry.id,
        side: thread.side,
        authorUserId: ctx.actor?.userId ?? null,
        body: message,
        createdAt: now,
      })
      .returning({ id: inquiryMessages.id });
    await tx.update(inquiries).set({ lastMessageAt: now }).where(eq(inquiries.id, inquiry.id));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: thread.side === "seller" ? "inquiry.reply" : "inquiry.followUp",
      entityType: "inquiry",
      entityId: inquiry.id,
      after: { messageId: row!.id, side: thread.side },
      ipAddress: ctx.ipAddress,
    });
    if (thread.side === "seller") {
      // The other side is the visitor: its own address, with the private link (and its account page if any).
      const link = inquiry.senderUserId
        ? memberLink(ctx.province.slug, inquiry.id)
        : threadLink(ctx.province.slug, threadToken(inquiry));
      await queueMail(tx, {
        provinceId: ctx.province.id,
        to: inquiry.senderEmail,
        subject: mailT("inquiries.mail.reply.subject", {
          enterprise: thread.enterpriseName,
          subject: inquiry.subject,
        }),
        text: mailT("inquiries.mail.reply.body", {
          name: inquiry.senderName,
          enterprise: thread.enterpriseName,
          message,
          link,
        }),
        isSensitive: inquiry.senderUserId === null,
      });
    } else {
      await mailEnterprise(tx, {
        provinceId: ctx.province.id,
        enterpriseId: inquiry.enterpriseId,
        subject: mailT("inquiries.mail.followUp.subject", {
          name: inquiry.senderName,
          subject: inquiry.subject,
        }),
        text: mailT("inquiries.mail.followUp.body", {
          name: inquiry.senderName,
          message,
          link: memberLink(ctx.province.slug, inquiry.id),
        }),
      });
    }
  });
}

/** The visitor continues the thread from its private link. */
export async function replyByToken(input: {
  ctx: ServiceContext;
  token: string;
  form: unknown;
}): Promise<void> {
  const thread = await getThreadByToken(input.ctx, input.token);
  await addMessage(input.ctx, thread, input.form);
}

/** A member of the enterprise (as the seller) or the signed-in sender (as the buyer) replies. */
export async function replyAsMember(input: {
  ctx: ServiceContext;
  inquiryId: number;
  form: unknown;
}): Promise<void> {
  const thread = await getMyThread(input.ctx, input.inquiryId);
  await addMessage(input.ctx, thread, input.form);
}

/**
 * The signed-in person's inquiries: those received by the enterprise it acts for (newest activity first)
 * and those it sent itself.
 */
export async function listMyInquiries(ctx: ServiceContext) {
  if (!ctx.actor) throw new UnauthenticatedError();
  const scope = [...ctx.province.scopeIds];
  const enterprise = await findActingEnterprise(ctx.db, ctx.actor, scope);
  const columns = {
    id: inquiries.id,
    subject: inquiries.subject,
    senderName: inquiries.senderName,
    senderCompany: inquiries.senderCompany,
    enterpriseName: enterprises.name,
    lastMessageAt: inquiries.lastMessageAt,
    status: inquiries.status,
  };
  const received = enterprise
    ? await ctx.db
        .select(columns)
        .from(inquiries)
        .innerJoin(enterprises, eq(enterprises.id, inquiries.enterpriseId))
        .where(and(eq(inquiries.enterpriseId, enterprise.id), inArray(inquiries.provinceId, scope)))
        .orderBy(desc(inquiries.lastMessageAt), desc(inquiries.id))
        .limit(200)
    : [];
  const sent = await ctx.db
    .select(columns)
    .from(inquiries)
    .innerJoin(enterprises, eq(enterprises.id, inquiries.enterpriseId))
    .where(and(eq(inquiries.senderUserId, ctx.actor.userId), inArray(inquiries.provinceId, scope)))
    .orderBy(desc(inquiries.lastMessageAt), desc(inquiries.id))
    .limit(200);
  return { enterprise, received, sent };
}
