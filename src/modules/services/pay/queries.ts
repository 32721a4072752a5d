import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { users } from "../../identity/schema.ts";
import { type DossierRow, getDossierForApplicant, getDossierForStaff } from "../dossiers/index.ts";
import {
  dossierPaymentCorrections,
  dossierPayments,
  dossiers,
  type ProcedureFee,
  procedures,
  procedureVersions,
} from "../schema.ts";
import type { DossierState } from "../workflow/index.ts";

export type { DossierRow };
export type PaymentRow = typeof dossierPayments.$inferSelect;
export type CorrectionRow = typeof dossierPaymentCorrections.$inferSelect;
/** A payment as the pages list it: for a recorded one, the officer's name. */
export type PaymentListRow = PaymentRow & { recordedByName: string | null };
/** A void or refund with the name of the officer who recorded it. */
export type CorrectionView = CorrectionRow & { createdByName: string | null };

/**
 * States in which the fee may be paid: from submission (the dossier has its code) until the result is
 * handed over. A draft has no code to pay for; a refused, withdrawn, stopped or rejected dossier owes nothing.
 */
export const PAYABLE_STATES: readonly DossierState[] = [
  "submitted",
  "needs-completion",
  "received",
  "in-review",
  "awaiting-supplement",
  "proposed",
  "approved",
];

export function isPayable(dossier: DossierRow): boolean {
  return (
    dossier.code !== null &&
    dossier.feeDong > 0 &&
    dossier.paidAt === null &&
    PAYABLE_STATES.includes(dossier.state)
  );
}

export type PaymentOverview = {
  dossier: DossierRow;
  procedureCode: string;
  procedureName: string;
  procedureNameEn: string;
  /** The fee lines paid online (the procedure version's `payableOnline` lines); they add up to feeDong. */
  fees: ProcedureFee[];
  attempts: PaymentListRow[];
  /** The voids and refunds of these attempts (at most one each). */
  corrections: CorrectionView[];
  isPayable: boolean;
};

export async function getPaymentOverview(ctx: ServiceContext, dossierId: number): Promise<PaymentOverview> {
  return overviewOf(ctx, await getDossierForApplicant(ctx, dossierId));
}

/** The same overview for an officer recording a counter or transfer payment (`services.payments`). */
export async function getStaffPaymentOverview(
  ctx: ServiceContext,
  dossierId: number,
): Promise<PaymentOverview> {
  assertCan(ctx.actor, "services.payments", ctx.province);
  return overviewOf(ctx, await getDossierForStaff(ctx, dossierId));
}

async function overviewOf(ctx: ServiceContext, dossier: DossierRow): Promise<PaymentOverview> {
  const [version] = await ctx.db
    .select({
      code: procedures.code,
      name: procedureVersions.name,
      nameEn: procedureVersions.nameEn,
      fees: procedureVersions.fees,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  const rows = await ctx.db
    .select({ payment: dossierPayments, recordedByName: users.fullName })
    .from(dossierPayments)
    .leftJoin(users, eq(users.id, dossierPayments.recordedByUserId))
    .where(eq(dossierPayments.dossierId, dossier.id))
    .orderBy(desc(dossierPayments.createdAt), desc(dossierPayments.id));
  const attempts = rows.map((row) => ({ ...row.payment, recordedByName: row.recordedByName }));
  const corrections = await correctionViews(ctx.db, eq(dossierPayments.dossierId, dossier.id));
  return {
    dossier,
    procedureCode: version?.code ?? "",
    procedureName: version?.name ?? "",
    procedureNameEn: version?.nameEn ?? "",
    fees: (version?.fees ?? []).filter((fee) => fee.payableOnline),
    attempts,
    corrections,
    isPayable: isPayable(dossier),
  };
}

/** The attempt a return URL names, if it belongs to this portal; shown only in part to anyone but its payer. */
export async function findPaymentByTxnRef(
  ctx: ServiceContext,
  txnRef: string,
): Promise<{ payment: PaymentRow; dossier: DossierRow } | undefined> {
  const [row] = await ctx.db
    .select({ payment: dossierPayments, dossier: dossiers })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .where(
      and(
        eq(dossierPayments.txnRef, txnRef),
        inArray(dossierPayments.provinceId, [...ctx.province.scopeIds]),
      ),
    );
  return row;
}

/** Voids and refunds with the name of the officer who recorded each. */
async function correctionViews(db: Executor, where: SQL): Promise<CorrectionView[]> {
  const rows = await db
    .select({ correction: dossierPaymentCorrections, createdByName: users.fullName })
    .from(dossierPaymentCorrections)
    .innerJoin(dossierPayments, eq(dossierPayments.id, dossierPaymentCorrections.paymentId))
    .leftJoin(users, eq(users.id, dossierPaymentCorrections.createdByUserId))
    .where(where);
  return rows.map((row) => ({ ...row.correction, createdByName: row.createdByName }));
}

/** A payment an officer is about to void or refund, with its dossier, who recorded it and any correction. */
export type PaymentForCorrection = {
  payment: PaymentListRow;
  dossier: DossierRow;
  correction: CorrectionView | undefined;
};

export async function getPaymentForCorrection(
  ctx: ServiceContext,
  paymentId: number,
): Promise<PaymentForCorrection> {
  assertCan(ctx.actor, "services.payments", ctx.province);
  const [row] = await ctx.db
    .select({ payment: dossierPayments, dossier: dossiers, recordedByName: users.fullName })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .leftJoin(users, eq(users.id, dossierPayments.recordedByUserId))
    .where(
      and(eq(dossierPayments.id, paymentId), inArray(dossierPayments.provinceId, [...ctx.province.scopeIds])),
    );
  if (!row) throw new NotFoundError();
  const [correction] = await correctionViews(ctx.db, eq(dossierPaymentCorrections.paymentId, paymentId));
  return {
    payment: { ...row.payment, recordedByName: row.recordedByName },
    dossier: row.dossier,
    correction,
  };
}
