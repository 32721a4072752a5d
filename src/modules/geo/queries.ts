import { asc, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { HostedProvince } from "../../platform/request-context.ts";
import { provinces } from "./schema.ts";

export type ProvinceRow = typeof provinces.$inferSelect;

export type ProvinceSummary = {
  id: number;
  slug: string;
  name: string;
  kind: string;
  status: "current" | "former";
  gsoCode: string | null;
  changedOn: string | null;
  isHosted: boolean;
  successor: { id: number; slug: string; name: string; kind: string } | null;
  formerProvinces: { id: number; slug: string; name: string; gsoCode: string | null }[];
};

/** All provinces with who absorbed whom, in one query (97 rows). */
export async function listProvinces(db: Executor): Promise<ProvinceSummary[]> {
  const rows = await db.select().from(provinces).orderBy(asc(provinces.status), asc(provinces.name));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return rows.map((row) => {
    const successor = row.successorId ? byId.get(row.successorId) : undefined;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      status: row.status,
      gsoCode: row.gsoCode,
      changedOn: row.changedOn,
      isHosted: row.isHosted,
      successor: successor
        ? { id: successor.id, slug: successor.slug, name: successor.name, kind: successor.kind }
        : null,
      formerProvinces: rows
        .filter((other) => other.successorId === row.id)
        .map((other) => ({ id: other.id, slug: other.slug, name: other.name, gsoCode: other.gsoCode })),
    };
  });
}

/** This province and the former provinces merged into it: whose rows its portal and its roll-ups include. */
export function scopeOf(province: ProvinceSummary): number[] {
  return [province.id, ...province.formerProvinces.map((former) => former.id)];
}

export function toHostedProvince(province: ProvinceSummary): HostedProvince {
  return {
    id: province.id,
    slug: province.slug,
    name: province.name,
    kind: province.kind,
    status: province.status,
    successor: province.successor,
    changedOn: province.changedOn,
    scopeIds: scopeOf(province),
  };
}

export async function listHostedProvinces(db: Executor): Promise<HostedProvince[]> {
  return (await listProvinces(db)).filter((province) => province.isHosted).map(toHostedProvince);
}

export async function findProvinceBySlug(db: Executor, slug: string): Promise<ProvinceSummary | undefined> {
  return (await listProvinces(db)).find((province) => province.slug === slug);
}

export async function findProvinceIdsByGsoCodes(db: Executor, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: provinces.id, gsoCode: provinces.gsoCode })
    .from(provinces)
    .where(inArray(provinces.gsoCode, codes));
  return new Map(rows.map((row) => [row.gsoCode!, row.id]));
}
