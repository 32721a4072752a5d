import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { categoryIdOf, createEnterpriseFixture } from "../../../../test/helpers/floor.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { offers, products, searchDocuments, storefrontImages, storefronts } from "../schema.ts";
import { refreshEnterpriseDocument } from "../search/documents.ts";
import { countAudits, countStoredFiles, fields, jsonLdOf, pngImage, postMultipart } from "./testing.ts";

const dt = "dong-thap";
let testApp: TestApp;
let owner: Browser;
let other: Browser;
let pendingOwner: Browser;
let enterpriseA: number;
let enterpriseB: number;
const db = () => testApp.database.db;

beforeAll(async () => {
  testApp = await buildTestApp();
  enterpriseA = (
    await createEnterpriseFixture(db(), {
      province: dt,
      memberEmail: `doanhnghiep@${dt}.demo`,
      name: "Công ty TNHH Thủy sản Sa Đéc",
    })
  ).enterpriseId;
  enterpriseB = (
    await createEnterpriseFixture(db(), {
      province: dt,
      memberEmail: `congdan@${dt}.demo`,
      storefront: "published",
    })
  ).enterpriseId;
  await createEnterpriseFixture(db(), { province: dt, memberEmail: `lanhdao@${dt}.demo`, status: "pending" });
  owner = new Browser(testApp.app);
  other = new Browser(testApp.app);
  pendingOwner = new Browser(testApp.app);
  await owner.signIn(dt, `doanhnghiep@${dt}.demo`);
  await other.signIn(dt, `congdan@${dt}.demo`);
  await pendingOwner.signIn(dt, `lanhdao@${dt}.demo`);
});
afterAll(() => testApp.close());

const storefrontOf = async (enterpriseId: number) =>
  (await db().select().from(storefronts).where(eq(storefronts.enterpriseId, enterpriseId)))[0];
const audits = (action: string, entityId: number) => countAudits(db(), action, entityId);
const fileCount = () => countStoredFiles(db());
const page = `/${dt}/my/storefront`;
const details = {
  slug: "thuy-san-sa-dec",
  introduction: "Chuyên chế biến cá tra, tôm xuất khẩu.",
  introductionEn: "Pangasius and shrimp processor for export.",
  videoUrl: "https://www.youtube.com/watch?v=abc123",
  contactName: "Nguyễn Văn An",
  contactPhone: "0277 3851 234",
  contactEmail: "ban-hang@thuysansadec.vn",
};

test("a pending enterprise is told why it cannot open a storefront, and cannot save one", async () => {
  const response = await pendingOwner.get(page);
  expect(response.statusCode).toBe(200);
  expect(response.body).toContain("Chỉ doanh nghiệp đã được Sở Công Thương xác thực");
  expect(response.body).toContain(`href="/${dt}/my/enterprise"`);
  expect(response.body).not.toContain(`action="${page}"`);
  const post = await postMultipart(testApp.app, pendingOwner, `/${dt}/sign-in`, page, fields(details));
  expect(post.statusCode).toBe(403);
});

test("a verified enterprise creates its storefront with a logo: draft, thumbnail made, audited, not public", async () => {
  const form = await owner.get(page);
  expect(form.body).toContain('value="cong-ty-tnhh-thuy-san-sa-dec"');
  const response = await postMultipart(testApp.app, owner, page, page, [
    ...fields(details),
    { name: "logo", filename: "logo.png", bytes: await pngImage(600, 600), type: "image/png" },
  ]);
  expect(response.statusCode).toBe(303);
  const row = await storefrontOf(enterpriseA);
  expect(row).toMatchObject({ slug: "thuy-san-sa-dec", status: "draft", contactEmail: details.contactEmail });
  const [logo] = await db().select().from(uploadedFiles).where(eq(uploadedFiles.id, row!.logoFileId!));
  expect(logo!.thumbnailKey).toMatch(/\.thumb\.webp$/);
  const thumbnail = await testApp.app.inject(`/files/${logo!.thumbnailKey}`);
  expect(thumbnail.statusCode).toBe(200);
  expect(await audits("storefront.create", row!.id)).toBe(1);

  expect((await new Browser(testApp.app).get(`/${dt}/storefronts/thuy-san-sa-dec`)).statusCode).toBe(404);
  const preview = await owner.get(`/${dt}/storefronts/thuy-san-sa-dec`);
  expect(preview.statusCode).toBe(200);
  expect(preview.body).toContain("Chưa công bố.");
});

test("bad input is refused with 422, values kept and nothing changed: video host, taken slug", async () => {
  const before = await storefrontOf(enterpriseA);
  const badVideo = await postMultipart(
    testApp.app,
    owner,
    page,
    page,
    fields({ ...details, videoUrl: "http://example.com/v" }),
  );
  expect(badVideo.statusCode).toBe(422);
  expect(badVideo.body).toContain("Chỉ nhận đường dẫn https trên YouTube hoặc Vimeo.");
  expect(badVideo.body).toContain('value="http://example.com/v"');
  const takenSlug = (await storefrontOf(enterpriseB))!.slug;
  const taken = await postMultipart(testApp.app, owner, page, page, fields({ ...details, slug: takenSlug }));
  expect(taken.statusCode).toBe(422);
  expect(taken.body).toContain("Địa chỉ này đã có gian hàng khác sử dụng");
  expect(await storefrontOf(enterpriseA)).toEqual(before);
});

test("gallery images: added with a caption; a text file named .jpg is refused and nothing is stored", async () => {
  const storefront = (await storefrontOf(enterpriseA))!;
  const added = await postMultipart(testApp.app, owner, page, `${page}/images`, [
    { name: "caption", value: "Nhà máy chế biến" },
    { name: "images", filename: "a.png", bytes: await pngImage(800, 500), type: "image/png" },
    {
      name: "images",
      filename: "b.png",
      bytes: await pngImage(500, 800, { r: 200, g: 10, b: 10 }),
      type: "image/png",
    },
  ]);
  expect(added.statusCode).toBe(303);
  const gallery = await db()
    .select()
    .from(storefrontImages)
    .where(eq(storefrontImages.storefrontId, storefront.id));
  expect(gallery.map((image) => image.caption)).toEqual(["Nhà máy chế biến", "Nhà máy chế biến"]);

  const captioned = await owner.submit(page, `${page}/images/${gallery[1]!.fileId}/caption`, {
    [`caption-${gallery[1]!.fileId}`]: "Kho lạnh 2.000 tấn",
  });
  expect(captioned.statusCode).toBe(303);
  const [renamed] = await db()
    .select()
    .from(storefrontImages)
    .where(eq(storefrontImages.fileId, gallery[1]!.fileId));
  expect(renamed!.caption).toBe("Kho lạnh 2.000 tấn");
  expect(await audits("storefront.image.caption", storefront.id)).toBe(1);

  const filesBefore = await fileCount();
  const refused = await postMultipart(testApp.app, owner, page, `${page}/images`, [
    {
      name: "images",
      filename: "fake.jpg",
      bytes: Buffer.from("this is plain text, not a picture"),
      type: "image/jpeg",
    },
  ]);
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('href="#field-images"');
  expect(await fileCount()).toBe(filesBefore);
  expect(
    (await db().select().from(storefrontImages).where(eq(storefrontImages.storefrontId, storefront.id)))
      .length,
  ).toBe(2);
});

test("another enterprise cannot remove this storefront's images; its own form edits only its own storefront", async () => {
  const storefront = (await storefrontOf(enterpriseA))!;
  const [image] = await db()
    .select()
    .from(storefrontImages)
    .where(eq(storefrontImages.storefrontId, storefront.id));
  const token = await other.csrfToken(`/${dt}/my/storefront`);
  const attempt = await testApp.app.inject({
    method: "POST",
    url: `/${dt}/my/storefront/images/${image!.fileId}/delete`,
    headers: { cookie: other.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: `_csrf=${encodeURIComponent(token)}`,
    remoteAddress: other.remoteAddress,
  });
  expect(attempt.statusCode).toBe(404);
  expect(
    (await db().select().from(storefrontImages).where(eq(storefrontImages.storefrontId, storefront.id)))
      .length,
  ).toBe(2);
  const before = await storefrontOf(enterpriseA);
  const edit = await postMultipart(
    testApp.app,
    other,
    page,
    page,
    fields({ ...details, slug: "gian-hang-b" }),
  );
  expect(edit.statusCode).toBe(303);
  expect(await storefrontOf(enterpriseA)).toEqual(before);
  expect((await storefrontOf(enterpriseB))!.slug).toBe("gian-hang-b");
});

test("submit → pending; once published it is public with Organization JSON-LD; editing sends it back to review", async () => {
  const submitted = await owner.submit(page, `${page}/submit`, {});
  expect(submitted.statusCode).toBe(303);
  const pending = (await storefrontOf(enterpriseA))!;
  expect(pending.status).toBe("pending");
  expect(await audits("storefront.submit", pending.id)).toBe(1);
  expect((await new Browser(testApp.app).get(`/${dt}/storefronts/${pending.slug}`)).statusCode).toBe(404);

  // Publishing is the officers' decision (moderation); done directly here.
  await db().transaction(async (tx) => {
    await tx
      .update(storefronts)
      .set({ status: "published", publishedAt: new Date(), badgeGrantedAt: new Date() })
      .where(eq(storefronts.id, pending.id));
    await refreshEnterpriseDocument(tx, enterpriseA);
  });
  const visitor = new Browser(testApp.app);
  const publicPage = await visitor.get(`/${dt}/storefronts/${pending.slug}`);
  expect(publicPage.statusCode).toBe(200);
  expect(publicPage.body).toContain("Đã xác thực bởi Sở Công Thương");
  expect(publicPage.body).toContain("Xem video giới thiệu trên YouTube");
  expect(publicPage.body).not.toContain("<iframe");
  expect(publicPage.body).toContain('<link rel="canonical" href="http://');
  expect(publicPage.body).toContain('property="og:locale" content="vi_VN"');
  const [organization] = jsonLdOf(publicPage.body);
  expect(organization).toMatchObject({ "@type": "Organization", name: "Công ty TNHH Thủy sản Sa Đéc" });
  expect(String(organization!.logo)).toMatch(/^https?:\/\/.+\/files\//);
  const documents = await db()
    .select()
    .from(searchDocuments)
    .where(and(eq(searchDocuments.docType, "enterprise"), eq(searchDocuments.docId, enterpriseA)));
  expect(documents).toHaveLength(1);

  const english = new Browser(testApp.app);
  await english.get(`/lang/en?back=/${dt}/floor`);
  const englishPage = await english.get(`/${dt}/storefronts/${pending.slug}`);
  expect(englishPage.body).toContain(details.introductionEn);
  expect(englishPage.body).toContain('property="og:locale" content="en_US"');

  const form = await owner.get(page);
  expect(form.body).toContain("Mọi thay đổi nội dung sẽ đưa gian hàng về trạng thái chờ duyệt");
  const edited = await postMultipart(
    testApp.app,
    owner,
    page,
    page,
    fields({ ...details, introduction: "Nội dung mới" }),
  );
  expect(edited.statusCode).toBe(303);
  expect((await storefrontOf(enterpriseA))!.status).toBe("pending");
  expect((await visitor.get(`/${dt}/storefronts/${pending.slug}`)).statusCode).toBe(404);
  expect(
    await db()
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.docType, "enterprise"), eq(searchDocuments.docId, enterpriseA))),
  ).toHaveLength(0);
});

test("the storefront page pages through its published products and lists its open offers", async () => {
  const storefront = (await storefrontOf(enterpriseA))!;
  await db().update(storefronts).set({ status: "published" }).where(eq(storefronts.id, storefront.id));
  const categoryId = await categoryIdOf(db(), "tom");
  const provinceId = storefront.provinceId;
  const rows = Array.from({ length: 13 }, (_, index) => ({
    provinceId,
    enterpriseId: enterpriseA,
    categoryId,
    slug: `tom-su-${index + 1}`,
    name: `Tôm sú loại ${index + 1}`,
    unit: "kg",
    status: "published" as const,
    publishedAt: new Date(Date.UTC(2026, 0, index + 1)),
  }));
  await db()
    .insert(products)
    .values([...rows, { ...rows[0]!, slug: "tom-nhap", name: "Bản nháp ẩn", status: "draft" }]);
  await db()
    .insert(offers)
    .values([
      {
        provinceId,
        enterpriseId: enterpriseA,
        kind: "sell",
        categoryId,
        slug: "chao-ban-tom-su",
        title: "Chào bán 20 tấn tôm sú",
        quantity: 20,
        unit: "tấn",
        expiresOn: "2099-12-31",
        status: "published",
        publishedAt: new Date(),
      },
      {
        provinceId,
        enterpriseId: enterpriseA,
        kind: "buy",
        categoryId,
        slug: "chao-mua-da-het-han",
        title: "Chào mua đã hết hạn",
        quantity: 1,
        unit: "tấn",
        expiresOn: "2020-01-01",
        status: "published",
        publishedAt: new Date(),
      },
    ]);
  const visitor = new Browser(testApp.app);
  const first = await visitor.get(`/${dt}/storefronts/${storefront.slug}`);
  expect(first.statusCode).toBe(200);
  expect(first.body).toContain("Sản phẩm (13)");
  expect(first.body).toContain(`href="/${dt}/products/tom-su-13"`);
  expect(first.body).not.toContain(`href="/${dt}/products/tom-su-1"`);
  expect(first.body).not.toContain("Bản nháp ẩn");
  expect(first.body).toContain('rel="next"');
  expect(first.body).toContain(`href="/${dt}/offers/chao-ban-tom-su"`);
  expect(first.body).not.toContain("chao-mua-da-het-han");
  const second = await visitor.get(`/${dt}/storefronts/${storefront.slug}?page=2`);
  expect(second.body).toContain(`href="/${dt}/products/tom-su-1"`);
  expect(second.body).not.toContain(`href="/${dt}/products/tom-su-2"`);
});
