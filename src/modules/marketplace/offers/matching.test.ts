import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { createEnterpriseFixture, provinceIdOf } from "../../../../test/helpers/floor.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { offerMatches } from "../schema.ts";
import { goodsQuery, goodsText, onOfferPublished } from "./matching.ts";
import {
  createAccount,
  createOfferRow,
  createPublishedProduct,
  setStorefrontContact,
} from "./test-fixtures.ts";

let test: TestApp;
beforeAll(async () => {
  // Without the demo floor, so the top 20 holds only this test's listings.
  test = await buildTestApp({ withDemoData: false });
});
afterAll(async () => test.close());

describe("goodsText", () => {
  it("keeps the goods and drops listing words and quantities", () => {
    expect(goodsText("Cần mua 50 tấn Cà phê Robusta")).toBe("ca phe robusta");
    expect(goodsText("Chào bán 1.000 kg hạt điều W320")).toBe("hat dieu w320");
    expect(goodsText("Mua")).toBe("mua");
  });
  it("turns the goods into a phrase query of adjacent syllables", () => {
    expect(goodsQuery("ca phe robusta")).toBe("ca <-> phe | phe <-> robusta");
    expect(goodsQuery("tieu")).toBe("tieu");
    expect(goodsQuery("!!!")).toBeNull();
  });
});

describe("onOfferPublished", () => {
  it("matches products and sell offers by category, text and province, and mails each seller once", async () => {
    const db = test.database.db;
    const province = "ba-ria-vung-tau";
    const provinceId = await provinceIdOf(db, province);
    await createAccount(db, { province, email: "mua.caphe@example.vn" });
    await createAccount(db, { province, email: "ban.caphe@example.vn" });
    await createAccount(db, { province: "dong-thap", email: "caphe.dt@example.vn" });
    await createAccount(db, { province, email: "ban.tom@example.vn" });
    const buyer = await createEnterpriseFixture(db, { province, memberEmail: "mua.caphe@example.vn" });
    const near = await createEnterpriseFixture(db, {
      province,
      memberEmail: "ban.caphe@example.vn",
      storefront: "published",
    });
    await setStorefrontContact(db, near.storefrontId!, "lienhe@caphe-near.vn");
    const far = await createEnterpriseFixture(db, {
      province: "dong-thap",
      memberEmail: "caphe.dt@example.vn",
    });
    const unrelated = await createEnterpriseFixture(db, { province, memberEmail: "ban.tom@example.vn" });

    const nearProduct = await createPublishedProduct(db, {
      enterpriseId: near.enterpriseId,
      province,
      category: "ca-phe",
      name: "Cà phê Robusta rang xay",
    });
    const nearOffer = await createOfferRow(db, {
      enterpriseId: near.enterpriseId,
      province,
      kind: "sell",
      category: "ca-phe",
      title: "Chào bán cà phê nhân Robusta loại 1",
    });
    const farProduct = await createPublishedProduct(db, {
      enterpriseId: far.enterpriseId,
      province: "dong-thap",
      category: "ca-phe",
      name: "Cà phê hạt Robusta",
    });
    const shrimp = await createPublishedProduct(db, {
      enterpriseId: unrelated.enterpriseId,
      province,
      category: "tom",
      name: "Tôm sú đông lạnh",
    });
    const ownProduct = await createPublishedProduct(db, {
      enterpriseId: buyer.enterpriseId,
      province,
      category: "ca-phe",
      name: "Cà phê Robusta của chính bên mua",
    });

    const rfq = await createOfferRow(db, {
      enterpriseId: buyer.enterpriseId,
      province,
      kind: "buy",
      category: "ca-phe",
      title: "Cần mua 50 tấn cà phê Robusta",
      specification: "Cà phê nhân Robusta sàng 18, độ ẩm dưới 12,5%",
    });
    const result = await onOfferPublished(db, { provinceId }, rfq.id);

    const rows = await db.select().from(offerMatches).where(eq(offerMatches.offerId, rfq.id));
    const matched = rows.map((row) => `${row.matchType}:${row.matchedId}`);
    expect(result.matches).toBe(rows.length);
    expect(matched).toContain(`product:${nearProduct}`);
    expect(matched).toContain(`offer:${nearOffer.id}`);
    expect(matched).toContain(`product:${farProduct}`);
    expect(matched).not.toContain(`product:${shrimp}`);
    expect(matched).not.toContain(`product:${ownProduct}`);
    const score = (key: string) => rows.find((row) => `${row.matchType}:${row.matchedId}` === key)!.score;
    // Same category and text: the seller of this province ranks above the one of another province.
    expect(score(`product:${nearProduct}`)).toBeGreaterThan(score(`product:${farProduct}`));

    // One message per matched enterprise (two listings of `near`), to its members and storefront contact.
    const notifiedEnterprises = new Set(rows.map((row) => row.enterpriseId));
    expect(result.notified).toBe(notifiedEnterprises.size);
    const mailsFor = async (email: string) =>
      db
        .select()
        .from(mailOutbox)
        .where(
          and(
            like(mailOutbox.subject, "%Cần mua 50 tấn cà phê Robusta%"),
            like(mailOutbox.recipient, `%${email}%`),
          ),
        );
    const mails = await db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.subject, "%Cần mua 50 tấn cà phê Robusta%"));
    expect(mails).toHaveLength(notifiedEnterprises.size);
    expect(await mailsFor("ban.caphe@example.vn")).toHaveLength(1);
    expect(await mailsFor("caphe.dt@example.vn")).toHaveLength(1);
    expect(await mailsFor("ban.tom@example.vn")).toHaveLength(0);
    const nearMail = (await mailsFor("ban.caphe@example.vn"))[0]!;
    expect(nearMail.recipient).toContain("lienhe@caphe-near.vn");
    expect(nearMail.bodyText).toContain(`/${province}/offers/${rfq.slug}`);
    expect(nearMail.bodyText).toContain("Cà phê Robusta rang xay");
    expect(rows.every((row) => row.notifiedAt !== null)).toBe(true);

    // Publishing again (after an edit) keeps the matches and tells nobody twice.
    const again = await onOfferPublished(db, { provinceId }, rfq.id);
    expect(again.notified).toBe(0);
    const mailsAfter = await db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.subject, "%Cần mua 50 tấn cà phê Robusta%"));
    expect(mailsAfter).toHaveLength(mails.length);

    // A sell offer's matches are open buy offers, stored for the seller, without mail.
    const sellResult = await onOfferPublished(db, { provinceId }, nearOffer.id);
    expect(sellResult.notified).toBe(0);
    const sellMatches = await db
      .select()
      .from(offerMatches)
      .where(and(eq(offerMatches.offerId, nearOffer.id), eq(offerMatches.matchType, "offer")));
    expect(sellMatches.map((row) => row.matchedId)).toContain(rfq.id);

    // Another province's portal cannot trigger matching of this offer.
    const other = await onOfferPublished(db, { provinceId: await provinceIdOf(db, "dong-thap") }, rfq.id);
    expect(other).toEqual({ matches: 0, notified: 0 });
  });
});
