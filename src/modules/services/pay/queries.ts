import { and, desc, eq, inArray } from "drizzle-orm";
import { assertCan } from "../../../platform/authorization.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { type DossierRow, getDossierForApplicant, getDossierForStaff } from "../dossiers/index.ts";
import { dossierPayments, dossiers, type ProcedureFee, procedures, procedureVersions } from "../schema.ts";
import type { DossierState } from "../workflow/index.ts";

export type { DossierRow };
export type PaymentRow = typeof dossierPayments.$inferSelect;

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
  attempts: PaymentRow[];
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
  const attempts = await ctx.db
    .select()
    .from(dossierPayments)
    .where(eq(dossierPayments.dossierId, dossier.id))
    .orderBy(desc(dossierPayments.createdAt), desc(dossierPayments.id));
  return {
    dossier,
    procedureCode: version?.code ?? "",
    procedureName: version?.name ?? "",
    procedureNameEn: version?.nameEn ?? "",
    fees: (version?.fees ?? []).filter((fee) => fee.payableOnline),
    attempts,
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
