// A local stand-in for VNPay's payment gateway, used when no VNPay terminal is configured. It speaks the
// 2.1.0 protocol of vnpay.ts in both directions: it checks an incoming payment URL as VNPay's page does
// (signature, required fields and their formats, amount, expiry) and, for the outcome a developer or a
// browser test picks, produces the signed return-URL redirect and the signed IPN call VNPay would make.
// Pure functions; the pages that show the choice and fire the IPN are the routes' job.
import { randomInt } from "node:crypto";
import {
  isHttpUrl,
  parseVnpayAmount,
  VNPAY_MAX_AMOUNT_EXCLUSIVE,
  VNPAY_MIN_AMOUNT,
  type VnpayConfig,
} from "./vnpay.ts";
import type { LocalizedText } from "./vnpay-codes.ts";
import { formatVnpayDate, parseVnpayDate } from "./vnpay-dates.ts";
import { buildSignedQuery, hasValidSecureHash, readVnpayQuery, type VnpayParams } from "./vnpay-signing.ts";

export type SimulatorProblem =
  | "invalid-signature"
  | "unknown-terminal"
  | "missing-field"
  | "invalid-field"
  | "amount-out-of-range"
  | "expired";

export type SimulatorIssue = { problem: SimulatorProblem; field?: string; message: LocalizedText };

/** The payment request as the simulator accepted it. */
export type SimulatedPayment = {
  params: VnpayParams;
  txnRef: string;
  amount: number;
  orderInfo: string;
  returnUrl: string;
  locale: "vn" | "en";
  createdAt: Date;
  expiresAt: Date;
};

export type PaymentValidation =
  | { ok: true; payment: SimulatedPayment }
  | { ok: false; issues: SimulatorIssue[] };

// VNPay 2.1.0 parameter table: the required parameters and their formats.
const REQUIRED_FORMATS: Record<string, RegExp> = {
  vnp_Version: /^2\.1\.0$/,
  vnp_Command: /^pay$/,
  vnp_TmnCode: /^[A-Za-z0-9]{8}$/,
  vnp_Amount: /^\d{1,12}$/,
  vnp_CreateDate: /^\d{14}$/,
  vnp_CurrCode: /^VND$/,
  vnp_IpAddr: /^.{7,45}$/,
  vnp_Locale: /^(vn|en)$/,
  vnp_OrderInfo: /^.{1,255}$/s,
  vnp_OrderType: /^.{1,100}$/,
  vnp_ReturnUrl: /^.{10,255}$/,
  vnp_TxnRef: /^.{1,100}$/,
  vnp_ExpireDate: /^\d{14}$/,
  vnp_SecureHash: /^.+$/,
};

const MESSAGES: Record<SimulatorProblem, LocalizedText> = {
  "invalid-signature": { vi: "Sai chữ ký", en: "Invalid signature" },
  "unknown-terminal": { vi: "Không tìm thấy website (mã TmnCode)", en: "Unknown terminal (TmnCode)" },
  "missing-field": { vi: "Thiếu tham số bắt buộc", en: "A required parameter is missing" },
  "invalid-field": { vi: "Dữ liệu gửi sang không đúng định dạng", en: "A parameter has the wrong format" },
  "amount-out-of-range": {
    vi: "Số tiền không hợp lệ. Số tiền hợp lệ từ 5,000 đến dưới 1 tỷ đồng",
    en: "Invalid amount: from 5,000 to less than 1 billion đồng",
  },
  expired: { vi: "Giao dịch đã quá thời gian chờ thanh toán", en: "The payment request has expired" },
};

export function validatePaymentRequest(
  config: Pick<VnpayConfig, "tmnCode" | "hashSecret">,
  paymentUrl: string,
  now: Date,
): PaymentValidation {
  const { params, hasDuplicates } = readVnpayQuery(paymentUrl);
  const issue = (problem: SimulatorProblem, field?: string): SimulatorIssue => ({
    problem,
    field,
    message: MESSAGES[problem],
  });
  if (hasDuplicates) return { ok: false, issues: [issue("invalid-field")] };
  // As at VNPay, an unknown terminal or a bad signature ends the check: nothing else can be trusted.
  if (params.vnp_TmnCode !== config.tmnCode)
    return { ok: false, issues: [issue("unknown-terminal", "vnp_TmnCode")] };
  if (!hasValidSecureHash(params, config.hashSecret))
    return { ok: false, issues: [issue("invalid-signature", "vnp_SecureHash")] };
  const issues: SimulatorIssue[] = [];
  for (const [field, format] of Object.entries(REQUIRED_FORMATS)) {
    const value = params[field];
    if (value === undefined || value === "") issues.push(issue("missing-field", field));
    else if (!format.test(value)) issues.push(issue("invalid-field", field));
  }
  const amount = parseVnpayAmount(params.vnp_Amount);
  const createdAt = parseVnpayDate(params.vnp_CreateDate);
  const expiresAt = parseVnpayDate(params.vnp_ExpireDate);
  if (params.vnp_Amount && amount === undefined) issues.push(issue("invalid-field", "vnp_Amount"));
  if (amount !== undefined && (amount < VNPAY_MIN_AMOUNT || amount >= VNPAY_MAX_AMOUNT_EXCLUSIVE))
    issues.push(issue("amount-out-of-range", "vnp_Amount"));
  if (params.vnp_CreateDate && !createdAt) issues.push(issue("invalid-field", "vnp_CreateDate"));
  if (params.vnp_ExpireDate && !expiresAt) issues.push(issue("invalid-field", "vnp_ExpireDate"));
  if (params.vnp_ReturnUrl && !isHttpUrl(params.vnp_ReturnUrl))
    issues.push(issue("invalid-field", "vnp_ReturnUrl"));
  if (createdAt && expiresAt && expiresAt.getTime() <= createdAt.getTime())
    issues.push(issue("invalid-field", "vnp_ExpireDate"));
  if (expiresAt && now.getTime() > expiresAt.getTime()) issues.push(issue("expired", "vnp_ExpireDate"));
  if (issues.length > 0 || amount === undefined || !createdAt || !expiresAt) return { ok: false, issues };
  return {
    ok: true,
    payment: {
      params,
      txnRef: params.vnp_TxnRef!,
      amount,
      orderInfo: params.vnp_OrderInfo!,
      returnUrl: params.vnp_ReturnUrl!,
      locale: params.vnp_Locale === "en" ? "en" : "vn",
      createdAt,
      expiresAt,
    },
  };
}

export type SimulatedOutcome = "success" | "cancelled" | "insufficient-funds" | "timeout";

/**
 * vnp_ResponseCode / vnp_TransactionStatus VNPay reports for each outcome (code table of the PAY guide;
 * a cancelled payment comes back as 24 / 02 with vnp_TransactionNo 0 and no bank transaction number).
 */
const OUTCOME_CODES: Record<
  SimulatedOutcome,
  { responseCode: string; transactionStatus: string; isDebited: boolean }
> = {
  success: { responseCode: "00", transactionStatus: "00", isDebited: true },
  cancelled: { responseCode: "24", transactionStatus: "02", isDebited: false },
  "insufficient-funds": { responseCode: "51", transactionStatus: "02", isDebited: false },
  timeout: { responseCode: "11", transactionStatus: "02", isDebited: false },
};

export type SimulatedResult = {
  /** The signed parameters; VNPay sends the same set to the return URL and to the IPN URL. */
  params: VnpayParams;
  /** The sorted, encoded, signed query string. */
  query: string;
  /** Where the applicant's browser is redirected: vnp_ReturnUrl plus the signed query. */
  returnUrl: string;
};

export function simulateGatewayResult(
  config: Pick<VnpayConfig, "hashSecret">,
  payment: SimulatedPayment,
  outcome: SimulatedOutcome,
  options: { now: Date; bankCode?: string; transactionNo?: string },
): SimulatedResult {
  const codes = OUTCOME_CODES[outcome];
  const transactionNo = codes.isDebited
    ? (options.transactionNo ?? String(randomInt(10_000_000, 100_000_000)))
    : "0";
  const params: VnpayParams = {
    vnp_Amount: payment.params.vnp_Amount!,
    vnp_BankCode: options.bankCode ?? "NCB",
    vnp_CardType: "ATM",
    vnp_OrderInfo: payment.orderInfo,
    vnp_PayDate: formatVnpayDate(options.now),
    vnp_ResponseCode: codes.responseCode,
    vnp_TmnCode: payment.params.vnp_TmnCode!,
    vnp_TransactionNo: transactionNo,
    vnp_TransactionStatus: codes.transactionStatus,
    vnp_TxnRef: payment.txnRef,
  };
  if (codes.isDebited) params.vnp_BankTranNo = `VNP${transactionNo}`;
  const query = buildSignedQuery(params, config.hashSecret);
  params.vnp_SecureHash = query.slice(query.lastIndexOf("=") + 1);
  const separator = payment.returnUrl.includes("?") ? "&" : "?";
  return { params, query, returnUrl: `${payment.returnUrl}${separator}${query}` };
}

/** The IPN call VNPay makes: a GET to the merchant's registered IPN URL with the signed query. */
export function buildSimulatedIpnUrl(ipnUrl: string, result: SimulatedResult): string {
  const separator = ipnUrl.includes("?") ? "&" : "?";
  return `${ipnUrl}${separator}${result.query}`;
}
