import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { flattenCategories } from "../category-tree.ts";
import { categories } from "../schema.ts";

/**
 * Loads the category tree (reference data shared by every province) and brings names and order up to date;
 * categories are matched by slug, so ids stay stable across releases. Returns how many were added.
 */
export async function loadCategories(db: Executor): Promise<{ inserted: number }> {
  const flat = flattenCategories();
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(categories);
    const rowBySlug = new Map(existing.map((row) => [row.slug, row]));
    const idBySlug = new Map(existing.map((row) => [row.slug, row.id]));
    const pathBySlug = new Map<string, number[]>();
    let inserted = 0;
    const positions = new Map<string | null, number>();
    for (const entry of flat) {
      const position = positions.get(entry.parentSlug) ?? 0;
      positions.set(entry.parentSlug, position + 1);
      const parentId = entry.parentSlug ? (idBySlug.get(entry.parentSlug) ?? null) : null;
      const parentPath = entry.parentSlug ? (pathBySlug.get(entry.parentSlug) ?? []) : [];
      const values = {
        parentId,
        name: entry.nameVi,
        nameEn: entry.nameEn,
        position,
        depth: entry.depth,
        isOcopGroup: entry.slug === "ocop" || entry.slug.startsWith("ocop-"),
      };
      let id = idBySlug.get(entry.slug);
      if (id === undefined) {
        const [row] = await tx
          .insert(categories)
          .values({ ...values, slug: entry.slug, path: [] })
          .returning({ id: categories.id });
        id = row!.id;
        idBySlug.set(entry.slug, id);
        inserted += 1;
      }
      const path = [...parentPath, id];
      pathBySlug.set(entry.slug, path);
      // Every start loads the tree: only a category that changed is written.
      const stored = rowBySlug.get(entry.slug);
      if (stored && JSON.stringify(pick(stored)) === JSON.stringify(pick({ ...values, path }))) continue;
      await tx
        .update(categories)
        .set({ ...values, path })
        .where(sql`${categories.id} = ${id}`);
    }
    return { inserted };
  });
}

function pick(
  row: Pick<
    typeof categories.$inferSelect,
    "parentId" | "name" | "nameEn" | "position" | "depth" | "isOcopGroup" | "path"
  >,
) {
  return [row.parentId, row.name, row.nameEn, row.position, row.depth, row.isOcopGroup, row.path];
}
