import { z } from "zod";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { ConflictError, NotFoundError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import type { Actor, ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import { marketplaceLink } from "../offers/links.ts";
import { onOfferPublished } from "../offers/matching.ts";
import { mailEnterprise } from "../offers/recipients.ts";
import {
  type ListingChange,
  type ListingType,
  listingPath,
  loadListing,
  type ModeratedListing,
  refreshListingDocuments,
  updateListing,
} from "./listings.ts";

export const decisions = ["publish", "hide", "restore", "grant-badge", "revoke-badge"] as const;
export type Decision = (typeof decisions)[number];

export function isDecision(value: unknown): value is Decision {
  return typeof value === "string" && (decisions as readonly string[]).includes(value);
}

/** The reason an officer gives for hiding: required, shown to the enterprise and kept in the audit trail. */
export const HideInput = z.object({
  reason: z
    .string({ message: "moderation.validation.reasonRequired" })
    .trim()
    .min(1, "moderation.validation.reasonRequired")
    .min(10, "moderation.validation.reasonTooShort")
    .max(1000, "validation.tooLong"),
});

/**
 * Which decision applies to which status. Publishing takes a listing out of review; hiding works on one in
 * review (a refusal) or on the floor; restoring brings a hidden one back. Anything else is refused with a
 * message naming the status, so two officers deciding at once cannot undo each other silently.
 */
const allowedFrom: Record<"publish" | "hide" | "restore", readonly string[]> = {
  publish: ["pending"],
  hide: ["pending", "published"],
  restore: ["hidden"],
};

function auditState(listing: ModeratedListing) {
  return {
    status: listing.status,
    moderationReason: listing.moderationReason,
    ...(listing.type === "storefront" ? { badgeGrantedAt: listing.badgeGrantedAt } : {}),
  };
}

/**
 * Applies one officer decision in one transaction: the status change, the audit row, the search documents,
 * matching (an offer being published), and a mail to the enterprise telling the decision and the reason.
 */
export async function decideListing({
  ctx,
  type,
  id,
  decision,
  form,
}: {
  ctx: ServiceContext;
  type: ListingType;
  id: number;
  decision: Decision;
  form?: unknown;
}): Promise<ModeratedListing> {
  const actor = assertCan(ctx.actor, "marketplace.moderate", ctx.province);
  const reason = decision === "hide" ? parseInput(HideInput, form ?? {}).reason : null;
  return ctx.db.transaction((tx) => applyDecision(tx, ctx, actor, { type, id, decision, reason }));
}

/** The decision inside a caller's transaction (also used when resolving a report hides the listing). */
export async function applyDecision(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  {
    type,
    id,
    decision,
    reason,
  }: { type: ListingType; id: number; decision: Decision; reason: string | null },
): Promise<ModeratedListing> {
  const listing = await loadListing(tx, type, id, ctx.province.scopeIds, { forUpdate: true });
  if (!listing) throw new NotFoundError("moderation.errors.notFound");
  const now = new Date();
  let change: ListingChange;
  switch (decision) {
    case "publish":
    case "restore":
    case "hide": {
      if (!allowedFrom[decision].includes(listing.status)) {
        throw new ConflictError("moderation.errors.illegalTransition", {
          decision: `moderation.decision.${decision}`,
          status: `moderation.status.${listing.status}`,
        });
      }
      if (decision !== "hide" && listing.enterpriseStatus !== "verified") {
        throw new ConflictError("moderation.errors.enterpriseNotVerified", {
          enterprise: listing.enterpriseName,
        });
      }
      if (decision === "publish" && listing.type === "offer" && listing.expiresOn !== null) {
        const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        if (listing.expiresOn < today)
          throw new ConflictError("moderation.errors.offerExpired", { date: formatDate(listing.expiresOn) });
      }
      change =
        decision === "hide"
          ? { status: "hidden", moderationReason: reason }
          : {
              status: "published",
              moderationReason: null,
              ...(listing.publishedAt === null ? { publishedAt: now } : {}),
            };
      break;
    }
    case "grant-badge":
    case "revoke-badge": {
      if (listing.type !== "storefront") throw new NotFoundError("moderation.errors.notFound");
      const isGrant = decision === "grant-badge";
      if (isGrant && listing.badgeGrantedAt !== null)
        throw new ConflictError("moderation.errors.badgeAlreadyGranted");
      if (!isGrant && listing.badgeGrantedAt === null)
        throw new ConflictError("moderation.errors.badgeNotGranted");
      if (isGrant && (listing.enterpriseStatus !== "verified" || listing.status !== "published"))
        throw new ConflictError("moderation.errors.badgeNeedsPublished");
      change = isGrant
        ? { badgeGrantedAt: now, badgeGrantedBy: actor.userId }
        : { badgeGrantedAt: null, badgeGrantedBy: null };
      break;
    }
  }
  await updateListing(tx, type, id, change);
  const after: ModeratedListing = {
    ...listing,
    ...(change.status ? { status: change.status } : {}),
    ...(change.moderationReason !== undefined ? { moderationReason: change.moderationReason } : {}),
    ...(change.publishedAt ? { publishedAt: change.publishedAt } : {}),
    ...(change.badgeGrantedAt !== undefined ? { badgeGrantedAt: change.badgeGrantedAt } : {}),
  };
  await recordAudit(tx, {
    provinceId: ctx.province.id,
    actorUserId: actor.userId,
    action: `marketplace.${type}.${decisionAuditVerb[decision]}`,
    entityType: type,
    entityId: id,
    before: auditState(listing),
    after: { ...auditState(after), ...(reason ? { reason } : {}) },
    ipAddress: ctx.ipAddress,
  });
  await refreshListingDocuments(tx, after, {
    badgeChanged: decision === "grant-badge" || decision === "revoke-badge",
  });
  if (type === "offer" && decision === "publish")
    await onOfferPublished(tx, { provinceId: ctx.province.id }, id);
  await mailDecision(tx, ctx, after, decision, reason);
  return after;
}

const decisionAuditVerb: Record<Decision, string> = {
  publish: "publish",
  hide: "hide",
  restore: "restore",
  "grant-badge": "badge.grant",
  "revoke-badge": "badge.revoke",
};

/** Mail to the enterprise (its active members and storefront contact), in Vietnamese, the floor's language. */
async function mailDecision(
  tx: Executor,
  ctx: ServiceContext,
  listing: ModeratedListing,
  decision: Decision,
  reason: string | null,
): Promise<void> {
  const t = createTranslator("vi");
  const what = t(`moderation.mail.listing.${listing.type}`, { title: listing.title });
  const lines = [
    t("moderation.mail.greeting", { enterprise: listing.enterpriseName }),
    "",
    t(`moderation.mail.body.${decision}`, { listing: what }),
    ...(reason ? ["", t("moderation.mail.reason", { reason })] : []),
    "",
    decision === "hide"
      ? t("moderation.mail.hiddenNext")
      : t("moderation.mail.link", { url: marketplaceLink(listingPath(ctx.province.slug, listing)) }),
    "",
    t("moderation.mail.signature", { province: ctx.province.name }),
  ];
  await mailEnterprise(tx, {
    provinceId: ctx.province.id,
    enterpriseId: listing.enterpriseId,
    subject: t(`moderation.mail.subject.${decision}`, { listing: what }),
    text: lines.join("\n"),
  });
}
