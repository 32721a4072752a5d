import type { FastifyInstance } from "fastify";
import { applicantPaymentRoutes } from "./applicant-routes.tsx";
import { correctPaymentRoutes } from "./correct-routes.tsx";
import { ipnRoutes } from "./ipn-routes.ts";
import { reconciliationRoutes } from "./reconciliation-routes.tsx";
import { recordPaymentRoutes } from "./record-routes.tsx";
import { simulatorRoutes } from "./simulator-routes.tsx";

/** Fees: VNPay (or its simulator) payment, return and IPN, VietQR, payments recorded by officers, voids and refunds, receipts and reconciliation. */
export async function paymentRoutes(app: FastifyInstance) {
  await app.register(applicantPaymentRoutes);
  await app.register(simulatorRoutes);
  await app.register(ipnRoutes);
  await app.register(reconciliationRoutes);
  await app.register(recordPaymentRoutes);
  await app.register(correctPaymentRoutes);
}
