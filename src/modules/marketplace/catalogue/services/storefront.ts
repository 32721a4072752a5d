import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import {
  ConflictError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "../../../../platform/errors.ts";
import type { IncomingFile, StoredFile } from "../../../../platform/files.ts";
import type { Actor, ServiceContext } from "../../../../platform/request-context.ts";
import { uploadedFiles } from "../../../../platform/schema.ts";
import { slugify } from "../../../../platform/text.ts";
import { parseInput } from "../../../../platform/validation.ts";
import {
  assertActingEnterprise,
  type EnterpriseRow,
  findActingEnterprise,
} from "../../../enterprises/index.ts";
import { storefrontImages, storefronts } from "../../schema.ts";
import { refreshEnterpriseDocument } from "../../search/documents.ts";
import { GalleryCaptionInput, StorefrontInput } from "../inputs.ts";
import { isStorefrontSlugFree, requireFiles, statusAfterEdit, storeUploads } from "./shared.ts";

export type StorefrontRow = typeof storefronts.$inferSelect;
export type GalleryImage = { fileId: number; position: number; caption: string | null; file: StoredFile };
export const maxGalleryImages = 8;

export type OwnStorefront =
  | { kind: "no-enterprise" }
  | { kind: "not-verified"; enterprise: EnterpriseRow }
  | {
      kind: "ready";
      enterprise: EnterpriseRow;
      storefront: StorefrontRow | null;
      logo: StoredFile | null;
      gallery: GalleryImage[];
      suggestedSlug: string;
    };

/** What /my/storefront shows: why a storefront cannot be opened yet, or the storefront (null before the first save). */
export async function getOwnStorefront(ctx: ServiceContext): Promise<OwnStorefront> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const enterprise = await findActingEnterprise(ctx.db, ctx.actor, ctx.province.scopeIds);
  if (!enterprise) return { kind: "no-enterprise" };
  if (enterprise.status !== "verified") return { kind: "not-verified", enterprise };
  const [storefront] = await ctx.db
    .select()
    .from(storefronts)
    .where(eq(storefronts.enterpriseId, enterprise.id));
  const gallery = storefront ? await loadGallery(ctx, storefront.id) : [];
  const logo = storefront?.logoFileId ? await loadFile(ctx, storefront.logoFileId) : null;
  return {
    kind: "ready",
    enterprise,
    storefront: storefront ?? null,
    logo,
    gallery,
    suggestedSlug: slugify(enterprise.shortName || enterprise.name)
      .slice(0, 80)
      .replace(/-+$/, ""),
  };
}

export async function loadGallery(
  ctx: Pick<ServiceContext, "db">,
  storefrontId: number,
): Promise<GalleryImage[]> {
  return ctx.db
    .select({
      fileId: storefrontImages.fileId,
      position: storefrontImages.position,
      caption: storefrontImages.caption,
      file: uploadedFiles,
    })
    .from(storefrontImages)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, storefrontImages.fileId))
    .where(eq(storefrontImages.storefrontId, storefrontId))
    .orderBy(asc(storefrontImages.position));
}

async function loadFile(ctx: Pick<ServiceContext, "db">, id: number): Promise<StoredFile | null> {
  const [row] = await ctx.db.select().from(uploadedFiles).where(eq(uploadedFiles.id, id));
  return row ?? null;
}

/**
 * Creates or edits the acting enterprise's storefront (verified enterprises only), with an optional new logo.
 * Returns whether a published storefront was sent back to review.
 */
export async function saveStorefront({
  ctx,
  form,
  logo,
}: {
  ctx: ServiceContext;
  form: unknown;
  logo: IncomingFile | null;
}): Promise<{ storefrontId: number; sentBackToReview: boolean }> {
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: true });
  const input = parseInput(StorefrontInput, form);
  if (!(await isStorefrontSlugFree(ctx.db, ctx, input.slug, enterprise.id))) {
    throw new ValidationError([{ field: "slug", messageKey: "catalogue.validation.slugTaken" }]);
  }
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(storefronts)
      .where(eq(storefronts.enterpriseId, enterprise.id))
      .for("update");
    const [logoFile] = logo ? await storeUploads(tx, ctx, [logo], "image", "logo") : [];
    const values = { ...input, ...(logoFile ? { logoFileId: logoFile.id } : {}) };
    let storefrontId: number;
    let sentBackToReview = false;
    if (before) {
      const status = statusAfterEdit(before.status);
      sentBackToReview = status !== before.status;
      await tx
        .update(storefronts)
        .set({ ...values, status, updatedAt: new Date() })
        .where(eq(storefronts.id, before.id));
      storefrontId = before.id;
    } else {
      const [row] = await tx
        .insert(storefronts)
        .values({ ...values, provinceId: ctx.province.id, enterpriseId: enterprise.id, status: "draft" })
        .returning({ id: storefronts.id });
      storefrontId = row!.id;
    }
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: before ? "storefront.update" : "storefront.create",
      entityType: "storefront",
      entityId: storefrontId,
      before: before ? auditImage(before) : undefined,
      after: { ...values, ...(sentBackToReview ? { status: "pending" } : {}) },
      ipAddress: ctx.ipAddress,
    });
    await refreshEnterpriseDocument(tx, enterprise.id);
    return { storefrontId, sentBackToReview };
  });
}

function auditImage(row: StorefrontRow) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

async function lockOwnStorefront(ctx: ServiceContext, tx: ServiceContext["db"], enterpriseId: number) {
  const [row] = await tx
    .select()
    .from(storefronts)
    .where(eq(storefronts.enterpriseId, enterpriseId))
    .for("update");
  if (!row) throw new NotFoundError("catalogue.storefront.notFound");
  if (!ctx.province.scopeIds.includes(row.provinceId))
    throw new NotFoundError("catalogue.storefront.notFound");
  return row;
}

/**
 * A gallery change is a content change: a published storefront goes back to review. Audited with the new status,
 * and the enterprise's search document refreshed, in the caller's transaction.
 */
async function afterGalleryChange(
  tx: ServiceContext["db"],
  ctx: ServiceContext,
  { actor, enterpriseId, storefront }: { actor: Actor; enterpriseId: number; storefront: StorefrontRow },
  audit: { action: string; before?: unknown; after: Record<string, unknown> },
): Promise<{ sentBackToReview: boolean }> {
  const status = statusAfterEdit(storefront.status);
  await tx
    .update(storefronts)
    .set({ status, updatedAt: new Date() })
    .where(eq(storefronts.id, storefront.id));
  await recordAudit(tx, {
    provinceId: ctx.province.id,
    actorUserId: actor.userId,
    action: audit.action,
    entityType: "storefront",
    entityId: storefront.id,
    before: audit.before,
    after: { ...audit.after, status },
    ipAddress: ctx.ipAddress,
  });
  await refreshEnterpriseDocument(tx, enterpriseId);
  return { sentBackToReview: status !== storefront.status };
}

/** Adds gallery images (at most {@link maxGalleryImages} in all) with one caption for the batch. */
export async function addGalleryImages({
  ctx,
  form,
  files,
}: {
  ctx: ServiceContext;
  form: unknown;
  files: IncomingFile[] | undefined;
}): Promise<{ added: number; sentBackToReview: boolean }> {
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: true });
  const { caption } = parseInput(GalleryCaptionInput, form);
  const incoming = requireFiles(files, "images");
  return ctx.db.transaction(async (tx) => {
    const storefront = await lockOwnStorefront(ctx, tx, enterprise.id);
    const existing = await tx
      .select({ position: storefrontImages.position })
      .from(storefrontImages)
      .where(eq(storefrontImages.storefrontId, storefront.id));
    if (existing.length + incoming.length > maxGalleryImages) {
      throw new ValidationError([
        {
          field: "images",
          messageKey: "catalogue.validation.galleryFull",
          params: { max: maxGalleryImages },
        },
      ]);
    }
    const lastPosition = Math.max(-1, ...existing.map((row) => row.position));
    const stored = await storeUploads(tx, ctx, incoming, "image", "images");
    await tx.insert(storefrontImages).values(
      stored.map((file, index) => ({
        storefrontId: storefront.id,
        fileId: file.id,
        position: lastPosition + 1 + index,
        caption,
      })),
    );
    const { sentBackToReview } = await afterGalleryChange(
      tx,
      ctx,
      { actor, enterpriseId: enterprise.id, storefront },
      { action: "storefront.image.add", after: { fileIds: stored.map((file) => file.id), caption } },
    );
    return { added: stored.length, sentBackToReview };
  });
}

export async function removeGalleryImage({
  ctx,
  fileId,
}: {
  ctx: ServiceContext;
  fileId: number;
}): Promise<void> {
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: true });
  await ctx.db.transaction(async (tx) => {
    const storefront = await lockOwnStorefront(ctx, tx, enterprise.id);
    const removed = await tx
      .delete(storefrontImages)
      .where(and(eq(storefrontImages.storefrontId, storefront.id), eq(storefrontImages.fileId, fileId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError("catalogue.image.notFound");
    await afterGalleryChange(
      tx,
      ctx,
      { actor, enterpriseId: enterprise.id, storefront },
      { action: "storefront.image.remove", before: removed[0], after: {} },
    );
  });
}

/** Changes one gallery image's caption (content: a published storefront goes back to review). */
export async function setGalleryCaption({
  ctx,
  fileId,
  form,
}: {
  ctx: ServiceContext;
  fileId: number;
  form: unknown;
}): Promise<{ sentBackToReview: boolean }> {
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: true });
  const { caption } = parseInput(GalleryCaptionInput, form);
  return ctx.db.transaction(async (tx) => {
    const storefront = await lockOwnStorefront(ctx, tx, enterprise.id);
    const [before] = await tx
      .select()
      .from(storefrontImages)
      .where(and(eq(storefrontImages.storefrontId, storefront.id), eq(storefrontImages.fileId, fileId)));
    if (!before) throw new NotFoundError("catalogue.image.notFound");
    await tx
      .update(storefrontImages)
      .set({ caption })
      .where(and(eq(storefrontImages.storefrontId, storefront.id), eq(storefrontImages.fileId, fileId)));
    return afterGalleryChange(
      tx,
      ctx,
      { actor, enterpriseId: enterprise.id, storefront },
      {
        action: "storefront.image.caption",
        before: { fileId, caption: before.caption },
        after: { fileId, caption },
      },
    );
  });
}

/** The owner sends a draft (or a hidden storefront, once corrected) to the officers: → pending. */
export async function submitStorefront({ ctx }: { ctx: ServiceContext }): Promise<void> {
  const { actor, enterprise } = await assertActingEnterprise(ctx, { verified: true });
  await ctx.db.transaction(async (tx) => {
    const storefront = await lockOwnStorefront(ctx, tx, enterprise.id);
    if (storefront.status !== "draft" && storefront.status !== "hidden") {
      throw new ConflictError("catalogue.storefront.cannotSubmit");
    }
    await tx
      .update(storefronts)
      .set({ status: "pending", updatedAt: new Date() })
      .where(eq(storefronts.id, storefront.id));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "storefront.submit",
      entityType: "storefront",
      entityId: storefront.id,
      before: { status: storefront.status },
      after: { status: "pending" },
      ipAddress: ctx.ipAddress,
    });
    await refreshEnterpriseDocument(tx, enterprise.id);
  });
}
