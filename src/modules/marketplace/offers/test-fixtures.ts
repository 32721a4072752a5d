// Fixtures for the offers, inquiries and opportunities tests: accounts, published products and offers written
// straight to the database (as the storefront and moderation services would leave them).
import { eq } from "drizzle-orm";
import { categoryIdOf, provinceIdOf } from "../../../../test/helpers/floor.ts";
import type { Executor } from "../../../db/client.ts";
import { demoPassword } from "../../../workflows/demo-data.ts";
import { insertUser } from "../../identity/services/create-user.ts";
import { offers, products, storefronts } from "../schema.ts";
import { refreshOfferDocument, refreshProductDocument } from "../search/documents.ts";

export async function createAccount(
  db: Executor,
  options: { province: string; email: string; fullName?: string },
): Promise<number> {
  return insertUser(db, {
    provinceId: await provinceIdOf(db, options.province),
    email: options.email,
    fullName: options.fullName ?? "Người dùng thử nghiệm",
    phone: null,
    password: demoPassword,
    unitId: null,
    roles: ["enterprise"],
  });
}

let productCount = 0;

export async function createPublishedProduct(
  db: Executor,
  options: { enterpriseId: number; province: string; category: string; name: string; description?: string },
): Promise<number> {
  productCount += 1;
  const [row] = await db
    .insert(products)
    .values({
      provinceId: await provinceIdOf(db, options.province),
      enterpriseId: options.enterpriseId,
      categoryId: await categoryIdOf(db, options.category),
      slug: `san-pham-${productCount}-${options.enterpriseId}`,
      name: options.name,
      description: options.description ?? "",
      unit: "kg",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: products.id });
  await refreshProductDocument(db, row!.id);
  return row!.id;
}

let offerCount = 0;

export async function createOfferRow(
  db: Executor,
  options: {
    enterpriseId: number;
    province: string;
    kind: "sell" | "buy";
    category: string;
    title: string;
    specification?: string;
    status?: "draft" | "pending" | "published" | "hidden" | "closed";
    expiresOn?: string;
    quantity?: number;
    unit?: string;
    publishedAt?: Date;
  },
): Promise<{ id: number; slug: string }> {
  offerCount += 1;
  const status = options.status ?? "published";
  const slug = `chao-${options.kind}-${offerCount}-${options.enterpriseId}`;
  const [row] = await db
    .insert(offers)
    .values({
      provinceId: await provinceIdOf(db, options.province),
      enterpriseId: options.enterpriseId,
      kind: options.kind,
      categoryId: await categoryIdOf(db, options.category),
      slug,
      title: options.title,
      specification: options.specification ?? "",
      quantity: options.quantity ?? 10,
      unit: options.unit ?? "tấn",
      expiresOn: options.expiresOn ?? new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      status,
      publishedAt: status === "published" ? (options.publishedAt ?? new Date()) : null,
    })
    .returning({ id: offers.id });
  await refreshOfferDocument(db, row!.id);
  return { id: row!.id, slug };
}

export async function setStorefrontContact(db: Executor, storefrontId: number, email: string): Promise<void> {
  await db.update(storefronts).set({ contactEmail: email }).where(eq(storefronts.id, storefrontId));
}
