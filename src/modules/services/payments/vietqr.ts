// VietQR: the NAPAS 24/7 interbank transfer QR, a national profile of the EMVCo "Merchant-Presented
// Mode" QR (EMVCo QRCPS-MPM v1.1; NAPAS "Technical specifications on NAPAS QR switching, Part IV: QR
// code format", v1.5.2, 2021). Every data object is ID (2 digits) + length (2 digits) + value; templates
// nest the same format. The payload ends with ID 63, a CRC-16/CCITT-FALSE over everything before its
// value, "6304" included (EMVCo §4.7.3).
import { type FieldIssue, ValidationError } from "../../../platform/errors.ts";
import { toPlainAsciiText } from "./ascii-text.ts";

/** NAPAS's globally unique identifier in merchant account template 38. */
export const NAPAS_GUID = "A000000727";
/** QRIBFTTA: 24/7 transfer to an account; QRIBFTTC: to a card number. */
export type VietQrService = "QRIBFTTA" | "QRIBFTTC";

export type VietQrInput = {
  /** The beneficiary bank's 6-digit BIN issued by the State Bank (e.g. 970415 VietinBank). */
  bankBin: string;
  accountNumber: string;
  service?: VietQrService;
  /** Whole đồng; VND has no minor unit. Omitted: the payer types the amount. */
  amount?: number;
  /** ID 62-01 bill number: the fee's payment reference (1–25 of A–Z a–z 0–9 . _ / -). */
  billNumber?: string;
  /** ID 62-08 purpose of transaction: shown to the payer; transliterated and cut to 25 characters. */
  purpose?: string;
};

/**
 * Point of initiation (ID 01): "11" static (reusable, no amount), "12" dynamic (one payment, amount and
 * reference fixed). A fee payment has both, so it is dynamic.
 */
export function buildVietQrPayload(input: VietQrInput): string {
  const issues: FieldIssue[] = [];
  if (!/^\d{6}$/.test(input.bankBin))
    issues.push({ field: "bankBin", messageKey: "payments.vietqr.invalidBin" });
  // NAPAS: account number "ans" up to 19 characters; banks use digits, some letters.
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber))
    issues.push({ field: "accountNumber", messageKey: "payments.vietqr.invalidAccount" });
  // EMVCo ID 54: up to 13 characters; đồng are whole numbers.
  if (
    input.amount !== undefined &&
    !(Number.isSafeInteger(input.amount) && input.amount > 0 && input.amount < 1e13)
  )
    issues.push({ field: "amount", messageKey: "payments.vietqr.invalidAmount" });
  // The bill number is how an officer matches the transfer to the fee, so it is refused, never trimmed.
  const billNumber = input.billNumber;
  if (billNumber !== undefined && !/^[A-Za-z0-9._/-]{1,25}$/.test(billNumber))
    issues.push({ field: "billNumber", messageKey: "payments.vietqr.invalidBillNumber" });
  const purpose = input.purpose === undefined ? undefined : toPlainAsciiText(input.purpose, 25);
  if (issues.length > 0) throw new ValidationError(issues);

  const beneficiary = tlv("00", input.bankBin) + tlv("01", input.accountNumber);
  const merchantAccount =
    tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", input.service ?? "QRIBFTTA");
  const additionalData = (billNumber ? tlv("01", billNumber) : "") + (purpose ? tlv("08", purpose) : "");
  const isDynamic = input.amount !== undefined || Boolean(billNumber);
  const body =
    tlv("00", "01") +
    tlv("01", isDynamic ? "12" : "11") +
    tlv("38", merchantAccount) +
    tlv("53", "704") + // ISO 4217 numeric code of the đồng
    (input.amount !== undefined ? tlv("54", String(input.amount)) : "") +
    tlv("58", "VN") +
    (additionalData ? tlv("62", additionalData) : "");
  const withCrcHeader = `${body}6304`;
  return withCrcHeader + formatCrc(crc16Ccitt(withCrcHeader));
}

function tlv(id: string, value: string): string {
  if (value.length === 0 || value.length > 99) throw new RangeError(`VietQR field ${id}: length 1–99`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
export function crc16Ccitt(text: string): number {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

const formatCrc = (crc: number) => crc.toString(16).toUpperCase().padStart(4, "0");

export type TlvObject = { id: string; value: string };

/** Splits one level of ID-length-value objects; throws on a truncated or malformed string. */
export function parseTlv(text: string): TlvObject[] {
  const objects: TlvObject[] = [];
  let position = 0;
  while (position < text.length) {
    const header = text.slice(position, position + 4);
    if (!/^\d{4}$/.test(header)) throw new SyntaxError(`Bad TLV header at ${position}`);
    const length = Number(header.slice(2));
    const value = text.slice(position + 4, position + 4 + length);
    if (length === 0 || value.length !== length) throw new SyntaxError(`Truncated TLV value at ${position}`);
    objects.push({ id: header.slice(0, 2), value });
    position += 4 + length;
  }
  return objects;
}

export type ParsedVietQr = {
  /** ID 63 is the last object, 4 hex digits, equal to the CRC of everything before them. */
  isCrcValid: boolean;
  /** Payload format "01" and NAPAS's GUID in template 38: a VietQR transfer, not another scheme's QR. */
  isNapasTransfer: boolean;
  isDynamic: boolean;
  bankBin?: string;
  accountNumber?: string;
  service?: string;
  currency?: string;
  amount?: number;
  country?: string;
  billNumber?: string;
  purpose?: string;
};

/** Reads a VietQR payload back; the CRC must be the last object and match (EMVCo §4.7.3). */
export function parseVietQrPayload(payload: string): ParsedVietQr {
  const objects = parseTlv(payload);
  const last = objects.at(-1);
  const isCrcValid =
    last?.id === "63" &&
    /^[0-9A-Fa-f]{4}$/.test(last.value) &&
    formatCrc(crc16Ccitt(payload.slice(0, -4))) === last.value.toUpperCase();
  const root = new Map(objects.map((object) => [object.id, object.value]));
  const account = new Map(parseTlv(root.get("38") ?? "").map((object) => [object.id, object.value]));
  const beneficiary = new Map(parseTlv(account.get("01") ?? "").map((object) => [object.id, object.value]));
  const additional = new Map(parseTlv(root.get("62") ?? "").map((object) => [object.id, object.value]));
  const amountText = root.get("54");
  return {
    isCrcValid,
    isNapasTransfer: root.get("00") === "01" && account.get("00") === NAPAS_GUID,
    isDynamic: root.get("01") === "12",
    bankBin: beneficiary.get("00"),
    accountNumber: beneficiary.get("01"),
    service: account.get("02"),
    currency: root.get("53"),
    amount: amountText === undefined ? undefined : Number(amountText),
    country: root.get("58"),
    billNumber: additional.get("01"),
    purpose: additional.get("08"),
  };
}
