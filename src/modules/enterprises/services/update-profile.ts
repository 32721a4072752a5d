import { eq } from "drizzle-orm";
import { can } from "../../../platform/authorization.ts";
import { ForbiddenError, UnauthenticatedError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { enterpriseChanged } from "../events.ts";
import { EnterpriseProfileInput } from "../inputs.ts";
import { enterprises } from "../schema.ts";
import {
  auditImage,
  checkAddress,
  computeSizeClass,
  getEnterpriseInScope,
  recordEnterpriseAudit,
} from "./enterprise-records.ts";
import { isMemberOf } from "./membership.ts";

/** An officer of the portal, or an active member of this very enterprise; nobody else edits a profile. */
async function assertMayEdit(ctx: ServiceContext, enterpriseId: number): Promise<void> {
  if (!ctx.actor) throw new UnauthenticatedError();
  if (can(ctx.actor, "enterprises.manage", ctx.province)) return;
  if (!(await isMemberOf(ctx.db, ctx.actor, enterpriseId))) throw new ForbiddenError();
}

/**
 * Saves the profile and recomputes the size class (Decree 80/2021/NĐ-CP Art. 5: sector group of the main line,
 * headcount, and revenue or capital — see computeSizeClass). The tax code and the status are not edited here.
 */
export async function updateEnterpriseProfile({
  ctx,
  enterpriseId,
  form,
}: {
  ctx: ServiceContext;
  enterpriseId: number;
  form: unknown;
}): Promise<void> {
  await assertMayEdit(ctx, enterpriseId);
  const existing = await getEnterpriseInScope(ctx, enterpriseId);
  const profile = parseInput(EnterpriseProfileInput, form);
  await checkAddress(ctx.db, profile);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(enterprises).where(eq(enterprises.id, existing.id)).for("update");
    const [after] = await tx
      .update(enterprises)
      .set({ ...profile, sizeClass: computeSizeClass(profile), updatedAt: new Date() })
      .where(eq(enterprises.id, existing.id))
      .returning();
    await recordEnterpriseAudit(tx, ctx, {
      action: "enterprise.update",
      enterpriseId: existing.id,
      before: auditImage(before!),
      after: auditImage(after!),
    });
    await enterpriseChanged(tx, existing.id);
  });
}
