import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../../db/client.ts";
import { recordAudit } from "../../../../platform/audit.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import {
  handleVnpayIpn,
  type IpnResponse,
  type PaymentOrderRepository,
  readVnpayResult,
  type VnpayPaymentInfo,
} from "../../payments/index.ts";
import { dossierPayments, dossiers, type PaymentStatus } from "../../schema.ts";
import type { Gateway } from "../gateway.ts";
import { mailReceipt } from "./mail-receipt.ts";

export type IpnInput = {
  db: Database;
  gateway: Gateway;
  query: string;
  /** Link base for the applicant's e-mail: the portal address of a province id (null when not hosted). */
  portalUrlOf: (provinceId: number) => string | null;
  now?: Date;
  onError?: (error: unknown) => void;
};

/** "BL-2026-0000042": the receipt's number, unique because the attempt's id is. */
export function formatReceiptNumber(paymentId: number, paidAt: Date): string {
  return `BL-${todayInVietnam(paidAt).slice(0, 4)}-${String(paymentId).padStart(7, "0")}`;
}

/** VNPay's codes for a closed attempt: 24 the payer cancelled, 11 the payment window ran out. */
function failedStatusOf(responseCode: string): PaymentStatus {
  if (responseCode === "24") return "cancelled";
  if (responseCode === "11") return "expired";
  return "failed";
}

/**
 * The IPN: VNPay's server-to-server confirmation, the only thing that marks an online attempt paid (an officer
 * records counter and transfer payments: record-payment.ts). The protocol checks
 * (signature → order → amount → already confirmed) are payments/vnpay-ipn.ts; this file is the storage.
 * A repeated or mismatching IPN changes nothing but the delivery count the reconciliation view shows.
 */
export async function processVnpayIpn(input: IpnInput): Promise<IpnResponse> {
  const now = input.now ?? new Date();
  const repository: PaymentOrderRepository = {
    findOrder: async (txnRef) => {
      const [row] = await input.db
        .select({
          txnRef: dossierPayments.txnRef,
          amount: dossierPayments.amountDong,
          status: dossierPayments.status,
        })
        .from(dossierPayments)
        .where(eq(dossierPayments.txnRef, txnRef));
      if (!row) return undefined;
      return {
        txnRef: row.txnRef,
        amount: row.amount,
        status: row.status === "pending" ? "pending" : row.status === "paid" ? "paid" : "failed",
      };
    },
    markPaid: (txnRef, info) => input.db.transaction((tx) => markPaid(tx, input, txnRef, info, now)),
    markFailed: (txnRef, info) => input.db.transaction((tx) => markFailed(tx, txnRef, info, now)),
  };
  const response = await handleVnpayIpn(input.gateway.config, input.query, repository, {
    onError: input.onError,
  });
  if (response.RspCode === "02" || response.RspCode === "04") await countRefusedDelivery(input, response);
  return response;
}

async function markPaid(
  tx: Executor,
  input: IpnInput,
  txnRef: string,
  info: VnpayPaymentInfo,
  now: Date,
): Promise<boolean> {
  const paidAt = info.payDate ?? now;
  // Conditional on "pending": of two concurrent deliveries only one moves the attempt (vnpay-ipn.ts).
  const [payment] = await tx
    .update(dossierPayments)
    .set({
      status: "paid",
      bankCode: info.bankCode ?? null,
      gatewayTransactionNo: info.transactionNo ?? null,
      responseCode: info.responseCode,
      paidAt,
      ipnPayload: info.params,
      ipnCount: sql`${dossierPayments.ipnCount} + 1`,
      updatedAt: now,
    })
    .where(and(eq(dossierPayments.txnRef, txnRef), eq(dossierPayments.status, "pending")))
    .returning();
  if (!payment) return false;
  const receiptNumber = formatReceiptNumber(payment.id, paidAt);
  await tx.update(dossierPayments).set({ receiptNumber }).where(eq(dossierPayments.id, payment.id));
  const [before] = await tx.select().from(dossiers).where(eq(dossiers.id, payment.dossierId)).for("update");
  // A second successful attempt (two tabs) keeps the first payment's date on the dossier; the
  // reconciliation view flags the duplicate for a refund.
  const [dossier] = await tx
    .update(dossiers)
    .set({ paidAt: before!.paidAt ?? paidAt, updatedAt: now })
    .where(eq(dossiers.id, payment.dossierId))
    .returning();
  await recordAudit(tx, {
    provinceId: payment.provinceId,
    actorUserId: null,
    action: "payment.paid",
    entityType: "dossier_payment",
    entityId: payment.id,
    before: { status: "pending", dossierPaidAt: before!.paidAt },
    after: {
      status: "paid",
      receiptNumber,
      amountDong: payment.amountDong,
      transactionNo: info.transactionNo,
      bankCode: info.bankCode,
      dossierPaidAt: dossier!.paidAt,
    },
  });
  await mailReceipt(tx, input.portalUrlOf, { ...payment, receiptNumber }, dossier!);
  return true;
}

async function markFailed(tx: Executor, txnRef: string, info: VnpayPaymentInfo, now: Date): Promise<boolean> {
  const status = failedStatusOf(info.responseCode);
  const [payment] = await tx
    .update(dossierPayments)
    .set({
      status,
      bankCode: info.bankCode ?? null,
      gatewayTransactionNo: info.transactionNo ?? null,
      responseCode: info.responseCode,
      ipnPayload: info.params,
      ipnCount: sql`${dossierPayments.ipnCount} + 1`,
      updatedAt: now,
    })
    .where(and(eq(dossierPayments.txnRef, txnRef), eq(dossierPayments.status, "pending")))
    .returning();
  if (!payment) return false;
  await recordAudit(tx, {
    provinceId: payment.provinceId,
    actorUserId: null,
    action: `payment.${status}`,
    entityType: "dossier_payment",
    entityId: payment.id,
    before: { status: "pending" },
    after: { status, responseCode: info.responseCode, transactionStatus: info.transactionStatus },
  });
  return true;
}

/**
 * A signed IPN that was refused (02 already confirmed, 04 wrong amount) is counted on its attempt: the
 * reconciliation view flags repeated deliveries, and keeps a wrong amount's parameters as evidence while
 * the attempt is still open.
 */
async function countRefusedDelivery(input: IpnInput, response: IpnResponse): Promise<void> {
  const result = readVnpayResult(input.gateway.config, input.query);
  if (!result.txnRef) return;
  const isAmountMismatch = response.RspCode === "04";
  await input.db.transaction(async (tx) => {
    const [payment] = await tx
      .update(dossierPayments)
      .set({
        ipnCount: sql`${dossierPayments.ipnCount} + 1`,
        ...(isAmountMismatch
          ? {
              ipnPayload: sql`case when ${dossierPayments.status} = 'pending' then ${JSON.stringify(result.params)}::jsonb else ${dossierPayments.ipnPayload} end`,
            }
          : {}),
      })
      .where(eq(dossierPayments.txnRef, result.txnRef!))
      .returning({
        id: dossierPayments.id,
        provinceId: dossierPayments.provinceId,
        amountDong: dossierPayments.amountDong,
      });
    if (!payment || !isAmountMismatch) return;
    // A signed notification for another amount is not VNPay's normal behaviour: kept in the audit trail.
    await recordAudit(tx, {
      provinceId: payment.provinceId,
      actorUserId: null,
      action: "payment.ipn.amountMismatch",
      entityType: "dossier_payment",
      entityId: payment.id,
      before: { amountDong: payment.amountDong },
      after: { reportedAmountDong: result.amount ?? null, vnp_Amount: result.params.vnp_Amount ?? null },
    });
  });
}
