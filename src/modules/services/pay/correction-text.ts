import type { Translate } from "../../../platform/i18n.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import type { CorrectionView } from "./queries.ts";

/** A refund by transfer carries the bank's reference; cash handed back at the counter has none. */
export const refundMethodOf = (correction: Pick<CorrectionView, "reference">) =>
  correction.reference ? "transfer" : "counter";

/** A void or refund in one sentence for officers: kind, date, who, reason, the reference of a refund transfer. */
export function describeCorrection(correction: CorrectionView, t: Translate): string {
  const method = t(`services.pay.correct.method.${refundMethodOf(correction)}`);
  return t(`services.pay.correct.note.${correction.kind}`, {
    date: formatDate(correction.refundedOn ?? correction.createdAt),
    who: correction.createdByName ?? "",
    reason: correction.reason,
    method: correction.reference
      ? `${method}, ${t("services.pay.correct.note.reference", { reference: correction.reference })}`
      : method,
  });
}
