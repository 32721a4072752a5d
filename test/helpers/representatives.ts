import type { FastifyInstance } from "fastify";
import type { Executor } from "../../src/db/client.ts";
import { insertUser } from "../../src/modules/identity/services/create-user.ts";
import { demoPassword } from "../../src/workflows/demo-data.ts";
import { Browser } from "./app.ts";
import { provinceIdOf } from "./floor.ts";

let representativeCount = 0;

/** A fresh enterprise representative of `province`, signed in: no enterprise and no claim of their own yet. */
export async function signedInRepresentative(
  app: FastifyInstance,
  db: Executor,
  province: string,
): Promise<{ browser: Browser; email: string; userId: number }> {
  representativeCount += 1;
  const email = `dai-dien-${representativeCount}-${Date.now()}@example.vn`;
  const userId = await insertUser(db, {
    provinceId: await provinceIdOf(db, province),
    email,
    fullName: `Nguyễn Văn Đại Diện ${representativeCount}`,
    phone: null,
    password: demoPassword,
    unitId: null,
    roles: ["enterprise"],
  });
  const browser = new Browser(app);
  const signIn = await browser.signIn(province, email);
  if (signIn.statusCode !== 303) throw new Error(`sign-in failed: ${signIn.statusCode}`);
  return { browser, email, userId };
}

/** The minimal valid profile form (strings, as a browser sends them). */
export function profileForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Công ty TNHH Thủy sản Sao Biển",
    nameEn: "Sao Bien Seafood Co., Ltd",
    legalForm: "llc-multi-member",
    vsicSection: "C",
    vsicCode: "1020",
    productsDescription: "Tôm đông lạnh, cá ngừ",
    productsDescriptionEn: "Frozen shrimp, tuna",
    addressLine: "12 Trần Phú",
    phone: "0254 3812 345",
    email: "info@saobien.vn",
    website: "saobien.vn",
    foundedYear: "2010",
    employees: "80",
    revenueMillion: "45.000",
    capitalMillion: "15.000",
    usesEmail: "yes",
    hasWebsite: "yes",
    onMarketplaces: "no",
    acceptsOnlinePayment: "unknown",
    usesESignature: "yes",
    usesManagementSoftware: "no",
    isExporter: "true",
    exportMarkets: "Nhật Bản, us, EU",
    hsCodes: "0306.17, 030487",
    ...overrides,
  };
}
