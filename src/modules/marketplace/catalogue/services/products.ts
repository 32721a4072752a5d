import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { recordAudit } from "../../../../platform/audit.ts";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../../../platform/errors.ts";
import type { IncomingFile, StoredFile } from "../../../../platform/files.ts";
import type { Actor, ServiceContext } from "../../../../platform/request-context.ts";
import { uploadedFiles } from "../../../../platform/schema.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { assertActingEnterprise, type EnterpriseRow } from "../../../enterprises/index.ts";
import { ocopCertificateExpiry } from "../../ocop.ts";
import {
  categories,
  type ListingStatus,
  productCertificates,
  productImages,
  products,
} from "../../schema.ts";
import { refreshEnterpriseDocument, refreshProductDocument } from "../../search/documents.ts";
import { CertificateInput, ImageAltInput, ProductInput, productStatusFilters } from "../inputs.ts";
import { requireFiles, statusAfterEdit, storeUploads, uniqueProductSlug } from "./shared.ts";

export type ProductRow = typeof products.$inferSelect;
export type ProductImage = { fileId: number; position: number; alt: string | null; file: StoredFile };
export type ProductCertificate = typeof productCertificates.$inferSelect & { file: StoredFile | null };
export const maxProductImages = 12;
export const maxCertificates = 20;
const ownListPageSize = 50;

export type StatusFilter = (typeof productStatusFilters)[number];

export async function listOwnProducts({
  ctx,
  status,
  page = 1,
}: {
  ctx: ServiceContext;
  status: string | undefined;
  page?: number;
}): Promise<{
  enterprise: EnterpriseRow;
  status: StatusFilter;
  page: number;
  pageCount: number;
  counts: Record<ListingStatus, number>;
  items: (Pick<
    ProductRow,
    "id" | "name" | "slug" | "status" | "priceDong" | "unit" | "updatedAt" | "moderationReason"
  > & {
    categoryName: string;
  })[];
}> {
  const { enterprise } = await assertActingEnterprise(ctx);
  const filter: StatusFilter = (productStatusFilters as readonly string[]).includes(status ?? "")
    ? (status as StatusFilter)
    : "all";
  const owned = and(
    eq(products.enterpriseId, enterprise.id),
    inArray(products.provinceId, [...ctx.province.scopeIds]),
  );
  const items = await ctx.db
    .select({
      id: products.id,
      name: products.name,
      slug: products.slug,
      status: products.status,
      priceDong: products.priceDong,
      unit: products.unit,
      updatedAt: products.updatedAt,
      moderationReason: products.moderationReason,
      categoryName: categories.name,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(filter === "all" ? owned : and(owned, eq(products.status, filter)))
    .orderBy(desc(products.updatedAt), desc(products.id))
    .limit(ownListPageSize)
    .offset((Math.max(1, page) - 1) * ownListPageSize);
  const tally = await ctx.db
    .select({ status: products.status, count: count() })
    .from(products)
    .where(owned)
    .groupBy(products.status);
  const counts = { draft: 0, pending: 0, published: 0, hidden: 0 };
  for (const row of tally) counts[row.status] = row.count;
  const matching =
    filter === "all" ? Object.values(counts).reduce((sum, value) => sum + value, 0) : counts[filter];
  const pageCount = Math.max(1, Math.ceil(matching / ownListPageSize));
  return { enterprise, status: filter, counts, items, page: Math.max(1, page), pageCount };
}

export type OwnProduct = {
  enterprise: EnterpriseRow;
  product: ProductRow;
  images: ProductImage[];
  certificates: ProductCertificate[];
};

export async function loadProductImages(db: Executor, productId: number): Promise<ProductImage[]> {
  return db
    .select({
      fileId: productImages.fileId,
      position: productImages.position,
      alt: productImages.alt,
      file: uploadedFiles,
    })
    .from(productImages)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, productImages.fileId))
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position));
}

export async function loadProductCertificates(
  db: Executor,
  productId: number,
): Promise<ProductCertificate[]> {
  const rows = await db
    .select({ certificate: productCertificates, file: uploadedFiles })
    .from(productCertificates)
    .leftJoin(uploadedFiles, eq(uploadedFiles.id, productCertificates.fileId))
    .where(eq(productCertificates.productId, productId))
    .orderBy(asc(productCertificates.id));
  return rows.map((row) => ({ ...row.certificate, file: row.file }));
}

/** One of the acting enterprise's own products; another enterprise's product is "not found" (404). */
export async function getOwnProduct({
  ctx,
  productId,
}: {
  ctx: ServiceContext;
  productId: number;
}): Promise<OwnProduct> {
  const { enterprise } = await assertActingEnterprise(ctx);
  const product = await findOwned(ctx.db, ctx, enterprise.id, productId, false);
  return {
    enterprise,
    product,
    images: await loadProductImages(ctx.db, productId),
    certificates: await loadProductCertificates(ctx.db, productId),
  };
}

async function findOwned(
  db: Executor,
  ctx: ServiceContext,
  enterpriseId: number,
  productId: number,
  lock: boolean,
): Promise<ProductRow> {
  const query = db
    .select()
    .from(products)
    .where(
      and(
        eq(products.id, productId),
        eq(products.enterpriseId, enterpriseId),
        inArray(products.provinceId, [...ctx.province.scopeIds]),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("catalogue.product.notFound");
  return row;
}

async function assertCategory(db: Executor, categoryId: number): Promise<void> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!row) throw new ValidationError([{ field: "categoryId", messageKey: "catalogue.validation.category" }]);
}

function withOcopExpiry(input: ProductInput) {
  return {
    ...input,
    ocopExpiresOn: input.ocopCertifiedOn ? ocopCertificateExpiry(input.ocopCertifiedOn) : null,
  };
}

async function afterChange(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  product: ProductRow,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordAudit(tx, {
    provinceId: ctx.province.id,
    actorUserId: actor.userId,
    action,
    entityType: "product",
    entityId: product.id,
    before,
    after,
    ipAddress: ctx.ipAddress,
  });
  await refreshProductDocument(tx, product.id);
  await refreshEnterpriseDocument(tx, product.enterpriseId);
}

/** A change to one own product, in one transaction with the product row locked. */
async function changeOwnProduct<Result>(
  ctx: ServiceContext,
  productId: number,
  change: (tx: Executor, product: ProductRow, actor: Actor, enterprise: EnterpriseRow) => Promise<Result>,
): Promise<Result> {
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  return ctx.db.transaction(async (tx) => {
    const product = await findOwned(tx, ctx, enterprise.id, productId, true);
    return change(tx, product, actor, enterprise);
  });
}

/** Marks a content change: bumps updatedAt and sends a published product back to review. */
async function touch(
  tx: Executor,
  product: ProductRow,
): Promise<{ status: ListingStatus; sentBackToReview: boolean }> {
  const status = statusAfterEdit(product.status);
  await tx.update(products).set({ status, updatedAt: new Date() }).where(eq(products.id, product.id));
  return { status, sentBackToReview: status !== product.status };
}

export async function createProduct({ ctx, form }: { ctx: ServiceContext; form: unknown }): Promise<number> {
  const { actor, enterprise } = await assertActingEnterprise(ctx);
  const input = withOcopExpiry(parseInput(ProductInput, form));
  await assertCategory(ctx.db, input.categoryId);
  return ctx.db.transaction(async (tx) => {
    const slug = await uniqueProductSlug(tx, ctx, input.name);
    const [row] = await tx
      .insert(products)
      .values({ ...input, slug, provinceId: ctx.province.id, enterpriseId: enterprise.id, status: "draft" })
      .returning();
    await afterChange(tx, ctx, actor, row!, "product.create", undefined, { ...input, slug });
    return row!.id;
  });
}

export async function updateProduct({
  ctx,
  productId,
  form,
}: {
  ctx: ServiceContext;
  productId: number;
  form: unknown;
}): Promise<{ sentBackToReview: boolean }> {
  const input = withOcopExpiry(parseInput(ProductInput, form));
  await assertCategory(ctx.db, input.categoryId);
  return changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const status = statusAfterEdit(product.status);
    await tx
      .update(products)
      .set({ ...input, status, updatedAt: new Date() })
      .where(eq(products.id, product.id));
    const { createdAt: _c, updatedAt: _u, ...before } = product;
    await afterChange(tx, ctx, actor, product, "product.update", before, { ...input, status });
    return { sentBackToReview: status !== product.status };
  });
}

/** draft or hidden → pending; only a verified enterprise's listings go to review. */
export async function submitProduct({
  ctx,
  productId,
}: {
  ctx: ServiceContext;
  productId: number;
}): Promise<void> {
  await changeOwnProduct(ctx, productId, async (tx, product, actor, enterprise) => {
    if (enterprise.status !== "verified") throw new ForbiddenError("catalogue.product.enterpriseNotVerified");
    if (product.status !== "draft" && product.status !== "hidden") {
      throw new ConflictError("catalogue.product.cannotSubmit");
    }
    await tx
      .update(products)
      .set({ status: "pending", updatedAt: new Date() })
      .where(eq(products.id, product.id));
    await afterChange(
      tx,
      ctx,
      actor,
      product,
      "product.submit",
      { status: product.status },
      { status: "pending" },
    );
  });
}

/** The owner takes a product off review or off the floor: pending or published → draft. */
export async function withdrawProduct({
  ctx,
  productId,
}: {
  ctx: ServiceContext;
  productId: number;
}): Promise<void> {
  await changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    if (product.status !== "pending" && product.status !== "published") {
      throw new ConflictError("catalogue.product.cannotWithdraw");
    }
    await tx
      .update(products)
      .set({ status: "draft", updatedAt: new Date() })
      .where(eq(products.id, product.id));
    await afterChange(
      tx,
      ctx,
      actor,
      product,
      "product.withdraw",
      { status: product.status },
      { status: "draft" },
    );
  });
}

/** Only drafts can be deleted (a listing buyers may have seen is withdrawn instead). */
export async function deleteProduct({
  ctx,
  productId,
}: {
  ctx: ServiceContext;
  productId: number;
}): Promise<void> {
  await changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    if (product.status !== "draft") throw new ConflictError("catalogue.product.cannotDelete");
    await tx.delete(products).where(eq(products.id, product.id));
    const { createdAt: _c, updatedAt: _u, ...before } = product;
    await afterChange(tx, ctx, actor, product, "product.delete", before, undefined);
  });
}

export async function addProductImages({
  ctx,
  productId,
  form,
  files,
}: {
  ctx: ServiceContext;
  productId: number;
  form: unknown;
  files: IncomingFile[] | undefined;
}): Promise<{ added: number; sentBackToReview: boolean }> {
  const { alt } = parseInput(ImageAltInput, form);
  const incoming = requireFiles(files, "images");
  return changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const existing = await tx
      .select({ position: productImages.position })
      .from(productImages)
      .where(eq(productImages.productId, product.id));
    if (existing.length + incoming.length > maxProductImages) {
      throw new ValidationError([
        { field: "images", messageKey: "catalogue.validation.imagesFull", params: { max: maxProductImages } },
      ]);
    }
    const last = Math.max(-1, ...existing.map((row) => row.position));
    const stored = await storeUploads(tx, ctx, incoming, "image", "images");
    await tx.insert(productImages).values(
      stored.map((file, index) => ({
        productId: product.id,
        fileId: file.id,
        position: last + 1 + index,
        alt,
      })),
    );
    const { status, sentBackToReview } = await touch(tx, product);
    await afterChange(tx, ctx, actor, product, "product.image.add", undefined, {
      fileIds: stored.map((file) => file.id),
      alt,
      status,
    });
    return { added: stored.length, sentBackToReview };
  });
}

export async function removeProductImage({
  ctx,
  productId,
  fileId,
}: {
  ctx: ServiceContext;
  productId: number;
  fileId: number;
}): Promise<void> {
  await changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const removed = await tx
      .delete(productImages)
      .where(and(eq(productImages.productId, product.id), eq(productImages.fileId, fileId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError("catalogue.image.notFound");
    const { status } = await touch(tx, product);
    await afterChange(tx, ctx, actor, product, "product.image.remove", removed[0], { status });
  });
}

/** Swaps an image with its neighbour (earlier or later): the first image is the listing's picture. */
export async function moveProductImage({
  ctx,
  productId,
  fileId,
  direction,
}: {
  ctx: ServiceContext;
  productId: number;
  fileId: number;
  direction: "up" | "down";
}): Promise<void> {
  await changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const images = await tx
      .select({ fileId: productImages.fileId, position: productImages.position })
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position));
    const index = images.findIndex((image) => image.fileId === fileId);
    if (index < 0) throw new NotFoundError("catalogue.image.notFound");
    const other = images[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    const current = images[index]!;
    await tx
      .update(productImages)
      .set({ position: other.position })
      .where(and(eq(productImages.productId, product.id), eq(productImages.fileId, current.fileId)));
    await tx
      .update(productImages)
      .set({ position: current.position })
      .where(and(eq(productImages.productId, product.id), eq(productImages.fileId, other.fileId)));
    const { status } = await touch(tx, product);
    await afterChange(
      tx,
      ctx,
      actor,
      product,
      "product.image.move",
      { fileId, position: current.position },
      {
        fileId,
        position: other.position,
        status,
      },
    );
  });
}

export async function setProductImageAlt({
  ctx,
  productId,
  fileId,
  form,
}: {
  ctx: ServiceContext;
  productId: number;
  fileId: number;
  form: unknown;
}): Promise<void> {
  const { alt } = parseInput(ImageAltInput, form);
  await changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const updated = await tx
      .update(productImages)
      .set({ alt })
      .where(and(eq(productImages.productId, product.id), eq(productImages.fileId, fileId)))
      .returning();
    if (updated.length === 0) throw new NotFoundError("catalogue.image.notFound");
    const { status } = await touch(tx, product);
    await afterChange(tx, ctx, actor, product, "product.image.alt", undefined, { fileId, alt, status });
  });
}

export async function addCertificate({
  ctx,
  productId,
  form,
  file,
}: {
  ctx: ServiceContext;
  productId: number;
  form: unknown;
  file: IncomingFile | null;
}): Promise<{ sentBackToReview: boolean }> {
  const input = parseInput(CertificateInput, form);
  return changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(productCertificates)
      .where(eq(productCertificates.productId, product.id));
    if (total >= maxCertificates) {
      throw new ValidationError([
        {
          field: "title",
          messageKey: "catalogue.validation.certificatesFull",
          params: { max: maxCertificates },
        },
      ]);
    }
    const [stored] = file ? await storeUploads(tx, ctx, [file], "document", "document") : [];
    const [row] = await tx
      .insert(productCertificates)
      .values({ ...input, productId: product.id, fileId: stored?.id ?? null })
      .returning();
    const { status, sentBackToReview } = await touch(tx, product);
    await afterChange(tx, ctx, actor, product, "product.certificate.add", undefined, { ...row, status });
    return { sentBackToReview };
  });
}

export async function removeCertificate({
  ctx,
  productId,
  certificateId,
}: {
  ctx: ServiceContext;
  productId: number;
  certificateId: number;
}): Promise<void> {
  await changeOwnProduct(ctx, productId, async (tx, product, actor) => {
    const removed = await tx
      .delete(productCertificates)
      .where(and(eq(productCertificates.productId, product.id), eq(productCertificates.id, certificateId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError("catalogue.certificate.notFound");
    const { status } = await touch(tx, product);
    await afterChange(tx, ctx, actor, product, "product.certificate.remove", removed[0], { status });
  });
}

/** The new-product form's categories, for a member of an enterprise of this portal. */
export async function getNewProductChoices(ctx: ServiceContext) {
  await assertActingEnterprise(ctx);
  return listCategoryChoices(ctx.db);
}

/** Categories for the product form's select, grouped under their top-level parent. */
export async function listCategoryChoices(db: Executor) {
  return db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      name: categories.name,
      nameEn: categories.nameEn,
      depth: categories.depth,
      path: categories.path,
      position: categories.position,
    })
    .from(categories)
    .orderBy(asc(categories.depth), asc(categories.position));
}
