import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../test/helpers/server-process.ts";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const province = "ba-ria-vung-tau";
const adminEmail = "quantri@ba-ria-vung-tau.demo";
const demoPassword = "demo-tmdt-2025";

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

let server: RunningServer | undefined;
let browser: Browser | undefined;
let baseUrl = "";
const axeReport: { url: string; violations: AxeViolation[] }[] = [];

// The app sends a strict CSP (script-src 'self'); contexts use bypassCSP so the inline axe source can run.
async function checkAccessibility(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    (globalThis as any).axe.run({ runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }),
  )) as { violations: AxeViolation[] };
  const url = new URL(page.url()).pathname;
  axeReport.push({ url, violations: result.violations });
  if (result.violations.length > 0) {
    const lines = result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `  [${violation.id}] (${violation.impact}) ${violation.help}\n    at ${node.target.join(" ")}\n    ${(node.failureSummary ?? "").replace(/\n/g, "\n    ")}`,
      ),
    );
    console.error(`axe violations on ${url}:\n${lines.join("\n")}`);
  }
  return result.violations;
}

describe("plan journey (real server, real browser)", () => {
  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath}`);
    server = await startServer({ databaseUrl: process.env.E2E_DATABASE_URL });
    baseUrl = server.baseUrl;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    const total = axeReport.reduce((sum, entry) => sum + entry.violations.length, 0);
    console.log(`axe: ${axeReport.length} page(s) checked, ${total} violation rule(s)`);
  });

  it("signs in, reads the 2011–2015 plan, rejects a malformed budget table, with no axe violations", async () => {
    if (!browser) throw new Error("no browser");
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "vi-VN",
      bypassCSP: true,
    });
    const page = await context.newPage();
    const violations: { url: string; ids: string[] }[] = [];
    const audit = async () => {
      const found = await checkAccessibility(page);
      if (found.length > 0)
        violations.push({ url: new URL(page.url()).pathname, ids: found.map((v) => v.id) });
    };

    // Sign in as the Bà Rịa – Vũng Tàu administrator.
    await page.goto(`${baseUrl}/${province}/sign-in`);
    await audit();
    await page.fill('input[name="email"]', adminEmail);
    await page.fill('input[name="password"]', demoPassword);
    await Promise.all([
      page.waitForLoadState("load"),
      page.locator('form:has(input[name="password"]) [type="submit"]').first().click(),
    ]);
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
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
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
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

    expect(
      violations,
      JSON.stringify(
        axeReport.filter((e) => e.violations.length > 0),
        null,
        2,
      ),
    ).toEqual([]);
  });
});
