import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../../../platform/audit.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import { type FieldIssue, NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import type { Actor, ServiceContext } from "../../../../platform/request-context.ts";
import { optionalText, parseInput, vietnameseDate } from "../../../../platform/validation.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { dossierPaymentCorrections, dossierPayments, dossiers } from "../../schema.ts";
import type { CorrectionRow, DossierRow, PaymentRow } from "../queries.ts";
import { mailCorrection } from "./mail-correction.ts";

/** How refunded money went back: a bank transfer (with its reference) or cash handed over at the counter. */
export const refundMethods = ["transfer", "counter"] as const;
export type RefundMethod = (typeof refundMethods)[number];

/** A correction is explained in words the next officer (and an inspector) can follow: 10 to 500 characters. */
const reason = z
  .string()
  .trim()
  .min(1, "validation.required")
  .min(10, "services.pay.correct.error.reasonTooShort")
  .max(500, "validation.tooLong");

export const VoidPaymentInput = z.object({ reason });
export type VoidPaymentInput = z.output<typeof VoidPaymentInput>;

export const RefundPaymentInput = z
  .object({
    method: z.enum(refundMethods, "validation.choose"),
    refundedOn: vietnameseDate,
    reference: optionalText(100),
    reason,
  })
  .superRefine((value, context) => {
    // A transfer back is matched to the bank statement by its reference; cash handed back has none.
    if (value.method === "transfer" && !value.reference) {
      context.addIssue({
        code: "custom",
        path: ["reference"],
        message: "services.pay.correct.error.referenceRequired",
      });
    }
  })
  .transform((value) => ({ ...value, reference: value.method === "transfer" ? value.reference : null }));
export type RefundPaymentInput = z.output<typeof RefundPaymentInput>;

export type CorrectPaymentRequest = {
  ctx: ServiceContext;
  paymentId: number;
  input: unknown;
  /** The portal address of the province (`{PUBLIC_URL}/{slug}`), for the link in the applicant's e-mail. */
  portalUrl: string;
  now?: Date;
};

export type CorrectionResult = { payment: PaymentRow; dossier: DossierRow; correction: CorrectionRow };

const isRecordedPayment = (payment: PaymentRow) =>
  payment.gateway === "counter" || payment.gateway === "transfer";

const formIssue = (messageKey: string): ValidationError =>
  new ValidationError([{ field: "form", messageKey }]);

/** A unique violation (23505) of the one-correction-per-payment index, wherever the driver wraps it. */
function isDuplicateCorrection(error: unknown): boolean {
  for (let cause = error; cause && typeof cause === "object"; cause = (cause as { cause?: unknown }).cause) {
    const { code, constraint, message } = cause as { code?: string; constraint?: string; message?: string };
    if (
      code === "23505" &&
      (constraint === "dossier_payment_corrections_payment_key" ||
        String(message ?? "").includes("dossier_payment_corrections_payment_key"))
    )
      return true;
  }
  return false;
}

/**
 * Void (hủy bản ghi thu): a counter or transfer payment an officer recorded in error (wrong dossier, money never
 * taken) is cancelled with a reason. Four-eyes: the officer who recorded it may not void it; another officer or
 * an administrator must (an administrator may void their own record: they answer for the portal's records).
 */
export async function voidPayment(request: CorrectPaymentRequest): Promise<CorrectionResult> {
  const actor = assertCan(request.ctx.actor, "services.payments", request.ctx.province);
  const input = parseInput(VoidPaymentInput, request.input);
  return correctPayment(request, actor, (payment) => {
    if (!isRecordedPayment(payment)) throw formIssue("services.pay.correct.error.voidOnlineRefused");
    const isAdministrator = actor.roles.has("admin") || actor.roles.has("operator");
    if (payment.recordedByUserId === actor.userId && !isAdministrator)
      throw formIssue("services.pay.correct.error.voidOwnRecord");
    return { kind: "void", reason: input.reason, reference: null, refundedOn: null };
  });
}

/**
 * Refund (hoàn trả): the whole amount of a paid payment (online or recorded) went back to the payer, outside
 * the portal (VNPay's merchant portal, a bank transfer, cash at the counter); the portal records it.
 */
export async function refundPayment(request: CorrectPaymentRequest): Promise<CorrectionResult> {
  const actor = assertCan(request.ctx.actor, "services.payments", request.ctx.province);
  const input = parseInput(RefundPaymentInput, request.input);
  const today = todayInVietnam(request.now ?? new Date());
  return correctPayment(request, actor, (payment) => {
    const issues: FieldIssue[] = [];
    if (input.refundedOn > today)
      issues.push({ field: "refundedOn", messageKey: "services.pay.correct.error.refundedOnFuture" });
    else if (payment.paidAt && input.refundedOn < todayInVietnam(payment.paidAt))
      issues.push({ field: "refundedOn", messageKey: "services.pay.correct.error.refundedOnBeforePaid" });
    if (issues.length > 0) throw new ValidationError(issues);
    return {
      kind: "refund",
      reason: input.reason,
      reference: input.reference,
      refundedOn: input.refundedOn,
    };
  });
}

type CorrectionDecision = Pick<CorrectionRow, "kind" | "reason" | "reference" | "refundedOn">;

/**
 * One transaction, the payment row then the dossier row locked FOR UPDATE (the IPN's order): the payment moves
 * from `paid` to `voided`/`refunded`, a corrections row, `dossiers.paid_at` cleared when no other payment of the
 * dossier is still paid (the fee is outstanding again), the audit row and the applicant's e-mail. Of two
 * officers correcting at once the second waits for the lock, then finds the payment no longer paid; the unique
 * index on `payment_id` holds even without the lock.
 */
async function correctPayment(
  request: CorrectPaymentRequest,
  actor: Actor,
  decide: (payment: PaymentRow) => CorrectionDecision,
): Promise<CorrectionResult> {
  const { ctx } = request;
  const now = request.now ?? new Date();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [payment] = await tx
        .select()
        .from(dossierPayments)
        .where(
          and(
            eq(dossierPayments.id, request.paymentId),
            inArray(dossierPayments.provinceId, [...ctx.province.scopeIds]),
          ),
        )
        .for("update");
      if (!payment) throw new NotFoundError();
      const [dossier] = await tx
        .select()
        .from(dossiers)
        .where(eq(dossiers.id, payment.dossierId))
        .for("update");
      if (!dossier) throw new NotFoundError();
      if (payment.status === "voided" || payment.status === "refunded")
        throw formIssue("services.pay.correct.error.alreadyCorrected");
      if (payment.status !== "paid") throw formIssue("services.pay.correct.error.notPaid");
      const decision = decide(payment);
      const status = decision.kind === "void" ? "voided" : "refunded";

      const [correction] = await tx
        .insert(dossierPaymentCorrections)
        .values({
          provinceId: payment.provinceId,
          paymentId: payment.id,
          kind: decision.kind,
          // Whole amounts only: a fee is refunded in full (see README, "Corrections").
          amountDong: payment.amountDong,
          reason: decision.reason,
          reference: decision.reference,
          refundedOn: decision.refundedOn,
          createdByUserId: actor.userId,
          createdAt: now,
        })
        .returning();
      const [corrected] = await tx
        .update(dossierPayments)
        .set({ status, updatedAt: now })
        .where(eq(dossierPayments.id, payment.id))
        .returning();
      const [stillPaid] = await tx
        .select({ id: dossierPayments.id })
        .from(dossierPayments)
        .where(
          and(
            eq(dossierPayments.dossierId, dossier.id),
            eq(dossierPayments.status, "paid"),
            ne(dossierPayments.id, payment.id),
          ),
        )
        .limit(1);
      const isOutstanding = stillPaid === undefined && dossier.paidAt !== null;
      const [afterDossier] = isOutstanding
        ? await tx
            .update(dossiers)
            .set({ paidAt: null, updatedAt: now })
            .where(eq(dossiers.id, dossier.id))
            .returning()
        : [dossier];
      await recordAudit(tx, {
        provinceId: payment.provinceId,
        actorUserId: actor.userId,
        action: decision.kind === "void" ? "payment.voided" : "payment.refunded",
        entityType: "dossier_payment",
        entityId: payment.id,
        before: { status: "paid", dossierId: dossier.id, dossierPaidAt: dossier.paidAt },
        after: {
          status,
          dossierId: dossier.id,
          amountDong: payment.amountDong,
          receiptNumber: payment.receiptNumber,
          reason: decision.reason,
          reference: decision.reference,
          refundedOn: decision.refundedOn,
          correctionId: correction!.id,
          dossierPaidAt: afterDossier!.paidAt,
        },
        ipAddress: ctx.ipAddress,
      });
      await mailCorrection(tx, request.portalUrl, corrected!, afterDossier!, correction!);
      return { payment: corrected!, dossier: afterDossier!, correction: correction! };
    });
  } catch (error) {
    if (isDuplicateCorrection(error)) throw formIssue("services.pay.correct.error.alreadyCorrected");
    throw error;
  }
}
