import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Journey } from "./support.ts";

const province = "ba-ria-vung-tau";
const adminEmail = "quantri@ba-ria-vung-tau.demo";
const journey = new Journey();

describe("plan journey (real server, real browser)", () => {
  beforeAll(() => journey.start());
  afterAll(() => journey.stop());

  it("signs in, reads the 2011–2015 plan, rejects a malformed budget table, with no axe violations", async () => {
    const context = await journey.newContext();
    const baseUrl = journey.baseUrl;
    const page = await context.newPage();
    const audit = () => journey.checkAccessibility(page);

    // Sign in as the Bà Rịa – Vũng Tàu administrator.
    await page.goto(`${baseUrl}/${province}/sign-in`);
    await audit();
    await journey.signIn(page, province, adminEmail);
    await audit();

    // Plans list → the 2011–2015 plan.
    await page.goto(`${baseUrl}/${province}/plans`);
    await audit();
    const planLinks = page.locator(`a[href^="/${province}/plans/"]`).filter({ hasText: /2011/ });
    expect(await planLinks.count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(new RegExp(`/${province}/plans/[^/]+$`)), planLinks.first().click()]);
    const planUrl = page.url();
    await expect
      .poll(() => page.locator('[data-testid="grand-total"]').first().textContent())
      .toContain("3.030");
    await audit();

    // Budget import: a malformed number is reported cell by cell.
    await Promise.all([
      page.waitForURL(/\/budget\/import$/),
      page.getByRole("link", { name: "Nhập bảng kinh phí" }).first().click(),
    ]);
    await audit();
    await page.fill('textarea[name="pasted"]', "STT\tNội dung\t2011\n1\tTập huấn\t150.0000.000");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/budget/import")),
      page.getByRole("button", { name: "Kiểm tra và nhập" }).click(),
    ]);
    expect(response.status()).toBe(422);
    await page.waitForLoadState("load");
    const summary = page.locator(".error-summary");
    await expect.poll(() => summary.count()).toBeGreaterThan(0);
    const summaryText = (await summary.first().textContent()) ?? "";
    // "Ô C2 (cột 2011): “150.0000.000” không phải là số hợp lệ."
    expect(summaryText).toMatch(/Ô [A-Z]+\d+/);
    expect(summaryText).toContain("150.0000.000");
    await audit();

    // Narrow phone viewport: the plan page must not scroll horizontally.
    const phone = await journey.newContext({ width: 360, height: 740 });
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto(planUrl);
    const widths = await phonePage.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    if (widths.scrollWidth > 360) {
      const offenders = await phonePage.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > 361)
          .slice(0, 10)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).replace(/\s+/g, ".")}` : ""} right=${Math.round(el.getBoundingClientRect().right)}`,
          ),
      );
      console.error(
        `360px plan page overflows (scrollWidth ${widths.scrollWidth}):\n  ${offenders.join("\n  ")}`,
      );
    }
    expect
      .soft(widths.scrollWidth, "plan page at 360px must not scroll horizontally")
      .toBeLessThanOrEqual(360);
    await phone.close();
    await context.close();

    expect(journey.violationsSoFar()).toEqual([]);
  });
});
