import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import {
  type SimulatedOutcome,
  simulateGatewayResult,
  type VnpayConfig,
  validatePaymentRequest,
} from "../payments/index.ts";
import { dossierPayments, dossiers } from "../schema.ts";
import { findGateway, returnUrlFor } from "./gateway.ts";
import { startPayment } from "./services/start-payment.ts";
import { deliverIpn, resignedQuery } from "./test-support.ts";

const slug = "ba-ria-vung-tau";

let test: TestApp;
let fixture: ServiceFixture;
let gatewayConfig: VnpayConfig;

beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
  gatewayConfig = findGateway(test.app.config)!.config;
});
afterAll(() => test.close());

/** A submitted dossier with one pending attempt, and the signed IPN query the gateway would send for it. */
async function pendingAttempt(outcome: SimulatedOutcome = "success") {
  const dossierId = await submitDossierFixture(test.database.db, fixture);
  const ctx = await contextAs(test.database.db, slug, `doanhnghiep@${slug}.demo`);
  const { url, txnRef } = await startPayment({
    ctx,
    dossierId,
    gateway: findGateway(test.app.config),
    returnUrl: returnUrlFor(test.app.config, slug),
    ipAddress: "203.0.113.7",
    locale: "vi",
  });
  const validation = validatePaymentRequest(gatewayConfig, url, new Date());
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  const result = simulateGatewayResult(gatewayConfig, validation.payment, outcome, { now: new Date() });
  return { dossierId, txnRef, result };
}

async function attempt(txnRef: string) {
  const [row] = await test.database.db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.txnRef, txnRef));
  return row!;
}

async function auditActions(paymentId: number) {
  const rows = await test.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "dossier_payment"), eq(auditLog.entityId, String(paymentId))));
  return rows.map((row) => row.action).sort();
}

describe("VNPay IPN", () => {
  it("confirms once; a replay answers 02 and changes nothing but the delivery count", async () => {
    const { dossierId, txnRef, result } = await pendingAttempt();
    expect(await deliverIpn(test.app, result.query)).toEqual({ RspCode: "00", Message: "Confirm Success" });
    const first = await attempt(txnRef);
    const [paidDossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(first.status).toBe("paid");

    expect(await deliverIpn(test.app, result.query)).toEqual({
      RspCode: "02",
      Message: "Order already confirmed",
    });
    const second = await attempt(txnRef);
    expect(second).toMatchObject({
      status: "paid",
      receiptNumber: first.receiptNumber,
      paidAt: first.paidAt,
      ipnCount: 2,
    });
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier!.paidAt).toEqual(paidDossier!.paidAt);
    expect(await auditActions(first.id)).toEqual(["payment.paid", "payment.start"]);
    const mails = await test.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.bodyText, `%${first.receiptNumber}%`));
    expect(mails).toHaveLength(1);
  });

  it("records two concurrent deliveries of the same IPN once", async () => {
    const { txnRef, result } = await pendingAttempt();
    const answers = await Promise.all([
      deliverIpn(test.app, result.query),
      deliverIpn(test.app, result.query),
    ]);
    expect(answers.map((answer) => answer.RspCode).sort()).toEqual(["00", "02"]);
    const row = await attempt(txnRef);
    expect(row.status).toBe("paid");
    expect((await auditActions(row.id)).filter((action) => action === "payment.paid")).toHaveLength(1);
  });

  it("answers 04 to a signed notification for another amount and keeps the attempt open, with evidence", async () => {
    const { dossierId, txnRef, result } = await pendingAttempt();
    const wrongAmount = resignedQuery(result.params, { vnp_Amount: "500000" }, gatewayConfig.hashSecret);
    expect(await deliverIpn(test.app, wrongAmount)).toEqual({ RspCode: "04", Message: "invalid amount" });
    const row = await attempt(txnRef);
    expect(row).toMatchObject({ status: "pending", ipnCount: 1, receiptNumber: null });
    expect((row.ipnPayload as Record<string, string>).vnp_Amount).toBe("500000");
    expect(await auditActions(row.id)).toContain("payment.ipn.amountMismatch");
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier!.paidAt).toBeNull();
    // The genuine notification still goes through afterwards.
    expect((await deliverIpn(test.app, result.query)).RspCode).toBe("00");
  });

  it("answers 97 to a tampered or duplicated query without touching the attempt", async () => {
    const { txnRef, result } = await pendingAttempt();
    const tampered = result.query.replace("vnp_ResponseCode=00", "vnp_ResponseCode=01");
    expect(tampered).not.toBe(result.query);
    expect(await deliverIpn(test.app, tampered)).toEqual({ RspCode: "97", Message: "Invalid signature" });
    const flipped = result.query.replace(
      /vnp_SecureHash=([0-9a-f])/,
      (_, first: string) => `vnp_SecureHash=${first === "a" ? "b" : "a"}`,
    );
    expect((await deliverIpn(test.app, flipped)).RspCode).toBe("97");
    expect((await deliverIpn(test.app, `${result.query}&vnp_TxnRef=${txnRef}`)).RspCode).toBe("97");
    expect((await deliverIpn(test.app, "")).RspCode).toBe("97");
    expect(await attempt(txnRef)).toMatchObject({ status: "pending", ipnCount: 0 });
  });

  it("answers 01 to a signed notification for an order it never created", async () => {
    const { result } = await pendingAttempt();
    const unknown = resignedQuery(result.params, { vnp_TxnRef: "D999999-UNKNOWN" }, gatewayConfig.hashSecret);
    expect(await deliverIpn(test.app, unknown)).toEqual({
      RspCode: "01",
      Message: "Order not found",
    });
  });

  it("records a failed payment once (00 to VNPay) and leaves the dossier unpaid", async () => {
    const { dossierId, txnRef, result } = await pendingAttempt("insufficient-funds");
    expect((await deliverIpn(test.app, result.query)).RspCode).toBe("00");
    expect((await deliverIpn(test.app, result.query)).RspCode).toBe("02");
    const row = await attempt(txnRef);
    expect(row).toMatchObject({ status: "failed", responseCode: "51", ipnCount: 2, receiptNumber: null });
    expect(await auditActions(row.id)).toEqual(["payment.failed", "payment.start"]);
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier!.paidAt).toBeNull();
  });

  it("is documented in the OpenAPI description", async () => {
    const docs = await test.app.inject("/api/docs/json");
    expect(docs.json().paths["/api/v1/payments/vnpay/ipn"]).toBeDefined();
  });
});
