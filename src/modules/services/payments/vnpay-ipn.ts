// VNPay's IPN (Instant Payment Notification): VNPay calls the merchant's IPN URL server to server with
// the same signed parameters as the return URL, and the merchant records the result and answers JSON
// {RspCode, Message}. The checks run in the order of VNPay's guide and demo (vnpay_ipn.php):
// signature (97) → order exists (01) → amount matches (04) → not yet confirmed (02) → record (00).
// A repeated IPN for a recorded order changes nothing and answers 02, so VNPay's retries are harmless.

import { readVnpayResult, type VnpayConfig, type VnpayQuery } from "./vnpay.ts";
import { IPN_RESPONSES, type IpnResponse } from "./vnpay-codes.ts";

export type PaymentOrderStatus = "pending" | "paid" | "failed";

/** One payment attempt: a fee of a dossier sent to VNPay under one vnp_TxnRef. */
export type PaymentOrder = { txnRef: string; amount: number; status: PaymentOrderStatus };

/** What VNPay reported, kept with the attempt for receipts and the officers' reconciliation view. */
export type VnpayPaymentInfo = {
  txnRef: string;
  amount: number;
  responseCode: string;
  transactionStatus: string;
  transactionNo?: string;
  bankCode?: string;
  bankTranNo?: string;
  cardType?: string;
  payDate?: Date;
  /** Every parameter VNPay sent, signature included, as evidence for reconciliation. */
  params: Record<string, string>;
};

/**
 * The storage the IPN handler needs. markPaid and markFailed must be conditional updates
 * (`UPDATE … SET status = … WHERE tx_ref = $1 AND status = 'pending'`) and resolve true only when this
 * call moved the order out of "pending": that keeps two concurrent deliveries of the same IPN from both
 * recording it, whatever the interleaving.
 */
export interface PaymentOrderRepository {
  findOrder(txnRef: string): Promise<PaymentOrder | undefined> | PaymentOrder | undefined;
  markPaid(txnRef: string, info: VnpayPaymentInfo): Promise<boolean> | boolean;
  markFailed(txnRef: string, info: VnpayPaymentInfo): Promise<boolean> | boolean;
}

export async function handleVnpayIpn(
  config: VnpayConfig,
  query: VnpayQuery,
  repository: PaymentOrderRepository,
  options: { onError?: (error: unknown) => void } = {},
): Promise<IpnResponse> {
  const result = readVnpayResult(config, query);
  if (!result.isSignatureValid) return IPN_RESPONSES.invalidSignature;
  const { txnRef, responseCode, transactionStatus } = result;
  if (!txnRef || !responseCode || !transactionStatus) return IPN_RESPONSES.unknownError;
  try {
    const order = await repository.findOrder(txnRef);
    if (order === undefined) return IPN_RESPONSES.orderNotFound;
    if (result.amount === undefined || result.amount !== order.amount) return IPN_RESPONSES.invalidAmount;
    if (order.status !== "pending") return IPN_RESPONSES.alreadyConfirmed;
    const info: VnpayPaymentInfo = {
      txnRef,
      amount: result.amount,
      responseCode,
      transactionStatus,
      transactionNo: result.transactionNo,
      bankCode: result.bankCode,
      bankTranNo: result.bankTranNo,
      cardType: result.cardType,
      payDate: result.payDate,
      params: result.params,
    };
    // Only 00/00 is money received. Anything else (cancelled, insufficient funds, expired, and 07
    // "debited but suspected of fraud", which VNPay asks the merchant to settle in its admin) closes the
    // attempt as failed with VNPay's codes kept for the reconciliation view.
    const isRecorded = result.isPaid
      ? await repository.markPaid(txnRef, info)
      : await repository.markFailed(txnRef, info);
    return isRecorded ? IPN_RESPONSES.confirmed : IPN_RESPONSES.alreadyConfirmed;
  } catch (error) {
    // VNPay calls again when it does not get 00 or 02; the details go to the server log, never to VNPay.
    options.onError?.(error);
    return IPN_RESPONSES.unknownError;
  }
}
