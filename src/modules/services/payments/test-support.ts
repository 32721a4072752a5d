// Shared by the payment tests only: a terminal, and a signer written independently of vnpay-signing.ts
// (PHP urlencode rules, as in VNPay's PHP demo) so the tests do not check the code against itself.
import { createHmac } from "node:crypto";
import type { VnpayConfig } from "./vnpay.ts";

export const TEST_TERMINAL: VnpayConfig = {
  tmnCode: "DTCT2026",
  hashSecret: "TESTSECRETNOTFORPRODUCTION0123456",
  paymentUrl: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
};

/** PHP urlencode: every byte but A–Z a–z 0–9 - _ . is %XX (upper case hex); a space is "+". */
export function phpUrlencode(text: string): string {
  let encoded = "";
  for (const byte of new TextEncoder().encode(text)) {
    const character = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.-]/.test(character)) encoded += character;
    else if (byte === 0x20) encoded += "+";
    else encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** VNPay's PHP demo: ksort, urlencode each name and value, join with &, HMAC-SHA512 in hex. */
export function signLikeVnpayDemo(params: Record<string, string>, hashSecret: string): string {
  const names = Object.keys(params)
    .filter((name) => name.startsWith("vnp_") && name !== "vnp_SecureHash" && name !== "vnp_SecureHashType")
    .sort();
  const hashData = names.map((name) => `${phpUrlencode(name)}=${phpUrlencode(params[name]!)}`).join("&");
  return createHmac("sha512", hashSecret).update(hashData).digest("hex");
}

/** A query VNPay would send, signed by the independent signer. */
export function signedQuery(params: Record<string, string>, hashSecret = TEST_TERMINAL.hashSecret): string {
  const search = new URLSearchParams(params);
  search.set("vnp_SecureHash", signLikeVnpayDemo(params, hashSecret));
  return search.toString();
}
