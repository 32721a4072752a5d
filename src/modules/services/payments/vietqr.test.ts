import { describe, expect, test } from "vitest";
import { ValidationError } from "../../../platform/errors.ts";
import { buildVietQrPayload, crc16Ccitt, parseTlv, parseVietQrPayload } from "./vietqr.ts";

// Published payloads: the README of github.com/subiz/vietqr (120,000 đồng to VietinBank account
// 0011001932418, "ủng hộ lũ lụt") and of github.com/thanhtinhpas1/vietqr-parser (Vietcombank, no amount).
const SUBIZ_EXAMPLE =
  "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C";
const PARSER_EXAMPLE =
  "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60";

/** Table-driven CRC-16/CCITT-FALSE written independently of the bitwise one under test. */
function tableCrc(text: string): number {
  const table = Array.from({ length: 256 }, (_, index) => {
    let value = index << 8;
    for (let bit = 0; bit < 8; bit++) value = value & 0x8000 ? (value << 1) ^ 0x1021 : value << 1;
    return value & 0xffff;
  });
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text))
    crc = ((crc << 8) ^ table[((crc >> 8) ^ byte) & 0xff]!) & 0xffff;
  return crc;
}

describe("CRC-16/CCITT-FALSE", () => {
  test("gives the catalogue check value 0x29B1 for '123456789'", () => {
    expect(crc16Ccitt("123456789")).toBe(0x29b1);
  });

  test("agrees with an independent table-driven implementation", () => {
    for (const text of ["", "A", "000201010212", SUBIZ_EXAMPLE.slice(0, -4), "Sở Công Thương"]) {
      expect(crc16Ccitt(text)).toBe(tableCrc(text));
    }
  });
});

describe("VietQR payload", () => {
  test("reproduces a published VietQR payload byte for byte", () => {
    const payload = buildVietQrPayload({
      bankBin: "970415",
      accountNumber: "0011001932418",
      amount: 120_000,
      purpose: "ủng hộ lũ lụt",
    });
    expect(payload).toBe(SUBIZ_EXAMPLE);
  });

  test("validates the CRC of published payloads and reads their fields", () => {
    expect(parseVietQrPayload(SUBIZ_EXAMPLE)).toEqual({
      isCrcValid: true,
      isNapasTransfer: true,
      isDynamic: true,
      bankBin: "970415",
      accountNumber: "0011001932418",
      service: "QRIBFTTA",
      currency: "704",
      amount: 120_000,
      country: "VN",
      billNumber: undefined,
      purpose: "ung ho lu lut",
    });
    const parsed = parseVietQrPayload(PARSER_EXAMPLE);
    expect(parsed.isCrcValid).toBe(true);
    expect(parsed).toMatchObject({ bankBin: "970436", accountNumber: "0881000458086", amount: undefined });
  });

  test("a changed amount or a changed CRC fails the check", () => {
    expect(parseVietQrPayload(SUBIZ_EXAMPLE.replace("5406120000", "5406920000")).isCrcValid).toBe(false);
    expect(parseVietQrPayload(`${SUBIZ_EXAMPLE.slice(0, -4)}C15D`).isCrcValid).toBe(false);
    expect(() => parseVietQrPayload(SUBIZ_EXAMPLE.slice(0, -2))).toThrow(SyntaxError);
  });

  test("a fee payload is dynamic, carries the bill number and a plain-ASCII purpose, and round-trips", () => {
    const payload = buildVietQrPayload({
      bankBin: "970405",
      accountNumber: "7800201009999",
      amount: 1_200_000,
      billNumber: "H56-260105-0001-1",
      purpose: "Lệ phí hồ sơ H56-260105-0001 của Sở Công Thương",
    });
    expect(payload.startsWith("000201010212")).toBe(true);
    expect(payload).toContain("54071200000");
    const parsed = parseVietQrPayload(payload);
    expect(parsed).toMatchObject({
      isCrcValid: true,
      isNapasTransfer: true,
      isDynamic: true,
      amount: 1_200_000,
      billNumber: "H56-260105-0001-1",
      purpose: "Le phi ho so H56-260105-0", // NAPAS: purpose at most 25 characters
    });
    expect(parseTlv(payload).map((object) => object.id)).toEqual([
      "00",
      "01",
      "38",
      "53",
      "54",
      "58",
      "62",
      "63",
    ]);
  });

  test("without amount or reference the QR is static and has no 54 or 62", () => {
    const payload = buildVietQrPayload({ bankBin: "970436", accountNumber: "0881000458086" });
    expect(payload).toBe(
      `00020101021138570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304${payload.slice(-4)}`,
    );
    expect(parseVietQrPayload(payload)).toMatchObject({
      isCrcValid: true,
      isDynamic: false,
      amount: undefined,
    });
  });

  test("refuses a malformed BIN, account or amount", () => {
    expect(() => buildVietQrPayload({ bankBin: "97041", accountNumber: "1" })).toThrow(ValidationError);
    expect(() => buildVietQrPayload({ bankBin: "970415", accountNumber: "0011-0019" })).toThrow(
      ValidationError,
    );
    expect(() => buildVietQrPayload({ bankBin: "970415", accountNumber: "1", amount: 10.5 })).toThrow(
      ValidationError,
    );
    expect(() => buildVietQrPayload({ bankBin: "970415", accountNumber: "1", amount: 0 })).toThrow(
      ValidationError,
    );
  });
});
