import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { readReferenceProvinces } from "../reference-data.ts";
import { provinces } from "../schema.ts";

/**
 * Inserts or refreshes the reference provinces. Idempotent: a second run changes nothing.
 * Reference data, not a state change by a person, so it is not audited row by row.
 */
export async function loadReferenceProvinces(db: Executor): Promise<{ inserted: number }> {
  const reference = readReferenceProvinces();
  const inserted = await db
    .insert(provinces)
    .values(
      reference.map((province) => ({
        slug: province.slug,
        name: province.name,
        kind: province.kind,
        status: province.status,
        gsoCode: province.gsoCode,
        changedOn: province.changedOn,
      })),
    )
    .onConflictDoNothing({ target: provinces.slug })
    .returning({ id: provinces.id });
  const idBySlug = new Map(
    (await db.select({ id: provinces.id, slug: provinces.slug }).from(provinces)).map((row) => [
      row.slug,
      row.id,
    ]),
  );
  for (const province of reference) {
    if (!province.successorSlug) continue;
    await db
      .update(provinces)
      .set({ successorId: idBySlug.get(province.successorSlug)! })
      .where(
        sql`${provinces.slug} = ${province.slug} and ${provinces.successorId} is distinct from ${idBySlug.get(province.successorSlug)!}`,
      );
  }
  return { inserted: inserted.length };
}
