import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import { contextAs, seedServiceFixture, submitDossierFixture } from "../../../../../test/helpers/services.ts";
import { performDossierAction } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";
import { normalizePhone } from "./lookup.ts";

let testApp: TestApp;
const province = "ba-ria-vung-tau";
const lookupPage = `/${province}/services/lookup`;
let code: string;
const supplementNote = "Thiếu bản sao Giấy chứng nhận đăng ký doanh nghiệp";

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  const fixture = await seedServiceFixture(db, province, { code: "LOOKUP.1" });
  const dossierId = await submitDossierFixture(db, fixture);
  await performDossierAction(await contextAs(db, province, `motcua@${province}.demo`), dossierId, {
    action: "request-supplement",
    comment: supplementNote,
  });
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  code = row!.code!;
}, 120_000);
afterAll(() => testApp.close());

/** The error summary's text: what a visitor learns from a failed lookup. */
function errorSummaryOf(html: string): string | undefined {
  return /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0];
}

async function lookUp(browser: Browser, fields: Record<string, string>) {
  return browser.submit(`${lookupPage}?code=${encodeURIComponent(fields.code ?? "")}`, lookupPage, fields);
}

test("phone numbers are compared in any common spelling", () => {
  expect(normalizePhone("0901 234 567")).toBe("0901234567");
  expect(normalizePhone("+84 901.234.567")).toBe("0901234567");
  expect(normalizePhone("84901234567")).toBe("0901234567");
});

describe("the lookup page", () => {
  test("the QR link prefills the code; the page is not indexed", async () => {
    const response = await new Browser(testApp.app).get(`${lookupPage}?code=${encodeURIComponent(code)}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`value="${code}"`);
    expect(response.headers["x-robots-tag"]).toBe("noindex");
  });

  test("the code with the phone number (any spelling) or the tax code shows the status and the supplement asked for", async () => {
    for (const contact of ["0901234567", "+84 901 234 567", "0312345675"]) {
      const response = await lookUp(new Browser(testApp.app), { code, contact });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("Tình trạng hồ sơ");
      expect(response.body).toContain("Cần bổ sung trước khi tiếp nhận");
      expect(response.body).toContain(supplementNote);
      expect(response.body).toContain("Thủ tục thử nghiệm cấp giấy phép");
      // No officer's name reaches the public page.
      expect(response.body).not.toContain("Võ Thị Hồng");
    }
  });

  test("a wrong phone, an unknown code and another portal all get the same answer", async () => {
    const wrongPhone = await lookUp(new Browser(testApp.app), { code, contact: "0909999999" });
    const unknownCode = await lookUp(new Browser(testApp.app), { code: `${code}9`, contact: "0901234567" });
    const wrongTaxCode = await lookUp(new Browser(testApp.app), { code, contact: "0312345676" });
    const otherPortal = new Browser(testApp.app);
    const elsewhere = await otherPortal.submit(`/dong-thap/services/lookup`, `/dong-thap/services/lookup`, {
      code,
      contact: "0901234567",
    });
    for (const response of [wrongPhone, unknownCode, wrongTaxCode, elsewhere]) {
      expect(response.statusCode).toBe(422);
      expect(response.body).not.toContain("Tình trạng hồ sơ");
      expect(errorSummaryOf(response.body)).toContain("Không tìm thấy hồ sơ");
    }
    expect(errorSummaryOf(unknownCode.body)).toBe(errorSummaryOf(wrongPhone.body));
    expect(errorSummaryOf(elsewhere.body)).toBe(errorSummaryOf(wrongPhone.body));
  });

  test("empty fields are named in the error summary", async () => {
    const response = await lookUp(new Browser(testApp.app), { code: "", contact: "" });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('href="#field-code"');
    expect(response.body).toContain('href="#field-contact"');
  });

  test("an address gets ten lookups in ten minutes, then 429", async () => {
    const browser = new Browser(testApp.app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push(
        (await lookUp(browser, { code, contact: `09000000${String(attempt).padStart(2, "0")}` })).statusCode,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses[10]).toBe(429);
  });
});

describe("GET /api/v1/dossiers/lookup", () => {
  const api = (query: Record<string, string>) =>
    testApp.app.inject({ method: "GET", url: `/api/v1/dossiers/lookup?${new URLSearchParams(query)}` });

  test("answers the status with its timeline for the right phone or tax code", async () => {
    const proofs: Record<string, string>[] = [{ phone: "0901234567" }, { taxCode: "0312345675" }];
    for (const proof of proofs) {
      const response = await api({ province, code, ...proof });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.code).toBe(code);
      expect(body.state).toBe("needs-completion");
      expect(body.timeline.map((line: { state: string }) => line.state)).toEqual([
        "submitted",
        "needs-completion",
      ]);
      expect(body.timeline[1].comment).toBe(supplementNote);
      expect(body.applicantPhone).toBeUndefined();
    }
  });

  test("one 404 for a wrong phone, an unknown code or an unknown province; 400 without any proof", async () => {
    const answers = await Promise.all([
      api({ province, code, phone: "0909999999" }),
      api({ province, code: "000.00.00.H00-250101-0001", phone: "0901234567" }),
      api({ province: "dong-thap", code, phone: "0901234567" }),
      api({ province: "khong-co", code, phone: "0901234567" }),
    ]);
    for (const response of answers) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe("services.lookup.notFound");
    }
    expect((await api({ province, code })).statusCode).toBe(400);
  });

  test("is in the OpenAPI document", async () => {
    const response = await testApp.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(Object.keys(response.json().paths)).toContain("/api/v1/dossiers/lookup");
  });
});
