// The reasons a signed result fails verification, each with the sentence the public verification page shows
// (Vietnamese first) and an English one for logs and the API.

export type VerificationProblemCode =
  | "no_signature"
  | "multiple_signatures"
  | "byte_range_invalid"
  | "content_appended"
  | "content_modified"
  | "signature_invalid"
  | "malformed_signature"
  | "signer_certificate_missing"
  | "chain_untrusted"
  | "certificate_expired"
  | "certificate_not_yet_valid"
  | "certificate_not_for_signing"
  | "signing_time_in_future"
  | "unsupported_algorithm"
  | "weak_algorithm";

export const VERIFICATION_PROBLEM_MESSAGES: Record<VerificationProblemCode, { vi: string; en: string }> = {
  no_signature: { vi: "Tệp không có chữ ký số.", en: "The file carries no digital signature." },
  multiple_signatures: {
    vi: "Tệp có nhiều hơn một chữ ký: văn bản đã bị ký hoặc sửa thêm sau khi Sở ký.",
    en: "The file carries more than one signature: it was signed or changed again after the Department signed it.",
  },
  byte_range_invalid: {
    vi: "Vùng dữ liệu được ký (ByteRange) không hợp lệ.",
    en: "The signed byte range is invalid.",
  },
  content_appended: {
    vi: "Tệp đã bị thêm nội dung sau khi ký: phần thêm không được chữ ký bảo vệ.",
    en: "Content was appended after signing: the added part is not covered by the signature.",
  },
  content_modified: {
    vi: "Nội dung văn bản đã bị thay đổi sau khi ký.",
    en: "The document content was changed after it was signed.",
  },
  signature_invalid: {
    vi: "Chữ ký số không đúng với chứng thư số của người ký.",
    en: "The signature does not verify with the signer's certificate.",
  },
  malformed_signature: {
    vi: "Dữ liệu chữ ký (CMS/PKCS#7) bị hỏng hoặc không đúng định dạng.",
    en: "The signature data (CMS/PKCS#7) is damaged or malformed.",
  },
  signer_certificate_missing: {
    vi: "Chữ ký không kèm chứng thư số của người ký.",
    en: "The signature does not include the signer's certificate.",
  },
  chain_untrusted: {
    vi: "Chứng thư số của người ký không do tổ chức chứng thực tin cậy cấp.",
    en: "The signer's certificate does not chain to a trusted certification authority.",
  },
  certificate_expired: {
    vi: "Chứng thư số đã hết hạn tại thời điểm ký.",
    en: "The certificate had expired at signing time.",
  },
  certificate_not_yet_valid: {
    vi: "Chứng thư số chưa có hiệu lực tại thời điểm ký.",
    en: "The certificate was not yet valid at signing time.",
  },
  certificate_not_for_signing: {
    vi: "Chứng thư số không được phép dùng để ký số.",
    en: "The certificate is not allowed for digital signatures.",
  },
  signing_time_in_future: {
    vi: "Thời điểm ký ghi trong chữ ký nằm ở tương lai.",
    en: "The signing time recorded in the signature is in the future.",
  },
  unsupported_algorithm: {
    vi: "Thuật toán chữ ký không được hỗ trợ.",
    en: "The signature algorithm is not supported.",
  },
  weak_algorithm: {
    vi: "Thuật toán băm không còn an toàn (SHA-1).",
    en: "The hash algorithm is no longer safe (SHA-1).",
  },
};

export type VerificationProblem = { code: VerificationProblemCode; vi: string; en: string; detail?: string };

export function problem(code: VerificationProblemCode, detail?: string): VerificationProblem {
  return { code, ...VERIFICATION_PROBLEM_MESSAGES[code], ...(detail ? { detail } : {}) };
}
