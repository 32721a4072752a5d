import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { createEnterpriseFixture, provinceIdOf, userIdOf } from "../../../../test/helpers/floor.ts";
import { quotes } from "../schema.ts";
import { addDays, todayInVietnam } from "./inputs.ts";
import { createAccount, createOfferRow, createPublishedProduct } from "./test-fixtures.ts";

const province = "dong-thap";
const buyerEmail = "doanhnghiep@dong-thap.demo";
const sellerEmail = "xoai.cat@example.vn";
let test: TestApp;
let buyOffer: { id: number; slug: string };
let sellOffer: { id: number; slug: string };
let productId: number;

beforeAll(async () => {
  test = await buildTestApp();
  const db = test.database.db;
  await createAccount(db, { province, email: sellerEmail });
  const buyer = await createEnterpriseFixture(db, {
    province,
    memberEmail: buyerEmail,
    name: "Công ty CP Xuất khẩu Sa Đéc",
  });
  const seller = await createEnterpriseFixture(db, {
    province,
    memberEmail: sellerEmail,
    name: "HTX Xoài Cát Hòa Lộc",
    storefront: "published",
  });
  productId = await createPublishedProduct(db, {
    enterpriseId: seller.enterpriseId,
    province,
    category: "trai-cay",
    name: "Xoài cát Hòa Lộc loại 1",
  });
  buyOffer = await createOfferRow(db, {
    enterpriseId: buyer.enterpriseId,
    province,
    kind: "buy",
    category: "trai-cay",
    title: "Cần mua 20 tấn xoài cát Hòa Lộc",
  });
  sellOffer = await createOfferRow(db, {
    enterpriseId: seller.enterpriseId,
    province,
    kind: "sell",
    category: "trai-cay",
    title: "Chào bán xoài cát Hòa Lộc xuất khẩu",
  });
  await db.insert(quotes).values({
    provinceId: await provinceIdOf(db, province),
    offerId: buyOffer.id,
    enterpriseId: seller.enterpriseId,
    userId: await userIdOf(db, sellerEmail),
    priceDong: 35_000_000n,
    quantity: 20,
    unit: "tấn",
    validUntil: addDays(todayInVietnam(), 10),
    message: "Hàng tuyển, đóng thùng carton 5 kg",
  });
});
afterAll(async () => test.close());

/** A raw catalogue key on a page means a message is missing from a catalogue. */
const rawKey = /\b(offers|inquiries|opportunities)\.[a-zA-Z]+\.[a-zA-Z.]+/;

describe("offer, inquiry and opportunity pages", () => {
  for (const locale of ["vi", "en"] as const) {
    it(`render in ${locale} without missing messages, one h1 each`, async () => {
      const visitor = new Browser(test.app);
      const buyer = new Browser(test.app);
      const seller = new Browser(test.app);
      await buyer.signIn(province, buyerEmail);
      await seller.signIn(province, sellerEmail);
      for (const browser of [visitor, buyer, seller]) await browser.get(`/lang/${locale}?back=/${province}`);
      const pages: [Browser, string][] = [
        [visitor, `/${province}/offers`],
        [visitor, `/${province}/offers?kind=buy`],
        [visitor, `/${province}/offers/${buyOffer.slug}`],
        [visitor, `/${province}/offers/${sellOffer.slug}`],
        [visitor, `/${province}/inquiries/new?product=${productId}`],
        [visitor, `/${province}/inquiries/new?offer=${buyOffer.id}`],
        [visitor, `/${province}/opportunities`],
        [visitor, `/${province}/opportunities/subscribe`],
        [buyer, `/${province}/my/offers`],
        [buyer, `/${province}/my/offers/new`],
        [buyer, `/${province}/my/offers/${buyOffer.id}`],
        [buyer, `/${province}/my/offers/${buyOffer.id}/edit`],
        [buyer, `/${province}/my/inquiries`],
        [seller, `/${province}/offers/${buyOffer.slug}`],
        [seller, `/${province}/my/quotes`],
        [seller, `/${province}/my/offers/${sellOffer.id}`],
      ];
      for (const [browser, url] of pages) {
        const response = await browser.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body.match(rawKey)?.[0], url).toBeUndefined();
        expect(response.body.match(/<h1[\s>]/g), url).toHaveLength(1);
        expect(response.body, url).toContain(`<html lang="${locale}"`);
      }
    });
  }
});
