import { and, eq, inArray, like, ne, or } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { ValidationError } from "../../../../platform/errors.ts";
import { checkUpload, type IncomingFile, type StoredFile, storeUpload } from "../../../../platform/files.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { slugify } from "../../../../platform/text.ts";
import { type ListingStatus, products, storefronts } from "../../schema.ts";

/**
 * Checks every file of one form before storing any, so a bad second file leaves nothing behind; then stores
 * them with the transaction (the rows roll back with it). Images get thumbnails from `storeUpload`.
 */
export async function storeUploads(
  tx: Executor,
  ctx: ServiceContext,
  files: readonly IncomingFile[],
  kind: "image" | "document",
  field: string,
): Promise<StoredFile[]> {
  for (const file of files) await checkUpload(file, kind, field);
  const stored: StoredFile[] = [];
  for (const file of files) {
    stored.push(
      await storeUpload(tx, {
        file,
        kind,
        field,
        provinceId: ctx.province.id,
        ownerUserId: ctx.actor?.userId ?? null,
      }),
    );
  }
  return stored;
}

export function requireFiles(files: readonly IncomingFile[] | undefined, field: string): IncomingFile[] {
  if (!files || files.length === 0) {
    throw new ValidationError([{ field, messageKey: "catalogue.validation.fileRequired" }]);
  }
  return [...files];
}

/** A slug not yet used by another storefront of the portal. */
export async function isStorefrontSlugFree(
  db: Executor,
  ctx: ServiceContext,
  slug: string,
  exceptEnterpriseId: number,
): Promise<boolean> {
  const [row] = await db
    .select({ id: storefronts.id })
    .from(storefronts)
    .where(
      and(
        eq(storefronts.slug, slug),
        inArray(storefronts.provinceId, [...ctx.province.scopeIds]),
        ne(storefronts.enterpriseId, exceptEnterpriseId),
      ),
    );
  return !row;
}

/** A product slug from its name, made unique in the portal with -2, -3… (clean URLs, stable once chosen). */
export async function uniqueProductSlug(db: Executor, ctx: ServiceContext, name: string): Promise<string> {
  const base = slugify(name).slice(0, 80).replace(/-+$/, "") || "san-pham";
  const taken = await db
    .select({ slug: products.slug })
    .from(products)
    .where(
      and(
        inArray(products.provinceId, [...ctx.province.scopeIds]),
        or(eq(products.slug, base), like(products.slug, `${base}-%`)),
      ),
    );
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Content changes of a published product or storefront go back to the officers: published → pending. */
export function statusAfterEdit(status: ListingStatus): ListingStatus {
  return status === "published" ? "pending" : status;
}
