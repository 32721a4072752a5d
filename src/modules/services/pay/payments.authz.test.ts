import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { dossierPayments } from "../schema.ts";
import { payInSimulator } from "./test-support.ts";

const slug = "ba-ria-vung-tau";

let test: TestApp;
let fixture: ServiceFixture;
let dossierId: number;
let paymentId: number;
let txnRef: string;
let returnPath: string;

beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
  dossierId = await submitDossierFixture(test.database.db, fixture);
  const owner = new Browser(test.app);
  await owner.signIn(slug, `doanhnghiep@${slug}.demo`);
  ({ returnPath } = await payInSimulator(owner, `/${slug}/my/dossiers/${dossierId}/pay`, "success"));
  const [payment] = await test.database.db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.dossierId, dossierId));
  paymentId = payment!.id;
  txnRef = payment!.txnRef;
});
afterAll(() => test.close());

async function as(province: string, account: string | null): Promise<Browser> {
  const browser = new Browser(test.app);
  if (account) await browser.signIn(province, `${account}@${province}.demo`);
  return browser;
}

const attemptCount = async () =>
  (await test.database.db.select().from(dossierPayments).where(eq(dossierPayments.dossierId, dossierId)))
    .length;

describe("who may pay, see receipts and reconcile", () => {
  it("another applicant cannot see the fee page, start a payment or download the receipt", async () => {
    const citizen = await as(slug, "congdan");
    expect((await citizen.get(`/${slug}/my/dossiers/${dossierId}/pay`)).statusCode).toBe(404);
    const token = await citizen.csrfToken(`/${slug}/my/dossiers`);
    const start = await test.app.inject({
      method: "POST",
      url: `/${slug}/my/dossiers/${dossierId}/pay`,
      headers: { cookie: citizen.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(token)}`,
      remoteAddress: citizen.remoteAddress,
    });
    expect(start.statusCode).toBe(404);
    expect(await attemptCount()).toBe(1);
    const receipt = await citizen.get(`/${slug}/my/dossiers/${dossierId}/payments/${paymentId}/receipt.pdf`);
    expect(receipt.statusCode).toBe(404);
    // The return page shows the gateway's answer but not someone else's dossier or receipt.
    const returned = await citizen.get(returnPath);
    expect(returned.statusCode).toBe(200);
    expect(returned.body).not.toContain(`/my/dossiers/${dossierId}`);
  });

  it("a visitor is sent to sign in", async () => {
    const visitor = await as(slug, null);
    const page = await visitor.get(`/${slug}/my/dossiers/${dossierId}/pay`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain(`/${slug}/sign-in`);
  });

  it("officers and administrators reconcile; leaders, applicants and visitors may not", async () => {
    for (const account of ["motcua", "quantri"]) {
      const browser = await as(slug, account);
      const page = await browser.get(`/${slug}/admin/services/payments`);
      expect(page.statusCode, account).toBe(200);
      expect(page.body).toContain(txnRef);
      expect(
        (await browser.get(`/${slug}/admin/services/payments/${paymentId}/receipt.pdf`)).statusCode,
      ).toBe(200);
    }
    for (const account of ["lanhdao", "doanhnghiep", "congdan"]) {
      const browser = await as(slug, account);
      expect((await browser.get(`/${slug}/admin/services/payments`)).statusCode, account).toBe(403);
      expect((await browser.get(`/${slug}/admin/services/payments.xlsx`)).statusCode, account).toBe(403);
      expect(
        (await browser.get(`/${slug}/admin/services/payments/${paymentId}/receipt.pdf`)).statusCode,
      ).toBe(403);
    }
  });

  it("an officer of another province sees none of this province's payments", async () => {
    const other = await as("dong-thap", "motcua");
    const page = await other.get("/dong-thap/admin/services/payments");
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(txnRef);
    expect((await other.get(`/dong-thap/admin/services/payments/${paymentId}/receipt.pdf`)).statusCode).toBe(
      404,
    );
    // On this province's portal their account is a visitor's.
    expect((await other.get(`/${slug}/admin/services/payments`)).statusCode).toBe(303);
  });
});
