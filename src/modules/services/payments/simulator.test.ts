import { describe, expect, test } from "vitest";
import { buildSimulatedIpnUrl, simulateGatewayResult, validatePaymentRequest } from "./simulator.ts";
import { signedQuery, TEST_TERMINAL } from "./test-support.ts";
import { buildPaymentUrl, type PaymentRequestInput, verifyReturnUrl } from "./vnpay.ts";
import { handleVnpayIpn, type PaymentOrder, type PaymentOrderRepository } from "./vnpay-ipn.ts";

const SIMULATOR = { ...TEST_TERMINAL, paymentUrl: "http://localhost:3000/dev/vnpay-simulator/pay" };
const createdAt = new Date("2026-01-05T02:30:00Z");
const duringWindow = new Date("2026-01-05T02:33:00Z");
const request: PaymentRequestInput = {
  txnRef: "H56-260105-0001-1",
  amount: 1_200_000,
  orderInfo: "Nộp phí thẩm định hồ sơ 000.00.12.H56-260105-0001",
  ipAddr: "127.0.0.1",
  returnUrl: "http://localhost:3000/dich-vu-cong/thanh-toan/ket-qua",
  createdAt,
};

function memoryRepository(order: PaymentOrder): PaymentOrderRepository & { current: () => PaymentOrder } {
  let row = { ...order };
  const move = (status: "paid" | "failed") => {
    if (row.status !== "pending") return false;
    row = { ...row, status };
    return true;
  };
  return {
    findOrder: (txnRef) => (txnRef === row.txnRef ? { ...row } : undefined),
    markPaid: () => move("paid"),
    markFailed: () => move("failed"),
    current: () => row,
  };
}

function acceptedPayment(now = duringWindow) {
  const { url } = buildPaymentUrl(SIMULATOR, request);
  const validation = validatePaymentRequest(SIMULATOR, url, now);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.payment;
}

describe("gateway simulator: round trip", () => {
  test("payment URL → simulator → signed return URL and IPN accepted; the IPN repeated answers 02", async () => {
    const payment = acceptedPayment();
    expect(payment).toMatchObject({ txnRef: "H56-260105-0001-1", amount: 1_200_000, locale: "vn" });
    expect(payment.orderInfo).toBe("Nop phi tham dinh ho so 000.00.12.H56-260105-0001");
    expect(payment.expiresAt).toEqual(new Date("2026-01-05T02:45:00Z"));

    const result = simulateGatewayResult(SIMULATOR, payment, "success", {
      now: duringWindow,
      transactionNo: "14226112",
    });
    expect(result.returnUrl.startsWith(`${request.returnUrl}?vnp_Amount=120000000&`)).toBe(true);
    const returned = verifyReturnUrl(SIMULATOR, result.returnUrl);
    expect(returned).toMatchObject({
      isSignatureValid: true,
      isPaid: true,
      amount: 1_200_000,
      transactionNo: "14226112",
      bankTranNo: "VNP14226112",
      payDate: duringWindow,
    });

    const repository = memoryRepository({ txnRef: payment.txnRef, amount: 1_200_000, status: "pending" });
    const ipnUrl = buildSimulatedIpnUrl("http://localhost:3000/api/v1/payments/vnpay/ipn", result);
    expect(await handleVnpayIpn(SIMULATOR, ipnUrl, repository)).toEqual({
      RspCode: "00",
      Message: "Confirm Success",
    });
    expect(repository.current().status).toBe("paid");
    expect((await handleVnpayIpn(SIMULATOR, ipnUrl, repository)).RspCode).toBe("02");
  });

  test.each([
    ["cancelled", "24", "0"],
    ["insufficient-funds", "51", "0"],
    ["timeout", "11", "0"],
  ] as const)(
    "%s: signed, not paid, code %s, recorded as failed by the IPN",
    async (outcome, code, transactionNo) => {
      const payment = acceptedPayment();
      const result = simulateGatewayResult(SIMULATOR, payment, outcome, { now: duringWindow });
      const returned = verifyReturnUrl(SIMULATOR, result.returnUrl);
      expect(returned).toMatchObject({
        isSignatureValid: true,
        isPaid: false,
        responseCode: code,
        transactionStatus: "02",
        transactionNo,
      });
      expect(returned.bankTranNo).toBeUndefined();
      const repository = memoryRepository({ txnRef: payment.txnRef, amount: 1_200_000, status: "pending" });
      expect((await handleVnpayIpn(SIMULATOR, result.query, repository)).RspCode).toBe("00");
      expect(repository.current().status).toBe("failed");
    },
  );

  test("the simulator's results are signed with the terminal's secret: another secret fails", () => {
    const result = simulateGatewayResult(SIMULATOR, acceptedPayment(), "success", { now: duringWindow });
    expect(
      verifyReturnUrl({ ...SIMULATOR, hashSecret: "SOMEONEELSE" }, result.returnUrl).isSignatureValid,
    ).toBe(false);
  });
});

describe("gateway simulator: checks a payment URL like VNPay", () => {
  const problems = (url: string, now = duringWindow) => {
    const validation = validatePaymentRequest(SIMULATOR, url, now);
    return validation.ok ? [] : validation.issues.map((issue) => `${issue.problem}:${issue.field ?? ""}`);
  };

  test("a changed amount breaks the signature", () => {
    const { url } = buildPaymentUrl(SIMULATOR, request);
    expect(problems(url.replace("vnp_Amount=120000000", "vnp_Amount=12000000"))).toEqual([
      "invalid-signature:vnp_SecureHash",
    ]);
  });

  test("an unknown terminal is refused", () => {
    const { url } = buildPaymentUrl({ ...SIMULATOR, tmnCode: "OTHER001" }, request);
    expect(problems(url)).toEqual(["unknown-terminal:vnp_TmnCode"]);
  });

  test("a request past its vnp_ExpireDate is refused; one second before it is accepted", () => {
    const { url } = buildPaymentUrl(SIMULATOR, request);
    expect(problems(url, new Date("2026-01-05T02:45:01Z"))).toEqual(["expired:vnp_ExpireDate"]);
    expect(problems(url, new Date("2026-01-05T02:44:59Z"))).toEqual([]);
  });

  const baseParams = () => {
    const { params } = buildPaymentUrl(SIMULATOR, request);
    const { vnp_SecureHash: _, ...unsigned } = params;
    return unsigned;
  };

  test("missing required parameters are named, even when correctly signed", () => {
    const { vnp_ExpireDate: _, vnp_IpAddr: __, ...params } = baseParams();
    expect(problems(`${SIMULATOR.paymentUrl}?${signedQuery(params)}`)).toEqual([
      "missing-field:vnp_IpAddr",
      "missing-field:vnp_ExpireDate",
    ]);
  });

  test("wrong formats and out-of-range amounts are refused", () => {
    const wrongCurrency = { ...baseParams(), vnp_CurrCode: "USD", vnp_Version: "2.0.1" };
    expect(problems(`${SIMULATOR.paymentUrl}?${signedQuery(wrongCurrency)}`)).toEqual([
      "invalid-field:vnp_Version",
      "invalid-field:vnp_CurrCode",
    ]);
    const tooLarge = { ...baseParams(), vnp_Amount: "100000000000" };
    expect(problems(`${SIMULATOR.paymentUrl}?${signedQuery(tooLarge)}`)).toEqual([
      "amount-out-of-range:vnp_Amount",
    ]);
    const fractional = { ...baseParams(), vnp_Amount: "120000050" };
    expect(problems(`${SIMULATOR.paymentUrl}?${signedQuery(fractional)}`)).toEqual([
      "invalid-field:vnp_Amount",
    ]);
    const impossibleDate = { ...baseParams(), vnp_CreateDate: "20260230093000" };
    expect(problems(`${SIMULATOR.paymentUrl}?${signedQuery(impossibleDate)}`)).toEqual([
      "invalid-field:vnp_CreateDate",
    ]);
  });
});
