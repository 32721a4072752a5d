import { randomBytes } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../../platform/audit.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import { type FieldIssue, NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { optionalText, parseInput, vietnameseDate } from "../../../../platform/validation.ts";
import { formatVnd, parseAmountToDong, todayInVietnam } from "../../../../platform/vn-format.ts";
import { dossierPayments, dossiers } from "../../schema.ts";
import { isPayable } from "../queries.ts";
import { mailReceipt } from "./mail-receipt.ts";
import { formatReceiptNumber } from "./record-ipn.ts";

/** Ways an officer records a fee as paid: cash at the one-stop counter, or a bank transfer on the statement. */
export const recordedPaymentMethods = ["counter", "transfer"] as const;
export type RecordedPaymentMethod = (typeof recordedPaymentMethods)[number];

/** Whole đồng as typed ("100.000", "100000", "100.000 ₫"); compared with the fee in the service. */
const typedDong = z
  .string()
  .trim()
  .min(1, "validation.required")
  .transform((value, context) => {
    const parsed = parseAmountToDong(value.replace(/\s*(₫|đ|đồng|vnd)$/i, ""), "dong");
    if (!parsed.ok || parsed.dong <= 0n || parsed.dong > BigInt(Number.MAX_SAFE_INTEGER)) {
      context.addIssue({ code: "custom", message: "services.pay.record.error.amountInvalid" });
      return z.NEVER;
    }
    return Number(parsed.dong);
  });

export const RecordPaymentInput = z
  .object({
    method: z.enum(recordedPaymentMethods, "validation.choose"),
    amount: typedDong,
    paidOn: vietnameseDate,
    bankReference: optionalText(100),
    note: optionalText(1000),
  })
  .superRefine((value, context) => {
    // A transfer is matched to the statement line by the bank's reference; cash has none.
    if (value.method === "transfer" && !value.bankReference) {
      context.addIssue({
        code: "custom",
        path: ["bankReference"],
        message: "services.pay.record.error.bankReferenceRequired",
      });
    }
  })
  .transform((value) => ({
    ...value,
    bankReference: value.method === "transfer" ? value.bankReference : null,
  }));
export type RecordPaymentInput = z.output<typeof RecordPaymentInput>;

export type RecordPaymentRequest = {
  ctx: ServiceContext;
  dossierId: number;
  input: unknown;
  /** The portal address of the province (`{PUBLIC_URL}/{slug}`), for the link in the applicant's e-mail. */
  portalUrl: string;
  now?: Date;
};

/** "Q42-…" (quầy, counter) or "C42-…" (chuyển khoản): unique like an online txnRef, never sent to a gateway. */
function recordedTxnRef(method: RecordedPaymentMethod, dossierId: number, now: Date): string {
  const prefix = method === "counter" ? "Q" : "C";
  return `${prefix}${dossierId}-${now.getTime().toString(36).toUpperCase()}${randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * The instant stored for a payment date: now when it is today; otherwise the start of that day in Vietnam,
 * but never before submission (a payment on the day of submission cannot precede it).
 */
function paidInstant(paidOn: string, submittedAt: Date, now: Date): Date {
  if (paidOn === todayInVietnam(now)) return now;
  const startOfDay = new Date(`${paidOn}T00:00:00+07:00`);
  return startOfDay < submittedAt ? submittedAt : startOfDay;
}

/**
 * An officer (`services.payments`) records a fee paid in cash at the counter or by bank transfer: a `paid`
 * payment row with a receipt number in the IPN's series, the dossier's `paid_at`, the audit row
 * `payment.recorded` and the applicant's e-mail, in one transaction. The dossier row is locked first, so of
 * two concurrent records (or a record and an IPN) the second sees the fee paid and is refused.
 */
export async function recordPayment(request: RecordPaymentRequest) {
  const { ctx } = request;
  const actor = assertCan(ctx.actor, "services.payments", ctx.province);
  const now = request.now ?? new Date();
  const input = parseInput(RecordPaymentInput, request.input);
  return ctx.db.transaction(async (tx) => {
    const [dossier] = await tx
      .select()
      .from(dossiers)
      .where(
        and(
          eq(dossiers.id, request.dossierId),
          inArray(dossiers.provinceId, [...ctx.province.scopeIds]),
          ne(dossiers.state, "draft"),
        ),
      )
      .for("update");
    if (!dossier) throw new NotFoundError();
    if (dossier.paidAt !== null)
      throw new ValidationError([{ field: "form", messageKey: "services.pay.error.alreadyPaid" }]);
    if (!isPayable(dossier) || dossier.submittedAt === null)
      throw new ValidationError([{ field: "form", messageKey: "services.pay.error.notPayable" }]);
    const issues: FieldIssue[] = [];
    if (input.amount !== dossier.feeDong)
      issues.push({
        field: "amount",
        messageKey: "services.pay.record.error.amountMismatch",
        params: { fee: formatVnd(BigInt(dossier.feeDong)) },
      });
    if (input.paidOn > todayInVietnam(now))
      issues.push({ field: "paidOn", messageKey: "services.pay.record.error.paidOnFuture" });
    else if (input.paidOn < todayInVietnam(dossier.submittedAt))
      issues.push({ field: "paidOn", messageKey: "services.pay.record.error.paidOnBeforeSubmission" });
    if (issues.length > 0) throw new ValidationError(issues);

    const paidAt = paidInstant(input.paidOn, dossier.submittedAt, now);
    const [inserted] = await tx
      .insert(dossierPayments)
      .values({
        provinceId: dossier.provinceId,
        dossierId: dossier.id,
        txnRef: recordedTxnRef(input.method, dossier.id, now),
        amountDong: dossier.feeDong,
        gateway: input.method,
        status: "paid",
        gatewayTransactionNo: input.bankReference,
        paidAt,
        recordedByUserId: actor.userId,
        note: input.note,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const receiptNumber = formatReceiptNumber(inserted!.id, paidAt);
    const [payment] = await tx
      .update(dossierPayments)
      .set({ receiptNumber })
      .where(eq(dossierPayments.id, inserted!.id))
      .returning();
    const [paidDossier] = await tx
      .update(dossiers)
      .set({ paidAt, updatedAt: now })
      .where(eq(dossiers.id, dossier.id))
      .returning();
    await recordAudit(tx, {
      provinceId: dossier.provinceId,
      actorUserId: actor.userId,
      action: "payment.recorded",
      entityType: "dossier_payment",
      entityId: payment!.id,
      before: { dossierId: dossier.id, dossierPaidAt: null },
      after: {
        dossierId: dossier.id,
        status: "paid",
        method: input.method,
        amountDong: payment!.amountDong,
        paidOn: input.paidOn,
        bankReference: input.bankReference,
        note: input.note,
        receiptNumber,
        dossierPaidAt: paidAt,
      },
      ipAddress: ctx.ipAddress,
    });
    await mailReceipt(tx, () => request.portalUrl, payment!, paidDossier!);
    return { payment: payment!, dossier: paidDossier! };
  });
}
