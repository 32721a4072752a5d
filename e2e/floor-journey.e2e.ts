import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Journey } from "./support.ts";

const province = "ba-ria-vung-tau";
const sellerEmail = "doanhnghiep@ba-ria-vung-tau.demo";
const sellerName = "Châu Đức Xanh";
const adminEmail = "quantri@ba-ria-vung-tau.demo";
const journey = new Journey();

/** How far the page scrolls sideways (0 when it fits the viewport). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("trading floor journey (real server, real browser)", () => {
  beforeAll(() => journey.start());
  afterAll(() => journey.stop());

  it("a buyer finds coffee typed without diacritics, asks the seller, the seller replies; no axe violations", async () => {
    const baseUrl = journey.baseUrl;
    const stamp = Date.now().toString(36);
    const subject = `Hỏi giá cà phê nhân xô ${stamp}`;
    const buyerEmail = `nguoi-mua-${stamp}@example.vn`;

    // The buyer: no account, searches from the portal home without diacritics.
    const buyerContext = await journey.newContext();
    const buyer = await buyerContext.newPage();
    await buyer.goto(`${baseUrl}/${province}`);
    await journey.checkAccessibility(buyer);
    await buyer.fill("#portal-search", "ca phe");
    await Promise.all([
      buyer.waitForURL(/\/search\?/),
      buyer.locator("#portal-search ~ button, .search-box button").first().click(),
    ]);
    await journey.checkAccessibility(buyer);
    const results = buyer.locator(".search-results > li");
    expect(await results.count()).toBeGreaterThan(0);
    // Found through "ca phe": the results speak of "cà phê".
    expect((await results.first().textContent())?.toLowerCase()).toContain("cà phê");
    const sellerProduct = results
      .filter({ hasText: sellerName })
      .locator(`a[href^="/${province}/products/"]`)
      .first();
    await Promise.all([buyer.waitForURL(new RegExp(`/${province}/products/`)), sellerProduct.click()]);
    await journey.checkAccessibility(buyer);
    expect((await buyer.locator("h1").textContent())?.toLowerCase()).toContain("cà phê");
    const productUrl = buyer.url();

    // The inquiry form, from the product page.
    await Promise.all([
      buyer.waitForURL(/\/inquiries\/new\?product=/),
      buyer.locator(`a[href^="/${province}/inquiries/new?product="]`).first().click(),
    ]);
    await journey.checkAccessibility(buyer);
    await buyer.fill('input[name="name"]', "Trần Thị Mai");
    await buyer.fill('input[name="email"]', buyerEmail);
    await buyer.fill('input[name="phone"]', "0912345678");
    await buyer.fill('input[name="company"]', "Công ty TNHH Thương mại Sài Gòn Xanh");
    await buyer.fill('input[name="subject"]', subject);
    await buyer.fill(
      'textarea[name="message"]',
      "Xin báo giá 5 tấn cà phê nhân Robusta, giao tại TP. Hồ Chí Minh.",
    );
    await Promise.all([
      buyer.waitForURL((url) => !url.pathname.endsWith("/inquiries/new")),
      buyer.locator('form:has(textarea[name="message"]) [type="submit"]').click(),
    ]);
    await journey.checkAccessibility(buyer);

    // The seller signs in, finds the inquiry and replies.
    const sellerContext = await journey.newContext();
    const seller = await sellerContext.newPage();
    await journey.signIn(seller, province, sellerEmail);
    await seller.goto(`${baseUrl}/${province}/my/inquiries`);
    await journey.checkAccessibility(seller);
    await Promise.all([
      seller.waitForURL(new RegExp(`/${province}/my/inquiries/\\d+`)),
      seller.getByRole("link", { name: subject }).first().click(),
    ]);
    await journey.checkAccessibility(seller);
    expect(await seller.locator("main").textContent()).toContain("5 tấn cà phê nhân Robusta");
    const reply = `Chào chị Mai, giá cà phê nhân Robusta loại 1 là 118.000 ₫/kg, giao trong 7 ngày (${stamp}).`;
    await seller.fill('textarea[name="message"]', reply);
    await Promise.all([
      seller.waitForLoadState("load"),
      seller.locator('form:has(textarea[name="message"]) [type="submit"]').click(),
    ]);
    await expect.poll(async () => seller.locator("main").textContent()).toContain(reply);
    await journey.checkAccessibility(seller);

    // The buyer is told by e-mail (the outbox, since the demo has no SMTP server).
    const adminContext = await journey.newContext();
    const admin = await adminContext.newPage();
    await journey.signIn(admin, province, adminEmail);
    await admin.goto(`${baseUrl}/${province}/admin/outbox`);
    expect(await admin.locator("main").textContent()).toContain(buyerEmail);

    // The pages a buyer uses fit a 360 px phone.
    const phoneContext = await journey.newContext({ width: 360, height: 740 });
    const phone = await phoneContext.newPage();
    await phone.goto(`${baseUrl}/${province}/search?q=ca+phe`);
    expect.soft(await horizontalOverflow(phone), "search page at 360px").toBeLessThanOrEqual(0);
    await phone.goto(productUrl);
    expect.soft(await horizontalOverflow(phone), "product page at 360px").toBeLessThanOrEqual(0);

    for (const context of [buyerContext, sellerContext, adminContext, phoneContext]) await context.close();
    expect(journey.violationsSoFar()).toEqual([]);
  });
});
