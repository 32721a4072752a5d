// The VNPay 2.1.0 signature (VNPay merchant integration guide, "Tạo URL thanh toán" and "Code IPN URL",
// sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html):
//   1. take every vnp_* parameter except vnp_SecureHash and vnp_SecureHashType;
//   2. sort them by name (byte order, as PHP ksort and JavaScript's default sort do);
//   3. URL-encode names and values the way VNPay's own demos do (encodeURIComponent, then "%20" → "+",
//      which is PHP urlencode for every character our builders send);
//   4. join as name=value&name=value and sign the UTF-8 bytes with HMAC-SHA512 and the terminal's hash
//      secret; vnp_SecureHash is the lower-case hex digest.
// Version 2.1.0 no longer sends vnp_SecureHashType ("Chuyển đổi phiên bản và thuật toán mã hóa").
import { createHmac, timingSafeEqual } from "node:crypto";

export type VnpayParams = Record<string, string>;

const SIGNATURE_PARAMS = new Set(["vnp_SecureHash", "vnp_SecureHashType"]);

/** "Nop phi: hồ sơ" → "Nop+phi%3A+h%E1%BB%93+s%C6%A1": UTF-8 percent-encoding with spaces as "+". */
export function encodeVnpayComponent(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}

/** The exact string VNPay signs: sorted, encoded vnp_* pairs without the signature fields. */
export function buildSignData(params: VnpayParams): string {
  return Object.keys(params)
    .filter((name) => name.startsWith("vnp_") && !SIGNATURE_PARAMS.has(name))
    .sort(compareBytes)
    .map((name) => `${encodeVnpayComponent(name)}=${encodeVnpayComponent(params[name] ?? "")}`)
    .join("&");
}

export function computeSecureHash(params: VnpayParams, hashSecret: string): string {
  return createHmac("sha512", hashSecret).update(buildSignData(params), "utf8").digest("hex");
}

/** Appends vnp_SecureHash to the sorted, encoded query, as VNPay expects it on the payment URL. */
export function buildSignedQuery(params: VnpayParams, hashSecret: string): string {
  const signData = buildSignData(params);
  const secureHash = createHmac("sha512", hashSecret).update(signData, "utf8").digest("hex");
  return `${signData}&vnp_SecureHash=${secureHash}`;
}

/**
 * Constant-time check of vnp_SecureHash. VNPay sends lower-case hex; upper case is accepted because the
 * digest is the same bytes. A missing, malformed or wrong-length hash is simply invalid.
 */
export function hasValidSecureHash(params: VnpayParams, hashSecret: string): boolean {
  const received = params.vnp_SecureHash;
  if (received === undefined || !/^[0-9a-fA-F]{128}$/.test(received)) return false;
  const expected = Buffer.from(computeSecureHash(params, hashSecret), "hex");
  return timingSafeEqual(expected, Buffer.from(received, "hex"));
}

function compareBytes(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/**
 * Reads a query into one value per name. Accepts a full URL, a raw query (with or without "?"),
 * URLSearchParams or a framework's parsed query object. A name sent twice makes the query ambiguous
 * (which value did VNPay sign?), so it is reported instead of silently picking one.
 */
export function readVnpayQuery(
  query: string | URLSearchParams | Record<string, string | string[] | undefined>,
): { params: VnpayParams; hasDuplicates: boolean } {
  const params: VnpayParams = {};
  let hasDuplicates = false;
  const add = (name: string, value: string) => {
    if (Object.hasOwn(params, name)) hasDuplicates = true;
    params[name] = value;
  };
  if (typeof query === "string" || query instanceof URLSearchParams) {
    const search = typeof query === "string" ? new URLSearchParams(queryPart(query)) : query;
    for (const [name, value] of search) add(name, value);
    return { params, hasDuplicates };
  }
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length !== 1) hasDuplicates = true;
      add(name, value[0] ?? "");
    } else add(name, value);
  }
  return { params, hasDuplicates };
}

function queryPart(urlOrQuery: string): string {
  const questionMark = urlOrQuery.indexOf("?");
  return questionMark === -1 ? urlOrQuery : urlOrQuery.slice(questionMark + 1);
}
