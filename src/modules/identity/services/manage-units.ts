import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { UnitInput } from "../inputs.ts";
import { units } from "../schema.ts";

/** The units of the portal's own province, for its administrators. */
export async function getUnitsForAdmin({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx.actor, "units.manage", ctx.province);
  return ctx.db
    .select()
    .from(units)
    .where(eq(units.provinceId, ctx.province.id))
    .orderBy(asc(units.kind), asc(units.name));
}

export async function getUnitForEdit({ ctx, unitId }: { ctx: ServiceContext; unitId: number }) {
  assertCan(ctx.actor, "units.manage", ctx.province);
  const [unit] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.provinceId, ctx.province.id)));
  if (!unit) throw new NotFoundError();
  return unit;
}

/**
 * Adds a unit (unitId null) or renames one. Codes are unique in a province; a unit's new name shows at once
 * on public plan pages because its updated_at is part of their version.
 */
export async function saveUnit({
  ctx,
  unitId,
  form,
}: {
  ctx: ServiceContext;
  unitId: number | null;
  form: unknown;
}): Promise<number> {
  const actor = assertCan(ctx.actor, "units.manage", ctx.province);
  const input = parseInput(UnitInput, form);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.provinceId, ctx.province.id), eq(units.code, input.code)));
    if (clash && clash.id !== unitId) {
      throw new ValidationError([
        { field: "code", messageKey: "units.validation.codeTaken", params: { code: input.code } },
      ]);
    }
    if (unitId === null) {
      const [created] = await tx
        .insert(units)
        .values({ ...input, provinceId: ctx.province.id })
        .returning();
      await recordAudit(tx, {
        provinceId: ctx.province.id,
        actorUserId: actor.userId,
        action: "unit.create",
        entityType: "unit",
        entityId: created!.id,
        after: input,
        ipAddress: ctx.ipAddress,
      });
      return created!.id;
    }
    const [before] = await tx
      .select()
      .from(units)
      .where(and(eq(units.id, unitId), eq(units.provinceId, ctx.province.id)))
      .for("update");
    if (!before) throw new NotFoundError();
    await tx
      .update(units)
      .set({ ...input, updatedAt: sql`clock_timestamp()` })
      .where(eq(units.id, unitId));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "unit.update",
      entityType: "unit",
      entityId: unitId,
      before: { code: before.code, name: before.name, nameEn: before.nameEn, kind: before.kind },
      after: input,
      ipAddress: ctx.ipAddress,
    });
    return unitId;
  });
}
