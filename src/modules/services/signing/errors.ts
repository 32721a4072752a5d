import { DomainError } from "../../../platform/errors.ts";

/** Why an administrator's PKCS#12 (or a generated credential) cannot be used to sign results. */
export type CredentialProblem =
  | "not_pkcs12"
  | "wrong_password"
  | "no_private_key"
  | "no_certificate"
  | "key_mismatch"
  | "unsupported_key_type"
  | "certificate_expired"
  | "certificate_not_yet_valid"
  | "missing_digital_signature";

export const CREDENTIAL_PROBLEM_MESSAGES: Record<CredentialProblem, { vi: string; en: string }> = {
  not_pkcs12: {
    vi: "Tệp không phải là tệp chứng thư số PKCS#12 (.p12/.pfx) hợp lệ.",
    en: "The file is not a valid PKCS#12 (.p12/.pfx) file.",
  },
  wrong_password: {
    vi: "Mật khẩu của tệp PKCS#12 không đúng.",
    en: "The PKCS#12 password is wrong.",
  },
  no_private_key: {
    vi: "Tệp PKCS#12 không chứa khóa bí mật (được bảo vệ bằng mật khẩu).",
    en: "The PKCS#12 file holds no (password-protected) private key.",
  },
  no_certificate: {
    vi: "Tệp PKCS#12 không chứa chứng thư số.",
    en: "The PKCS#12 file holds no certificate.",
  },
  key_mismatch: {
    vi: "Khóa bí mật không khớp với chứng thư số nào trong tệp.",
    en: "The private key does not match any certificate in the file.",
  },
  unsupported_key_type: {
    vi: "Loại khóa không được hỗ trợ: cần khóa RSA.",
    en: "Unsupported key type: an RSA key is required.",
  },
  certificate_expired: {
    vi: "Chứng thư số đã hết hạn.",
    en: "The certificate has expired.",
  },
  certificate_not_yet_valid: {
    vi: "Chứng thư số chưa đến ngày có hiệu lực.",
    en: "The certificate is not valid yet.",
  },
  missing_digital_signature: {
    vi: "Chứng thư số không được phép dùng để ký số (thiếu mục đích digitalSignature).",
    en: "The certificate may not be used for digital signatures (keyUsage lacks digitalSignature).",
  },
};

export class SigningCredentialError extends DomainError {
  constructor(
    readonly problem: CredentialProblem,
    readonly detail = "",
  ) {
    super(422, `services.signing.${problem}`, detail ? { detail } : {});
    this.message = `${CREDENTIAL_PROBLEM_MESSAGES[problem].en}${detail ? ` (${detail})` : ""}`;
  }
}
