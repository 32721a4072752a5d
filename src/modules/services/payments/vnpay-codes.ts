// Code tables of the VNPay 2.1.0 payment API ("Bảng mã lỗi" of the PAY integration guide,
// sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html#Bang-ma-loi-PAY). The Vietnamese wording follows
// VNPay's table; the English is ours.
export type LocalizedText = { vi: string; en: string };

/** vnp_ResponseCode on the return URL and the IPN call. */
export const VNPAY_RESPONSE_CODES: Readonly<Record<string, LocalizedText>> = {
  "00": { vi: "Giao dịch thành công", en: "Transaction successful" },
  "07": {
    vi: "Trừ tiền thành công. Giao dịch bị nghi ngờ (liên quan tới lừa đảo, giao dịch bất thường).",
    en: "Amount debited, but the transaction is suspected of fraud (unusual transaction).",
  },
  "09": {
    vi: "Giao dịch không thành công do: Thẻ/Tài khoản của khách hàng chưa đăng ký dịch vụ InternetBanking tại ngân hàng.",
    en: "Failed: the card or account is not registered for internet banking.",
  },
  "10": {
    vi: "Giao dịch không thành công do: Khách hàng xác thực thông tin thẻ/tài khoản không đúng quá 3 lần",
    en: "Failed: card or account details were entered wrongly more than 3 times.",
  },
  "11": {
    vi: "Giao dịch không thành công do: Đã hết hạn chờ thanh toán. Xin quý khách vui lòng thực hiện lại giao dịch.",
    en: "Failed: the payment window expired. Please start the payment again.",
  },
  "12": {
    vi: "Giao dịch không thành công do: Thẻ/Tài khoản của khách hàng bị khóa.",
    en: "Failed: the card or account is locked.",
  },
  "13": {
    vi: "Giao dịch không thành công do Quý khách nhập sai mật khẩu xác thực giao dịch (OTP).",
    en: "Failed: wrong one-time password (OTP).",
  },
  "24": {
    vi: "Giao dịch không thành công do: Khách hàng hủy giao dịch",
    en: "Failed: the customer cancelled the payment.",
  },
  "51": {
    vi: "Giao dịch không thành công do: Tài khoản của quý khách không đủ số dư để thực hiện giao dịch.",
    en: "Failed: insufficient funds in the account.",
  },
  "65": {
    vi: "Giao dịch không thành công do: Tài khoản của Quý khách đã vượt quá hạn mức giao dịch trong ngày.",
    en: "Failed: the account's daily transaction limit is exceeded.",
  },
  "75": { vi: "Ngân hàng thanh toán đang bảo trì.", en: "The paying bank is under maintenance." },
  "79": {
    vi: "Giao dịch không thành công do: KH nhập sai mật khẩu thanh toán quá số lần quy định.",
    en: "Failed: the payment password was entered wrongly too many times.",
  },
  "99": {
    vi: "Các lỗi khác (lỗi còn lại, không có trong danh sách mã lỗi đã liệt kê)",
    en: "Other error (not in the list of codes).",
  },
};

/** vnp_TransactionStatus: the state of the transaction at VNPay. */
export const VNPAY_TRANSACTION_STATUSES: Readonly<Record<string, LocalizedText>> = {
  "00": { vi: "Giao dịch thành công", en: "Transaction successful" },
  "01": { vi: "Giao dịch chưa hoàn tất", en: "Transaction not completed" },
  "02": { vi: "Giao dịch bị lỗi", en: "Transaction failed" },
  "04": {
    vi: "Giao dịch đảo (Khách hàng đã bị trừ tiền tại Ngân hàng nhưng GD chưa thành công ở VNPAY)",
    en: "Reversed: debited at the bank but not successful at VNPay",
  },
  "05": { vi: "VNPAY đang xử lý giao dịch này (GD hoàn tiền)", en: "VNPay is processing this refund" },
  "06": {
    vi: "VNPAY đã gửi yêu cầu hoàn tiền sang Ngân hàng (GD hoàn tiền)",
    en: "VNPay has sent the refund request to the bank",
  },
  "07": { vi: "Giao dịch bị nghi ngờ gian lận", en: "Transaction suspected of fraud" },
  "09": { vi: "GD Hoàn trả bị từ chối", en: "Refund refused" },
};

/**
 * RspCode the merchant answers to VNPay's IPN call, with the messages of VNPay's PHP demo (vnpay_ipn.php,
 * spelling included: VNPay reads only RspCode). 00 and 02 tell VNPay the result is recorded; any other
 * answer, or none, makes VNPay call the IPN again (its retry schedule is not verified here).
 */
export const IPN_RESPONSES = {
  confirmed: { RspCode: "00", Message: "Confirm Success" },
  orderNotFound: { RspCode: "01", Message: "Order not found" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  invalidAmount: { RspCode: "04", Message: "invalid amount" },
  invalidSignature: { RspCode: "97", Message: "Invalid signature" },
  unknownError: { RspCode: "99", Message: "Unknow error" },
} as const;

export type IpnResponse = (typeof IPN_RESPONSES)[keyof typeof IPN_RESPONSES];

const UNKNOWN_CODE: LocalizedText = { vi: "Mã không xác định", en: "Unknown code" };

export function describeResponseCode(code: string | undefined): LocalizedText {
  return VNPAY_RESPONSE_CODES[code ?? ""] ?? UNKNOWN_CODE;
}

export function describeTransactionStatus(status: string | undefined): LocalizedText {
  return VNPAY_TRANSACTION_STATUSES[status ?? ""] ?? UNKNOWN_CODE;
}
