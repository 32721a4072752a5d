import { describe, expect, test } from "vitest";
import { signedQuery, TEST_TERMINAL } from "./test-support.ts";
import {
  handleVnpayIpn,
  type PaymentOrder,
  type PaymentOrderRepository,
  type VnpayPaymentInfo,
} from "./vnpay-ipn.ts";

/** An in-memory repository with the conditional updates the interface requires. */
function createRepository(orders: PaymentOrder[]) {
  const rows = new Map(orders.map((order) => [order.txnRef, { ...order }]));
  const recorded: { txnRef: string; status: "paid" | "failed"; info: VnpayPaymentInfo }[] = [];
  const move = async (txnRef: string, status: "paid" | "failed", info: VnpayPaymentInfo) => {
    await Promise.resolve(); // let concurrent deliveries interleave as they would against a database
    const row = rows.get(txnRef);
    if (row?.status !== "pending") return false;
    row.status = status;
    recorded.push({ txnRef, status, info });
    return true;
  };
  const repository: PaymentOrderRepository = {
    findOrder: async (txnRef) => {
      const row = rows.get(txnRef);
      return row && { ...row };
    },
    markPaid: (txnRef, info) => move(txnRef, "paid", info),
    markFailed: (txnRef, info) => move(txnRef, "failed", info),
  };
  return { repository, rows, recorded };
}

const order: PaymentOrder = { txnRef: "H56-260105-0001-1", amount: 1_200_000, status: "pending" };
const paidIpn = {
  vnp_Amount: "120000000",
  vnp_BankCode: "NCB",
  vnp_BankTranNo: "VNP14226112",
  vnp_CardType: "ATM",
  vnp_OrderInfo: "Nop phi tham dinh ho so 000.00.12.H56-260105-0001",
  vnp_PayDate: "20260105093512",
  vnp_ResponseCode: "00",
  vnp_TmnCode: "DTCT2026",
  vnp_TransactionNo: "14226112",
  vnp_TransactionStatus: "00",
  vnp_TxnRef: "H56-260105-0001-1",
};

describe("VNPay IPN", () => {
  test("00: a signed success for a pending order marks it paid with VNPay's details", async () => {
    const { repository, rows, recorded } = createRepository([order]);
    const response = await handleVnpayIpn(TEST_TERMINAL, signedQuery(paidIpn), repository);
    expect(response).toEqual({ RspCode: "00", Message: "Confirm Success" });
    expect(rows.get(order.txnRef)!.status).toBe("paid");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.info).toMatchObject({
      amount: 1_200_000,
      transactionNo: "14226112",
      bankTranNo: "VNP14226112",
      payDate: new Date("2026-01-05T02:35:12Z"),
    });
  });

  test("02: the same IPN again changes nothing and answers 'already confirmed'", async () => {
    const { repository, rows, recorded } = createRepository([order]);
    const query = signedQuery(paidIpn);
    await handleVnpayIpn(TEST_TERMINAL, query, repository);
    const repeated = await handleVnpayIpn(TEST_TERMINAL, query, repository);
    expect(repeated).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    expect(recorded).toHaveLength(1);
    expect(rows.get(order.txnRef)!.status).toBe("paid");
  });

  test("02: a later failure report cannot undo a recorded payment", async () => {
    const { repository, rows } = createRepository([{ ...order, status: "paid" }]);
    const failure = { ...paidIpn, vnp_ResponseCode: "24", vnp_TransactionStatus: "02" };
    expect((await handleVnpayIpn(TEST_TERMINAL, signedQuery(failure), repository)).RspCode).toBe("02");
    expect(rows.get(order.txnRef)!.status).toBe("paid");
  });

  test("two concurrent deliveries record the payment once: one 00, one 02", async () => {
    const { repository, recorded } = createRepository([order]);
    const query = signedQuery(paidIpn);
    const responses = await Promise.all([
      handleVnpayIpn(TEST_TERMINAL, query, repository),
      handleVnpayIpn(TEST_TERMINAL, query, repository),
    ]);
    expect(responses.map((response) => response.RspCode).sort()).toEqual(["00", "02"]);
    expect(recorded).toHaveLength(1);
  });

  test("97: a tampered signature is refused before the order is even looked up", async () => {
    const { repository, rows } = createRepository([order]);
    const tampered = signedQuery(paidIpn).replace(/vnp_SecureHash=([0-9a-f])/, (_, first) =>
      first === "0" ? "vnp_SecureHash=1" : "vnp_SecureHash=0",
    );
    let lookups = 0;
    const counting = {
      ...repository,
      findOrder: (txnRef: string) => {
        lookups++;
        return repository.findOrder(txnRef);
      },
    };
    expect(await handleVnpayIpn(TEST_TERMINAL, tampered, counting)).toEqual({
      RspCode: "97",
      Message: "Invalid signature",
    });
    expect(lookups).toBe(0);
    expect(rows.get(order.txnRef)!.status).toBe("pending");
  });

  test("97: a changed field under the original signature, or no signature at all", async () => {
    const { repository } = createRepository([order]);
    const changedAmount = signedQuery(paidIpn).replace("vnp_Amount=120000000", "vnp_Amount=100000000");
    expect((await handleVnpayIpn(TEST_TERMINAL, changedAmount, repository)).RspCode).toBe("97");
    const unsigned = new URLSearchParams(paidIpn).toString();
    expect((await handleVnpayIpn(TEST_TERMINAL, unsigned, repository)).RspCode).toBe("97");
  });

  test("01: a signed IPN for an order we do not have", async () => {
    const { repository } = createRepository([order]);
    const unknown = { ...paidIpn, vnp_TxnRef: "H56-260105-0099-1" };
    expect(await handleVnpayIpn(TEST_TERMINAL, signedQuery(unknown), repository)).toEqual({
      RspCode: "01",
      Message: "Order not found",
    });
  });

  test("04: a signed amount that differs from the order's fee, checked before 'already confirmed'", async () => {
    const { repository, rows, recorded } = createRepository([
      order,
      { ...order, txnRef: "PAID-1", status: "paid" },
    ]);
    const wrongAmount = { ...paidIpn, vnp_Amount: "100000000" };
    expect(await handleVnpayIpn(TEST_TERMINAL, signedQuery(wrongAmount), repository)).toEqual({
      RspCode: "04",
      Message: "invalid amount",
    });
    expect(rows.get(order.txnRef)!.status).toBe("pending");
    const wrongAmountOnPaid = { ...wrongAmount, vnp_TxnRef: "PAID-1" };
    expect((await handleVnpayIpn(TEST_TERMINAL, signedQuery(wrongAmountOnPaid), repository)).RspCode).toBe(
      "04",
    );
    const fractional = { ...paidIpn, vnp_Amount: "120000050" };
    expect((await handleVnpayIpn(TEST_TERMINAL, signedQuery(fractional), repository)).RspCode).toBe("04");
    expect(recorded).toHaveLength(0);
  });

  test("a failed payment (insufficient funds) is recorded once as failed and confirmed to VNPay", async () => {
    const { repository, rows, recorded } = createRepository([order]);
    const insufficient = {
      ...paidIpn,
      vnp_ResponseCode: "51",
      vnp_TransactionStatus: "02",
      vnp_TransactionNo: "0",
      vnp_BankTranNo: "",
    };
    const query = signedQuery(insufficient);
    expect((await handleVnpayIpn(TEST_TERMINAL, query, repository)).RspCode).toBe("00");
    expect((await handleVnpayIpn(TEST_TERMINAL, query, repository)).RspCode).toBe("02");
    expect(rows.get(order.txnRef)!.status).toBe("failed");
    expect(recorded).toEqual([
      expect.objectContaining({ status: "failed", info: expect.objectContaining({ responseCode: "51" }) }),
    ]);
  });

  test("99: a storage failure is not confirmed, so VNPay calls again, and is reported to the caller", async () => {
    const { repository } = createRepository([order]);
    const errors: unknown[] = [];
    const broken = {
      ...repository,
      markPaid: () => Promise.reject(new Error("connection reset")),
    };
    const response = await handleVnpayIpn(TEST_TERMINAL, signedQuery(paidIpn), broken, {
      onError: (error) => errors.push(error),
    });
    expect(response).toEqual({ RspCode: "99", Message: "Unknow error" });
    expect(errors).toHaveLength(1);
  });
});
