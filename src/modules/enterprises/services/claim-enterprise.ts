import { and, eq, inArray } from "drizzle-orm";
import { assertCan } from "../../../platform/authorization.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import { queueMail } from "../../../platform/mail.ts";
import type { Actor, ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { users } from "../../identity/schema.ts";
import { ClaimDecisionInput, ClaimEnterpriseInput } from "../inputs.ts";
import { enterpriseMembers, enterprises } from "../schema.ts";
import {
  findEnterpriseByTaxCode,
  getEnterpriseInScope,
  recordEnterpriseAudit,
} from "./enterprise-records.ts";
import { findActingEnterprise } from "./membership.ts";
import { assertFreeToActFor, assertRepresentative } from "./register-enterprise.ts";

export type PendingClaim = { enterpriseId: number; name: string; taxCode: string; createdAt: Date };

/** The claim this person is waiting on in this portal, if any (one at a time). */
export async function findPendingClaim(ctx: ServiceContext, actor: Actor): Promise<PendingClaim | null> {
  const [row] = await ctx.db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      taxCode: enterprises.taxCode,
      createdAt: enterpriseMembers.createdAt,
    })
    .from(enterpriseMembers)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseMembers.enterpriseId))
    .where(
      and(
        eq(enterpriseMembers.userId, actor.userId),
        eq(enterpriseMembers.status, "pending"),
        inArray(enterprises.provinceId, [...ctx.province.scopeIds]),
      ),
    );
  return row ?? null;
}

/**
 * A representative claims an enterprise already in the registry (imported, or registered by a colleague): a
 * pending membership with a note an officer weighs. A rejected claim may be made again.
 */
export async function claimEnterprise({
  ctx,
  form,
}: {
  ctx: ServiceContext;
  form: unknown;
}): Promise<number> {
  const actor = assertRepresentative(ctx);
  const input = parseInput(ClaimEnterpriseInput, form);
  await assertFreeToActFor(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    const enterprise = await findEnterpriseByTaxCode(tx, ctx.province.scopeIds, input.taxCode);
    if (!enterprise) {
      throw new ValidationError([{ field: "taxCode", messageKey: "enterprises.errors.taxCodeUnknown" }]);
    }
    await tx
      .insert(enterpriseMembers)
      .values({
        enterpriseId: enterprise.id,
        userId: actor.userId,
        role: "owner",
        status: "pending",
        claimNote: input.claimNote,
      })
      .onConflictDoUpdate({
        target: [enterpriseMembers.enterpriseId, enterpriseMembers.userId],
        set: {
          status: "pending",
          claimNote: input.claimNote,
          decidedBy: null,
          decidedAt: null,
          createdAt: new Date(),
        },
      });
    await recordEnterpriseAudit(tx, ctx, {
      action: "enterprise.claim",
      enterpriseId: enterprise.id,
      after: { userId: actor.userId, claimNote: input.claimNote },
    });
    return enterprise.id;
  });
}

/** An officer approves or rejects a pending claim; the claimant learns the decision by e-mail. */
export async function decideClaim({
  ctx,
  enterpriseId,
  userId,
  form,
}: {
  ctx: ServiceContext;
  enterpriseId: number;
  userId: number;
  form: unknown;
}): Promise<"approve" | "reject"> {
  const officer = assertCan(ctx.actor, "enterprises.manage", ctx.province);
  const { decision } = parseInput(ClaimDecisionInput, form);
  const enterprise = await getEnterpriseInScope(ctx, enterpriseId);
  await ctx.db.transaction(async (tx) => {
    const [claim] = await tx
      .select({
        status: enterpriseMembers.status,
        email: users.email,
        fullName: users.fullName,
        locale: users.locale,
      })
      .from(enterpriseMembers)
      .innerJoin(users, eq(users.id, enterpriseMembers.userId))
      .where(and(eq(enterpriseMembers.enterpriseId, enterprise.id), eq(enterpriseMembers.userId, userId)))
      .for("update");
    if (!claim) throw new NotFoundError("enterprises.errors.claimNotFound");
    if (claim.status !== "pending") throw new ConflictError("enterprises.errors.claimDecided");
    // A person acts for one enterprise per portal: they may have registered another since claiming.
    const actingFor = await findActingEnterprise(tx, { ...officer, userId }, ctx.province.scopeIds);
    if (decision === "approve" && actingFor)
      throw new ConflictError("enterprises.errors.claimantHasEnterprise");
    const status = decision === "approve" ? "active" : "rejected";
    await tx
      .update(enterpriseMembers)
      .set({ status, decidedBy: officer.userId, decidedAt: new Date() })
      .where(and(eq(enterpriseMembers.enterpriseId, enterprise.id), eq(enterpriseMembers.userId, userId)));
    await recordEnterpriseAudit(tx, ctx, {
      action: decision === "approve" ? "enterprise.claim.approve" : "enterprise.claim.reject",
      enterpriseId: enterprise.id,
      before: { userId, status: "pending" },
      after: { userId, status },
    });
    // The claimant reads the decision in the language they chose for the portal.
    const t = createTranslator(claim.locale ?? "vi");
    const params = { name: enterprise.name, taxCode: enterprise.taxCode, person: claim.fullName };
    await queueMail(tx, {
      provinceId: ctx.province.id,
      to: claim.email,
      subject: t(`enterprises.mail.claim.${decision}.subject`, params),
      text: t(`enterprises.mail.claim.${decision}.body`, params),
    });
  });
  return decision;
}
