import type { FastifyInstance } from "fastify";

/** Fees: VNPay (or its simulator) payment, return and IPN, VietQR, receipts and reconciliation. */
export async function paymentRoutes(_app: FastifyInstance) {}
