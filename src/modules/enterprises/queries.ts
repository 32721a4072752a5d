import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { assertCan } from "../../platform/authorization.ts";
import type { ServiceContext } from "../../platform/request-context.ts";
import { foldVietnamese } from "../../platform/text.ts";
import { communes, provinces } from "../geo/schema.ts";
import { auditLog, users } from "../identity/schema.ts";
import { enterpriseMembers, enterpriseStatuses, enterprises, sizeClasses } from "./schema.ts";
import { findPendingClaim } from "./services/claim-enterprise.ts";
import { getEnterpriseInScope } from "./services/enterprise-records.ts";
import { type EnterpriseRow, findActingEnterprise } from "./services/membership.ts";
import { assertRepresentative } from "./services/register-enterprise.ts";
import { isVsicSection } from "./vsic.ts";

export type Page<Item> = { items: Item[]; total: number; page: number; pageCount: number };

/** "%text%" for ILIKE with the user's wildcards escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Name (without diacritics, over the trigram index on fold_vietnamese(name)) or tax code prefix. */
export function nameOrTaxCodeMatches(query: string): SQL | undefined {
  const folded = foldVietnamese(query);
  if (!folded) return undefined;
  // A tax code is searched by prefix, and only when the query looks like one ("3500", "3500 123 456").
  const digits = folded.replace(/[\s.]/g, "");
  return or(
    ilike(sql`fold_vietnamese(${enterprises.name})`, likePattern(folded)),
    ilike(sql`fold_vietnamese(coalesce(${enterprises.nameEn}, ''))`, likePattern(folded)),
    /^\d[\d-]{2,13}$/.test(digits) ? ilike(enterprises.taxCode, `${digits}%`) : undefined,
  );
}

export async function listCurrentProvinces(db: Executor): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: provinces.id, name: provinces.name })
    .from(provinces)
    .where(eq(provinces.status, "current"))
    .orderBy(asc(provinces.name));
}

export async function listCommunesOf(
  db: Executor,
  provinceId: number,
): Promise<{ id: number; name: string; kind: string; formerDistrict: string | null }[]> {
  return db
    .select({
      id: communes.id,
      name: communes.name,
      kind: communes.kind,
      formerDistrict: communes.formerDistrict,
    })
    .from(communes)
    .where(eq(communes.provinceId, provinceId))
    .orderBy(asc(communes.name));
}

export type OfficerFilters = { q: string; status: string; sizeClass: string; section: string };

export function readOfficerFilters(query: Record<string, string | undefined>): OfficerFilters {
  const pick = (value: string | undefined, allowed: readonly string[]) =>
    value && allowed.includes(value) ? value : "";
  return {
    q: (query.q ?? "").trim().slice(0, 200),
    status: pick(query.status, enterpriseStatuses),
    sizeClass: pick(query.sizeClass, [...sizeClasses, "unknown"]),
    section: query.section && isVsicSection(query.section) ? query.section : "",
  };
}

export const OFFICER_PAGE_SIZE = 25;

export async function listEnterprisesForOfficer(
  ctx: ServiceContext,
  filters: OfficerFilters,
  page: number,
): Promise<Page<EnterpriseRow>> {
  assertCan(ctx.actor, "enterprises.read", ctx.province);
  const conditions: (SQL | undefined)[] = [inArray(enterprises.provinceId, [...ctx.province.scopeIds])];
  if (filters.status) conditions.push(eq(enterprises.status, filters.status as EnterpriseRow["status"]));
  if (filters.sizeClass === "unknown") conditions.push(sql`${enterprises.sizeClass} is null`);
  else if (filters.sizeClass)
    conditions.push(eq(enterprises.sizeClass, filters.sizeClass as NonNullable<EnterpriseRow["sizeClass"]>));
  if (filters.section) conditions.push(eq(enterprises.vsicSection, filters.section));
  if (filters.q) conditions.push(nameOrTaxCodeMatches(filters.q));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(enterprises).where(where);
  const items = await ctx.db
    .select()
    .from(enterprises)
    .where(where)
    .orderBy(asc(sql`fold_vietnamese(${enterprises.name})`), asc(enterprises.id))
    .limit(OFFICER_PAGE_SIZE)
    .offset((page - 1) * OFFICER_PAGE_SIZE);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / OFFICER_PAGE_SIZE)) };
}

export type ClaimRow = {
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  userId: number;
  fullName: string;
  email: string;
  claimNote: string | null;
  createdAt: Date;
};

export async function listPendingClaims(ctx: ServiceContext, enterpriseId?: number): Promise<ClaimRow[]> {
  assertCan(ctx.actor, "enterprises.read", ctx.province);
  return ctx.db
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      taxCode: enterprises.taxCode,
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      claimNote: enterpriseMembers.claimNote,
      createdAt: enterpriseMembers.createdAt,
    })
    .from(enterpriseMembers)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseMembers.enterpriseId))
    .innerJoin(users, eq(users.id, enterpriseMembers.userId))
    .where(
      and(
        eq(enterpriseMembers.status, "pending"),
        inArray(enterprises.provinceId, [...ctx.province.scopeIds]),
        enterpriseId === undefined ? undefined : eq(enterprises.id, enterpriseId),
      ),
    )
    .orderBy(asc(enterpriseMembers.createdAt));
}

export type MemberRow = {
  userId: number;
  fullName: string;
  email: string;
  role: string;
  status: string;
  claimNote: string | null;
  createdAt: Date;
};
export type HistoryRow = {
  id: number;
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};
export type EnterpriseDetail = {
  enterprise: EnterpriseRow;
  members: MemberRow[];
  history: HistoryRow[];
  commune: string | null;
  addressProvince: string | null;
};

async function placeNames(db: Executor, enterprise: EnterpriseRow) {
  const [commune] = enterprise.communeId
    ? await db
        .select({ name: communes.name, kind: communes.kind })
        .from(communes)
        .where(eq(communes.id, enterprise.communeId))
    : [];
  const [province] = enterprise.addressProvinceId
    ? await db
        .select({ name: provinces.name })
        .from(provinces)
        .where(eq(provinces.id, enterprise.addressProvinceId))
    : [];
  return {
    commune: commune ? `${commune.kind} ${commune.name}` : null,
    addressProvince: province?.name ?? null,
  };
}

/** Everything an officer sees about one enterprise: the record, its people, and its audit trail. */
export async function getEnterpriseDetail(
  ctx: ServiceContext,
  enterpriseId: number,
): Promise<EnterpriseDetail> {
  assertCan(ctx.actor, "enterprises.read", ctx.province);
  const enterprise = await getEnterpriseInScope(ctx, enterpriseId);
  const members = await ctx.db
    .select({
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      role: enterpriseMembers.role,
      status: enterpriseMembers.status,
      claimNote: enterpriseMembers.claimNote,
      createdAt: enterpriseMembers.createdAt,
    })
    .from(enterpriseMembers)
    .innerJoin(users, eq(users.id, enterpriseMembers.userId))
    .where(eq(enterpriseMembers.enterpriseId, enterprise.id))
    .orderBy(asc(enterpriseMembers.createdAt));
  const history = await ctx.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: users.fullName,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.entityType, "enterprise"),
        eq(auditLog.entityId, String(enterprise.id)),
        inArray(auditLog.provinceId, [...ctx.province.scopeIds]),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(200);
  return { enterprise, members, history, ...(await placeNames(ctx.db, enterprise)) };
}

export async function getPublicPlaceNames(db: Executor, enterprise: EnterpriseRow) {
  return placeNames(db, enterprise);
}

export type MyEnterpriseState =
  | { kind: "member"; enterprise: EnterpriseRow; commune: string | null; addressProvince: string | null }
  | { kind: "pendingClaim"; claim: { enterpriseId: number; name: string; taxCode: string; createdAt: Date } }
  | { kind: "none" };

/** What the representative's page shows: their enterprise, their claim waiting for an officer, or nothing yet. */
export async function getMyEnterprise(ctx: ServiceContext): Promise<MyEnterpriseState> {
  const actor = assertRepresentative(ctx);
  const enterprise = await findActingEnterprise(ctx.db, actor, ctx.province.scopeIds);
  if (enterprise) return { kind: "member", enterprise, ...(await placeNames(ctx.db, enterprise)) };
  const claim = await findPendingClaim(ctx, actor);
  return claim ? { kind: "pendingClaim", claim } : { kind: "none" };
}
