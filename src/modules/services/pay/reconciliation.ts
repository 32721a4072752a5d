import { and, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { assertCan } from "../../../platform/authorization.ts";
import type { FieldIssue } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { formatDate, parseVietnameseDate, todayInVietnam } from "../../../platform/vn-format.ts";
import { users } from "../../identity/schema.ts";
import {
  dossierPaymentCorrections,
  dossierPayments,
  dossiers,
  type PaymentGateway,
  type PaymentStatus,
  paymentStatuses,
} from "../schema.ts";
import { PAYMENT_WINDOW_MINUTES } from "./gateway.ts";
import type { CorrectionView } from "./queries.ts";

/** What an officer checks when matching the gateway's statement to the dossiers. */
export const reconciliationFlags = [
  "paid-without-dossier-paid-at",
  "repeated-ipn",
  "amount-mismatch",
  "stale-pending",
  "duplicate-payment",
] as const;
export type ReconciliationFlag = (typeof reconciliationFlags)[number];

export type ReconciliationFilters = {
  /** ISO calendar dates in Vietnam time, both included. */
  from: string;
  to: string;
  status: PaymentStatus | null;
  flag: ReconciliationFlag | "any" | null;
};

export const RECONCILIATION_PAGE_SIZE = 50;

/** From the 1st of this month to today by default; a date typed wrong is reported and the default kept. */
export function readReconciliationFilters(
  query: Record<string, string | undefined>,
  now = new Date(),
): { filters: ReconciliationFilters; values: Record<string, string>; issues: FieldIssue[] } {
  const today = todayInVietnam(now);
  const issues: FieldIssue[] = [];
  const dateOf = (name: "from" | "to", fallback: string) => {
    const text = (query[name] ?? "").trim();
    if (!text) return fallback;
    const iso = parseVietnameseDate(text);
    if (iso === null) issues.push({ field: name, messageKey: "validation.date" });
    return iso ?? fallback;
  };
  let from = dateOf("from", `${today.slice(0, 8)}01`);
  let to = dateOf("to", today);
  if (from > to) [from, to] = [to, from];
  const status = paymentStatuses.find((value) => value === query.status) ?? null;
  const flag =
    query.flag === "any" ? "any" : (reconciliationFlags.find((value) => value === query.flag) ?? null);
  const values = {
    from: query.from ?? formatDate(from),
    to: query.to ?? formatDate(to),
    status: status ?? "",
    flag: flag ?? "",
  };
  return { filters: { from, to, status, flag }, values, issues };
}

function flagConditions(now: Date): Record<ReconciliationFlag, SQL> {
  const staleBefore = new Date(now.getTime() - PAYMENT_WINDOW_MINUTES * 60_000);
  return {
    "paid-without-dossier-paid-at": sql`(${dossierPayments.status} = 'paid' and ${dossiers.paidAt} is null)`,
    "repeated-ipn": sql`(${dossierPayments.ipnCount} > 1)`,
    // The attempt's amount against the dossier's fee, and against what the gateway reported (vnp_Amount = đồng × 100).
    "amount-mismatch": sql`(${dossierPayments.amountDong} <> ${dossiers.feeDong} or coalesce(${dossierPayments.ipnPayload} ->> 'vnp_Amount', (${dossierPayments.amountDong} * 100)::text) <> (${dossierPayments.amountDong} * 100)::text)`,
    "stale-pending": sql`(${dossierPayments.status} = 'pending' and ${dossierPayments.createdAt} < ${staleBefore.toISOString()}::timestamptz)`,
    // Only payments still paid count: once the extra one is refunded (or voided) the flag goes.
    "duplicate-payment": sql`(${dossierPayments.status} = 'paid' and exists (select 1 from dossier_payments other where other.dossier_id = ${dossierPayments.dossierId} and other.status = 'paid' and other.id <> ${dossierPayments.id}))`,
  };
}

export type ReconciliationRow = {
  id: number;
  txnRef: string;
  dossierId: number;
  dossierCode: string | null;
  applicantName: string;
  amountDong: number;
  feeDong: number;
  /** How it was paid: online (vnpay, simulator) or recorded by an officer (counter, transfer). */
  gateway: PaymentGateway;
  status: PaymentStatus;
  responseCode: string | null;
  gatewayTransactionNo: string | null;
  bankCode: string | null;
  receiptNumber: string | null;
  createdAt: Date;
  paidAt: Date | null;
  dossierPaidAt: Date | null;
  ipnCount: number;
  flags: ReconciliationFlag[];
  /** The void or refund of the payment, with the name of the officer who recorded it. */
  correction: CorrectionView | null;
};

export type Reconciliation = {
  rows: ReconciliationRow[];
  total: number;
  /** Per status over the date range (whatever the status and flag filters): attempts and đồng. */
  byStatus: { status: PaymentStatus; count: number; amountDong: number }[];
  flaggedCount: number;
  paidAmountDong: number;
};

/** The officers' view of payment attempts: `services.payments`, this portal's rows only. */
export async function getReconciliation(
  ctx: ServiceContext,
  filters: ReconciliationFilters,
  page: { limit: number; offset: number },
  now = new Date(),
): Promise<Reconciliation> {
  assertCan(ctx.actor, "services.payments", ctx.province);
  const flags = flagConditions(now);
  const anyFlag = sql.join(Object.values(flags), sql` or `);
  const inRange = and(
    inArray(dossierPayments.provinceId, [...ctx.province.scopeIds]),
    gte(dossierPayments.createdAt, new Date(`${filters.from}T00:00:00+07:00`)),
    lt(dossierPayments.createdAt, new Date(new Date(`${filters.to}T00:00:00+07:00`).getTime() + 86_400_000)),
  );
  const where = and(
    inRange,
    filters.status ? eq(dossierPayments.status, filters.status) : undefined,
    filters.flag === "any" ? sql`(${anyFlag})` : filters.flag ? flags[filters.flag] : undefined,
  );
  const rows = await ctx.db
    .select({
      id: dossierPayments.id,
      txnRef: dossierPayments.txnRef,
      dossierId: dossierPayments.dossierId,
      dossierCode: dossiers.code,
      applicantName: dossiers.applicantName,
      amountDong: dossierPayments.amountDong,
      feeDong: dossiers.feeDong,
      gateway: dossierPayments.gateway,
      status: dossierPayments.status,
      responseCode: dossierPayments.responseCode,
      gatewayTransactionNo: dossierPayments.gatewayTransactionNo,
      bankCode: dossierPayments.bankCode,
      receiptNumber: dossierPayments.receiptNumber,
      createdAt: dossierPayments.createdAt,
      paidAt: dossierPayments.paidAt,
      dossierPaidAt: dossiers.paidAt,
      ipnCount: dossierPayments.ipnCount,
      correction: dossierPaymentCorrections,
      correctionByName: users.fullName,
      ...Object.fromEntries(
        reconciliationFlags.map((flag) => [flag, sql<boolean>`${flags[flag]}`.mapWith(Boolean)]),
      ),
    })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .leftJoin(dossierPaymentCorrections, eq(dossierPaymentCorrections.paymentId, dossierPayments.id))
    .leftJoin(users, eq(users.id, dossierPaymentCorrections.createdByUserId))
    .where(where)
    .orderBy(desc(dossierPayments.createdAt), desc(dossierPayments.id))
    .limit(page.limit)
    .offset(page.offset);
  const [counts] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      flagged: sql<number>`count(*) filter (where ${anyFlag})::int`,
    })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .where(where);
  const byStatus = await ctx.db
    .select({
      status: dossierPayments.status,
      count: sql<number>`count(*)::int`,
      amountDong: sql<number>`coalesce(sum(${dossierPayments.amountDong}), 0)::bigint`.mapWith(Number),
    })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .where(inRange)
    .groupBy(dossierPayments.status);
  return {
    rows: rows.map((row) => {
      const { correction, correctionByName, ...record } = row as typeof row &
        Record<ReconciliationFlag, boolean>;
      return {
        ...record,
        flags: reconciliationFlags.filter((flag) => record[flag]),
        correction: correction && { ...correction, createdByName: correctionByName },
      };
    }),
    total: counts?.total ?? 0,
    flaggedCount: counts?.flagged ?? 0,
    byStatus: paymentStatuses.map((status) => {
      const found = byStatus.find((row) => row.status === status);
      return { status, count: found?.count ?? 0, amountDong: found?.amountDong ?? 0 };
    }),
    paidAmountDong: byStatus.find((row) => row.status === "paid")?.amountDong ?? 0,
  };
}
