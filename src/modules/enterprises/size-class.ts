/**
 * Enterprise size classes under Decree 80/2021/NĐ-CP Art. 5 (guiding the Law on Support for SMEs).
 *
 * A class applies when BOTH the headcount limit holds AND at least one money limit holds: total
 * revenue of the year OR total capital. Headcount is the annual average of workers covered by
 * social insurance (lao động tham gia BHXH bình quân năm, Art. 6). Clauses 2 and 3 add "but not
 * a smaller class", so the classes are tried from micro upward and the first that fits wins; an
 * enterprise that fits none is large.
 */

export type SectorGroup = "agriculture-industry-construction" | "trade-services";
export type EnterpriseSizeClass = "micro" | "small" | "medium" | "large";
export type SizeClassBasis = "revenue" | "capital";

export type EnterpriseSizeInput = {
  sectorGroup: SectorGroup;
  employees: number | null;
  revenueDong: bigint | null;
  capitalDong: bigint | null;
};

export type EnterpriseSizeClassification = {
  sizeClass: EnterpriseSizeClass | null;
  /** The money figure that qualified the class; null for "large" (nothing qualified) or unknown. */
  basis: SizeClassBasis | null;
};

type SizeLimit = {
  sizeClass: Exclude<EnterpriseSizeClass, "large">;
  maxEmployees: number;
  maxRevenueDong: bigint;
  maxCapitalDong: bigint;
};

const BILLION_DONG = 1_000_000_000n;

/** Decree 80/2021/NĐ-CP Art. 5 cl. 1–3, smallest class first; every limit is inclusive ("không quá"). */
export const SIZE_LIMITS: Readonly<Record<SectorGroup, readonly SizeLimit[]>> = {
  "agriculture-industry-construction": [
    {
      sizeClass: "micro",
      maxEmployees: 10,
      maxRevenueDong: 3n * BILLION_DONG,
      maxCapitalDong: 3n * BILLION_DONG,
    },
    {
      sizeClass: "small",
      maxEmployees: 100,
      maxRevenueDong: 50n * BILLION_DONG,
      maxCapitalDong: 20n * BILLION_DONG,
    },
    {
      sizeClass: "medium",
      maxEmployees: 200,
      maxRevenueDong: 200n * BILLION_DONG,
      maxCapitalDong: 100n * BILLION_DONG,
    },
  ],
  "trade-services": [
    {
      sizeClass: "micro",
      maxEmployees: 10,
      maxRevenueDong: 10n * BILLION_DONG,
      maxCapitalDong: 3n * BILLION_DONG,
    },
    {
      sizeClass: "small",
      maxEmployees: 50,
      maxRevenueDong: 100n * BILLION_DONG,
      maxCapitalDong: 50n * BILLION_DONG,
    },
    {
      sizeClass: "medium",
      maxEmployees: 100,
      maxRevenueDong: 300n * BILLION_DONG,
      maxCapitalDong: 100n * BILLION_DONG,
    },
  ],
};

const UNKNOWN: EnterpriseSizeClassification = { sizeClass: null, basis: null };

export function classifyEnterpriseSize(input: EnterpriseSizeInput): EnterpriseSizeClassification {
  const { employees } = input;
  // Negative figures are data-entry errors; treat them as missing rather than as "very small".
  const revenue = input.revenueDong !== null && input.revenueDong >= 0n ? input.revenueDong : null;
  const capital = input.capitalDong !== null && input.capitalDong >= 0n ? input.capitalDong : null;
  // Art. 5 needs the headcount and at least one money figure; without them no class can be proved.
  if (employees === null || !Number.isFinite(employees) || employees < 0) return UNKNOWN;
  if (revenue === null && capital === null) return UNKNOWN;

  for (const limit of SIZE_LIMITS[input.sectorGroup]) {
    if (employees > limit.maxEmployees) continue;
    if (revenue !== null && revenue <= limit.maxRevenueDong)
      return { sizeClass: limit.sizeClass, basis: "revenue" };
    if (capital !== null && capital <= limit.maxCapitalDong)
      return { sizeClass: limit.sizeClass, basis: "capital" };
  }
  return { sizeClass: "large", basis: null };
}
