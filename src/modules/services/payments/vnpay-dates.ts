// VNPay dates (vnp_CreateDate, vnp_ExpireDate, vnp_PayDate) are yyyyMMddHHmmss in GMT+7, whatever the
// server's time zone (VNPay integration guide, parameter table). Vietnam has kept UTC+7 without daylight
// saving since 1975, so a fixed offset is exact.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 2026-01-05T02:30:00Z → "20260105093000". */
export function formatVnpayDate(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1) +
    pad(local.getUTCDate()) +
    pad(local.getUTCHours()) +
    pad(local.getUTCMinutes()) +
    pad(local.getUTCSeconds())
  );
}

/** "20260105093000" → 2026-01-05T02:30:00Z; undefined for anything that is not a real calendar instant. */
export function parseVnpayDate(text: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? "");
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const instant = new Date(utc - VIETNAM_OFFSET_MS);
  // Date.UTC rolls 31 February into March; a round trip catches every such impossible date.
  return formatVnpayDate(instant) === text ? instant : undefined;
}
