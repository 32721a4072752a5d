import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { UpdateUserInput } from "../inputs.ts";
import { findUserInProvince } from "../queries.ts";
import { sessions, units, userRoles, users } from "../schema.ts";

/** An administrator changes a person's name, phone, roles, unit or status; disabling ends their sessions. */
export async function updateUser({
  ctx,
  userId,
  form,
}: {
  ctx: ServiceContext;
  userId: number;
  form: unknown;
}) {
  const actor = assertCan(ctx.actor, "users.manage", ctx.province);
  const input = parseInput(UpdateUserInput, form);
  const before = await findUserInProvince(ctx.db, ctx.province.id, userId);
  if (!before) throw new NotFoundError();
  if (
    // The operator runs the whole installation: a province administrator may neither grant that role
    // nor touch an account that holds it.
    (input.roles.includes("operator") || before.roles.includes("operator")) &&
    !actor.roles.has("operator")
  ) {
    throw new ValidationError([{ field: "roles", messageKey: "users.cannotGrantOperator" }]);
  }
  if (userId === actor.userId && (input.status === "disabled" || !input.roles.includes("admin"))) {
    throw new ValidationError([{ field: "roles", messageKey: "users.cannotDemoteSelf" }]);
  }
  await ctx.db.transaction(async (tx) => {
    if (input.unitId !== null) {
      const [unit] = await tx
        .select({ provinceId: units.provinceId })
        .from(units)
        .where(eq(units.id, input.unitId));
      if (unit?.provinceId !== ctx.province.id)
        throw new ValidationError([{ field: "unitId", messageKey: "validation.invalid" }]);
    }
    await tx
      .update(users)
      .set({ fullName: input.fullName, phone: input.phone, unitId: input.unitId, status: input.status })
      .where(eq(users.id, userId));
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    await tx.insert(userRoles).values([...new Set(input.roles)].map((role) => ({ userId, role })));
    if (input.status === "disabled") await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before: {
        fullName: before.fullName,
        phone: before.phone,
        unitId: before.unitId,
        status: before.status,
        roles: before.roles,
      },
      after: input,
      ipAddress: ctx.ipAddress,
    });
  });
}
