import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { communes, provinces } from "../../geo/schema.ts";
import type { EnterpriseProfileInput } from "../inputs.ts";
import { enterprises } from "../schema.ts";
import { classifyEnterpriseSize } from "../size-class.ts";
import { isVsicSection, sectorGroupOfSection } from "../vsic.ts";
import type { EnterpriseRow } from "./membership.ts";

/** An enterprise of this portal (its province or the former provinces merged into it), or 404. */
export async function getEnterpriseInScope(
  ctx: ServiceContext,
  enterpriseId: number,
): Promise<EnterpriseRow> {
  const [row] = await ctx.db
    .select()
    .from(enterprises)
    .where(
      and(eq(enterprises.id, enterpriseId), inArray(enterprises.provinceId, [...ctx.province.scopeIds])),
    );
  if (!row) throw new NotFoundError("enterprises.errors.notFound");
  return row;
}

export async function findEnterpriseByTaxCode(
  db: Executor,
  scopeIds: readonly number[],
  taxCode: string,
): Promise<EnterpriseRow | null> {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.taxCode, taxCode), inArray(enterprises.provinceId, [...scopeIds])));
  return row ?? null;
}

/** Where an enterprise of this portal is based by default: the portal's province, or its successor if merged. */
export function defaultAddressProvinceId(ctx: ServiceContext): number {
  return ctx.province.status === "current"
    ? ctx.province.id
    : (ctx.province.successor?.id ?? ctx.province.id);
}

/**
 * Decree 80/2021/NĐ-CP Art. 5: the size class follows from the sector group of the main business line (Art. 6:
 * VSIC section A–F → agriculture, industry and construction; the others → trade and services), the headcount,
 * and either the revenue or the capital. Unknown figures leave the class unknown (null).
 */
export function computeSizeClass(row: {
  vsicSection: string;
  employees: number | null;
  revenueDong: bigint | null;
  capitalDong: bigint | null;
}): EnterpriseRow["sizeClass"] {
  if (!isVsicSection(row.vsicSection)) return null;
  return classifyEnterpriseSize({
    sectorGroup: sectorGroupOfSection(row.vsicSection),
    employees: row.employees,
    revenueDong: row.revenueDong,
    capitalDong: row.capitalDong,
  }).sizeClass;
}

/** The province must be a current one and the commune must belong to it; refused field by field otherwise. */
export async function checkAddress(
  db: Executor,
  input: Pick<EnterpriseProfileInput, "addressProvinceId" | "communeId">,
): Promise<void> {
  if (input.addressProvinceId !== null) {
    const [province] = await db
      .select({ status: provinces.status })
      .from(provinces)
      .where(eq(provinces.id, input.addressProvinceId));
    if (province?.status !== "current") {
      throw new ValidationError([
        { field: "addressProvinceId", messageKey: "enterprises.validation.province" },
      ]);
    }
  }
  if (input.communeId !== null) {
    const [commune] = await db
      .select({ provinceId: communes.provinceId })
      .from(communes)
      .where(eq(communes.id, input.communeId));
    if (!commune || commune.provinceId !== input.addressProvinceId) {
      throw new ValidationError([{ field: "communeId", messageKey: "enterprises.validation.commune" }]);
    }
  }
}

/** The values an audit row keeps of an enterprise (timestamps left out: they are in the audit row itself). */
export function auditImage(row: EnterpriseRow): Record<string, unknown> {
  const { createdAt: _created, updatedAt: _updated, importDigest: _digest, ...rest } = row;
  return rest;
}

export async function recordEnterpriseAudit(
  tx: Executor,
  ctx: ServiceContext,
  entry: { action: string; enterpriseId: number; before?: unknown; after?: unknown },
): Promise<void> {
  await recordAudit(tx, {
    provinceId: ctx.province.id,
    actorUserId: ctx.actor?.userId ?? null,
    action: entry.action,
    entityType: "enterprise",
    entityId: entry.enterpriseId,
    before: entry.before,
    after: entry.after,
    ipAddress: ctx.ipAddress,
  });
}
