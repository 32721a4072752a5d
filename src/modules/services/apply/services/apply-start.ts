import { and, desc, eq } from "drizzle-orm";
import { UnauthenticatedError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { findActingEnterprise } from "../../../enterprises/index.ts";
import { dossiers } from "../../schema.ts";
import { type ApplicantKindChoice, chooseApplicantKind } from "../applicant-kind.ts";
import { findProcedureToApply } from "../queries.ts";

export type ApplyStart = Awaited<ReturnType<typeof findProcedureToApply>> & {
  choice: ApplicantKindChoice;
  applicantName: string;
  /** Drafts this person already started for the procedure: continuing beats starting again. */
  existingDraftIds: number[];
};

/** The "before you start" page: the procedure, whether this person may apply and as whom. */
export async function getApplyStart(ctx: ServiceContext, procedureCode: string): Promise<ApplyStart> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const target = await findProcedureToApply(ctx.db, ctx.province, procedureCode);
  const enterprise = await findActingEnterprise(ctx.db, actor, ctx.province.scopeIds);
  const choice = chooseApplicantKind({
    roles: actor.roles,
    hasActingEnterprise: enterprise !== null,
    allowedKinds: target.version.applicantKinds,
  });
  const drafts = await ctx.db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.applicantUserId, actor.userId),
        eq(dossiers.procedureId, target.procedure.id),
        eq(dossiers.state, "draft"),
      ),
    )
    .orderBy(desc(dossiers.updatedAt))
    .limit(5);
  return {
    ...target,
    choice,
    applicantName: choice.ok && choice.kind === "enterprise" && enterprise ? enterprise.name : actor.fullName,
    existingDraftIds: drafts.map((row) => row.id),
  };
}
