import { createHash } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { categoryIdOf, createEnterpriseFixture } from "../../../../test/helpers/floor.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { createOfferRow } from "../offers/test-fixtures.ts";
import { digestSubscriptions } from "../schema.ts";
import { sendTradeDigests, sendYesterdaysDigests } from "./services.ts";

const province = "ba-ria-vung-tau";
// A day long past: the demo floor publishes its offers in the last months, so this day holds only this test's offers.
const day = "2021-03-10";
let test: TestApp;

beforeAll(async () => {
  test = await buildTestApp();
  const db = test.database.db;
  const seller = await createEnterpriseFixture(db, { province, name: "Công ty TNHH Nông sản Đất Đỏ" });
  const other = await createEnterpriseFixture(db, { province: "dong-thap", name: "Công ty Sen Đồng Tháp" });
  // 10:00 in Vietnam on the day.
  await createOfferRow(db, {
    enterpriseId: seller.enterpriseId,
    province,
    kind: "buy",
    category: "hat-dieu",
    title: "Cần mua điều thô Bình Phước",
    publishedAt: new Date(`${day}T03:00:00Z`),
  });
  // 01:00 in Vietnam on the day (still the evening before in UTC).
  await createOfferRow(db, {
    enterpriseId: seller.enterpriseId,
    province,
    kind: "sell",
    category: "ho-tieu",
    title: "Chào bán tiêu đen Đất Đỏ",
    publishedAt: new Date("2021-03-09T18:00:00Z"),
  });
  await createOfferRow(db, {
    enterpriseId: seller.enterpriseId,
    province,
    kind: "buy",
    category: "tom",
    title: "Cần mua tôm thẻ chân trắng",
    publishedAt: new Date(`${day}T05:00:00Z`),
  });
  // 00:30 in Vietnam on the next day: not this day's.
  await createOfferRow(db, {
    enterpriseId: seller.enterpriseId,
    province,
    kind: "buy",
    category: "gao",
    title: "Cần mua gạo ngày hôm sau",
    publishedAt: new Date(`${day}T17:30:00Z`),
  });
  // Another portal's offer of the same day.
  await createOfferRow(db, {
    enterpriseId: other.enterpriseId,
    province: "dong-thap",
    kind: "buy",
    category: "gao",
    title: "Cần mua gạo Đồng Tháp",
    publishedAt: new Date(`${day}T04:00:00Z`),
  });
});
afterAll(async () => test.close());

async function lastMailTo(email: string) {
  const [mail] = await test.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, email))
    .orderBy(desc(mailOutbox.id))
    .limit(1);
  return mail;
}

describe("trade opportunities page", () => {
  it("lists the offers published that Vietnam day, grouped by kind, with previous and next days", async () => {
    const page = await new Browser(test.app).get(`/${province}/opportunities?date=${day}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain("Cần mua điều thô Bình Phước");
    expect(body).toContain("Chào bán tiêu đen Đất Đỏ");
    expect(body).not.toContain("Cần mua gạo ngày hôm sau");
    expect(body).not.toContain("Cần mua gạo Đồng Tháp");
    // Sell offers come first, buy offers after.
    expect(body.indexOf("Chào bán tiêu đen Đất Đỏ")).toBeLessThan(
      body.indexOf("Cần mua điều thô Bình Phước"),
    );
    expect(body).toContain(`/${province}/opportunities?date=2021-03-09`);
    expect(body).toContain(`/${province}/opportunities?date=2021-03-11`);
    // A malformed date falls back to today.
    expect((await new Browser(test.app).get(`/${province}/opportunities?date=2026-02-30`)).statusCode).toBe(
      200,
    );
  });
});

describe("trade digest", () => {
  it("double opt-in, one digest per subscriber per day, filtered by kind and category, unsubscribe", async () => {
    const db = test.database.db;
    const visitor = new Browser(test.app);
    const subscribe = `/${province}/opportunities/subscribe`;
    const agriculture = String(await categoryIdOf(db, "nong-san"));
    const done = await visitor.submit(subscribe, subscribe, {
      email: "thu.mua@example.vn",
      locale: "vi",
      offerKinds: "buy",
      categoryIds: agriculture,
    });
    expect(done.statusCode).toBe(303);
    const english = new Browser(test.app);
    await english.submit(subscribe, subscribe, {
      email: "buyer@example.com",
      locale: "en",
      offerKinds: ["sell", "buy"],
    });

    const confirmation = await lastMailTo("thu.mua@example.vn");
    const token = /\/opportunities\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation!.bodyText)?.[1];
    expect(token).toBeDefined();
    const [row] = await db
      .select()
      .from(digestSubscriptions)
      .where(eq(digestSubscriptions.email, "thu.mua@example.vn"));
    expect(row!.tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(row!.confirmedAt).toBeNull();

    // Nothing is sent before the link is followed.
    expect(await sendTradeDigests(db, { date: day })).toEqual({ sent: 0 });

    const confirmUrl = `/${province}/opportunities/confirm/${token}`;
    expect((await visitor.get(confirmUrl)).statusCode).toBe(200);
    expect((await visitor.submit(confirmUrl, confirmUrl, {})).statusCode).toBe(303);
    const englishToken = /\/opportunities\/confirm\/([A-Za-z0-9_-]+)/.exec(
      (await lastMailTo("buyer@example.com"))!.bodyText,
    )?.[1];
    const englishConfirm = `/${province}/opportunities/confirm/${englishToken}`;
    await english.submit(englishConfirm, englishConfirm, {});

    expect(await sendTradeDigests(db, { date: day })).toEqual({ sent: 2 });
    const digest = await lastMailTo("thu.mua@example.vn");
    expect(digest!.subject).toContain("10/03/2021");
    expect(digest!.bodyText).toContain("Cần mua điều thô Bình Phước");
    expect(digest!.bodyText).not.toContain("Chào bán tiêu đen Đất Đỏ"); // not a buy offer
    expect(digest!.bodyText).not.toContain("Cần mua tôm thẻ chân trắng"); // not agriculture
    expect(digest!.bodyText).not.toContain("Cần mua gạo Đồng Tháp"); // another portal
    expect(digest!.bodyText).toContain(`/${province}/opportunities/unsubscribe/${token}`);
    const englishDigest = await lastMailTo("buyer@example.com");
    expect(englishDigest!.subject).toContain("Trade opportunities of 10/03/2021");
    expect(englishDigest!.bodyText).toContain("Cần mua tôm thẻ chân trắng");
    expect(englishDigest!.bodyText).toContain("Chào bán tiêu đen Đất Đỏ");

    // Running again for the same day sends nothing.
    expect(await sendTradeDigests(db, { date: day })).toEqual({ sent: 0 });
    const digests = await db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.recipient, "thu.mua@example.vn"),
          like(mailOutbox.subject, "Cơ hội giao thương ngày%"),
        ),
      );
    expect(digests).toHaveLength(1);

    // A day with nothing of interest sends nothing (and is not marked as sent).
    expect(await sendTradeDigests(db, { date: "2021-03-12" })).toEqual({ sent: 0 });

    // Unsubscribing through the digest's link stops the mail.
    const unsubscribeUrl = `/${province}/opportunities/unsubscribe/${token}`;
    expect((await visitor.submit(unsubscribeUrl, unsubscribeUrl, {})).statusCode).toBe(303);
    const [after] = await db
      .select()
      .from(digestSubscriptions)
      .where(eq(digestSubscriptions.email, "thu.mua@example.vn"));
    expect(after!.unsubscribedAt).not.toBeNull();
    await db.update(digestSubscriptions).set({ lastSentOn: "2021-03-01" });
    expect(await sendTradeDigests(db, { date: day })).toEqual({ sent: 1 }); // only the English subscriber
    expect((await lastMailTo("thu.mua@example.vn"))!.id).toBe(digest!.id);

    // The daily job sends yesterday's digest (Vietnam date: 01:00 on 11/03 in Vietnam is still 10/03 in UTC).
    expect(await sendYesterdaysDigests(db, new Date("2021-03-10T18:00:00Z"))).toEqual({ sent: 0 });
    await db.update(digestSubscriptions).set({ lastSentOn: null });
    expect(await sendYesterdaysDigests(db, new Date("2021-03-10T18:00:00Z"))).toEqual({ sent: 1 });

    // A wrong link is not found.
    expect(
      (await new Browser(test.app).get(`/${province}/opportunities/unsubscribe/${"B".repeat(43)}`))
        .statusCode,
    ).toBe(404);
  });

  it("validates the subscription form", async () => {
    const browser = new Browser(test.app);
    const subscribe = `/${province}/opportunities/subscribe`;
    const response = await browser.submit(subscribe, subscribe, { email: "sai-dinh-dang", locale: "vi" });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Thư điện tử không đúng định dạng");
    expect(response.body).toContain("Vui lòng chọn ít nhất một mục.");
  });
});
