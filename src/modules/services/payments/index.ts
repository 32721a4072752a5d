// Public API of the fee-payment rules: VNPay 2.1.0, its local simulator, and VietQR.
export { removeVietnameseMarks, toPlainAsciiText } from "./ascii-text.ts";
export {
  buildSimulatedIpnUrl,
  type PaymentValidation,
  type SimulatedOutcome,
  type SimulatedPayment,
  type SimulatedResult,
  type SimulatorIssue,
  simulateGatewayResult,
  validatePaymentRequest,
} from "./simulator.ts";
export {
  buildVietQrPayload,
  crc16Ccitt,
  NAPAS_GUID,
  type ParsedVietQr,
  parseVietQrPayload,
  type VietQrInput,
  type VietQrService,
} from "./vietqr.ts";
export {
  buildPaymentUrl,
  type PaymentRequest,
  type PaymentRequestInput,
  parseVnpayAmount,
  readVnpayResult,
  VNPAY_SANDBOX_PAYMENT_URL,
  VNPAY_VERSION,
  type VnpayConfig,
  type VnpayQuery,
  type VnpayResult,
  verifyReturnUrl,
} from "./vnpay.ts";
export {
  describeResponseCode,
  describeTransactionStatus,
  IPN_RESPONSES,
  type IpnResponse,
  type LocalizedText,
  VNPAY_RESPONSE_CODES,
  VNPAY_TRANSACTION_STATUSES,
} from "./vnpay-codes.ts";
export { formatVnpayDate, parseVnpayDate } from "./vnpay-dates.ts";
export {
  handleVnpayIpn,
  type PaymentOrder,
  type PaymentOrderRepository,
  type PaymentOrderStatus,
  type VnpayPaymentInfo,
} from "./vnpay-ipn.ts";
export { buildSignData, encodeVnpayComponent, hasValidSecureHash } from "./vnpay-signing.ts";
