import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import { performDossierAction } from "../dossiers/index.ts";
import { parseVietQrPayload } from "../payments/index.ts";
import { dossierPayments, dossiers } from "../schema.ts";
import { getReceipt, renderReceiptPdf } from "./receipt.ts";
import { extractPdfText, locationPath, payInSimulator } from "./test-support.ts";

const slug = "ba-ria-vung-tau";
const applicant = `doanhnghiep@${slug}.demo`;

let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
});
afterAll(() => test.close());

const payPageOf = (id: number) => `/${slug}/my/dossiers/${id}/pay`;

async function signedInApplicant(): Promise<Browser> {
  const browser = new Browser(test.app);
  await browser.signIn(slug, applicant);
  return browser;
}

async function paymentsOf(dossierId: number) {
  return test.database.db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.dossierId, dossierId))
    .orderBy(desc(dossierPayments.id));
}

describe("paying a dossier's fee through the simulator", () => {
  it("shows the fee lines, the VNPay button and a VietQR transfer with the dossier code", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    const browser = await signedInApplicant();
    const page = await browser.get(payPageOf(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Lệ phí");
    expect(page.body).toContain("100.000");
    expect(page.body).toContain(`action="/${slug}/my/dossiers/${id}/pay"`);
    expect(page.body).toContain(dossier!.code!);
    // The QR image is the VietQR payload: NAPAS transfer of 100,000 đ with the code as bill number.
    const image = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(page.body)?.[1];
    expect(image).toBeDefined();
    expect(page.body).toContain(`<code>${dossier!.code}</code>`);
    const { buildVietQrOffer } = await import("./vietqr-offer.ts");
    const offer = await buildVietQrOffer(test.app.config.payments.vietQr, dossier!);
    expect(parseVietQrPayload(offer!.payload)).toMatchObject({
      isCrcValid: true,
      isNapasTransfer: true,
      amount: 100_000,
      billNumber: dossier!.code,
    });
  });

  it("records the payment only through the IPN: paid attempt, receipt number, dossier paid_at, audit, e-mail", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const browser = await signedInApplicant();
    const { returnPath, simulatorPath } = await payInSimulator(browser, payPageOf(id), "success");
    expect(simulatorPath).toMatch(/^\/payment-simulator\/pay\?/);
    expect(simulatorPath).toContain("vnp_Amount=10000000");
    expect(returnPath.startsWith(`/${slug}/payments/vnpay/return?`)).toBe(true);

    const [payment] = await paymentsOf(id);
    expect(payment).toMatchObject({ status: "paid", amountDong: 100_000, gateway: "simulator", ipnCount: 1 });
    expect(payment!.receiptNumber).toMatch(/^BL-\d{4}-\d{7}$/);
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(dossier!.paidAt).not.toBeNull();
    const audits = await test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "dossier_payment"), eq(auditLog.entityId, String(payment!.id))));
    expect(audits.map((row) => row.action).sort()).toEqual(["payment.paid", "payment.start"]);
    const [mail] = await test.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, dossier!.applicantEmail))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    expect(mail!.subject).toContain(dossier!.code!);
    expect(mail!.bodyText).toContain(payment!.receiptNumber!);
    expect(mail!.bodyText).toContain(`/${slug}/my/dossiers/${id}/pay`);

    const returned = await browser.get(returnPath);
    expect(returned.statusCode).toBe(200);
    expect(returned.body).toContain("Giao dịch thanh toán thành công");
    expect(returned.body).toContain("Đã thanh toán");
    expect(returned.body).toContain(`/my/dossiers/${id}/payments/${payment!.id}/receipt.pdf`);

    // Paid: the page offers the receipt and no second payment; a second start is refused.
    const after = await browser.get(payPageOf(id));
    expect(after.body).toContain(payment!.receiptNumber!);
    expect(after.body).not.toContain(`action="/${slug}/my/dossiers/${id}/pay"`);
    const token = await browser.csrfToken(`/${slug}/my/dossiers`);
    const again = await test.app.inject({
      method: "POST",
      url: payPageOf(id),
      headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(token)}`,
      remoteAddress: browser.remoteAddress,
    });
    expect(again.statusCode).toBe(422);
    expect(await paymentsOf(id)).toHaveLength(1);

    // Reception may now receive the online dossier (the core refuses it while unpaid).
    const { dossier: received } = await performDossierAction(
      await contextAs(test.database.db, slug, `motcua@${slug}.demo`),
      id,
      { action: "receive" },
    );
    expect(received.state).toBe("received");
  });

  it("a cancelled payment is recorded as cancelled, leaves the dossier unpaid, and may be tried again", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const browser = await signedInApplicant();
    const { returnPath } = await payInSimulator(browser, payPageOf(id), "cancelled");
    const [cancelled] = await paymentsOf(id);
    expect(cancelled).toMatchObject({ status: "cancelled", responseCode: "24", receiptNumber: null });
    const returned = await browser.get(returnPath);
    expect(returned.body).toContain("Giao dịch thanh toán không thành công");
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(dossier!.paidAt).toBeNull();

    await payInSimulator(browser, payPageOf(id), "insufficient-funds");
    await payInSimulator(browser, payPageOf(id), "success");
    const attempts = await paymentsOf(id);
    expect(attempts.map((attempt) => attempt.status)).toEqual(["paid", "failed", "cancelled"]);
    expect(new Set(attempts.map((attempt) => attempt.txnRef)).size).toBe(3);
  });

  it("the return URL never marks a payment paid, even with a valid success signature", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const browser = await signedInApplicant();
    const started = await browser.submit(payPageOf(id), payPageOf(id), {});
    const simulatorPath = locationPath(started);
    const { simulateGatewayResult, validatePaymentRequest } = await import("../payments/index.ts");
    const config = test.app.config.payments.vnpay!;
    const validation = validatePaymentRequest(config, simulatorPath, new Date());
    if (!validation.ok) throw new Error("simulator refused our own request");
    // A signed success the gateway would send, but the IPN never came.
    const result = simulateGatewayResult(config, validation.payment, "success", { now: new Date() });
    const returned = await browser.get(`/${slug}/payments/vnpay/return?${result.query}`);
    expect(returned.statusCode).toBe(200);
    expect(returned.body).toContain("Đang chờ thanh toán");
    const [payment] = await paymentsOf(id);
    expect(payment).toMatchObject({ status: "pending", ipnCount: 0, paidAt: null });
    const [dossier] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(dossier!.paidAt).toBeNull();

    const tampered = await browser.get(
      `/${slug}/payments/vnpay/return?${result.query.replace("vnp_Amount=10000000", "vnp_Amount=100")}`,
    );
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain("Kết quả thanh toán không hợp lệ");
  });

  it("prints a receipt with the amount in words, downloadable by its payer", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const browser = await signedInApplicant();
    await payInSimulator(browser, payPageOf(id), "success");
    const [payment] = await paymentsOf(id);
    const download = await browser.get(`/${slug}/my/dossiers/${id}/payments/${payment!.id}/receipt.pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const ctx = await contextAs(test.database.db, slug, applicant);
    const text = extractPdfText(
      await renderReceiptPdf(await getReceipt(ctx, payment!.id, "applicant"), ctx.province, {
        compress: false,
      }),
    );
    expect(text).toContain("BIÊN LAI THU PHÍ, LỆ PHÍ");
    expect(text).toContain(payment!.receiptNumber!);
    expect(text).toContain("Một trăm nghìn đồng");
    expect(text).toContain("100.000");
    expect(text).toContain(payment!.txnRef);
  });

  it("refuses a simulator request that was tampered with, and an unknown outcome changes nothing", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const browser = await signedInApplicant();
    const started = await browser.submit(payPageOf(id), payPageOf(id), {});
    const simulatorPath = locationPath(started);
    const tampered = await browser.get(simulatorPath.replace("vnp_Amount=10000000", "vnp_Amount=500000"));
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain("Sai chữ ký");
    const unknownOutcome = await browser.submit(simulatorPath, "/payment-simulator/pay", {
      request: simulatorPath.slice(simulatorPath.indexOf("?") + 1),
      outcome: "refund-me",
    });
    expect(unknownOutcome.statusCode).toBe(303);
    expect(locationPath(unknownOutcome)).toBe(simulatorPath);
    const [payment] = await paymentsOf(id);
    expect(payment).toMatchObject({ status: "pending", ipnCount: 0 });
  });
});
