// VNPay's vnp_OrderInfo must be "Tiếng Việt không dấu và không bao gồm các ký tự đặc biệt" (VNPay
// integration guide, parameter table) and VietQR's text fields are EMVCo "ans" (printable ASCII), so
// Vietnamese text is transliterated before it is sent. NFD splits each vowel into a base letter and its
// marks; "đ"/"Đ" are letters of their own and are mapped by hand.
const COMBINING_MARKS = /\p{M}/gu;

/** "Nộp phí hồ sơ Đồng Tháp" → "Nop phi ho so Dong Thap" (case kept, whitespace collapsed). */
export function removeVietnameseMarks(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Keeps letters, digits, spaces and `. , : - _ / #`: characters that PHP urlencode, JavaScript
 * encodeURIComponent, Java URLEncoder and .NET WebUtility.UrlEncode all encode identically, so the
 * signature cannot depend on which library re-encodes the text. Everything else is dropped.
 */
export function toPlainAsciiText(text: string, maxLength: number): string {
  return removeVietnameseMarks(text)
    .replace(/[^A-Za-z0-9 .,:\-_/#]/g, "")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, maxLength)
    .trim();
}
