import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { categoryIdOf, createEnterpriseFixture, provinceIdOf } from "../../../../test/helpers/floor.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { formatVnd } from "../../../platform/vn-format.ts";
import { productCertificates, productImages, products, searchDocuments } from "../schema.ts";
import { refreshProductDocument } from "../search/documents.ts";
import { countAudits, countStoredFiles, jsonLdOf, pngImage, postMultipart } from "./testing.ts";

const dt = "dong-thap";
let testApp: TestApp;
let seller: Browser;
let rival: Browser;
let coffee: number;
let enterpriseA: number;
let storefrontSlug: string;
const db = () => testApp.database.db;

beforeAll(async () => {
  testApp = await buildTestApp();
  const a = await createEnterpriseFixture(db(), {
    province: dt,
    memberEmail: `doanhnghiep@${dt}.demo`,
    name: "Công ty Cổ phần Cà phê Tháp Mười",
    storefront: "published",
  });
  enterpriseA = a.enterpriseId;
  await createEnterpriseFixture(db(), {
    province: dt,
    memberEmail: `congdan@${dt}.demo`,
    storefront: "published",
  });
  seller = new Browser(testApp.app);
  rival = new Browser(testApp.app);
  await seller.signIn(dt, `doanhnghiep@${dt}.demo`);
  await rival.signIn(dt, `congdan@${dt}.demo`);
  coffee = await categoryIdOf(db(), "ca-phe");
  storefrontSlug = /href="\/dong-thap\/storefronts\/([^"]+)"/.exec(
    (await seller.get(`/${dt}/my/storefront`)).body,
  )![1]!;
});
afterAll(() => testApp.close());

const productRow = async (id: number) => (await db().select().from(products).where(eq(products.id, id)))[0];
const audits = (action: string, entityId: number) => countAudits(db(), action, entityId);
const fileCount = () => countStoredFiles(db());
const documentOf = async (id: number) =>
  db()
    .select()
    .from(searchDocuments)
    .where(and(eq(searchDocuments.docType, "product"), eq(searchDocuments.docId, id)));
const newPage = `/${dt}/my/products/new`;
const productFields = (overrides: Record<string, string> = {}) => ({
  name: "Cà phê Robusta rang xay Tháp Mười",
  nameEn: "Thap Muoi ground Robusta coffee",
  description: "Cà phê Robusta rang mộc, xay sẵn, đóng gói 500 g.",
  descriptionEn: "Plain-roasted Robusta, ground, 500 g packs.",
  categoryId: String(coffee),
  priceKind: "amount",
  price: "125.000",
  unit: "kg",
  minOrderQuantity: "50",
  hsCode: "0901.21.20",
  origin: "Tháp Mười, Đồng Tháp",
  ocopStars: "4",
  ocopCertificateNumber: "OCOP-DT-2022-015",
  ocopCertifiedOn: "15/03/2022",
  ...overrides,
});
let productId: number;

async function createProduct(overrides: Record<string, string> = {}): Promise<number> {
  const response = await seller.submit(newPage, `/${dt}/my/products`, productFields(overrides));
  expect(response.statusCode).toBe(303);
  return Number(/\/my\/products\/(\d+)$/.exec(response.headers.location as string)![1]);
}

test("an enterprise creates a product draft: price in đồng, HS code, OCOP expiry 36 months, audited", async () => {
  productId = await createProduct();
  const row = (await productRow(productId))!;
  expect(row).toMatchObject({
    status: "draft",
    slug: "ca-phe-robusta-rang-xay-thap-muoi",
    priceDong: 125_000n,
    hsCode: "09012120",
    minOrderQuantity: 50,
    ocopStars: 4,
    ocopCertifiedOn: "2022-03-15",
    ocopExpiresOn: "2025-03-15",
    enterpriseId: enterpriseA,
  });
  expect(await audits("product.create", productId)).toBe(1);
  const edit = await seller.get(`/${dt}/my/products/${productId}`);
  expect(edit.body).toContain("Cà phê, chè, chè Paragoay và các loại gia vị");
  expect(edit.body).toContain("15/03/2025");
  expect(edit.body).toContain("Đã hết hiệu lực");
  // A second product with the same name gets its own clean slug.
  const second = await createProduct({ priceKind: "contact", price: "", ocopStars: "", ocopCertifiedOn: "" });
  expect((await productRow(second))!).toMatchObject({
    slug: "ca-phe-robusta-rang-xay-thap-muoi-2",
    priceDong: null,
    ocopStars: null,
  });
  const list = await seller.get(`/${dt}/my/products?status=draft`);
  expect(list.body).toContain("Liên hệ");
  expect(list.body).toContain(`${formatVnd(125_000n)} / kg`);
});

test("bad input is refused (422) naming the problem, values kept, nothing stored", async () => {
  const before = await db().select({ n: count() }).from(products);
  const response = await seller.submit(
    newPage,
    `/${dt}/my/products`,
    productFields({ price: "12,5", hsCode: "7701" }),
  );
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain("Giá tính bằng số nguyên đồng");
  expect(response.body).toContain("Hai chữ số đầu phải là một chương");
  expect(response.body).toContain('value="12,5"');
  const noCertificate = await seller.submit(
    newPage,
    `/${dt}/my/products`,
    productFields({ ocopCertificateNumber: "" }),
  );
  expect(noCertificate.statusCode).toBe(422);
  expect(noCertificate.body).toContain("Nhập số giấy chứng nhận OCOP.");
  const badDate = await seller.submit(
    newPage,
    `/${dt}/my/products`,
    productFields({ ocopCertifiedOn: "31/02/2024" }),
  );
  expect(badDate.statusCode).toBe(422);
  expect(badDate.body).toContain("Ngày không hợp lệ");
  expect(await db().select({ n: count() }).from(products)).toEqual(before);
});

test("images: several per upload with thumbnails, reorder, alt text; a text file named .jpg is refused", async () => {
  const edit = `/${dt}/my/products/${productId}`;
  const response = await postMultipart(testApp.app, seller, edit, `${edit}/images`, [
    { name: "alt", value: "Gói cà phê 500 g" },
    { name: "images", filename: "front.png", bytes: await pngImage(1200, 800), type: "image/png" },
    {
      name: "images",
      filename: "back.png",
      bytes: await pngImage(800, 800, { r: 90, g: 60, b: 30 }),
      type: "image/png",
    },
  ]);
  expect(response.statusCode).toBe(303);
  const images = await db()
    .select({ fileId: productImages.fileId, position: productImages.position, file: uploadedFiles })
    .from(productImages)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, productImages.fileId))
    .where(eq(productImages.productId, productId))
    .orderBy(productImages.position);
  expect(images).toHaveLength(2);
  expect(images[0]!.file.width).toBe(1200);
  const thumbnail = await testApp.app.inject(`/files/${images[0]!.file.thumbnailKey}`);
  expect(thumbnail.statusCode).toBe(200);

  const [first, second] = images;
  const moved = await seller.submit(edit, `${edit}/images/${second!.fileId}/move`, { direction: "up" });
  expect(moved.statusCode).toBe(303);
  const order = await db()
    .select({ fileId: productImages.fileId })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(productImages.position);
  expect(order.map((row) => row.fileId)).toEqual([second!.fileId, first!.fileId]);
  await seller.submit(edit, `${edit}/images/${first!.fileId}/alt`, {
    [`alt-${first!.fileId}`]: "Mặt sau gói",
  });
  const [altRow] = await db().select().from(productImages).where(eq(productImages.fileId, first!.fileId));
  expect(altRow!.alt).toBe("Mặt sau gói");

  const filesBefore = await fileCount();
  const refused = await postMultipart(testApp.app, seller, edit, `${edit}/images`, [
    {
      name: "images",
      filename: "photo.jpg",
      bytes: Buffer.from("plain text pretending to be a photo"),
      type: "image/jpeg",
    },
  ]);
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('href="#field-images"');
  expect(await fileCount()).toBe(filesBefore);
  expect(await audits("product.image.add", productId)).toBe(1);
});

test("certificates with an optional document", async () => {
  const edit = `/${dt}/my/products/${productId}`;
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const response = await postMultipart(testApp.app, seller, edit, `${edit}/certificates`, [
    { name: "kind", value: "cq" },
    { name: "title", value: "Phiếu kết quả thử nghiệm chất lượng" },
    { name: "number", value: "KQ-2025-117" },
    { name: "issuer", value: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng" },
    { name: "issuedOn", value: "10/02/2025" },
    { name: "expiresOn", value: "10/02/2026" },
    { name: "document", filename: "kq.pdf", bytes: pdf, type: "application/pdf" },
  ]);
  expect(response.statusCode).toBe(303);
  const [certificate] = await db()
    .select()
    .from(productCertificates)
    .where(eq(productCertificates.productId, productId));
  expect(certificate).toMatchObject({ kind: "cq", number: "KQ-2025-117", issuedOn: "2025-02-10" });
  expect(certificate!.fileId).not.toBeNull();
  const backwards = await postMultipart(testApp.app, seller, edit, `${edit}/certificates`, [
    { name: "kind", value: "co" },
    { name: "title", value: "C/O form D" },
    { name: "issuedOn", value: "10/02/2025" },
    { name: "expiresOn", value: "01/01/2025" },
  ]);
  expect(backwards.statusCode).toBe(422);
  expect(backwards.body).toContain("Ngày hết hạn phải sau ngày cấp.");
});

test("another enterprise cannot see or change this product (404) and nothing changes", async () => {
  const before = await productRow(productId);
  const edit = `/${dt}/my/products/${productId}`;
  expect((await rival.get(edit)).statusCode).toBe(404);
  const token = await rival.csrfToken(`/${dt}/my/products/new`);
  for (const [action, body] of [
    [edit, new URLSearchParams({ ...productFields({ name: "Bị sửa trộm" }) })],
    [`${edit}/submit`, new URLSearchParams()],
    [`${edit}/delete`, new URLSearchParams()],
  ] as const) {
    body.set("_csrf", token);
    const response = await testApp.app.inject({
      method: "POST",
      url: action,
      headers: { cookie: rival.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
      remoteAddress: rival.remoteAddress,
    });
    expect(response.statusCode).toBe(404);
  }
  expect(await productRow(productId)).toEqual(before);
});

test("public pages hide drafts and pending products; published ones show with JSON-LD, OCOP expiry and search", async () => {
  const visitor = new Browser(testApp.app);
  const slug = (await productRow(productId))!.slug;
  expect((await visitor.get(`/${dt}/products/${slug}`)).statusCode).toBe(404);
  const preview = await seller.get(`/${dt}/products/${slug}`);
  expect(preview.statusCode).toBe(200);
  expect(preview.body).toContain("Chưa công bố.");

  const edit = `/${dt}/my/products/${productId}`;
  expect((await seller.submit(edit, `${edit}/submit`, {})).statusCode).toBe(303);
  expect((await productRow(productId))!.status).toBe("pending");
  expect(await audits("product.submit", productId)).toBe(1);
  expect((await visitor.get(`/${dt}/products/${slug}`)).statusCode).toBe(404);
  expect(await documentOf(productId)).toHaveLength(0);

  // The floor's home is cached for visitors; publishing must still show up on the next visit.
  const floorBefore = await visitor.get(`/${dt}/floor`);
  expect(floorBefore.statusCode).toBe(200);
  expect(floorBefore.headers["set-cookie"]).toBeUndefined();
  expect(floorBefore.body).not.toContain(`href="/${dt}/products/${slug}"`);
  // Publishing is the officers' decision (moderation); done directly here.
  await db().transaction(async (tx) => {
    await tx
      .update(products)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(products.id, productId));
    await refreshProductDocument(tx, productId);
  });
  expect(await documentOf(productId)).toHaveLength(1);

  const page = await visitor.get(`/${dt}/products/${slug}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).not.toContain("Chưa công bố.");
  expect(page.body).toContain(`${formatVnd(125_000n)} / kg`);
  expect(page.body).toContain("Hiệu lực đến (36 tháng)");
  expect(page.body).toContain("15/03/2025");
  expect(page.body).toContain("Đã hết hiệu lực");
  expect(page.body).toContain(`href="/${dt}/inquiries/new?product=${productId}"`);
  expect(page.body).toContain(`href="/${dt}/report-listing?type=product&amp;id=${productId}"`);
  expect(page.body).toMatch(/property="og:image" content="https?:\/\/[^"]+\/files\//);
  expect(page.body).toContain('property="og:type" content="product"');
  const [ld] = jsonLdOf(page.body);
  expect(ld).toMatchObject({
    "@type": "Product",
    name: "Cà phê Robusta rang xay Tháp Mười",
    offers: { "@type": "Offer", priceCurrency: "VND", price: "125000" },
  });

  const storefront = await visitor.get(`/${dt}/storefronts/${storefrontSlug}`);
  expect(storefront.body).toContain(`href="/${dt}/products/${slug}"`);
  const floor = await visitor.get(`/${dt}/floor`);
  expect(floor.body).toContain(`href="/${dt}/products/${slug}"`);
  expect(floor.body).toContain(`href="/${dt}/search?category=ca-phe"`);
  const [{ n: coffeeListings } = { n: 0 }] = await db()
    .select({ n: count() })
    .from(searchDocuments)
    .where(
      and(
        eq(searchDocuments.docType, "product"),
        eq(searchDocuments.provinceId, await provinceIdOf(db(), dt)),
        sql`${coffee} = any(${searchDocuments.categoryIds})`,
      ),
    );
  expect(coffeeListings).toBeGreaterThan(0);
  expect(floor.body).toContain(`ca-phe">Cà phê</a> <span class="meta">(${coffeeListings})</span>`);
});

test("a pending enterprise may draft but not submit; an unverified enterprise's products stay off the public floor", async () => {
  const { enterpriseId } = await createEnterpriseFixture(db(), {
    province: dt,
    memberEmail: `lanhdao@${dt}.demo`,
    status: "pending",
  });
  const pending = new Browser(testApp.app);
  await pending.signIn(dt, `lanhdao@${dt}.demo`);
  const response = await pending.submit(
    newPage,
    `/${dt}/my/products`,
    productFields({ name: "Bưởi da xanh" }),
  );
  expect(response.statusCode).toBe(303);
  const draftId = Number(/\/my\/products\/(\d+)$/.exec(response.headers.location as string)![1]);
  expect((await productRow(draftId))!.enterpriseId).toBe(enterpriseId);
  const edit = `/${dt}/my/products/${draftId}`;
  const refused = await pending.submit(edit, `${edit}/submit`, {});
  expect(refused.statusCode).toBe(303);
  expect((await pending.get(edit)).body).toContain(
    "Doanh nghiệp chưa được xác thực nên chưa thể gửi duyệt sản phẩm.",
  );
  expect((await productRow(draftId))!.status).toBe("draft");

  // Even a published row of an enterprise that is not verified stays off the public pages and the API.
  await db().update(products).set({ status: "published" }).where(eq(products.id, draftId));
  const slug = (await productRow(draftId))!.slug;
  expect((await new Browser(testApp.app).get(`/${dt}/products/${slug}`)).statusCode).toBe(404);
  expect((await testApp.app.inject(`/api/v1/products/${draftId}`)).statusCode).toBe(404);
});

test("the JSON API lists and shows published products and storefronts only", async () => {
  const list = await testApp.app.inject(`/api/v1/provinces/${dt}/products?category=nong-san`);
  expect(list.statusCode).toBe(200);
  const body = list.json() as {
    total: number;
    items: { id: number; priceDong: number | null; ocop: unknown; category: { slug: string } }[];
  };
  const agriculture = [
    "gao",
    "ca-phe",
    "ho-tieu",
    "hat-dieu",
    "trai-cay",
    "rau-cu",
    "cao-su",
    "khoai-mi",
    "nong-san",
  ];
  expect(body.items.every((item) => agriculture.includes(item.category.slug))).toBe(true);
  const mine = body.items.find((item) => item.id === productId);
  expect(mine).toMatchObject({
    priceDong: 125000,
    ocop: { stars: 4, expiresOn: "2025-03-15", valid: false },
  });
  const detail = await testApp.app.inject(`/api/v1/products/${productId}`);
  expect(detail.statusCode).toBe(200);
  expect(detail.json()).toMatchObject({
    hsCode: "09012120",
    hsChapter: { en: "Coffee, tea, maté and spices" },
  });
  const drafts = await db()
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.enterpriseId, enterpriseA), eq(products.status, "draft")));
  expect(drafts.length).toBeGreaterThan(0);
  expect((await testApp.app.inject(`/api/v1/products/${drafts[0]!.id}`)).statusCode).toBe(404);
  expect(body.items.some((item) => drafts.some((draft) => draft.id === item.id))).toBe(false);
  const storefronts = await testApp.app.inject(`/api/v1/provinces/${dt}/storefronts`);
  const found = (storefronts.json() as { items: { id: number; slug: string }[] }).items.find(
    (item) => item.slug === storefrontSlug,
  );
  expect(found).toBeDefined();
  expect((await testApp.app.inject(`/api/v1/storefronts/${found!.id}`)).statusCode).toBe(200);
});

test("editing a published product sends it back to review; withdraw → draft; a draft can be deleted", async () => {
  const edit = `/${dt}/my/products/${productId}`;
  const form = await seller.get(edit);
  expect(form.body).toContain("Mọi thay đổi nội dung sẽ đưa sản phẩm về trạng thái chờ duyệt");
  const saved = await seller.submit(edit, edit, productFields({ price: "130.000" }));
  expect(saved.statusCode).toBe(303);
  expect((await productRow(productId))!).toMatchObject({ status: "pending", priceDong: 130_000n });
  expect(await documentOf(productId)).toHaveLength(0);

  expect((await seller.submit(edit, `${edit}/withdraw`, {})).statusCode).toBe(303);
  expect((await productRow(productId))!.status).toBe("draft");
  expect(await audits("product.withdraw", productId)).toBe(1);

  expect((await seller.submit(edit, `${edit}/delete`, {})).statusCode).toBe(303);
  expect(await productRow(productId)).toBeUndefined();
  expect(await audits("product.delete", productId)).toBe(1);
});
