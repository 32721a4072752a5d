import type { Translate } from "../../../platform/i18n.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import type { CorrectionView } from "./queries.ts";

/** A refund by transfer carries the bank's reference; cash handed back at the counter has none. */
export const refundMethodOf = (correction: Pick<CorrectionView, "reference">) =>
  correction.reference ? "transfer" : "counter";

type CorrectionText = Pick<CorrectionView, "kind" | "reason" | "reference" | "refundedOn" | "createdAt">;

/** The message parameters of a correction: its date, reason and how the money went back. */
function correctionParams(correction: CorrectionText, t: Translate) {
  const method = t(`services.pay.correct.method.${refundMethodOf(correction)}`);
  return {
    date: formatDate(correction.refundedOn ?? correction.createdAt),
    reason: correction.reason,
    method: correction.reference
      ? `${method}, ${t("services.pay.correct.note.reference", { reference: correction.reference })}`
      : method,
  };
}

/** A void or refund in one sentence for officers: kind, date, who, reason, the reference of a refund transfer. */
export function describeCorrection(correction: CorrectionView, t: Translate): string {
  return t(`services.pay.correct.note.${correction.kind}`, {
    ...correctionParams(correction, t),
    who: correction.createdByName ?? "",
  });
}

/** The line under a receipt's title once it no longer stands ("ĐÃ HỦY ngày … — Lý do: …"). */
export function receiptCorrectionLine(correction: CorrectionText, t: Translate): string {
  return t(`services.pay.correct.receipt.${correction.kind}`, correctionParams(correction, t));
}
