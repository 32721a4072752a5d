import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import { simulateGatewayResult, validatePaymentRequest } from "../payments/index.ts";
import { dossiers } from "../schema.ts";
import { findGateway, returnUrlFor } from "./gateway.ts";
import { getReconciliation, type ReconciliationFilters } from "./reconciliation.ts";
import { startPayment } from "./services/start-payment.ts";
import { deliverIpn, resignedQuery } from "./test-support.ts";

const slug = "ba-ria-vung-tau";
const today = todayInVietnam();
// From two days back, so an attempt opened 20 minutes ago just after midnight is still inside.
const wholeMonth: ReconciliationFilters = {
  from: todayInVietnam(new Date(Date.now() - 2 * 86_400_000)),
  to: today,
  status: null,
  flag: null,
};

let test: TestApp;
let fixture: ServiceFixture;
const txnRefs: Record<string, string> = {};

/** Opens an attempt for a dossier (a new one unless given); returns the IPN the gateway would send for it. */
async function open(dossierId?: number, now = new Date()) {
  const id = dossierId ?? (await submitDossierFixture(test.database.db, fixture));
  const gateway = findGateway(test.app.config)!;
  const { url, txnRef } = await startPayment({
    ctx: await contextAs(test.database.db, slug, `doanhnghiep@${slug}.demo`),
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
  return { id, txnRef, ipn };
}

// Seven attempts, one per situation the officers must see.
beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
  const config = findGateway(test.app.config)!.config;

  const normal = await open();
  await deliverIpn(test.app, normal.ipn.query);
  txnRefs.normal = normal.txnRef;

  const replayed = await open();
  await deliverIpn(test.app, replayed.ipn.query);
  await deliverIpn(test.app, replayed.ipn.query);
  txnRefs.replayed = replayed.txnRef;

  txnRefs.stale = (await open(undefined, new Date(Date.now() - 20 * 60_000))).txnRef;
  txnRefs.fresh = (await open()).txnRef;

  const unrecorded = await open();
  await deliverIpn(test.app, unrecorded.ipn.query);
  await test.database.db.update(dossiers).set({ paidAt: null }).where(eq(dossiers.id, unrecorded.id));
  txnRefs.unrecorded = unrecorded.txnRef;

  const mismatch = await open();
  await deliverIpn(
    test.app,
    resignedQuery(mismatch.ipn.params, { vnp_Amount: "1000000" }, config.hashSecret),
  );
  txnRefs.mismatch = mismatch.txnRef;

  // Two tabs: two attempts opened before either is paid, then both paid.
  const first = await open();
  const second = await open(first.id);
  await deliverIpn(test.app, first.ipn.query);
  await deliverIpn(test.app, second.ipn.query);
  txnRefs.duplicateFirst = first.txnRef;
  txnRefs.duplicateSecond = second.txnRef;
});
afterAll(() => test.close());

const officer = () => contextAs(test.database.db, slug, `motcua@${slug}.demo`);
const flagsOf = async (filters: ReconciliationFilters) => {
  const result = await getReconciliation(await officer(), filters, { limit: 100, offset: 0 });
  return { result, byTxnRef: new Map(result.rows.map((row) => [row.txnRef, row.flags])) };
};

describe("payment reconciliation", () => {
  it("flags each situation and nothing else", async () => {
    const { byTxnRef } = await flagsOf(wholeMonth);
    expect(byTxnRef.get(txnRefs.normal!)).toEqual([]);
    expect(byTxnRef.get(txnRefs.fresh!)).toEqual([]);
    expect(byTxnRef.get(txnRefs.replayed!)).toEqual(["repeated-ipn"]);
    expect(byTxnRef.get(txnRefs.stale!)).toEqual(["stale-pending"]);
    expect(byTxnRef.get(txnRefs.unrecorded!)).toEqual(["paid-without-dossier-paid-at"]);
    expect(byTxnRef.get(txnRefs.mismatch!)).toEqual(["amount-mismatch"]);
    expect(byTxnRef.get(txnRefs.duplicateFirst!)).toEqual(["duplicate-payment"]);
    expect(byTxnRef.get(txnRefs.duplicateSecond!)).toEqual(["duplicate-payment"]);
  });

  it("totals per status and the flagged count over the period", async () => {
    const { result } = await flagsOf(wholeMonth);
    expect(result.total).toBe(8);
    expect(result.flaggedCount).toBe(6);
    expect(result.paidAmountDong).toBe(500_000);
    expect(
      Object.fromEntries(result.byStatus.map((line) => [line.status, [line.count, line.amountDong]])),
    ).toEqual({
      pending: [3, 300_000],
      paid: [5, 500_000],
      failed: [0, 0],
      cancelled: [0, 0],
      expired: [0, 0],
      voided: [0, 0],
      refunded: [0, 0],
    });
    const flagged = await flagsOf({ ...wholeMonth, flag: "any" });
    expect(flagged.result.rows).toHaveLength(6);
    const pending = await flagsOf({ ...wholeMonth, status: "pending" });
    expect(pending.result.rows.map((row) => row.txnRef).sort()).toEqual(
      [txnRefs.fresh, txnRefs.stale, txnRefs.mismatch].sort(),
    );
    const yesterday = new Date(Date.now() - 86_400_000 * 40);
    const before = todayInVietnam(yesterday);
    expect((await flagsOf({ ...wholeMonth, from: before, to: before })).result.total).toBe(0);
  });

  it("shows the page with filters and exports the same rows to XLSX", async () => {
    const browser = new Browser(test.app);
    await browser.signIn(slug, `motcua@${slug}.demo`);
    const page = await browser.get(`/${slug}/admin/services/payments?flag=any`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Đối soát thanh toán phí, lệ phí");
    expect(page.body).toContain("IPN gửi nhiều lần");
    expect(page.body).toContain(txnRefs.stale);
    expect(page.body).not.toContain(txnRefs.normal);
    expect(page.body).toContain("500.000");

    const badDate = await browser.get(`/${slug}/admin/services/payments?from=31/02/2026`);
    expect(badDate.statusCode).toBe(200);
    expect(badDate.body).toContain('href="#field-from"');

    const [year, month, day] = wholeMonth.from.split("-");
    const xlsx = await browser.get(`/${slug}/admin/services/payments.xlsx?from=${day}/${month}/${year}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const refs = sheet.getColumn(2).values.slice(3).map(String);
    expect(refs.sort()).toEqual(Object.values(txnRefs).sort());
    const header = sheet.getRow(2).values as unknown[];
    const flags = sheet.getColumn(header.indexOf("Cần kiểm tra")).values.map(String);
    expect(flags.some((text) => text.includes("Hồ sơ được thanh toán nhiều lần"))).toBe(true);
    const methods = sheet.getColumn(header.indexOf("Hình thức nộp")).values.slice(3).map(String);
    expect(new Set(methods)).toEqual(new Set(["Trực tuyến (cổng mô phỏng)"]));
    const totals = workbook.worksheets[1]!;
    expect(totals.getRow(3).values).toEqual([undefined, "Đã thanh toán", 5, 500_000]);
  });
});
