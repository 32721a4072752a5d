import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { ConflictError, NotFoundError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { listingReports, searchDocuments } from "../schema.ts";
import { applyDecision, HideInput } from "./decide.ts";
import { type ListingType, listingPath, loadListing, type ModeratedListing } from "./listings.ts";

export const reportReasons = ["fraud", "prohibited", "counterfeit", "wrong-information", "other"] as const;

export const ReportInput = z.object({
  reason: z.enum(reportReasons, { message: "validation.choose" }),
  details: z.string().trim().max(2000, "validation.tooLong").optional().default(""),
  email: z
    .string()
    .trim()
    .max(200, "validation.tooLong")
    .optional()
    .transform((value) => value || null)
    .pipe(z.email("validation.email").nullable()),
});

/**
 * A listing a visitor may report: it exists in this portal and is on the public floor (its search document
 * exists: published, of a verified enterprise). Drafts, listings under review and hidden ones are not public.
 */
export async function findReportableListing(
  ctx: ServiceContext,
  type: ListingType,
  id: number,
): Promise<ModeratedListing> {
  const listing = await loadListing(ctx.db, type, id, ctx.province.scopeIds);
  if (!listing) throw new NotFoundError("moderation.report.notFound");
  const [document] = await ctx.db
    .select({ id: searchDocuments.id })
    .from(searchDocuments)
    .where(
      and(
        eq(searchDocuments.docType, type === "storefront" ? "enterprise" : type),
        eq(searchDocuments.docId, type === "storefront" ? listing.enterpriseId : listing.id),
      ),
    );
  // A closed or expired offer is still a public page; a hidden, draft or pending listing is not.
  const isPublic =
    document !== undefined || (type === "offer" && ["published", "closed"].includes(listing.status));
  if (!isPublic || listing.enterpriseStatus !== "verified")
    throw new NotFoundError("moderation.report.notFound");
  return listing;
}

/** A visitor reports a listing; stored for officers and audited. Returns the listing's public path. */
export async function reportListing({
  ctx,
  type,
  id,
  form,
}: {
  ctx: ServiceContext;
  type: ListingType;
  id: number;
  form: unknown;
}): Promise<string> {
  const listing = await findReportableListing(ctx, type, id);
  const input = parseInput(ReportInput, form);
  await ctx.db.transaction(async (tx) => {
    const [report] = await tx
      .insert(listingReports)
      .values({
        provinceId: listing.provinceId,
        listingType: type,
        listingId: id,
        reason: input.reason,
        details: input.details,
        reporterEmail: input.email,
        reporterUserId: ctx.actor?.userId ?? null,
      })
      .returning({ id: listingReports.id });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "marketplace.report.create",
      entityType: "listing_report",
      entityId: report!.id,
      after: { listingType: type, listingId: id, reason: input.reason, details: input.details },
      ipAddress: ctx.ipAddress,
    });
  });
  return listingPath(ctx.province.slug, listing);
}

const ResolveInput = z.object({
  outcome: z.enum(["resolve", "dismiss"], { message: "validation.choose" }),
  hide: z
    .string()
    .optional()
    .transform((value) => value === "1"),
  reason: z.string().optional(),
});

/**
 * An officer closes a report: resolved (optionally hiding the listing with a reason, in the same transaction,
 * through the same decision the queue uses) or dismissed. Both audited.
 */
export async function closeReport({
  ctx,
  reportId,
  form,
}: {
  ctx: ServiceContext;
  reportId: number;
  form: unknown;
}): Promise<"resolve" | "dismiss"> {
  const actor = assertCan(ctx.actor, "marketplace.moderate", ctx.province);
  const input = parseInput(ResolveInput, form);
  const reason =
    input.outcome === "resolve" && input.hide ? parseInput(HideInput, { reason: input.reason }).reason : null;
  await ctx.db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(listingReports)
      .where(
        and(eq(listingReports.id, reportId), inArray(listingReports.provinceId, [...ctx.province.scopeIds])),
      )
      .for("update");
    if (!report) throw new NotFoundError("moderation.errors.reportNotFound");
    if (report.status !== "open") throw new ConflictError("moderation.errors.reportClosed");
    const status = input.outcome === "resolve" ? "resolved" : "dismissed";
    const now = new Date();
    await tx
      .update(listingReports)
      .set({ status, resolvedBy: actor.userId, resolvedAt: now })
      .where(eq(listingReports.id, reportId));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: `marketplace.report.${input.outcome}`,
      entityType: "listing_report",
      entityId: reportId,
      before: { status: report.status },
      after: { status, hidListing: reason !== null, ...(reason ? { reason } : {}) },
      ipAddress: ctx.ipAddress,
    });
    if (reason !== null)
      await applyDecision(tx, ctx, actor, {
        type: report.listingType,
        id: report.listingId,
        decision: "hide",
        reason,
      });
  });
  return input.outcome;
}
