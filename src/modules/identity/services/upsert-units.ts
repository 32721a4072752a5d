import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { units } from "../schema.ts";

export type UnitInput = {
  code: string;
  name: string;
  nameEn?: string | undefined;
  kind: "provincial" | "central" | "other";
};

/** Ensures the province has these units (by code) and returns code → id; existing units are left as they are. */
export async function upsertUnits(
  db: Executor,
  input: { provinceId: number; units: UnitInput[]; actorUserId: number | null },
): Promise<Map<string, number>> {
  const codes = [...new Set(input.units.map((unit) => unit.code))];
  if (codes.length === 0) return new Map();
  const inserted = await db
    .insert(units)
    .values(
      input.units.map((unit) => ({
        provinceId: input.provinceId,
        code: unit.code,
        name: unit.name,
        nameEn: unit.nameEn ?? null,
        kind: unit.kind,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const unit of inserted) {
    await recordAudit(db, {
      provinceId: input.provinceId,
      actorUserId: input.actorUserId,
      action: "unit.create",
      entityType: "unit",
      entityId: unit.id,
      after: unit,
    });
  }
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(and(eq(units.provinceId, input.provinceId), inArray(units.code, codes)));
  return new Map(rows.map((row) => [row.code, row.id]));
}
