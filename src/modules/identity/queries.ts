import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { executePrepared } from "../../db/prepared.ts";
import type { Actor } from "../../platform/request-context.ts";
import { auditLog, type Role, sessions, units, userRoles, users } from "./schema.ts";
import { hashToken } from "./tokens.ts";

/**
 * The actor behind a session cookie, if the session is live and the account active. Every signed-in request
 * runs this, so it is one prepared statement (see executePrepared).
 */
export async function findActorBySessionToken(db: Executor, token: string): Promise<Actor | undefined> {
  const [row] = await executePrepared<{
    userId: number;
    provinceId: number;
    unitId: number | null;
    fullName: string;
    email: string;
    roles: Role[];
  }>(
    db,
    "session",
    sql`select ${users.id} as "userId", ${users.provinceId} as "provinceId", ${users.unitId} as "unitId",
      ${users.fullName} as "fullName", ${users.email} as "email",
      coalesce((select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}') as "roles"
    from ${sessions} inner join ${users} on ${users.id} = ${sessions.userId}
    where ${sessions.tokenHash} = ${hashToken(token)} and ${sessions.expiresAt} > now() and ${users.status} = 'active'`,
  );
  if (!row) return undefined;
  return { ...row, roles: new Set(row.roles) };
}

export type UserListItem = {
  id: number;
  email: string;
  fullName: string;
  phone: string | null;
  status: "active" | "disabled";
  unitId: number | null;
  unitName: string | null;
  roles: Role[];
  createdAt: Date;
  lastSignInAt: Date | null;
};

export async function listUsers(
  db: Executor,
  provinceId: number,
  page: { limit: number; offset: number },
): Promise<{ items: UserListItem[]; total: number }> {
  const where = eq(users.provinceId, provinceId);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      phone: users.phone,
      status: users.status,
      unitId: users.unitId,
      unitName: units.name,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(users.fullName))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(users).where(where);
  const roleRows = rows.length
    ? await db
        .select()
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return {
    items: rows.map((row) => ({
      ...row,
      roles: roleRows.filter((role) => role.userId === row.id).map((role) => role.role),
    })),
    total: count?.total ?? 0,
  };
}

export async function findUserInProvince(db: Executor, provinceId: number, userId: number) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.provinceId, provinceId)));
  if (!user) return undefined;
  const roleRows = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return { ...user, roles: roleRows.map((row) => row.role) };
}

export async function findUserByEmail(db: Executor, provinceId: number, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.provinceId, provinceId), sql`lower(${users.email}) = ${email.toLowerCase()}`));
  return user;
}

export async function listUnits(db: Executor, provinceIds: readonly number[]) {
  return db
    .select()
    .from(units)
    .where(inArray(units.provinceId, [...provinceIds]))
    .orderBy(asc(units.kind), asc(units.name));
}

export type AuditListItem = typeof auditLog.$inferSelect & { actorName: string | null };

export async function listAuditEntries(
  db: Executor,
  provinceId: number,
  page: { limit: number; offset: number },
): Promise<{ items: AuditListItem[]; total: number }> {
  const where = eq(auditLog.provinceId, provinceId);
  const items = await db
    .select({
      id: auditLog.id,
      provinceId: auditLog.provinceId,
      actorUserId: auditLog.actorUserId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ipAddress: auditLog.ipAddress,
      createdAt: auditLog.createdAt,
      actorName: users.fullName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { items, total: count?.total ?? 0 };
}

/** Of these unit ids, the ones that belong to the province (other modules check links through this). */
export async function findUnitIdsInProvince(
  db: Executor,
  provinceId: number,
  unitIds: readonly number[],
): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.provinceId, provinceId), inArray(units.id, [...unitIds])));
  return rows.map((row) => row.id);
}

/** When a province's units last changed: part of the version of public pages that show unit names. */
export async function findUnitsVersion(db: Executor, provinceIds: readonly number[]): Promise<string> {
  const [row] = await db
    .select({ version: sql<string | null>`max(${units.updatedAt})::text` })
    .from(units)
    .where(inArray(units.provinceId, [...provinceIds]));
  return row?.version ?? "none";
}
