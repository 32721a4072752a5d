import { and, eq } from "drizzle-orm";
import { assertCan } from "../../../platform/authorization.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import { queueMail } from "../../../platform/mail.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { users } from "../../identity/schema.ts";
import { enterpriseChanged } from "../events.ts";
import { StatusChangeInput } from "../inputs.ts";
import { type EnterpriseStatus, enterpriseMembers, enterprises } from "../schema.ts";
import { getEnterpriseInScope, recordEnterpriseAudit } from "./enterprise-records.ts";

/** The registry's life cycle: an officer verifies a pending enterprise, suspends a verified one, and may lift it. */
const allowedTransitions: Readonly<Record<EnterpriseStatus, readonly EnterpriseStatus[]>> = {
  pending: ["verified"],
  verified: ["suspended"],
  suspended: ["verified"],
};

export function nextStatuses(status: EnterpriseStatus): readonly EnterpriseStatus[] {
  return allowedTransitions[status];
}

/**
 * Changes an enterprise's status with a reason (required to suspend), recorded on the row and in the audit
 * trail with the before/after image; every active member is told by e-mail.
 */
export async function setEnterpriseStatus({
  ctx,
  enterpriseId,
  form,
}: {
  ctx: ServiceContext;
  enterpriseId: number;
  form: unknown;
}): Promise<EnterpriseStatus> {
  const officer = assertCan(ctx.actor, "enterprises.manage", ctx.province);
  const input = parseInput(StatusChangeInput, form);
  const existing = await getEnterpriseInScope(ctx, enterpriseId);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(enterprises).where(eq(enterprises.id, existing.id)).for("update");
    if (!allowedTransitions[before!.status].includes(input.status)) {
      throw new ValidationError([
        {
          field: "status",
          messageKey: "enterprises.validation.transition",
          params: { from: before!.status, to: input.status },
        },
      ]);
    }
    const changedAt = new Date();
    const [after] = await tx
      .update(enterprises)
      .set({
        status: input.status,
        statusReason: input.reason || null,
        statusChangedAt: changedAt,
        statusChangedBy: officer.userId,
        updatedAt: changedAt,
      })
      .where(eq(enterprises.id, existing.id))
      .returning();
    await recordEnterpriseAudit(tx, ctx, {
      action: `enterprise.status.${input.status}`,
      enterpriseId: existing.id,
      before: { status: before!.status, statusReason: before!.statusReason },
      after: { status: after!.status, statusReason: after!.statusReason },
    });
    const members = await tx
      .select({ email: users.email, locale: users.locale })
      .from(enterpriseMembers)
      .innerJoin(users, eq(users.id, enterpriseMembers.userId))
      .where(and(eq(enterpriseMembers.enterpriseId, existing.id), eq(enterpriseMembers.status, "active")));
    for (const member of members) {
      const t = createTranslator(member.locale ?? "vi");
      const params = {
        name: existing.name,
        taxCode: existing.taxCode,
        status: t(`enterprises.status.${input.status}`),
        reason: input.reason || t("enterprises.mail.noReason"),
      };
      await queueMail(tx, {
        provinceId: ctx.province.id,
        to: member.email,
        subject: t("enterprises.mail.status.subject", params),
        text: t("enterprises.mail.status.body", params),
      });
    }
    await enterpriseChanged(tx, existing.id);
  });
  return input.status;
}
