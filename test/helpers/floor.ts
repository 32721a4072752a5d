import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../src/db/client.ts";
import { enterpriseMembers, enterprises } from "../../src/modules/enterprises/schema.ts";
import { calculateTaxCodeCheckDigit } from "../../src/modules/enterprises/tax-code.ts";
import { provinces } from "../../src/modules/geo/schema.ts";
import { users } from "../../src/modules/identity/schema.ts";
import { categories, storefronts } from "../../src/modules/marketplace/schema.ts";

let fixtureCount = 0;

/** A valid 10-digit tax code derived from `seed` (the check digit computed), for fixtures. */
export function fixtureTaxCode(seed: number): string {
  for (let offset = 0; offset < 100; offset += 1) {
    const firstNine = String(100_000_000 + ((seed * 7919 + offset) % 899_999_999)).slice(0, 9);
    const check = calculateTaxCodeCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
  throw new Error("no valid tax code");
}

export async function provinceIdOf(db: Executor, slug: string): Promise<number> {
  const [row] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, slug));
  if (!row) throw new Error(`no province ${slug}`);
  return row.id;
}

export async function userIdOf(db: Executor, email: string): Promise<number> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function categoryIdOf(db: Executor, slug: string): Promise<number> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (!row) throw new Error(`no category ${slug}`);
  return row.id;
}

/**
 * Inserts an enterprise of `province` (a hosted province's slug) directly, optionally with `memberEmail` as its
 * active owner and a storefront. For tests that need an enterprise without going through registration.
 */
export async function createEnterpriseFixture(
  db: Executor,
  options: {
    province: string;
    memberEmail?: string;
    name?: string;
    status?: "pending" | "verified" | "suspended";
    storefront?: "draft" | "pending" | "published" | "hidden" | null;
  },
): Promise<{ enterpriseId: number; storefrontId: number | null; taxCode: string }> {
  fixtureCount += 1;
  const provinceId = await provinceIdOf(db, options.province);
  const taxCode = fixtureTaxCode(fixtureCount * 1000 + provinceId);
  const name = options.name ?? `Công ty TNHH Thử nghiệm ${fixtureCount}`;
  const [enterprise] = await db
    .insert(enterprises)
    .values({
      provinceId,
      taxCode,
      name,
      nameEn: `Test Company ${fixtureCount} Ltd`,
      legalForm: "llc-multi-member",
      vsicSection: "G",
      productsDescription: "Thủy sản, nông sản",
      addressProvinceId: provinceId,
      status: options.status ?? "verified",
      source: "officer",
    })
    .returning({ id: enterprises.id });
  const enterpriseId = enterprise!.id;
  if (options.memberEmail) {
    const userId = await userIdOf(db, options.memberEmail);
    await db
      .delete(enterpriseMembers)
      .where(and(eq(enterpriseMembers.userId, userId), eq(enterpriseMembers.status, "active")));
    await db.insert(enterpriseMembers).values({ enterpriseId, userId, role: "owner", status: "active" });
  }
  let storefrontId: number | null = null;
  if (options.storefront) {
    const [row] = await db
      .insert(storefronts)
      .values({
        provinceId,
        enterpriseId,
        slug: `thu-nghiem-${fixtureCount}-${enterpriseId}`,
        introduction: `Giới thiệu ${name}`,
        status: options.storefront,
        publishedAt: options.storefront === "published" ? new Date() : null,
      })
      .returning({ id: storefronts.id });
    storefrontId = row!.id;
  }
  return { enterpriseId, storefrontId, taxCode };
}
