import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import { auditLog, users } from "../../identity/schema.ts";
import { performDossierAction } from "../dossiers/index.ts";
import { dossierPayments, dossiers } from "../schema.ts";
import { getReceipt, renderReceiptPdf } from "./receipt.ts";
import { extractPdfText } from "./test-support.ts";

const slug = "ba-ria-vung-tau";
const DAY = 86_400_000;

let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
});
afterAll(() => test.close());

const recordPath = (id: number, province = slug) =>
  `/${province}/admin/services/dossiers/${id}/payments/record`;

async function as(province: string, account: string): Promise<Browser> {
  const browser = new Browser(test.app);
  await browser.signIn(province, `${account}@${province}.demo`);
  return browser;
}

async function paymentsOf(dossierId: number) {
  return test.database.db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.dossierId, dossierId))
    .orderBy(desc(dossierPayments.id));
}

async function dossierOf(id: number) {
  const [row] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

/** What a refused record must leave untouched: payment rows, the dossier's paid_at, audit rows, mail. */
async function footprint(dossierId: number) {
  const db = test.database.db;
  const [audits] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.action, "payment.recorded"));
  const [mails] = await db.select({ n: count() }).from(mailOutbox);
  return {
    payments: (await paymentsOf(dossierId)).length,
    paidAt: (await dossierOf(dossierId)).paidAt,
    audits: audits!.n,
    mails: mails!.n,
  };
}

const today = () => formatDate(new Date());

describe("an officer records a fee paid at the counter or by transfer", () => {
  it("records a transfer: paid row with receipt number, dossier paid, audit, e-mail; the dossier can be received", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const officer = await as(slug, "motcua");
    const staffPage = await officer.get(`/${slug}/admin/services/dossiers/${id}`);
    expect(staffPage.body).toContain(`href="${recordPath(id)}"`);
    const form = await officer.get(recordPath(id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    expect(form.body).toContain(`value="${today()}"`);

    const response = await officer.submit(recordPath(id), recordPath(id), {
      method: "transfer",
      amount: "100.000",
      paidOn: today(),
      bankReference: "FT26123456789",
      note: "Đối chiếu sao kê VietinBank",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/${slug}/admin/services/dossiers/${id}`);

    const [payment] = await paymentsOf(id);
    const [officerRow] = await test.database.db
      .select()
      .from(users)
      .where(eq(users.email, `motcua@${slug}.demo`));
    expect(payment).toMatchObject({
      status: "paid",
      gateway: "transfer",
      amountDong: 100_000,
      gatewayTransactionNo: "FT26123456789",
      note: "Đối chiếu sao kê VietinBank",
      recordedByUserId: officerRow!.id,
      ipnCount: 0,
    });
    expect(payment!.receiptNumber).toBe(
      `BL-${formatDate(new Date()).slice(6)}-${String(payment!.id).padStart(7, "0")}`,
    );
    const dossier = await dossierOf(id);
    expect(dossier.paidAt?.getTime()).toBe(payment!.paidAt?.getTime());

    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "dossier_payment"), eq(auditLog.entityId, String(payment!.id))));
    expect(audit).toMatchObject({ action: "payment.recorded", actorUserId: officerRow!.id });
    expect(audit!.after).toMatchObject({ method: "transfer", bankReference: "FT26123456789" });

    const [mail] = await test.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, dossier.applicantEmail))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    expect(mail!.subject).toContain(dossier.code!);
    expect(mail!.bodyText).toContain(payment!.receiptNumber!);
    expect(mail!.bodyText).toContain(`/${slug}/my/dossiers/${id}/pay`);

    // The staff page no longer offers to record; the form page shows the receipt instead of the form.
    const after = await officer.get(`/${slug}/admin/services/dossiers/${id}`);
    expect(after.body).toContain(payment!.receiptNumber!);
    expect(after.body).not.toContain(`href="${recordPath(id)}"`);
    expect((await officer.get(recordPath(id))).body).not.toContain('name="amount"');

    // The applicant sees the recorded payment and is no longer offered to pay.
    const applicant = await as(slug, "doanhnghiep");
    const payPage = await applicant.get(`/${slug}/my/dossiers/${id}/pay`);
    expect(payPage.body).toContain("Chuyển khoản ngân hàng");
    expect(payPage.body).toContain(`/my/dossiers/${id}/payments/${payment!.id}/receipt.pdf`);
    expect(payPage.body).not.toContain(`action="/${slug}/my/dossiers/${id}/pay"`);

    // Reconciliation lists it with its method; the receipt says how it was paid.
    const reconciliation = await officer.get(`/${slug}/admin/services/payments`);
    expect(reconciliation.body).toContain(payment!.txnRef);
    expect(reconciliation.body).toContain("Chuyển khoản ngân hàng");
    const ctx = await contextAs(test.database.db, slug, `motcua@${slug}.demo`);
    const text = extractPdfText(
      await renderReceiptPdf(await getReceipt(ctx, payment!.id, "staff"), ctx.province, { compress: false }),
    );
    expect(text).toContain("Chuyển khoản ngân hàng");
    expect(text).toContain("FT26123456789");
    expect(text).toContain(payment!.receiptNumber!);

    const { dossier: received } = await performDossierAction(ctx, id, { action: "receive" });
    expect(received.state).toBe("received");
  });

  it("records cash paid at the counter on an earlier day, after submission", async () => {
    const submittedAt = new Date(Date.now() - 3 * DAY);
    const id = await submitDossierFixture(test.database.db, fixture, { now: submittedAt });
    const officer = await as(slug, "motcua");
    const paidOn = formatDate(new Date(Date.now() - 2 * DAY));
    const response = await officer.submit(recordPath(id), recordPath(id), {
      method: "counter",
      amount: "100000",
      paidOn,
      bankReference: "ignored for cash",
      note: "",
    });
    expect(response.statusCode).toBe(303);
    const [payment] = await paymentsOf(id);
    expect(payment).toMatchObject({ gateway: "counter", gatewayTransactionNo: null, note: null });
    expect(formatDate(payment!.paidAt!)).toBe(paidOn);
    const ctx = await contextAs(test.database.db, slug, `motcua@${slug}.demo`);
    const text = extractPdfText(
      await renderReceiptPdf(await getReceipt(ctx, payment!.id, "staff"), ctx.province, { compress: false }),
    );
    expect(text).toContain("Tiền mặt tại Bộ phận Một cửa");
    expect(text).toContain(paidOn);
  });

  it("refuses a wrong amount with a clear message and writes nothing", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const officer = await as(slug, "motcua");
    const before = await footprint(id);
    const response = await officer.submit(recordPath(id), recordPath(id), {
      method: "counter",
      amount: "90.000",
      paidOn: today(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Số tiền phải bằng đúng khoản phí, lệ phí còn phải nộp của hồ sơ");
    expect(response.body).toContain('href="#field-amount"');
    expect(response.body).toContain('value="90.000"');
    expect(await footprint(id)).toEqual(before);
  });

  it("refuses a date in the future or before submission, and a transfer without its reference", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const officer = await as(slug, "motcua");
    const before = await footprint(id);
    const future = await officer.submit(recordPath(id), recordPath(id), {
      method: "counter",
      amount: "100.000",
      paidOn: formatDate(new Date(Date.now() + 2 * DAY)),
    });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain("Ngày nộp tiền không được sau ngày hôm nay.");
    const early = await officer.submit(recordPath(id), recordPath(id), {
      method: "counter",
      amount: "100.000",
      paidOn: formatDate(new Date(Date.now() - 2 * DAY)),
    });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain("Ngày nộp tiền không được trước ngày nộp hồ sơ.");
    const noReference = await officer.submit(recordPath(id), recordPath(id), {
      method: "transfer",
      amount: "100.000",
      paidOn: today(),
      bankReference: " ",
    });
    expect(noReference.statusCode).toBe(422);
    expect(noReference.body).toContain("số tham chiếu giao dịch chuyển khoản");
    expect(await footprint(id)).toEqual(before);
  });

  it("refuses to record a fee already paid", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const officer = await as(slug, "motcua");
    const fields = { method: "counter", amount: "100.000", paidOn: today() };
    expect((await officer.submit(recordPath(id), recordPath(id), fields)).statusCode).toBe(303);
    const before = await footprint(id);
    // The page no longer has the form; a post built by hand (stale tab) is refused.
    const token = await officer.csrfToken(`/${slug}/admin/services/dossiers/${id}`);
    const again = await test.app.inject({
      method: "POST",
      url: recordPath(id),
      headers: { cookie: officer.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      remoteAddress: officer.remoteAddress,
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("Phí, lệ phí của hồ sơ này đã được nộp.");
    expect(await footprint(id)).toEqual(before);
  });

  it("of two concurrent records exactly one is paid", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const [first, second] = [await as(slug, "motcua"), await as(slug, "quantri")];
    const post = async (browser: Browser, reference: string) => {
      const token = await browser.csrfToken(recordPath(id));
      return () =>
        test.app.inject({
          method: "POST",
          url: recordPath(id),
          headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams({
            _csrf: token,
            method: "transfer",
            amount: "100.000",
            paidOn: today(),
            bankReference: reference,
          }).toString(),
          remoteAddress: browser.remoteAddress,
        });
    };
    const sends = [await post(first, "REF-A"), await post(second, "REF-B")];
    const responses = await Promise.all(sends.map((send) => send()));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([303, 422]);
    const payments = await paymentsOf(id);
    expect(payments.filter((payment) => payment.status === "paid")).toHaveLength(1);
    const [audits] = await test.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "payment.recorded"), eq(auditLog.entityId, String(payments[0]!.id))));
    expect(audits!.n).toBe(1);
  });
});

describe("who may record a payment", () => {
  it("an officer without services.payments (a leader) may neither see the form nor record", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const leader = await as(slug, "lanhdao");
    expect((await leader.get(`/${slug}/admin/services/dossiers/${id}`)).body).not.toContain(recordPath(id));
    expect((await leader.get(recordPath(id))).statusCode).toBe(403);
    const before = await footprint(id);
    const token = await leader.csrfToken(`/${slug}/admin/services/dossiers/${id}`);
    const posted = await test.app.inject({
      method: "POST",
      url: recordPath(id),
      headers: { cookie: leader.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        _csrf: token,
        method: "counter",
        amount: "100.000",
        paidOn: today(),
      }).toString(),
      remoteAddress: leader.remoteAddress,
    });
    expect(posted.statusCode).toBe(403);
    expect(await footprint(id)).toEqual(before);
  });

  it("an officer of another province cannot record this province's payment", async () => {
    const id = await submitDossierFixture(test.database.db, fixture);
    const other = await as("dong-thap", "motcua");
    const before = await footprint(id);
    // On their own portal this province's dossier does not exist.
    expect((await other.get(recordPath(id, "dong-thap"))).statusCode).toBe(404);
    const token = await other.csrfToken("/dong-thap/admin/services/payments");
    const fields = { _csrf: token, method: "counter", amount: "100.000", paidOn: today() };
    const onOwnPortal = await test.app.inject({
      method: "POST",
      url: recordPath(id, "dong-thap"),
      headers: { cookie: other.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: other.remoteAddress,
    });
    expect(onOwnPortal.statusCode).toBe(404);
    // On this province's portal their account is a visitor's.
    expect((await other.get(recordPath(id))).statusCode).toBe(303);
    const onThisPortal = await test.app.inject({
      method: "POST",
      url: recordPath(id),
      headers: { cookie: other.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: other.remoteAddress,
    });
    expect(onThisPortal.statusCode).toBe(303);
    expect(onThisPortal.headers.location).toContain(`/${slug}/sign-in`);
    expect(await footprint(id)).toEqual(before);
  });
});
