import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { type RunningServer, startServer } from "../test/helpers/server-process.ts";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const demoPassword = "demo-tmdt-2025";

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/** A real server process on the demo data and Debian's Chromium, shared by one journey file. */
export class Journey {
  server: RunningServer | undefined;
  browser: Browser | undefined;
  readonly axeReport: { url: string; violations: AxeViolation[] }[] = [];

  get baseUrl(): string {
    if (!this.server) throw new Error("server not started");
    return this.server.baseUrl;
  }

  async start(): Promise<void> {
    if (!existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath}`);
    this.server = await startServer({ databaseUrl: process.env.E2E_DATABASE_URL });
    this.browser = await chromium.launch({
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
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.stop();
    const total = this.axeReport.reduce((sum, entry) => sum + entry.violations.length, 0);
    console.log(`axe: ${this.axeReport.length} page(s) checked, ${total} violation rule(s)`);
  }

  /** The app sends a strict CSP (script-src 'self'); contexts bypass it so the inline axe source can run. */
  async newContext(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
    if (!this.browser) throw new Error("no browser");
    return this.browser.newContext({ viewport, locale: "vi-VN", bypassCSP: true });
  }

  /** Runs axe-core (WCAG 2.0–2.2 A/AA) on the page and records what it found. */
  async checkAccessibility(page: Page): Promise<AxeViolation[]> {
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(() =>
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
      (globalThis as any).axe.run({ runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }),
    )) as { violations: AxeViolation[] };
    const url = new URL(page.url()).pathname;
    this.axeReport.push({ url, violations: result.violations });
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

  /** Pages with violations so far, for one assertion at the end of a journey. */
  violationsSoFar(): { url: string; ids: string[] }[] {
    return this.axeReport
      .filter((entry) => entry.violations.length > 0)
      .map((entry) => ({ url: entry.url, ids: entry.violations.map((violation) => violation.id) }));
  }

  async signIn(page: Page, province: string, email: string): Promise<void> {
    await page.goto(`${this.baseUrl}/${province}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', demoPassword);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.endsWith("/sign-in")),
      page.locator('form:has(input[name="password"]) [type="submit"]').first().click(),
    ]);
  }
}
