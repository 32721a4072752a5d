import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../../../platform/errors.ts";
import { phpUrlencode, signedQuery, signLikeVnpayDemo, TEST_TERMINAL } from "./test-support.ts";
import { buildPaymentUrl, type PaymentRequestInput, verifyReturnUrl } from "./vnpay.ts";
import { formatVnpayDate, parseVnpayDate } from "./vnpay-dates.ts";
import { buildSignData, encodeVnpayComponent } from "./vnpay-signing.ts";

const feeRequest: PaymentRequestInput = {
  txnRef: "H56-260105-0001-1",
  amount: 1_200_000,
  orderInfo: "Nộp phí thẩm định hồ sơ 000.00.12.H56-260105-0001",
  ipAddr: "203.113.10.25",
  returnUrl: "https://dichvucong.example.gov.vn/thanh-toan/vnpay/ket-qua",
  createdAt: new Date("2026-01-05T02:30:00Z"), // 09:30 in Vietnam
};

describe("payment URL", () => {
  test("signs the sorted, encoded parameters with HMAC-SHA512, checked by an independent PHP-style signer", () => {
    const { url, params } = buildPaymentUrl(TEST_TERMINAL, feeRequest);
    const query = url.slice(url.indexOf("?") + 1);
    const pairs = query.split("&").map((pair) => pair.split("=") as [string, string]);
    const names = pairs.map(([name]) => name);
    expect(names.at(-1)).toBe("vnp_SecureHash");
    expect(names.slice(0, -1)).toEqual([...names.slice(0, -1)].sort());
    // The URL carries exactly the string that was signed, followed by the signature.
    const signData = query.slice(0, query.lastIndexOf("&vnp_SecureHash="));
    const independent = Object.keys(params)
      .filter((name) => name !== "vnp_SecureHash")
      .sort()
      .map((name) => `${name}=${phpUrlencode(params[name]!)}`)
      .join("&");
    expect(signData).toBe(independent);
    const expectedHash = createHmac("sha512", TEST_TERMINAL.hashSecret).update(independent).digest("hex");
    expect(params.vnp_SecureHash).toBe(expectedHash);
    expect(signLikeVnpayDemo(params, TEST_TERMINAL.hashSecret)).toBe(expectedHash);
    expect(url.startsWith("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=120000000&")).toBe(
      true,
    );
  });

  test("sends amount × 100, VND, pay, 2.1.0 and GMT+7 dates with a 15-minute default window", () => {
    const { params } = buildPaymentUrl(TEST_TERMINAL, feeRequest);
    expect(params).toMatchObject({
      vnp_Version: "2.1.0",
      vnp_Command: "pay",
      vnp_TmnCode: "DTCT2026",
      vnp_Amount: "120000000",
      vnp_CurrCode: "VND",
      vnp_Locale: "vn",
      vnp_OrderType: "other",
      vnp_CreateDate: "20260105093000",
      vnp_ExpireDate: "20260105094500",
    });
    expect(params).not.toHaveProperty("vnp_BankCode");
    expect(params).not.toHaveProperty("vnp_SecureHashType");
  });

  test("vnp_OrderInfo is sent without Vietnamese marks or special characters, spaces as '+'", () => {
    const { url, params } = buildPaymentUrl(TEST_TERMINAL, {
      ...feeRequest,
      orderInfo: "Nộp  phí (Sở Công Thương Đồng Tháp): hồ sơ #0001 & lệ phí!",
    });
    expect(params.vnp_OrderInfo).toBe("Nop phi So Cong Thuong Dong Thap: ho so #0001 le phi");
    expect(url).toContain("vnp_OrderInfo=Nop+phi+So+Cong+Thuong+Dong+Thap%3A+ho+so+%230001+le+phi&");
  });

  test("reproduces the query of VNPay's published example URL byte for byte", () => {
    // VNPay integration guide, "Tạo URL thanh toán" (DEMOV210, 2021-08-01); the signature needs
    // VNPay's secret, so only the signed string is compared.
    const published =
      "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1" +
      "&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other" +
      "&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0";
    const params = Object.fromEntries(new URLSearchParams(published));
    expect(params.vnp_OrderInfo).toBe("Thanh toan don hang :5");
    expect(buildSignData(params)).toBe(published);
  });

  test("encodes Vietnamese text as UTF-8 the way VNPay echoes it on the return URL", () => {
    expect(encodeVnpayComponent("Thanh toán đơn hàng")).toBe("Thanh+to%C3%A1n+%C4%91%C6%A1n+h%C3%A0ng");
    expect(encodeVnpayComponent("a b+c/d")).toBe("a+b%2Bc%2Fd");
  });

  test("refuses amounts VNPay refuses and malformed fields, naming each field", () => {
    const attempt = (change: Partial<PaymentRequestInput>) => () =>
      buildPaymentUrl(TEST_TERMINAL, { ...feeRequest, ...change });
    expect(attempt({ amount: 4_999 })).toThrow(ValidationError);
    expect(attempt({ amount: 1_000_000_000 })).toThrow(ValidationError);
    expect(attempt({ amount: 10_000.5 })).toThrow(ValidationError);
    expect(attempt({ amount: 999_999_999 })).not.toThrow();
    expect(attempt({ returnUrl: "https://dichvucong.example.gov.vn/~thanh-toan" })).toThrow(ValidationError);
    try {
      attempt({ txnRef: "hồ sơ 1", ipAddr: "localhost", expiresAt: feeRequest.createdAt })();
      expect.unreachable();
    } catch (error) {
      const fields = (error as ValidationError).issues.map((issue) => issue.field);
      expect(fields).toEqual(["txnRef", "ipAddr", "expiresAt"]);
    }
  });
});

describe("return URL", () => {
  const returned = {
    vnp_Amount: "120000000",
    vnp_BankCode: "NCB",
    vnp_BankTranNo: "VNP14226112",
    vnp_CardType: "ATM",
    vnp_OrderInfo: "Thanh toán lệ phí hồ sơ",
    vnp_PayDate: "20260105093512",
    vnp_ResponseCode: "00",
    vnp_TmnCode: "DTCT2026",
    vnp_TransactionNo: "14226112",
    vnp_TransactionStatus: "00",
    vnp_TxnRef: "H56-260105-0001-1",
  };

  test("accepts a correctly signed query and reads the payment, Vietnamese text included", () => {
    const result = verifyReturnUrl(
      TEST_TERMINAL,
      `https://dichvucong.example.gov.vn/ket-qua?${signedQuery(returned)}`,
    );
    expect(result).toMatchObject({
      isSignatureValid: true,
      isPaid: true,
      txnRef: "H56-260105-0001-1",
      amount: 1_200_000,
      transactionNo: "14226112",
      payDate: new Date("2026-01-05T02:35:12Z"),
      message: { vi: "Giao dịch thành công", en: "Transaction successful" },
    });
    expect(result.params.vnp_OrderInfo).toBe("Thanh toán lệ phí hồ sơ");
  });

  test("refuses a query whose amount was changed after signing", () => {
    const tampered = signedQuery(returned).replace("vnp_Amount=120000000", "vnp_Amount=100");
    const result = verifyReturnUrl(TEST_TERMINAL, tampered);
    expect(result.isSignatureValid).toBe(false);
    expect(result.isPaid).toBe(false);
    expect(result.message.en).toBe("Invalid signature");
  });

  test("refuses another terminal's query, a repeated parameter and a secret other than ours", () => {
    const otherTerminal = { ...returned, vnp_TmnCode: "OTHER001" };
    expect(verifyReturnUrl(TEST_TERMINAL, signedQuery(otherTerminal)).isSignatureValid).toBe(false);
    expect(
      verifyReturnUrl(TEST_TERMINAL, `${signedQuery(returned)}&vnp_ResponseCode=00`).isSignatureValid,
    ).toBe(false);
    expect(verifyReturnUrl(TEST_TERMINAL, signedQuery(returned, "ANOTHERSECRET")).isSignatureValid).toBe(
      false,
    );
  });

  test("a signed failure is valid but not paid, with VNPay's meaning in both languages", () => {
    const cancelled = {
      ...returned,
      vnp_ResponseCode: "24",
      vnp_TransactionStatus: "02",
      vnp_TransactionNo: "0",
    };
    const result = verifyReturnUrl(TEST_TERMINAL, new URLSearchParams(signedQuery(cancelled)));
    expect(result.isSignatureValid).toBe(true);
    expect(result.isPaid).toBe(false);
    expect(result.message.vi).toBe("Giao dịch không thành công do: Khách hàng hủy giao dịch");
    expect(result.message.en).toBe("Failed: the customer cancelled the payment.");
  });

  test("success needs both the response code and the transaction status", () => {
    const pending = { ...returned, vnp_TransactionStatus: "01" };
    expect(verifyReturnUrl(TEST_TERMINAL, signedQuery(pending)).isPaid).toBe(false);
  });

  test("reads a framework's parsed query object and takes upper-case hex", () => {
    const query = Object.fromEntries(new URLSearchParams(signedQuery(returned)));
    query.vnp_SecureHash = query.vnp_SecureHash!.toUpperCase();
    expect(verifyReturnUrl(TEST_TERMINAL, query).isSignatureValid).toBe(true);
    expect(verifyReturnUrl(TEST_TERMINAL, { ...query, vnp_TxnRef: ["a", "b"] }).isSignatureValid).toBe(false);
  });
});

describe("VNPay dates in GMT+7", () => {
  test("format and parse across midnight and the new year", () => {
    expect(formatVnpayDate(new Date("2025-12-31T17:00:00Z"))).toBe("20260101000000");
    expect(parseVnpayDate("20260101000000")).toEqual(new Date("2025-12-31T17:00:00Z"));
  });

  test("impossible dates are refused", () => {
    expect(parseVnpayDate("20260230120000")).toBeUndefined();
    expect(parseVnpayDate("2026010509300")).toBeUndefined();
    expect(parseVnpayDate(undefined)).toBeUndefined();
  });
});
