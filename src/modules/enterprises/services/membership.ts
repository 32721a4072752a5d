import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { ForbiddenError, UnauthenticatedError } from "../../../platform/errors.ts";
import type { Actor, ServiceContext } from "../../../platform/request-context.ts";
import { enterpriseMembers, enterprises } from "../schema.ts";

export type EnterpriseRow = typeof enterprises.$inferSelect;

/**
 * The enterprise a signed-in representative acts for in this portal: an active membership of an enterprise
 * in the portal's provinces. Null when the person has none (not registered yet, or a claim still pending).
 */
export async function findActingEnterprise(
  db: Executor,
  actor: Actor | null,
  scopeIds: readonly number[],
): Promise<EnterpriseRow | null> {
  if (!actor) return null;
  const [row] = await db
    .select({ enterprise: enterprises })
    .from(enterpriseMembers)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseMembers.enterpriseId))
    .where(
      and(
        eq(enterpriseMembers.userId, actor.userId),
        eq(enterpriseMembers.status, "active"),
        inArray(enterprises.provinceId, [...scopeIds]),
      ),
    )
    .orderBy(enterpriseMembers.createdAt)
    .limit(1);
  return row?.enterprise ?? null;
}

/**
 * Services that change an enterprise's own things (storefront, products, offers, quotes, inquiry replies)
 * call this first: the actor must be an active member of an enterprise of this portal. With `verified`, the
 * enterprise must also have been verified by an officer (the floor only shows verified enterprises' listings).
 */
export async function assertActingEnterprise(
  ctx: ServiceContext,
  options: { verified?: boolean } = {},
): Promise<{ actor: Actor; enterprise: EnterpriseRow }> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const enterprise = await findActingEnterprise(ctx.db, ctx.actor, ctx.province.scopeIds);
  if (!enterprise) throw new ForbiddenError("enterprises.errors.noEnterprise");
  if (options.verified && enterprise.status !== "verified") {
    throw new ForbiddenError("enterprises.errors.notVerified");
  }
  return { actor: ctx.actor, enterprise };
}

/** Whether the actor is an active member of this very enterprise (the check behind "one enterprise cannot
 * change another's storefront"). */
export async function isMemberOf(db: Executor, actor: Actor | null, enterpriseId: number): Promise<boolean> {
  if (!actor) return false;
  const [row] = await db
    .select({ userId: enterpriseMembers.userId })
    .from(enterpriseMembers)
    .where(
      and(
        eq(enterpriseMembers.enterpriseId, enterpriseId),
        eq(enterpriseMembers.userId, actor.userId),
        eq(enterpriseMembers.status, "active"),
      ),
    );
  return Boolean(row);
}
