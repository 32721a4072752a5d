import { and, count, desc, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { formatDate, formatVnd, todayInVietnam } from "../../../platform/vn-format.ts";
import { auditLog } from "../../identity/schema.ts";
import { simulateGatewayResult, validatePaymentRequest } from "../payments/index.ts";
import { dossierPaymentCorrections, dossierPayments, dossiers } from "../schema.ts";
import { findGateway, returnUrlFor } from "./gateway.ts";
import { getReceipt, renderReceiptPdf } from "./receipt.ts";
import { getReconciliation } from "./reconciliation.ts";
import { refundPayment } from "./services/correct-payment.ts";
import { recordPayment } from "./services/record-payment.ts";
import { startPayment } from "./services/start-payment.ts";
import { deliverIpn, extractPdfText } from "./test-support.ts";

const slug = "ba-ria-vung-tau";
const DAY = 86_400_000;
const reason = "Thu nhầm hồ sơ khác của cùng doanh nghiệp";

let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
});
afterAll(() => test.close());

const voidPath = (paymentId: number, province = slug) =>
  `/${province}/admin/services/payments/${paymentId}/void`;
const refundPath = (paymentId: number, province = slug) =>
  `/${province}/admin/services/payments/${paymentId}/refund`;
const dossierPaymentsPath = (dossierId: number) => `/${slug}/admin/services/dossiers/${dossierId}/payments`;
const today = () => formatDate(new Date());
const ctxOf = (account: string, province = slug) =>
  contextAs(test.database.db, province, `${account}@${province}.demo`);

async function as(province: string, account: string): Promise<Browser> {
  const browser = new Browser(test.app);
  await browser.signIn(province, `${account}@${province}.demo`);
  return browser;
}

/** Posts a form with a token read from `tokenPage` (for pages that show no form, as a stale tab would). */
async function post(browser: Browser, tokenPage: string, url: string, fields: Record<string, string>) {
  const token = await browser.csrfToken(tokenPage);
  return test.app.inject({
    method: "POST",
    url,
    headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    remoteAddress: browser.remoteAddress,
  });
}

/** A counter payment recorded by `account` for a new dossier (or `dossierId`). */
async function recorded(account = "motcua", options: { dossierId?: number; paidOn?: string } = {}) {
  const dossierId = options.dossierId ?? (await submitDossierFixture(test.database.db, fixture));
  const { payment } = await recordPayment({
    ctx: await ctxOf(account),
    dossierId,
    input: { method: "counter", amount: "100.000", paidOn: options.paidOn ?? today() },
    portalUrl: `http://localhost/${slug}`,
  });
  return { dossierId, payment };
}

/** Opens an online attempt for a dossier (a new one unless given); returns the IPN the gateway would send. */
async function openOnline(dossierId?: number) {
  const id = dossierId ?? (await submitDossierFixture(test.database.db, fixture));
  const gateway = findGateway(test.app.config)!;
  const now = new Date();
  const { url, txnRef } = await startPayment({
    ctx: await ctxOf("doanhnghiep"),
    dossierId: id,
    gateway,
    returnUrl: returnUrlFor(test.app.config, slug),
    ipAddress: "203.0.113.9",
    locale: "vi",
    now,
  });
  const validation = validatePaymentRequest(gateway.config, url, now);
  if (!validation.ok) throw new Error("refused");
  const ipn = simulateGatewayResult(gateway.config, validation.payment, "success", { now });
  return { dossierId: id, txnRef, ipnQuery: ipn.query };
}

async function paymentByTxnRef(txnRef: string) {
  const [row] = await test.database.db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.txnRef, txnRef));
  return row!;
}

async function paymentById(id: number) {
  const [row] = await test.database.db.select().from(dossierPayments).where(eq(dossierPayments.id, id));
  return row!;
}

async function dossierOf(id: number) {
  const [row] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

async function auditsOf(paymentId: number, action: string) {
  return test.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "dossier_payment"),
        eq(auditLog.entityId, String(paymentId)),
        eq(auditLog.action, action),
      ),
    );
}

async function lastMailTo(recipient: string) {
  const [mail] = await test.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, recipient))
    .orderBy(desc(mailOutbox.id))
    .limit(1);
  return mail!;
}

/** What a refused correction must leave untouched. */
async function footprint(paymentId: number) {
  const db = test.database.db;
  const payment = await paymentById(paymentId);
  const [corrections] = await db
    .select({ n: count() })
    .from(dossierPaymentCorrections)
    .where(eq(dossierPaymentCorrections.paymentId, paymentId));
  const [audits] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityId, String(paymentId)),
        inArray(auditLog.action, ["payment.voided", "payment.refunded"]),
      ),
    );
  const [mails] = await db.select({ n: count() }).from(mailOutbox);
  return {
    status: payment.status,
    paidAt: (await dossierOf(payment.dossierId)).paidAt,
    corrections: corrections!.n,
    audits: audits!.n,
    mails: mails!.n,
  };
}

async function receiptText(paymentId: number): Promise<string> {
  const ctx = await ctxOf("motcua");
  return extractPdfText(
    await renderReceiptPdf(await getReceipt(ctx, paymentId, "staff"), ctx.province, { compress: false }),
  );
}

describe("voiding a payment recorded in error", () => {
  it("another officer voids it: payment voided, correction, fee outstanding, audit, e-mail, receipt marked", async () => {
    const { dossierId, payment } = await recorded("motcua");
    const officer = await as(slug, "canbo");
    const staffPage = await officer.get(`/${slug}/admin/services/dossiers/${dossierId}`);
    expect(staffPage.body).toContain(`href="${dossierPaymentsPath(dossierId)}"`);
    const list = await officer.get(dossierPaymentsPath(dossierId));
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${voidPath(payment.id)}"`);
    expect(list.body).toContain(`href="${refundPath(payment.id)}"`);

    const form = await officer.get(voidPath(payment.id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    expect(form.body).toContain(payment.receiptNumber!);
    expect(form.body).toContain((await dossierOf(dossierId)).code!);
    expect(form.body).toContain("Võ Thị Hồng (một cửa)");
    expect(form.body).toContain("Không thể hoàn tác");

    const response = await officer.submit(voidPath(payment.id), voidPath(payment.id), { reason });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(dossierPaymentsPath(dossierId));
    const back = await officer.get(dossierPaymentsPath(dossierId));
    expect(back.body).toContain(`Đã hủy bản ghi thu ${payment.receiptNumber}.`);
    expect(back.body).toContain("Nguyễn Thị Thu (cán bộ)");

    expect((await paymentById(payment.id)).status).toBe("voided");
    const dossier = await dossierOf(dossierId);
    expect(dossier.paidAt).toBeNull();
    const [correction] = await test.database.db
      .select()
      .from(dossierPaymentCorrections)
      .where(eq(dossierPaymentCorrections.paymentId, payment.id));
    const canbo = await ctxOf("canbo");
    expect(correction).toMatchObject({
      kind: "void",
      amountDong: 100_000,
      reason,
      reference: null,
      refundedOn: null,
      createdByUserId: canbo.actor!.userId,
    });
    const [audit] = await auditsOf(payment.id, "payment.voided");
    expect(audit).toMatchObject({ actorUserId: canbo.actor!.userId });
    expect(audit!.after).toMatchObject({
      status: "voided",
      dossierId,
      amountDong: 100_000,
      reason,
      receiptNumber: payment.receiptNumber,
      dossierPaidAt: null,
    });
    const mail = await lastMailTo(dossier.applicantEmail);
    expect(mail.subject).toContain(`Hủy biên lai ${payment.receiptNumber}`);
    expect(mail.bodyText).toContain(reason);
    expect(mail.bodyText).toContain("chưa được ghi nhận đã nộp");

    // The applicant is told, and offered payment again while the dossier is payable.
    const applicant = await as(slug, "doanhnghiep");
    const payPage = await applicant.get(`/${slug}/my/dossiers/${dossierId}/pay`);
    expect(payPage.body).toContain(
      `Bản ghi thu ${payment.receiptNumber} (${formatVnd(100_000n)}) đã bị hủy ngày ${today()}`,
    );
    expect(payPage.body).toContain(`action="/${slug}/my/dossiers/${dossierId}/pay"`);
    const applicantReceipt = await applicant.get(
      `/${slug}/my/dossiers/${dossierId}/payments/${payment.id}/receipt.pdf`,
    );
    expect(applicantReceipt.statusCode).toBe(200);

    // The receipt is still downloadable and says it was cancelled, and why.
    const text = await receiptText(payment.id);
    expect(text).toContain(`ĐÃ HỦY ngày ${today()}`);
    expect(text).toContain(reason);
    expect(text).toContain(payment.receiptNumber!);
  });

  it("the officer who recorded a payment may not void it; an administrator may void their own", async () => {
    const { payment } = await recorded("motcua");
    const recorder = await as(slug, "motcua");
    const page = await recorder.get(voidPath(payment.id));
    expect(page.body).toContain("không được tự hủy bản ghi");
    expect(page.body).not.toContain('name="reason"');
    const before = await footprint(payment.id);
    const refused = await post(recorder, refundPath(payment.id), voidPath(payment.id), { reason });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Cán bộ đã ghi nhận khoản thu không được tự hủy bản ghi đó");
    expect(await footprint(payment.id)).toEqual(before);

    const own = await recorded("quantri");
    const admin = await as(slug, "quantri");
    const voided = await admin.submit(voidPath(own.payment.id), voidPath(own.payment.id), { reason });
    expect(voided.statusCode).toBe(303);
    expect((await paymentById(own.payment.id)).status).toBe("voided");
  });

  it("an online payment cannot be voided, only refunded", async () => {
    const online = await openOnline();
    await deliverIpn(test.app, online.ipnQuery);
    const payment = await paymentByTxnRef(online.txnRef);
    expect(payment.status).toBe("paid");
    const officer = await as(slug, "canbo");
    const page = await officer.get(voidPath(payment.id));
    expect(page.body).not.toContain('name="reason"');
    expect(page.body).toContain(`href="${refundPath(payment.id)}"`);
    const before = await footprint(payment.id);
    const refused = await post(officer, refundPath(payment.id), voidPath(payment.id), { reason });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Chỉ hủy được bản ghi thu do cán bộ lập");
    expect(await footprint(payment.id)).toEqual(before);
  });
});

describe("recording a refund", () => {
  it("refunds an online paid attempt by transfer; a later IPN for it answers 02 and changes nothing", async () => {
    const online = await openOnline();
    await deliverIpn(test.app, online.ipnQuery);
    const payment = await paymentByTxnRef(online.txnRef);
    const officer = await as(slug, "motcua");
    const form = await officer.get(refundPath(payment.id));
    expect(form.body).toContain(`value="${today()}"`);
    expect(form.body).toContain("Cổng thanh toán (tự động)");
    const response = await officer.submit(refundPath(payment.id), refundPath(payment.id), {
      method: "transfer",
      refundedOn: today(),
      reference: "FT26REFUND001",
      reason: "Doanh nghiệp rút hồ sơ, hoàn trả lệ phí",
    });
    expect(response.statusCode).toBe(303);
    const refunded = await paymentById(payment.id);
    expect(refunded.status).toBe("refunded");
    const [correction] = await test.database.db
      .select()
      .from(dossierPaymentCorrections)
      .where(eq(dossierPaymentCorrections.paymentId, payment.id));
    expect(correction).toMatchObject({
      kind: "refund",
      amountDong: 100_000,
      reference: "FT26REFUND001",
      refundedOn: todayInVietnam(),
    });
    // It was the dossier's only payment: the fee is outstanding again.
    const dossier = await dossierOf(online.dossierId);
    expect(dossier.paidAt).toBeNull();
    expect(await auditsOf(payment.id, "payment.refunded")).toHaveLength(1);
    const mail = await lastMailTo(dossier.applicantEmail);
    expect(mail.subject).toBe(`Hoàn trả phí, lệ phí hồ sơ ${dossier.code}`);
    expect(mail.bodyText).toContain(payment.receiptNumber!);

    const applicant = await as(slug, "doanhnghiep");
    const payPage = await applicant.get(`/${slug}/my/dossiers/${online.dossierId}/pay`);
    expect(payPage.body).toContain(`đã được hoàn trả ngày ${today()}`);

    const paidAudits = (await auditsOf(payment.id, "payment.paid")).length;
    const answer = await deliverIpn(test.app, online.ipnQuery);
    expect(answer.RspCode).toBe("02");
    const after = await paymentById(payment.id);
    expect(after.status).toBe("refunded");
    expect(after.paidAt?.getTime()).toBe(refunded.paidAt?.getTime());
    expect((await dossierOf(online.dossierId)).paidAt).toBeNull();
    expect(await auditsOf(payment.id, "payment.paid")).toHaveLength(paidAudits);

    const text = await receiptText(payment.id);
    expect(text).toContain(`ĐÃ HOÀN TRẢ ngày ${today()}`);
    expect(text).toContain("FT26REFUND001");
    const reconciliation = await officer.get(`/${slug}/admin/services/payments?status=refunded`);
    expect(reconciliation.body).toContain(
      "(Chuyển khoản về tài khoản của người nộp, số tham chiếu FT26REFUND001)",
    );
  });

  it("refunding the extra payment of a duplicate clears the flag and keeps the dossier paid", async () => {
    const first = await openOnline();
    const second = await openOnline(first.dossierId);
    await deliverIpn(test.app, first.ipnQuery);
    await deliverIpn(test.app, second.ipnQuery);
    const paidAt = (await dossierOf(first.dossierId)).paidAt;
    expect(paidAt).not.toBeNull();
    const filters = { from: todayInVietnam(), to: todayInVietnam(), status: null, flag: null };
    const flagsOf = async () => {
      const result = await getReconciliation(await ctxOf("motcua"), filters, { limit: 500, offset: 0 });
      return {
        result,
        flags: new Map(result.rows.map((row) => [row.txnRef, row.flags])),
      };
    };
    const flagged = await flagsOf();
    expect(flagged.flags.get(first.txnRef)).toEqual(["duplicate-payment"]);
    expect(flagged.flags.get(second.txnRef)).toEqual(["duplicate-payment"]);
    const refundedBefore = flagged.result.byStatus.find((line) => line.status === "refunded")!.count;

    const extra = await paymentByTxnRef(second.txnRef);
    const officer = await as(slug, "canbo");
    const page = await officer.get(`/${slug}/admin/services/payments?flag=duplicate-payment`);
    expect(page.body).toContain(`href="${refundPath(extra.id)}"`);
    const response = await officer.submit(refundPath(extra.id), refundPath(extra.id), {
      method: "counter",
      refundedOn: today(),
      reference: "ignored for cash",
      reason: "Thanh toán trùng hai lần, hoàn trả một lần",
    });
    expect(response.statusCode).toBe(303);
    const [correction] = await test.database.db
      .select()
      .from(dossierPaymentCorrections)
      .where(eq(dossierPaymentCorrections.paymentId, extra.id));
    expect(correction!.reference).toBeNull();
    expect((await dossierOf(first.dossierId)).paidAt?.getTime()).toBe(paidAt!.getTime());
    expect((await paymentByTxnRef(first.txnRef)).status).toBe("paid");
    const mail = await lastMailTo((await dossierOf(first.dossierId)).applicantEmail);
    expect(mail.bodyText).toContain("vẫn được ghi nhận đã nộp");

    const cleared = await flagsOf();
    expect(cleared.flags.get(first.txnRef)).toEqual([]);
    expect(cleared.flags.get(second.txnRef)).toEqual([]);
    expect(cleared.result.byStatus.find((line) => line.status === "refunded")!.count).toBe(
      refundedBefore + 1,
    );
    const row = cleared.result.rows.find((candidate) => candidate.txnRef === second.txnRef)!;
    expect(row.correction).toMatchObject({ kind: "refund", createdByName: "Nguyễn Thị Thu (cán bộ)" });

    // The page: status filter and totals know "refunded"; the corrections column says what happened.
    const refundedPage = await officer.get(`/${slug}/admin/services/payments?status=refunded`);
    expect(refundedPage.body).toContain('<option value="refunded" selected>Đã hoàn trả</option>');
    expect(refundedPage.body).toContain('<option value="voided"');
    expect(refundedPage.body).toContain(second.txnRef);
    expect(refundedPage.body).not.toContain(first.txnRef);
    expect(refundedPage.body).toContain(`Đã hoàn trả ngày ${today()} (Tiền mặt tại Bộ phận Một cửa)`);

    const xlsx = await officer.get(`/${slug}/admin/services/payments.xlsx?status=refunded`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(2).values as unknown[];
    const corrections = sheet.getColumn(header.indexOf("Hủy / hoàn trả")).values.map(String);
    expect(corrections.some((text) => text.includes("Thanh toán trùng hai lần"))).toBe(true);
    const totals = workbook.worksheets[1]!.getColumn(1).values.map(String);
    expect(totals).toContain("Đã hoàn trả");
    expect(totals).toContain("Bản ghi đã hủy");
  });
});

describe("corrections refused", () => {
  it("refuses a future date, a date before payment, a transfer without reference and a short reason; nothing changes", async () => {
    const dossierId = await submitDossierFixture(test.database.db, fixture, {
      now: new Date(Date.now() - 3 * DAY),
    });
    const paidOn = formatDate(new Date(Date.now() - 2 * DAY));
    const { payment } = await recorded("motcua", { dossierId, paidOn });
    const officer = await as(slug, "canbo");
    const before = await footprint(payment.id);
    const fields = { method: "counter", refundedOn: today(), reference: "", reason };
    const cases: [Record<string, string>, string, string][] = [
      [
        { refundedOn: formatDate(new Date(Date.now() + 2 * DAY)) },
        "refundedOn",
        "Ngày hoàn trả không được sau ngày hôm nay.",
      ],
      [
        { refundedOn: formatDate(new Date(Date.now() - 3 * DAY)) },
        "refundedOn",
        "Ngày hoàn trả không được trước ngày thu tiền.",
      ],
      [
        { method: "transfer", reference: " " },
        "reference",
        "Nhập số tham chiếu giao dịch chuyển khoản hoàn trả.",
      ],
      [{ reason: "Nhầm" }, "reason", "Lý do phải có ít nhất 10 ký tự."],
      [{ refundedOn: "31/02/2026" }, "refundedOn", ""],
    ];
    for (const [changes, field, message] of cases) {
      const response = await officer.submit(refundPath(payment.id), refundPath(payment.id), {
        ...fields,
        ...changes,
      });
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain(`href="#field-${field}"`);
      if (message) expect(response.body).toContain(message);
    }
    const shortVoid = await officer.submit(voidPath(payment.id), voidPath(payment.id), { reason: "ngắn" });
    expect(shortVoid.statusCode).toBe(422);
    expect(shortVoid.body).toContain("Lý do phải có ít nhất 10 ký tự.");
    expect(shortVoid.body).toContain(">ngắn</textarea>");
    expect(await footprint(payment.id)).toEqual(before);
    expect(before).toMatchObject({ status: "paid", corrections: 0, audits: 0 });

    // The day it was paid is allowed.
    const onPaidDay = await officer.submit(refundPath(payment.id), refundPath(payment.id), {
      ...fields,
      refundedOn: paidOn,
    });
    expect(onPaidDay.statusCode).toBe(303);
  });

  it("refuses a second correction, and of two concurrent corrections exactly one succeeds", async () => {
    const { payment } = await recorded("motcua");
    const admin = await as(slug, "quantri");
    expect((await admin.submit(voidPath(payment.id), voidPath(payment.id), { reason })).statusCode).toBe(303);
    const before = await footprint(payment.id);
    const page = await admin.get(refundPath(payment.id));
    expect(page.body).not.toContain('name="reason"');
    expect(page.body).toContain("Đã hủy bản ghi ngày");
    const again = await post(
      admin,
      `/${slug}/admin/services/dossiers/${payment.dossierId}/payments/record`,
      refundPath(payment.id),
      {
        method: "counter",
        refundedOn: today(),
        reason,
      },
    );
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("Khoản thu này đã được hủy hoặc hoàn trả");
    expect(await footprint(payment.id)).toEqual(before);

    const contested = await recorded("motcua");
    const [first, second] = [await as(slug, "canbo"), await as(slug, "quantri")];
    const tokens = [
      await first.csrfToken(voidPath(contested.payment.id)),
      await second.csrfToken(refundPath(contested.payment.id)),
    ];
    const send = (browser: Browser, token: string, url: string, fields: Record<string, string>) =>
      test.app.inject({
        method: "POST",
        url,
        headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
        remoteAddress: browser.remoteAddress,
      });
    const responses = await Promise.all([
      send(first, tokens[0]!, voidPath(contested.payment.id), { reason }),
      send(second, tokens[1]!, refundPath(contested.payment.id), {
        method: "counter",
        refundedOn: today(),
        reason,
      }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([303, 422]);
    const [corrections] = await test.database.db
      .select({ n: count() })
      .from(dossierPaymentCorrections)
      .where(eq(dossierPaymentCorrections.paymentId, contested.payment.id));
    expect(corrections!.n).toBe(1);
    expect(await footprint(contested.payment.id)).toMatchObject({ audits: 1 });
  });

  it("another province's officer gets 404 and a leader 403; nothing changes", async () => {
    const { payment } = await recorded("motcua");
    const before = await footprint(payment.id);
    const other = await as("dong-thap", "canbo");
    expect((await other.get(refundPath(payment.id, "dong-thap"))).statusCode).toBe(404);
    const posted = await post(
      other,
      "/dong-thap/admin/services/payments",
      refundPath(payment.id, "dong-thap"),
      {
        method: "counter",
        refundedOn: today(),
        reason,
      },
    );
    expect(posted.statusCode).toBe(404);
    await expect(
      refundPayment({
        ctx: await ctxOf("canbo", "dong-thap"),
        paymentId: payment.id,
        input: { method: "counter", refundedOn: today(), reason },
        portalUrl: "http://localhost/dong-thap",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const leader = await as(slug, "lanhdao");
    expect((await leader.get(voidPath(payment.id))).statusCode).toBe(403);
    expect(await footprint(payment.id)).toEqual(before);
  });
});
