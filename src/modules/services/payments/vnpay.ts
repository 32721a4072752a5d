// Building the payment URL and reading the return URL of VNPay's payment gateway, protocol 2.1.0
// (VNPay merchant integration guide, sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html). The return
// URL only tells the applicant what happened: the payment is recorded by the IPN call (vnpay-ipn.ts), as
// VNPay's guide requires, because the browser may never come back.
import { isIP } from "node:net";
import { type FieldIssue, ValidationError } from "../../../platform/errors.ts";
import { toPlainAsciiText } from "./ascii-text.ts";
import { describeResponseCode, type LocalizedText } from "./vnpay-codes.ts";
import { formatVnpayDate, parseVnpayDate } from "./vnpay-dates.ts";
import { buildSignedQuery, hasValidSecureHash, readVnpayQuery, type VnpayParams } from "./vnpay-signing.ts";

export const VNPAY_VERSION = "2.1.0";
export const VNPAY_SANDBOX_PAYMENT_URL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";

/** VNPay's payment page accepts 5,000 đồng up to, not including, 1 billion đồng per transaction. */
export const VNPAY_MIN_AMOUNT = 5_000;
export const VNPAY_MAX_AMOUNT_EXCLUSIVE = 1_000_000_000;
export const DEFAULT_PAYMENT_WINDOW_MINUTES = 15;

export type VnpayConfig = {
  /** vnp_TmnCode: the terminal (website) code VNPay issues, 8 characters. */
  tmnCode: string;
  /** vnp_HashSecret: the HMAC-SHA512 key VNPay issues with the terminal. */
  hashSecret: string;
  /** The gateway's payment page: the sandbox URL, VNPay's production URL, or the local simulator. */
  paymentUrl: string;
};

export type PaymentRequestInput = {
  /** vnp_TxnRef: unique per attempt; VNPay refuses a reference reused on the same day. */
  txnRef: string;
  /** Fee in đồng; sent as vnp_Amount = amount × 100 (VNPay removes the decimal part that way). */
  amount: number;
  orderInfo: string;
  /** vnp_OrderType: VNPay's goods category code ("other" in VNPay's examples). */
  orderType?: string;
  locale?: "vn" | "en";
  ipAddr: string;
  returnUrl: string;
  createdAt: Date;
  /** Defaults to createdAt + 15 minutes. */
  expiresAt?: Date;
  /** vnp_BankCode: VNPAYQR, VNBANK or INTCARD to skip VNPay's method choice; omitted otherwise. */
  bankCode?: string;
};

export type PaymentRequest = { url: string; params: VnpayParams };

export function buildPaymentUrl(config: VnpayConfig, input: PaymentRequestInput): PaymentRequest {
  const expiresAt =
    input.expiresAt ?? new Date(input.createdAt.getTime() + DEFAULT_PAYMENT_WINDOW_MINUTES * 60_000);
  const orderInfo = toPlainAsciiText(input.orderInfo, 255);
  assertValidRequest(config, input, orderInfo, expiresAt);
  const params: VnpayParams = {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: "pay",
    vnp_TmnCode: config.tmnCode,
    vnp_Amount: String(input.amount * 100),
    vnp_CurrCode: "VND",
    vnp_TxnRef: input.txnRef,
    vnp_OrderInfo: orderInfo,
    vnp_OrderType: input.orderType ?? "other",
    vnp_Locale: input.locale ?? "vn",
    vnp_ReturnUrl: input.returnUrl,
    vnp_IpAddr: input.ipAddr,
    vnp_CreateDate: formatVnpayDate(input.createdAt),
    vnp_ExpireDate: formatVnpayDate(expiresAt),
  };
  if (input.bankCode) params.vnp_BankCode = input.bankCode;
  const query = buildSignedQuery(params, config.hashSecret);
  params.vnp_SecureHash = query.slice(query.lastIndexOf("=") + 1);
  return { url: `${config.paymentUrl}?${query}`, params };
}

function assertValidRequest(
  config: VnpayConfig,
  input: PaymentRequestInput,
  orderInfo: string,
  expiresAt: Date,
): void {
  const issues: FieldIssue[] = [];
  const fail = (field: string, messageKey: string) => issues.push({ field, messageKey });
  // Parameter formats from VNPay's table: vnp_TmnCode Alphanumeric[8], vnp_TxnRef [1,100],
  // vnp_Amount Numeric[1,12], vnp_IpAddr [7,45], vnp_ReturnUrl [10,255], vnp_OrderInfo [1,255].
  if (!/^[A-Za-z0-9]{8}$/.test(config.tmnCode)) fail("tmnCode", "payments.vnpay.invalidTmnCode");
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(input.txnRef)) fail("txnRef", "payments.vnpay.invalidTxnRef");
  if (
    !Number.isSafeInteger(input.amount) ||
    input.amount < VNPAY_MIN_AMOUNT ||
    input.amount >= VNPAY_MAX_AMOUNT_EXCLUSIVE
  )
    fail("amount", "payments.vnpay.amountOutOfRange");
  if (orderInfo.length === 0) fail("orderInfo", "payments.vnpay.emptyOrderInfo");
  if (isIP(input.ipAddr) === 0) fail("ipAddr", "payments.vnpay.invalidIpAddr");
  // ! ' ( ) * ~ are encoded differently by the libraries of VNPay's own demos (JavaScript leaves them,
  // PHP and Java encode some), so a return URL holding one could be signed differently at each end.
  if (
    !isHttpUrl(input.returnUrl) ||
    input.returnUrl.length < 10 ||
    input.returnUrl.length > 255 ||
    /[!'()*~]/.test(input.returnUrl)
  )
    fail("returnUrl", "payments.vnpay.invalidReturnUrl");
  if (input.orderType !== undefined && !/^[A-Za-z0-9_]{1,100}$/.test(input.orderType))
    fail("orderType", "payments.vnpay.invalidOrderType");
  if (Number.isNaN(input.createdAt.getTime())) fail("createdAt", "payments.vnpay.invalidDate");
  else if (!(expiresAt.getTime() > input.createdAt.getTime()))
    fail("expiresAt", "payments.vnpay.expiryBeforeCreation");
  if (input.bankCode !== undefined && !/^[A-Za-z0-9]{3,20}$/.test(input.bankCode))
    fail("bankCode", "payments.vnpay.invalidBankCode");
  if (issues.length > 0) throw new ValidationError(issues);
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** What VNPay (or the simulator) reports about one attempt, read from a signed return or IPN query. */
export type VnpayResult = {
  isSignatureValid: boolean;
  /** Only vnp_ResponseCode 00 together with vnp_TransactionStatus 00 is a completed payment. */
  isPaid: boolean;
  txnRef?: string;
  /** In đồng (vnp_Amount / 100); undefined when vnp_Amount is not a whole number of đồng. */
  amount?: number;
  responseCode?: string;
  transactionStatus?: string;
  transactionNo?: string;
  bankCode?: string;
  bankTranNo?: string;
  cardType?: string;
  payDate?: Date;
  message: LocalizedText;
  params: VnpayParams;
};

export type VnpayQuery = string | URLSearchParams | Record<string, string | string[] | undefined>;

const INVALID_SIGNATURE: LocalizedText = { vi: "Chữ ký không hợp lệ", en: "Invalid signature" };

/**
 * Checks a signed VNPay query (return URL or IPN). A query for another terminal, or with a parameter
 * sent twice, counts as not signed for us.
 */
export function readVnpayResult(config: VnpayConfig, query: VnpayQuery): VnpayResult {
  const { params, hasDuplicates } = readVnpayQuery(query);
  const isSignatureValid =
    !hasDuplicates && params.vnp_TmnCode === config.tmnCode && hasValidSecureHash(params, config.hashSecret);
  if (!isSignatureValid) return { isSignatureValid, isPaid: false, message: INVALID_SIGNATURE, params };
  const responseCode = params.vnp_ResponseCode;
  const transactionStatus = params.vnp_TransactionStatus;
  return {
    isSignatureValid,
    isPaid: responseCode === "00" && transactionStatus === "00",
    txnRef: params.vnp_TxnRef,
    amount: parseVnpayAmount(params.vnp_Amount),
    responseCode,
    transactionStatus,
    transactionNo: params.vnp_TransactionNo,
    bankCode: params.vnp_BankCode,
    bankTranNo: params.vnp_BankTranNo,
    cardType: params.vnp_CardType,
    payDate: parseVnpayDate(params.vnp_PayDate),
    message: describeResponseCode(responseCode),
    params,
  };
}

/** The return URL page's check: same reading, named for the route that uses it. */
export const verifyReturnUrl = readVnpayResult;

/** "12000000" → 120000 đồng; undefined for anything but a whole number of đồng. */
export function parseVnpayAmount(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{3,12}$/.test(text) || !text.endsWith("00")) return undefined;
  return Number(text) / 100;
}
