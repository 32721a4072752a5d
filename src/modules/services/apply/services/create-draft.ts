import { eq } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import { ForbiddenError, UnauthenticatedError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { findActingEnterprise } from "../../../enterprises/index.ts";
import { users } from "../../../identity/schema.ts";
import { dossiers } from "../../schema.ts";
import { chooseApplicantKind } from "../applicant-kind.ts";
import { normalizePhoneNumber } from "../inputs.ts";
import { findProcedureToApply } from "../queries.ts";

/**
 * Starts a dossier for the procedure's current version: a draft only its applicant sees, with the identity
 * prefilled from the account (and, for a representative, from the enterprise registry). The fee is the
 * version's online fee, fixed now so a later fee change does not alter what this applicant was shown.
 */
export async function createDraftDossier(input: {
  ctx: ServiceContext;
  procedureCode: string;
}): Promise<{ dossierId: number }> {
  const { ctx } = input;
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const { procedure, version } = await findProcedureToApply(ctx.db, ctx.province, input.procedureCode);
  const enterprise = await findActingEnterprise(ctx.db, actor, ctx.province.scopeIds);
  const choice = chooseApplicantKind({
    roles: actor.roles,
    hasActingEnterprise: enterprise !== null,
    allowedKinds: version.applicantKinds,
  });
  if (!choice.ok) throw new ForbiddenError(choice.messageKey);
  const [account] = await ctx.db.select({ phone: users.phone }).from(users).where(eq(users.id, actor.userId));
  const asEnterprise = choice.kind === "enterprise" && enterprise !== null;
  const typedPhone = (asEnterprise ? enterprise.phone : null) ?? account?.phone ?? "";
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dossiers)
      .values({
        provinceId: procedure.provinceId,
        procedureId: procedure.id,
        procedureVersionId: version.id,
        applicantUserId: actor.userId,
        enterpriseId: asEnterprise ? enterprise.id : null,
        applicantName: asEnterprise ? enterprise.name : actor.fullName,
        applicantTaxCode: asEnterprise ? enterprise.taxCode : null,
        applicantPhone: normalizePhoneNumber(typedPhone) ?? typedPhone,
        // Status e-mails go to the person who follows the dossier, not to the enterprise's general address.
        applicantEmail: actor.email,
        applicantAddress: asEnterprise ? enterprise.addressLine : "",
        channel: "online",
        deliveryMethod: "online",
        state: "draft",
        feeDong: version.onlineFeeDong,
      })
      .returning();
    await recordAudit(tx, {
      provinceId: procedure.provinceId,
      actorUserId: actor.userId,
      action: "dossier.draft.create",
      entityType: "dossier",
      entityId: row!.id,
      after: { procedureCode: procedure.code, versionId: version.id, enterpriseId: row!.enterpriseId },
      ipAddress: ctx.ipAddress,
    });
    return { dossierId: row!.id };
  });
}
