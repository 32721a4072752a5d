import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { provinces } from "../schema.ts";

/** The operator opens a portal for a province (CLI or demo seed); idempotent. */
export async function hostProvince(
  db: Executor,
  input: { slug: string; actorUserId: number | null },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [province] = await tx.select().from(provinces).where(eq(provinces.slug, input.slug));
    if (!province) throw new NotFoundError("error.provinceNotFound", { slug: input.slug });
    if (province.isHosted) return province.id;
    await tx.update(provinces).set({ isHosted: true }).where(eq(provinces.id, province.id));
    await recordAudit(tx, {
      provinceId: province.id,
      actorUserId: input.actorUserId,
      action: "province.host",
      entityType: "province",
      entityId: province.id,
      before: { isHosted: false },
      after: { isHosted: true },
    });
    return province.id;
  });
}
