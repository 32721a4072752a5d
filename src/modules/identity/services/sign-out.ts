import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { sessions } from "../schema.ts";
import { hashToken } from "../tokens.ts";

export async function signOut({ ctx, token }: { ctx: ServiceContext; token: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)))
      .returning();
    if (deleted.length === 0) return;
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "session.signOut",
      entityType: "user",
      entityId: ctx.actor?.userId ?? null,
      ipAddress: ctx.ipAddress,
    });
  });
}
