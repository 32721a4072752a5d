import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import { ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { getDossierForApplicant } from "../../dossiers/index.ts";
import { buildPaymentUrl } from "../../payments/index.ts";
import { dossierPayments, dossiers } from "../../schema.ts";
import { type Gateway, PAYMENT_WINDOW_MINUTES } from "../gateway.ts";
import { isPayable } from "../queries.ts";

export type StartPaymentInput = {
  ctx: ServiceContext;
  dossierId: number;
  gateway: Gateway | undefined;
  returnUrl: string;
  ipAddress: string;
  locale: "vi" | "en";
  now?: Date;
};

/**
 * vnp_TxnRef: unique per attempt (VNPay refuses a reference reused the same day) and unguessable, so a
 * return URL cannot be made up for somebody else's attempt. "D{dossier id}-{time}{random}", ≤ 30 characters.
 */
export function newTxnRef(dossierId: number, now: Date): string {
  return `D${dossierId}-${now.getTime().toString(36).toUpperCase()}${randomBytes(4).toString("hex").toUpperCase()}`;
}

/**
 * Opens a payment attempt for the applicant's own dossier: a pending `dossier_payments` row with a fresh
 * txnRef for the whole fee, and the signed gateway URL to send the browser to. Nothing is paid here: only
 * the gateway's IPN records a payment (record-ipn.ts).
 */
export async function startPayment(input: StartPaymentInput): Promise<{ url: string; txnRef: string }> {
  const { ctx, gateway } = input;
  const now = input.now ?? new Date();
  const owned = await getDossierForApplicant(ctx, input.dossierId);
  if (!gateway) throw new ValidationError([{ field: "form", messageKey: "services.pay.error.noGateway" }]);
  return ctx.db.transaction(async (tx) => {
    // The row lock orders this attempt after a concurrent IPN that may be marking the dossier paid.
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, owned.id)).for("update");
    if (!dossier || dossier.paidAt !== null)
      throw new ValidationError([{ field: "form", messageKey: "services.pay.error.alreadyPaid" }]);
    if (!isPayable(dossier))
      throw new ValidationError([{ field: "form", messageKey: "services.pay.error.notPayable" }]);
    const txnRef = newTxnRef(dossier.id, now);
    const request = buildSignedRequest(gateway, {
      txnRef,
      amount: dossier.feeDong,
      orderInfo: `Nop phi ho so ${dossier.code}`,
      ipAddr: input.ipAddress,
      returnUrl: input.returnUrl,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PAYMENT_WINDOW_MINUTES * 60_000),
      locale: input.locale === "en" ? "en" : "vn",
    });
    const [payment] = await tx
      .insert(dossierPayments)
      .values({
        provinceId: dossier.provinceId,
        dossierId: dossier.id,
        txnRef,
        amountDong: dossier.feeDong,
        gateway: gateway.kind,
        status: "pending",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      provinceId: dossier.provinceId,
      actorUserId: ctx.actor?.userId ?? null,
      action: "payment.start",
      entityType: "dossier_payment",
      entityId: payment!.id,
      after: { dossierId: dossier.id, txnRef, amountDong: dossier.feeDong, gateway: gateway.kind },
      ipAddress: ctx.ipAddress,
    });
    return { url: request.url, txnRef };
  });
}

/** The builder's problems (e.g. a fee under VNPay's 5,000 đồng minimum) concern the page, not a field. */
function buildSignedRequest(gateway: Gateway, request: Parameters<typeof buildPaymentUrl>[1]) {
  try {
    return buildPaymentUrl(gateway.config, request);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.issues.map((issue) => ({ ...issue, field: "form" })));
  }
}
