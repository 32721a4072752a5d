import type { Config } from "../../../config.ts";
import type { VnpayConfig } from "../payments/index.ts";

/** The gateway fees are paid through: VNPay's, or the built-in simulator speaking the same protocol. */
export type Gateway = { kind: "vnpay" | "simulator"; config: VnpayConfig };

/** Undefined in production without VNPay settings: online payment is then not offered (see config.ts). */
export function findGateway(config: Config): Gateway | undefined {
  const { gateway, vnpay } = config.payments;
  if (gateway === "none" || !vnpay) return undefined;
  return { kind: gateway, config: vnpay };
}

/** Where VNPay sends the applicant's browser back: it shows the result and never records a payment. */
export function returnUrlFor(config: Config, provinceSlug: string): string {
  return `${config.publicUrl}/${provinceSlug}/payments/vnpay/return`;
}

/** The IPN address to register with VNPay (one for the installation: the txnRef finds the province). */
export const IPN_PATH = "/api/v1/payments/vnpay/ipn";

/** A payment attempt waits this long for VNPay (vnp_ExpireDate); older pending ones are flagged. */
export const PAYMENT_WINDOW_MINUTES = 15;

/** VNPay's vnp_IpAddr is 7–45 characters: the IPv6 loopback "::1" is sent as its IPv4 equal. */
export function gatewayIpAddress(ip: string): string {
  if (ip === "::1") return "127.0.0.1";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
