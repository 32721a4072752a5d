import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { categoryIdOf, createEnterpriseFixture, provinceIdOf } from "../../../../test/helpers/floor.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import { createAccount } from "../offers/test-fixtures.ts";
import { offers, products, searchDocuments, storefronts } from "../schema.ts";
import { refreshProductDocument } from "../search/documents.ts";

let testApp: TestApp;
const province = "ba-ria-vung-tau";
const base = `/${province}/admin/moderation`;
let officer: Browser;
let sellerEmail: string;
let enterpriseId: number;
let storefrontId: number;

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  sellerEmail = "chu.doanh.nghiep@kiemduyet.test";
  await createAccount(db, { province, email: sellerEmail });
  const fixture = await createEnterpriseFixture(db, {
    province,
    memberEmail: sellerEmail,
    name: "Công ty TNHH Thủy sản Kiểm Duyệt",
    storefront: "pending",
  });
  enterpriseId = fixture.enterpriseId;
  storefrontId = fixture.storefrontId!;
  officer = new Browser(testApp.app);
  await officer.signIn(province, `canbo@${province}.demo`);
}, 60_000);
afterAll(() => testApp.close());

let productCount = 0;
async function insertProduct(
  options: {
    status?: "draft" | "pending" | "published" | "hidden";
    enterprise?: number;
    provinceSlug?: string;
  } = {},
) {
  productCount += 1;
  const db = testApp.database.db;
  const [row] = await db
    .insert(products)
    .values({
      provinceId: await provinceIdOf(db, options.provinceSlug ?? province),
      enterpriseId: options.enterprise ?? enterpriseId,
      categoryId: await categoryIdOf(db, "tom"),
      slug: `tom-kiem-duyet-${productCount}-${Date.now()}`,
      name: `Tôm sú kiểm duyệt ${productCount}`,
      description: "Tôm sú đông lạnh size 16/20",
      unit: "kg",
      status: options.status ?? "pending",
      publishedAt: options.status === "published" ? new Date() : null,
    })
    .returning({ id: products.id });
  return row!.id;
}

async function lastAudit(action: string) {
  const [row] = await testApp.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

async function hasDocument(docType: "product" | "offer" | "enterprise", docId: number) {
  const rows = await testApp.database.db
    .select({ verified: searchDocuments.verified })
    .from(searchDocuments)
    .where(and(eq(searchDocuments.docType, docType), eq(searchDocuments.docId, docId)));
  return rows[0] ?? null;
}

describe("the moderation queue", () => {
  test("lists pending products oldest first, with enterprise, category and a link to review; needs marketplace.moderate", async () => {
    const older = await insertProduct();
    const newer = await insertProduct();
    const db = testApp.database.db;
    // Submitted before anything of the demo floor, so both are on the first page, in this order.
    await db
      .update(products)
      .set({ updatedAt: new Date("2025-01-02T03:00:00Z") })
      .where(eq(products.id, older));
    await db
      .update(products)
      .set({ updatedAt: new Date("2025-01-03T03:00:00Z") })
      .where(eq(products.id, newer));
    const page = await officer.get(`${base}?tab=products`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Công ty TNHH Thủy sản Kiểm Duyệt");
    expect(page.body).toContain("Tôm");
    expect(page.body).toContain("02/01/2025");
    // The review page shows what the owner declared.
    const review = await officer.get(`${base}/product/${older}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain("<dt>Đơn vị tính</dt><dd>kg</dd>");
    expect(review.body).toContain("<dt>Giá</dt><dd>Liên hệ</dd>");
    expect(review.body).toContain("Tôm sú đông lạnh size 16/20");
    const olderAt = page.body.indexOf(`/product/${older}"`);
    const newerAt = page.body.indexOf(`/product/${newer}"`);
    expect(olderAt).toBeGreaterThan(-1);
    expect(newerAt).toBeGreaterThan(olderAt);

    const citizen = new Browser(testApp.app);
    await citizen.signIn(province, `congdan@${province}.demo`);
    expect((await citizen.get(base)).statusCode).toBe(403);
    const seller = new Browser(testApp.app);
    await seller.signIn(province, `doanhnghiep@${province}.demo`);
    expect((await seller.get(base)).statusCode).toBe(403);
  });

  test("the published tab searches without diacritics", async () => {
    const id = await insertProduct({ status: "published" });
    const found = await officer.get(
      `${base}?tab=published&type=product&q=${encodeURIComponent("tom su kiem duyet")}`,
    );
    expect(found.body).toContain(`/product/${id}"`);
    const notFound = await officer.get(`${base}?tab=published&type=product&q=khong-co-gi-nhu-vay`);
    expect(notFound.body).not.toContain(`/product/${id}"`);
  });
});

describe("decisions", () => {
  test("publish: pending → published with publishedAt, audit row, search document, mail to the enterprise", async () => {
    const id = await insertProduct();
    const response = await officer.submit(`${base}/product/${id}`, `${base}/product/${id}/publish`, {});
    expect(response.statusCode).toBe(303);
    const [row] = await testApp.database.db.select().from(products).where(eq(products.id, id));
    expect(row!.status).toBe("published");
    expect(row!.publishedAt).not.toBeNull();
    const audit = await lastAudit("marketplace.product.publish");
    expect(audit?.entityId).toBe(String(id));
    expect(audit?.before).toMatchObject({ status: "pending" });
    expect(audit?.after).toMatchObject({ status: "published" });
    expect(await hasDocument("product", id)).not.toBeNull();
    const [mail] = await testApp.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.recipient, `%${sellerEmail}%`))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    expect(mail?.subject).toContain("Đã duyệt đăng");
    expect(mail?.bodyText).toContain(`Tôm sú kiểm duyệt`);
  });

  test("hide needs a reason: without one the form comes back with 422 and nothing changes; with one the listing leaves the floor, shows in the hidden tab, and can be restored", async () => {
    const id = await insertProduct({ status: "published" });
    // The document a publish would have made.
    await refreshProductDocument(testApp.database.db, id);
    expect(await hasDocument("product", id)).not.toBeNull();

    const refused = await officer.submit(`${base}/product/${id}`, `${base}/product/${id}/hide`, {
      reason: "",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Vui lòng nêu lý do ẩn tin.");
    const tooShort = await officer.submit(`${base}/product/${id}`, `${base}/product/${id}/hide`, {
      reason: "sai",
    });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.body).toContain("sai</textarea>");
    let [row] = await testApp.database.db.select().from(products).where(eq(products.id, id));
    expect(row!.status).toBe("published");

    const reason = "Ảnh và mô tả không đúng với sản phẩm thực tế.";
    const hidden = await officer.submit(`${base}/product/${id}`, `${base}/product/${id}/hide`, { reason });
    expect(hidden.statusCode).toBe(303);
    [row] = await testApp.database.db.select().from(products).where(eq(products.id, id));
    expect(row!.status).toBe("hidden");
    expect(row!.moderationReason).toBe(reason);
    expect(await hasDocument("product", id)).toBeNull();
    const audit = await lastAudit("marketplace.product.hide");
    expect(audit?.after).toMatchObject({ status: "hidden", reason });
    const [mail] = await testApp.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.recipient, `%${sellerEmail}%`))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    expect(mail?.bodyText).toContain(reason);
    const hiddenTab = await officer.get(`${base}?tab=hidden&type=product`);
    expect(hiddenTab.body).toContain(`/product/${id}"`);
    expect(hiddenTab.body).toContain(reason);

    // Restore: hidden → published, the reason cleared, the document back.
    const restored = await officer.submit(`${base}/product/${id}`, `${base}/product/${id}/restore`, {});
    expect(restored.statusCode).toBe(303);
    [row] = await testApp.database.db.select().from(products).where(eq(products.id, id));
    expect(row!.status).toBe("published");
    expect(row!.moderationReason).toBeNull();
    expect(await hasDocument("product", id)).not.toBeNull();
    expect(await lastAudit("marketplace.product.restore")).toBeDefined();
  });

  test("illegal transitions are refused with a clear message (409) and change nothing", async () => {
    const draft = await insertProduct({ status: "draft" });
    const response = await officer.submit(`${base}/product/${draft}`, `${base}/product/${draft}/publish`, {});
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("Không thể thực hiện");
    expect(response.body).toContain("Bản nháp");
    const published = await insertProduct({ status: "published" });
    const restore = await officer.submit(
      `${base}/product/${published}`,
      `${base}/product/${published}/restore`,
      {},
    );
    expect(restore.statusCode).toBe(409);
    const [row] = await testApp.database.db.select().from(products).where(eq(products.id, draft));
    expect(row!.status).toBe("draft");
  });

  test("a listing of an enterprise that is not verified cannot be published", async () => {
    const db = testApp.database.db;
    const unverified = await createEnterpriseFixture(db, { province, status: "pending" });
    const id = await insertProduct({ enterprise: unverified.enterpriseId });
    const response = await officer.submit(`${base}/product/${id}`, `${base}/product/${id}/publish`, {});
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("chưa được xác minh");
    const [row] = await db.select().from(products).where(eq(products.id, id));
    expect(row!.status).toBe("pending");
  });

  test("storefront: publish, then grant and revoke the badge; every document of the enterprise copies it", async () => {
    const db = testApp.database.db;
    const productId = await insertProduct({ status: "published" });
    expect(
      (
        await officer.submit(
          `${base}/storefront/${storefrontId}`,
          `${base}/storefront/${storefrontId}/publish`,
          {},
        )
      ).statusCode,
    ).toBe(303);
    expect(await hasDocument("enterprise", enterpriseId)).toMatchObject({ verified: false });
    const granted = await officer.submit(
      `${base}/storefront/${storefrontId}`,
      `${base}/storefront/${storefrontId}/grant-badge`,
      {},
    );
    expect(granted.statusCode).toBe(303);
    const [storefront] = await db.select().from(storefronts).where(eq(storefronts.id, storefrontId));
    expect(storefront!.badgeGrantedAt).not.toBeNull();
    expect(storefront!.badgeGrantedBy).not.toBeNull();
    expect(await hasDocument("enterprise", enterpriseId)).toMatchObject({ verified: true });
    expect(await hasDocument("product", productId)).toMatchObject({ verified: true });
    expect(await lastAudit("marketplace.storefront.badge.grant")).toMatchObject({
      entityId: String(storefrontId),
    });
    const page = await officer.get(`${base}/storefront/${storefrontId}`);
    expect(page.body).toContain("Đã xác thực bởi Sở Công Thương");

    // Granting twice is refused.
    expect(
      (
        await officer.submit(
          `${base}/storefront/${storefrontId}`,
          `${base}/storefront/${storefrontId}/grant-badge`,
          {},
        )
      ).statusCode,
    ).toBe(409);
    const revoked = await officer.submit(
      `${base}/storefront/${storefrontId}`,
      `${base}/storefront/${storefrontId}/revoke-badge`,
      {},
    );
    expect(revoked.statusCode).toBe(303);
    expect(await hasDocument("product", productId)).toMatchObject({ verified: false });
    expect(await lastAudit("marketplace.storefront.badge.revoke")).toBeDefined();
  });

  test("publishing a buy offer runs matching in the same step; an expired offer cannot be published", async () => {
    const db = testApp.database.db;
    const provinceId = await provinceIdOf(db, province);
    const categoryId = await categoryIdOf(db, "tom");
    const future = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const [offer] = await db
      .insert(offers)
      .values({
        provinceId,
        enterpriseId,
        kind: "buy",
        categoryId,
        slug: `can-mua-tom-${Date.now()}`,
        title: "Cần mua tôm sú size 16/20",
        specification: "Tôm sú đông lạnh",
        quantity: 10,
        unit: "tấn",
        expiresOn: future,
        status: "pending",
      })
      .returning({ id: offers.id });
    const response = await officer.submit(
      `${base}/offer/${offer!.id}`,
      `${base}/offer/${offer!.id}/publish`,
      {},
    );
    expect(response.statusCode).toBe(303);
    const [row] = await db.select().from(offers).where(eq(offers.id, offer!.id));
    expect(row!.status).toBe("published");
    expect(await hasDocument("offer", offer!.id)).not.toBeNull();
    expect(await lastAudit("marketplace.offer.publish")).toMatchObject({ entityId: String(offer!.id) });

    const [expired] = await db
      .insert(offers)
      .values({
        provinceId,
        enterpriseId,
        kind: "sell",
        categoryId,
        slug: `chao-ban-tom-het-han-${Date.now()}`,
        title: "Chào bán tôm sú",
        quantity: 1,
        unit: "tấn",
        expiresOn: "2024-01-31",
        status: "pending",
      })
      .returning({ id: offers.id });
    const refused = await officer.submit(
      `${base}/offer/${expired!.id}`,
      `${base}/offer/${expired!.id}/publish`,
      {},
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("31/01/2024");
  });
});

describe("another province's officer", () => {
  test("cannot see or decide anything of this province (Đồng Tháp officer, Bà Rịa – Vũng Tàu listing)", async () => {
    const id = await insertProduct();
    const dongThap = new Browser(testApp.app);
    await dongThap.signIn("dong-thap", "canbo@dong-thap.demo");
    // Through the Đồng Tháp portal: the listing is not of this province → 404.
    expect((await dongThap.get(`/dong-thap/admin/moderation/product/${id}`)).statusCode).toBe(404);
    const attempt = await dongThap.submit(
      "/dong-thap/admin/moderation?tab=products",
      `/dong-thap/admin/moderation/product/${id}/publish`,
      {},
    );
    expect(attempt.statusCode).toBe(404);
    // The Đồng Tháp queue does not list it.
    expect((await dongThap.get("/dong-thap/admin/moderation?tab=products")).body).not.toContain(
      `/product/${id}"`,
    );
    // Through the Bà Rịa – Vũng Tàu portal the account is a visitor there: no queue, no decision.
    const queue = await dongThap.get(base);
    expect([303, 401, 403]).toContain(queue.statusCode);
    const [row] = await testApp.database.db.select().from(products).where(eq(products.id, id));
    expect(row!.status).toBe("pending");
  });

  test("the service itself refuses an actor of another province (ForbiddenError), whatever the route", async () => {
    const { decideListing } = await import("./decide.ts");
    const id = await insertProduct();
    const db = testApp.database.db;
    const hosted = testApp.app.hostedProvinces();
    const brvt = hosted.find((item) => item.slug === province)!;
    const dongThapId = await provinceIdOf(db, "dong-thap");
    await expect(
      decideListing({
        ctx: {
          db,
          province: brvt,
          actor: {
            userId: 1,
            provinceId: dongThapId,
            unitId: null,
            fullName: "Cán bộ Đồng Tháp",
            email: "canbo@dong-thap.demo",
            roles: new Set(["officer"]),
          },
        },
        type: "product",
        id,
        decision: "publish",
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});
