import type { Executor } from "../db/client.ts";
import { auditLog } from "../modules/identity/schema.ts";

export type AuditEntry = {
  provinceId: number | null;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  ipAddress?: string | undefined;
};

/** JSON cannot hold bigint; amounts in đồng are kept as decimal strings in the audit trail. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? inner.toString() : inner)),
  );
}

/** Writes the audit row; call it with the transaction that makes the change so both commit or neither. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    provinceId: entry.provinceId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: toJson(entry.before),
    after: toJson(entry.after),
    ipAddress: entry.ipAddress ?? null,
  });
}
