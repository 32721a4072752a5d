import { and, eq, like, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { dossierResults, type procedureVersions } from "../schema.ts";

type ResultType = (typeof procedureVersions.$inferSelect)["resultType"];

// Decree 30/2020/NĐ-CP Art. 15 and Appendix III: "Số: 15/GP-SCT" — the number, then the abbreviation of the
// document type (GP giấy phép, GCN giấy chứng nhận, QĐ quyết định, TB thông báo) and of the issuing body
// (SCT). Numbers restart at 01 each calendar year; numbers below 10 take a leading 0 (Appendix I). Here each
// symbol has its own sequence per province and year, as registers of licences are kept by type (a choice
// the decree leaves to the agency's rules on registering documents).
const TYPE_ABBREVIATIONS: Record<ResultType, string> = {
  licence: "GP",
  certificate: "GCN",
  decision: "QĐ",
  notice: "TB",
};

export function documentSymbol(kind: "grant" | "refusal", resultType: ResultType): string {
  // A refusal is a notice (thông báo) whatever the grant would have been.
  return `${kind === "refusal" ? "TB" : TYPE_ABBREVIATIONS[resultType]}-SCT`;
}

export function formatDocumentNumber(sequence: number, symbol: string): string {
  return `${String(sequence).padStart(2, "0")}/${symbol}`;
}

/**
 * The next "Số" for `symbol` in the year of `issuedOn` (YYYY-MM-DD, Vietnam date). The caller holds the lock
 * of the province's active signing key (credential-store getSigningKey), so two results never share a number.
 */
export async function nextDocumentNumber(
  tx: Executor,
  input: { provinceId: number; symbol: string; issuedOn: string },
): Promise<string> {
  const year = input.issuedOn.slice(0, 4);
  const [row] = await tx
    .select({
      last: sql<number | null>`max(split_part(${dossierResults.documentNumber}, '/', 1)::integer)`,
    })
    .from(dossierResults)
    .where(
      and(
        eq(dossierResults.provinceId, input.provinceId),
        like(dossierResults.documentNumber, `%/${input.symbol}`),
        sql`${dossierResults.summary}->>'issuedOn' like ${`${year}-%`}`,
      ),
    );
  return formatDocumentNumber(Number(row?.last ?? 0) + 1, input.symbol);
}
