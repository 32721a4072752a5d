import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { auditLog } from "../../identity/schema.ts";
import { listingReports, products } from "../schema.ts";

let testApp: TestApp;
const province = "dong-thap";
let productId: number;
let productSlug: string;

beforeAll(async () => {
  testApp = await buildTestApp();
  const [found] = await testApp.database.db
    .execute<{ id: number; slug: string }>(
      sql`select p.id, p.slug from products p join provinces v on v.id = p.province_id
      join search_documents d on d.doc_type = 'product' and d.doc_id = p.id where v.slug = ${province}
      order by p.id limit 1`,
    )
    .then((result) => (result as unknown as { rows: { id: number; slug: string }[] }).rows);
  productId = found!.id;
  productSlug = found!.slug;
}, 60_000);
afterAll(() => testApp.close());

const form = (type: string, id: number) => `/${province}/report-listing?type=${type}&id=${id}`;

test("a visitor reports a public product: stored as an open report, audited, thanked on the product page", async () => {
  const visitor = new Browser(testApp.app);
  const page = await visitor.get(form("product", productId));
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("Hàng giả, hàng nhái");
  const response = await visitor.submit(form("product", productId), form("product", productId), {
    reason: "counterfeit",
    details: "Nhãn giống hệt sản phẩm của hợp tác xã khác.",
    email: "nguoi.phan.anh@example.vn",
  });
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(`/${province}/products/${productSlug}`);
  const [report] = await testApp.database.db
    .select()
    .from(listingReports)
    .where(and(eq(listingReports.listingType, "product"), eq(listingReports.listingId, productId)));
  expect(report).toMatchObject({
    reason: "counterfeit",
    status: "open",
    reporterEmail: "nguoi.phan.anh@example.vn",
  });
  const [audit] = await testApp.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "marketplace.report.create"), eq(auditLog.entityId, String(report!.id))));
  expect(audit).toBeDefined();
});

test("a report without a reason, or with a bad e-mail, comes back with 422 and stores nothing", async () => {
  const visitor = new Browser(testApp.app);
  const before = (await testApp.database.db.select().from(listingReports)).length;
  const response = await visitor.submit(form("product", productId), form("product", productId), {
    details: "Không rõ",
    email: "khong-phai-email",
  });
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain("Không rõ</textarea>");
  expect((await testApp.database.db.select().from(listingReports)).length).toBe(before);
});

test("listings that do not exist or are not public cannot be reported (404)", async () => {
  const visitor = new Browser(testApp.app);
  expect((await visitor.get(form("product", 999_999))).statusCode).toBe(404);
  expect((await visitor.get(`/${province}/report-listing?type=planet&id=1`)).statusCode).toBe(404);
  const [draft] = await testApp.database.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.status, "draft"))
    .limit(1);
  expect((await visitor.get(form("product", draft!.id))).statusCode).toBe(404);
  // A product of Bà Rịa – Vũng Tàu is not reported through the Đồng Tháp portal.
  const [other] = await testApp.database.db
    .execute<{ id: number }>(
      sql`select d.doc_id as id from search_documents d join provinces v on v.id = d.province_id
      where v.slug = 'ba-ria-vung-tau' and d.doc_type = 'product' limit 1`,
    )
    .then((result) => (result as unknown as { rows: { id: number }[] }).rows);
  expect((await visitor.get(form("product", other!.id))).statusCode).toBe(404);
});

test("reports are rate-limited per address", async () => {
  const visitor = new Browser(testApp.app);
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 7; attempt += 1) {
    const response = await visitor.submit(form("product", productId), form("product", productId), {
      reason: "other",
    });
    statuses.push(response.statusCode);
  }
  expect(statuses.slice(0, 5).every((status) => status === 303)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
});

test("an officer resolves a report and hides the listing in the same step, or dismisses one; both audited", async () => {
  const db = testApp.database.db;
  const officer = new Browser(testApp.app);
  await officer.signIn(province, `canbo@${province}.demo`);
  const queue = await officer.get(`/${province}/admin/moderation?tab=reports`);
  expect(queue.statusCode).toBe(200);
  const open = await db
    .select()
    .from(listingReports)
    .where(
      and(
        eq(listingReports.status, "open"),
        eq(listingReports.listingType, "product"),
        eq(listingReports.listingId, productId),
      ),
    )
    .orderBy(listingReports.id);
  expect(open.length).toBeGreaterThanOrEqual(2);
  expect(queue.body).toContain(`/admin/moderation/reports/${open[0]!.id}"`);
  const [first, second] = open;

  // Hiding without a reason is refused and leaves the report open.
  const page = `/${province}/admin/moderation/reports/${first!.id}`;
  const refused = await officer.submit(page, page, { outcome: "resolve", hide: "1", reason: "" });
  expect(refused.statusCode).toBe(422);
  expect((await db.select().from(listingReports).where(eq(listingReports.id, first!.id)))[0]!.status).toBe(
    "open",
  );

  const reason = "Sản phẩm có dấu hiệu hàng giả theo phản ánh của người mua.";
  const resolved = await officer.submit(page, page, { outcome: "resolve", hide: "1", reason });
  expect(resolved.statusCode).toBe(303);
  const [report] = await db.select().from(listingReports).where(eq(listingReports.id, first!.id));
  expect(report!.status).toBe("resolved");
  expect(report!.resolvedBy).not.toBeNull();
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  expect(product!.status).toBe("hidden");
  expect(product!.moderationReason).toBe(reason);
  const actions = (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2)).map(
    (row) => row.action,
  );
  expect(actions).toEqual(expect.arrayContaining(["marketplace.report.resolve", "marketplace.product.hide"]));

  // A closed report cannot be closed again.
  expect((await officer.submit(page, page, { outcome: "dismiss" })).statusCode).toBe(409);

  const secondPage = `/${province}/admin/moderation/reports/${second!.id}`;
  const dismissed = await officer.submit(secondPage, secondPage, { outcome: "dismiss" });
  expect(dismissed.statusCode).toBe(303);
  expect((await db.select().from(listingReports).where(eq(listingReports.id, second!.id)))[0]!.status).toBe(
    "dismissed",
  );
  const [audit] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "marketplace.report.dismiss"), eq(auditLog.entityId, String(second!.id))));
  expect(audit).toBeDefined();

  // Another province's officer cannot open it.
  const other = new Browser(testApp.app);
  await other.signIn("ba-ria-vung-tau", "canbo@ba-ria-vung-tau.demo");
  expect((await other.get(`/ba-ria-vung-tau/admin/moderation/reports/${second!.id}`)).statusCode).toBe(404);
});
