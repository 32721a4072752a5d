import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../../../../test/helpers/app.ts";
import { createTestDatabase } from "../../../../test/helpers/database.ts";
import {
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { buildApp } from "../../../app.ts";
import { loadConfig } from "../../../config.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { loadDemoData } from "../../../workflows/demo-data.ts";
import { loadReferenceData } from "../../../workflows/reference-data.ts";
import { readVnpayResult, simulateGatewayResult, validatePaymentRequest } from "../payments/index.ts";
import { dossierPayments, dossiers } from "../schema.ts";
import { deliverIpn } from "./test-support.ts";

// An installation with a VNPay terminal configured (a made-up secret; nothing leaves the process).
const sandbox = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";
const terminal = { tmnCode: "DEMOV210", hashSecret: "TESTSECRETTESTSECRETTESTSECRET00", paymentUrl: sandbox };
const slug = "ba-ria-vung-tau";

let app: FastifyInstance;
let database: DatabaseHandle;
let fixture: ServiceFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReferenceData(database.db);
  await loadDemoData(database.db);
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: ".test-data/app",
    SESSION_SECRET: "test-secret-that-is-long-enough-0123456789",
    VNPAY_TMN_CODE: terminal.tmnCode,
    VNPAY_HASH_SECRET: terminal.hashSecret,
  });
  app = await buildApp({ config, database });
  await app.ready();
  fixture = await seedServiceFixture(database.db, slug);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("with a VNPay terminal configured", () => {
  it("sends the payer to VNPay's page through a page of our own, with a URL signed for the terminal", async () => {
    const id = await submitDossierFixture(database.db, fixture);
    const browser = new Browser(app);
    await browser.signIn(slug, `doanhnghiep@${slug}.demo`);
    const payPage = `/${slug}/my/dossiers/${id}/pay`;
    const response = await browser.submit(payPage, payPage, {});
    // Not a 303: Chrome would hold a cross-origin redirect after a form post against form-action 'self'.
    expect(response.statusCode).toBe(200);
    const url = /<a class="button" href="([^"]+)"/.exec(response.body)?.[1]?.replaceAll("&amp;", "&");
    expect(url?.startsWith(`${sandbox}?`)).toBe(true);
    expect(response.body).toContain('http-equiv="refresh"');
    const validation = validatePaymentRequest(terminal, url!, new Date());
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.payment.amount).toBe(100_000);
    expect(validation.payment.returnUrl).toBe(`${app.config.publicUrl}/${slug}/payments/vnpay/return`);

    const [attempt] = await database.db
      .select()
      .from(dossierPayments)
      .where(eq(dossierPayments.dossierId, id));
    expect(attempt).toMatchObject({ gateway: "vnpay", status: "pending", txnRef: validation.payment.txnRef });

    // VNPay's IPN, signed with the terminal's secret, records the payment.
    const result = simulateGatewayResult(terminal, validation.payment, "success", { now: new Date() });
    expect(readVnpayResult(terminal, result.query).isPaid).toBe(true);
    expect((await deliverIpn(app, result.query)).RspCode).toBe("00");
    const [dossier] = await database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(dossier!.paidAt).not.toBeNull();
  });

  it("has no simulator, and refuses an IPN signed with any other key", async () => {
    expect((await app.inject("/payment-simulator/pay?vnp_TxnRef=x")).statusCode).toBe(404);
    const id = await submitDossierFixture(database.db, fixture);
    const browser = new Browser(app);
    await browser.signIn(slug, `doanhnghiep@${slug}.demo`);
    const payPage = `/${slug}/my/dossiers/${id}/pay`;
    const response = await browser.submit(payPage, payPage, {});
    const url = /<a class="button" href="([^"]+)"/.exec(response.body)![1]!.replaceAll("&amp;", "&");
    const validation = validatePaymentRequest(terminal, url, new Date());
    if (!validation.ok) throw new Error("refused");
    const forged = simulateGatewayResult(
      { hashSecret: "another-secret-another-secret-00" },
      validation.payment,
      "success",
      { now: new Date() },
    );
    expect((await deliverIpn(app, forged.query)).RspCode).toBe("97");
    const [attempt] = await database.db
      .select()
      .from(dossierPayments)
      .where(eq(dossierPayments.dossierId, id));
    expect(attempt!.status).toBe("pending");
  });
});
