import type { CopyKind, OnlineClass, ProcedureFee, SubsidyTerms } from "../schema.ts";
import type { ProcedureWorkflow } from "../workflow/index.ts";
import type { ProcedureQuestion } from "./questions.ts";

/**
 * Fields (lĩnh vực) of the Department's procedures, named after the national procedure database's groups.
 * The label is the catalogue message `services.catalogue.field.<code>`.
 */
export const procedureFields = [
  "luu-thong-hang-hoa",
  "xuc-tien-thuong-mai",
  "thuong-mai-quoc-te",
  "xang-dau",
  "kinh-doanh-khi",
  "hoa-chat",
  "vat-lieu-no-cong-nghiep",
  "an-toan-thuc-pham",
  "thuong-mai-dien-tu",
] as const;
export type ProcedureField = (typeof procedureFields)[number];

export function isProcedureField(value: string): value is ProcedureField {
  return (procedureFields as readonly string[]).includes(value);
}

/** Who may apply: an enterprise (through its representative) or a citizen (household business, individual). */
export const applicantKinds = ["enterprise", "citizen"] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

export const resultTypes = ["licence", "certificate", "decision", "notice"] as const;
export type ResultType = (typeof resultTypes)[number];

export type ComponentDraft = {
  name: string;
  nameEn: string;
  copyKind: CopyKind;
  quantity: number;
  required: boolean;
  templateName: string | null;
};

/** Everything a procedure version holds, before it is stored (seeding and the "publish a version" form). */
export type VersionDraft = {
  name: string;
  nameEn: string;
  field: ProcedureField;
  implementingUnitId: number;
  level: 1 | 2 | 3 | 4;
  onlineClass: OnlineClass;
  applicantKinds: ApplicantKind[];
  description: string;
  descriptionEn: string;
  workflow: ProcedureWorkflow;
  processingWorkingDays: number;
  fees: ProcedureFee[];
  legalBasis: string[];
  resultType: ResultType;
  resultName: string;
  resultNameEn: string;
  resultValidityMonths: number | null;
  questions: ProcedureQuestion[];
  subsidy: SubsidyTerms | null;
  budgetLineId: number | null;
  components: ComponentDraft[];
};

/** What a level-4 applicant pays online: the sum of the fee lines marked payable online. */
export function computeOnlineFee(fees: readonly ProcedureFee[]): number {
  return fees.filter((fee) => fee.payableOnline).reduce((sum, fee) => sum + fee.amountDong, 0);
}
