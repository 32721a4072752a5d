import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { demoPassword } from "../../src/workflows/demo-data.ts";
import { loadReferenceData } from "../../src/workflows/reference-data.ts";
import { createTestDatabase } from "./database.ts";

export type TestApp = { app: FastifyInstance; database: DatabaseHandle; close(): Promise<void> };

/** The whole app on a fresh database of its own, with reference provinces and (by default) the demo data. */
export async function buildTestApp(options: { withDemoData?: boolean } = {}): Promise<TestApp> {
  const withDemoData = options.withDemoData ?? true;
  const database = await createTestDatabase({ withDemoData });
  if (!withDemoData) await loadReferenceData(database.db);
  // Files (uploads, the signing keys, the outbox) go to a directory of the app's own: test files run side by side.
  const dataDir = resolve(".test-data", `app-${process.pid}-${randomBytes(4).toString("hex")}`);
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    SESSION_SECRET: "test-secret-that-is-long-enough-0123456789",
  });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cookies a browser would send back: the Set-Cookie headers of every response so far. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const isExpired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (isExpired || cookie.value === "") this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** A visitor with a cookie jar: GET pages, and POST forms with the CSRF token taken from the page. */
let browserCount = 0;

export class Browser {
  readonly jar = new CookieJar();
  /** Each visitor comes from an address of its own, as real ones do: rate limits count per address. */
  readonly remoteAddress: string;
  constructor(private readonly app: FastifyInstance) {
    browserCount += 1;
    this.remoteAddress = `127.1.${Math.floor(browserCount / 250) % 250}.${(browserCount % 250) + 1}`;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: "GET",
      url,
      headers: { cookie: this.jar.header() },
      remoteAddress: this.remoteAddress,
    });
    this.jar.store(response);
    return response;
  }

  /** Loads `formPage`, reads its CSRF token, and posts `fields` as a browser would (urlencoded). */
  async submit(
    formPage: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`No CSRF token on ${formPage} (status ${page.statusCode})`);
    const body = new URLSearchParams();
    body.append("_csrf", token);
    for (const [name, value] of Object.entries(fields))
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    const response = await this.app.inject({
      method: "POST",
      url: action,
      headers: { cookie: this.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
      remoteAddress: this.remoteAddress,
    });
    this.jar.store(response);
    return response;
  }

  async signIn(province: string, email: string, password = demoPassword): Promise<LightMyRequestResponse> {
    return this.submit(`/${province}/sign-in`, `/${province}/sign-in`, { email, password });
  }

  /** Reads the CSRF token of a page (for multipart posts built by hand). */
  async csrfToken(formPage: string): Promise<string> {
    const page = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`No CSRF token on ${formPage}`);
    return token;
  }
}

/** The id of a province's plan for the period starting in `periodStart`, looked up through the public API. */
export async function findPlanId(
  app: FastifyInstance,
  province: string,
  periodStart: number,
): Promise<number> {
  const response = await app.inject(`/api/v1/provinces/${province}/plans`);
  const plans = response.json() as { items: { id: number; periodStart: number }[] };
  const plan = plans.items.find((item) => item.periodStart === periodStart);
  if (!plan) throw new Error(`no ${periodStart} plan in ${province}`);
  return plan.id;
}
