import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { foldVietnamese } from "../../../platform/text.ts";
import { communes } from "../../geo/schema.ts";
import { enterprises } from "../schema.ts";
import { computeSizeClass } from "../services/enterprise-records.ts";
import type { EnterpriseRow } from "../services/membership.ts";
import { type ImportedRow, importDigest } from "./row-mapping.ts";

/*
 * What one imported row does to the registry. The same comparison serves the preview (counting new, changed and
 * unchanged rows) and the run (writing them), so the preview never promises what the run does not do.
 */

export type RowOutcome =
  | { kind: "new"; values: typeof enterprises.$inferInsert }
  | { kind: "changed"; existing: EnterpriseRow; patch: Partial<EnterpriseRow>; digest: string }
  | { kind: "unchanged"; existing: EnterpriseRow; digest: string; digestOnly: boolean };

/** Commune names as typed in the register: "Phường Vũng Tàu", "xã Tam Thắng", "Vung Tau". */
export function communeKey(name: string): string {
  return foldVietnamese(name)
    .replace(/^(xa|phuong|thi tran|dac khu)\s+/, "")
    .trim();
}

export async function loadCommuneIndex(db: Executor, provinceId: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: communes.id, name: communes.name })
    .from(communes)
    .where(eq(communes.provinceId, provinceId));
  return new Map(rows.map((row) => [communeKey(row.name), row.id]));
}

const LOOKUP_BATCH = 1000;

export async function loadExistingByTaxCode(
  db: Executor,
  scopeIds: readonly number[],
  taxCodes: readonly string[],
): Promise<Map<string, EnterpriseRow>> {
  const found = new Map<string, EnterpriseRow>();
  // In batches: a preview of a whole register would otherwise pass more bind parameters than PostgreSQL takes.
  for (let start = 0; start < taxCodes.length; start += LOOKUP_BATCH) {
    const rows = await db
      .select()
      .from(enterprises)
      .where(
        and(
          inArray(enterprises.provinceId, [...scopeIds]),
          inArray(enterprises.taxCode, taxCodes.slice(start, start + LOOKUP_BATCH)),
        ),
      );
    for (const row of rows) found.set(row.taxCode, row);
  }
  return found;
}

/** The registry columns a row sets; blank cells set nothing, so a register without e-mails keeps the ones typed. */
function importedValues(row: ImportedRow, communeIndex: Map<string, number>) {
  const values: Partial<EnterpriseRow> = {
    name: row.name,
    vsicSection: row.vsicSection,
  };
  if (row.nameEn) values.nameEn = row.nameEn;
  if (row.legalForm) values.legalForm = row.legalForm;
  if (row.vsicCode) values.vsicCode = row.vsicCode;
  if (row.addressLine) values.addressLine = row.addressLine;
  const communeId = row.communeName ? communeIndex.get(communeKey(row.communeName)) : undefined;
  if (communeId) values.communeId = communeId;
  if (row.formerDistrict) values.formerDistrict = row.formerDistrict;
  if (row.phone) values.phone = row.phone;
  if (row.email) values.email = row.email;
  if (row.website) values.website = row.website;
  if (row.foundedYear !== null) values.foundedYear = row.foundedYear;
  if (row.employees !== null) values.employees = row.employees;
  if (row.capitalDong !== null) values.capitalDong = BigInt(row.capitalDong);
  if (row.revenueDong !== null) values.revenueDong = BigInt(row.revenueDong);
  if (row.representativeName) values.representativeName = row.representativeName;
  return values;
}

export function classifyRow(
  row: ImportedRow,
  existing: EnterpriseRow | undefined,
  context: { provinceId: number; addressProvinceId: number; communeIndex: Map<string, number> },
): RowOutcome {
  const digest = importDigest(row);
  const values = importedValues(row, context.communeIndex);
  if (!existing) {
    const insert = {
      ...values,
      provinceId: context.provinceId,
      taxCode: row.taxCode,
      name: row.name,
      legalForm: row.legalForm ?? "other",
      vsicSection: row.vsicSection,
      addressProvinceId: context.addressProvinceId,
      status: "pending",
      source: "import",
      importDigest: digest,
    } satisfies typeof enterprises.$inferInsert;
    return {
      kind: "new",
      values: {
        ...insert,
        sizeClass: computeSizeClass({ employees: null, revenueDong: null, capitalDong: null, ...insert }),
      },
    };
  }
  if (existing.importDigest === digest) return { kind: "unchanged", existing, digest, digestOnly: false };
  const patch: Partial<EnterpriseRow> = {};
  for (const [key, value] of Object.entries(values) as [keyof EnterpriseRow, unknown][]) {
    if (existing[key] !== value) (patch as Record<string, unknown>)[key] = value;
  }
  if (Object.keys(patch).length === 0) return { kind: "unchanged", existing, digest, digestOnly: true };
  const merged = { ...existing, ...patch };
  const sizeClass = computeSizeClass(merged);
  if (sizeClass !== existing.sizeClass) patch.sizeClass = sizeClass;
  return { kind: "changed", existing, patch, digest };
}
