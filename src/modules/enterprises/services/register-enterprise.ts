import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  UnauthenticatedError,
  ValidationError,
} from "../../../platform/errors.ts";
import type { Actor, ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { EnterpriseProfileInput, RegisterEnterpriseInput } from "../inputs.ts";
import { enterpriseMembers, enterprises } from "../schema.ts";
import { findPendingClaim } from "./claim-enterprise.ts";
import {
  auditImage,
  checkAddress,
  computeSizeClass,
  defaultAddressProvinceId,
  findEnterpriseByTaxCode,
  recordEnterpriseAudit,
} from "./enterprise-records.ts";
import { findActingEnterprise } from "./membership.ts";

/** Only people who signed up as enterprise representatives register or claim enterprises. */
export function assertRepresentative(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new UnauthenticatedError();
  if (!ctx.actor.roles.has("enterprise")) throw new ForbiddenError("enterprises.errors.notRepresentative");
  return ctx.actor;
}

/** A representative acts for one enterprise per portal, and may not register while a claim waits. */
export async function assertFreeToActFor(ctx: ServiceContext, actor: Actor): Promise<void> {
  if (await findActingEnterprise(ctx.db, actor, ctx.province.scopeIds)) {
    throw new ConflictError("enterprises.errors.alreadyMember");
  }
  if (await findPendingClaim(ctx, actor)) throw new ConflictError("enterprises.errors.claimPending");
}

/**
 * A representative registers an enterprise by its tax code: it is created pending (an officer verifies it) with
 * the representative as its active owner. A tax code already in the portal's registry is refused: the person
 * claims that record instead (the page offers the claim link).
 */
export async function registerEnterprise({
  ctx,
  form,
}: {
  ctx: ServiceContext;
  form: unknown;
}): Promise<number> {
  const actor = assertRepresentative(ctx);
  // Both parts are checked before refusing, so the form lists every problem at once.
  const issues: FieldIssue[] = [];
  const attempt = <T>(parse: () => T): T | null => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
      return null;
    }
  };
  const registration = attempt(() => parseInput(RegisterEnterpriseInput, form));
  const profile = attempt(() =>
    parseInput(EnterpriseProfileInput, {
      addressProvinceId: String(defaultAddressProvinceId(ctx)),
      ...(form as Record<string, unknown>),
    }),
  );
  if (!registration || !profile) throw new ValidationError(issues);
  const { taxCode } = registration;
  await checkAddress(ctx.db, profile);
  await assertFreeToActFor(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    if (await findEnterpriseByTaxCode(tx, ctx.province.scopeIds, taxCode)) {
      throw new ValidationError([
        { field: "taxCode", messageKey: "enterprises.errors.taxCodeExists", params: { taxCode } },
      ]);
    }
    const [created] = await tx
      .insert(enterprises)
      .values({
        ...profile,
        provinceId: ctx.province.id,
        taxCode,
        sizeClass: computeSizeClass(profile),
        status: "pending",
        source: "registration",
      })
      .returning();
    await tx
      .insert(enterpriseMembers)
      .values({ enterpriseId: created!.id, userId: actor.userId, role: "owner", status: "active" });
    await recordEnterpriseAudit(tx, ctx, {
      action: "enterprise.register",
      enterpriseId: created!.id,
      after: auditImage(created!),
    });
    return created!.id;
  });
}
