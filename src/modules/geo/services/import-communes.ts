import { readFileSync } from "node:fs";
import { CsvError, parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { type FieldIssue, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { foldVietnamese, slugify } from "../../../platform/text.ts";
import { communes, provinces } from "../schema.ts";

export type ImportCommunesInput = {
  /** The province every row belongs to. Omit it when the file names each row's province in a `tinh` column. */
  provinceSlug?: string | undefined;
  csv: string;
  actorUserId: number | null;
};

export type ImportCommunesResult = { inserted: number; updated: number; unchanged: number };

type Column = "code" | "name" | "kind" | "formerDistrict" | "province";
type ProvinceRef = { id: number; slug: string; name: string; status: "current" | "former" };
type CommuneRow = {
  provinceId: number;
  code: string;
  name: string;
  kind: string;
  formerDistrict: string | null;
};

/** Accepted header names after folding (no marks, lower case, "_" between words): Vietnamese, then English. */
const HEADER_NAMES: Record<Column, readonly string[]> = {
  code: ["ma", "code"],
  name: ["ten", "name"],
  kind: ["loai", "kind"],
  formerDistrict: ["huyen_cu", "former_district"],
  province: ["tinh", "province"],
};

/** Law on Organisation of Local Government 2025, Art. 2: since 01/07/2025 the commune level is xã, phường or đặc khu. */
const KIND_BY_FOLDED_NAME = new Map([
  ["xa", "xã"],
  ["phuong", "phường"],
  ["dac khu", "đặc khu"],
  ["commune", "xã"],
  ["ward", "phường"],
  ["special zone", "đặc khu"],
]);

/** Official commune codes are 5 digits; local schemes (see demo-communes.md) may use letters, "-", "." and "_". */
const CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/;
const MAX_NAME_LENGTH = 100;

const csvIssue = (messageKey: string, params: Record<string, string | number>): FieldIssue => ({
  field: "csv",
  messageKey,
  params,
});

/** Spreadsheets send composed or decomposed Unicode and stray spaces; the database keeps NFC, single-spaced. */
const cleanCell = (cell: string | undefined): string =>
  (cell ?? "").normalize("NFC").replace(/\s+/g, " ").trim();

/** Excel in a Vietnamese locale saves "CSV" with ";" and a BOM; the header line tells which separator is used. */
function readRecords(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, "");
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = headerLine.split(";").length > headerLine.split(",").length ? ";" : ",";
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      // csv-parse reports the line where it gave up, e.g. the end of a field whose quote never closes
      const line = typeof error.lines === "number" ? error.lines : 0;
      throw new ValidationError([csvIssue("communes.import.malformed", { line })]);
    }
    throw error;
  }
}

function locateColumns(header: string[], hasFixedProvince: boolean): Map<Column, number> {
  const columns = new Map<Column, number>();
  const issues: FieldIssue[] = [];
  header.forEach((title, index) => {
    const folded = foldVietnamese(title).replace(/[\s_-]+/g, "_");
    const column = (Object.keys(HEADER_NAMES) as Column[]).find((name) =>
      HEADER_NAMES[name].includes(folded),
    );
    if (!column) return; // extra columns (notes, population…) are allowed and ignored
    if (columns.has(column))
      issues.push(csvIssue("communes.import.duplicateColumn", { column: cleanCell(title) }));
    else columns.set(column, index);
  });
  const required: Column[] = hasFixedProvince
    ? ["code", "name", "kind"]
    : ["code", "name", "kind", "province"];
  for (const column of required) {
    if (!columns.has(column))
      issues.push(csvIssue("communes.import.missingColumn", { column: HEADER_NAMES[column][0]! }));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return columns;
}

/** Checks every row and returns them all, or throws one ValidationError listing every problem found. */
function validateRows(
  records: string[][],
  provinceBySlug: Map<string, ProvinceRef>,
  fixedProvince: ProvinceRef | undefined,
) {
  const [header = [], ...body] = records;
  const columns = locateColumns(header, fixedProvince !== undefined);
  const issues: FieldIssue[] = [];
  const rows: CommuneRow[] = [];
  const firstRowByKey = new Map<string, number>();
  body.forEach((record, index) => {
    const row = index + 2; // the header is row 1, as a spreadsheet shows it
    if (record.every((cell) => cleanCell(cell) === "")) return;
    const cell = (column: Column) =>
      cleanCell(columns.has(column) ? record[columns.get(column)!] : undefined);
    const bad = (column: Column, reason: string) =>
      issues.push(
        csvIssue("communes.import.badCell", { row, column: cleanCell(header[columns.get(column)!]), reason }),
      );
    const issueCount = issues.length;

    let province = fixedProvince;
    const provinceCell = cell("province");
    if (provinceCell !== "") {
      const named = provinceBySlug.get(slugify(provinceCell));
      if (fixedProvince && named?.id !== fixedProvince.id)
        bad("province", "communes.import.reason.provinceMismatch");
      else if (!named) bad("province", "communes.import.reason.unknownProvince");
      else if (named.status !== "current") bad("province", "communes.import.reason.formerProvince");
      else province = named;
    } else if (!fixedProvince) bad("province", "communes.import.reason.required");

    const code = cell("code");
    if (code === "") bad("code", "communes.import.reason.required");
    else if (!CODE_PATTERN.test(code)) bad("code", "communes.import.reason.invalidCode");

    const kindCell = cell("kind");
    const kind = KIND_BY_FOLDED_NAME.get(foldVietnamese(kindCell));
    if (kindCell === "") bad("kind", "communes.import.reason.required");
    else if (!kind) bad("kind", "communes.import.reason.unknownKind");

    const name = stripKindPrefix(cell("name"), kind);
    if (name === "") bad("name", "communes.import.reason.required");
    else if (name.length > MAX_NAME_LENGTH) bad("name", "communes.import.reason.tooLong");

    if (issues.length > issueCount || !province || !kind) return;
    const key = `${province.id}\u0000${code}`;
    if (firstRowByKey.has(key)) {
      issues.push(
        csvIssue("communes.import.duplicateCode", { row, code, firstRow: firstRowByKey.get(key)! }),
      );
      return;
    }
    firstRowByKey.set(key, row);
    rows.push({ provinceId: province.id, code, name, kind, formerDistrict: cell("formerDistrict") || null });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  if (rows.length === 0) throw new ValidationError([csvIssue("communes.import.empty", {})]);
  return rows;
}

/**
 * Official lists write "Phường Vũng Tàu"; the table keeps the name without its kind, as `provinces` does
 * ("Hồ Chí Minh" + "thành phố"), so either spelling of the same commune imports to the same row.
 */
function stripKindPrefix(name: string, kind: string | undefined): string {
  if (!kind) return name;
  const words = kind.split(" ").length;
  const leading = name.split(" ").slice(0, words).join(" ");
  return foldVietnamese(leading) === foldVietnamese(kind) ? name.split(" ").slice(words).join(" ") : name;
}

async function upsertCommunes(
  db: Executor,
  provinceId: number,
  rows: CommuneRow[],
): Promise<ImportCommunesResult> {
  const existing = await db
    .select()
    .from(communes)
    .where(
      and(
        eq(communes.provinceId, provinceId),
        inArray(
          communes.code,
          rows.map((row) => row.code),
        ),
      ),
    );
  const existingByCode = new Map(existing.map((commune) => [commune.code, commune]));
  const toInsert: CommuneRow[] = [];
  let updated = 0;
  for (const row of rows) {
    const current = existingByCode.get(row.code);
    if (!current) toInsert.push(row);
    else if (
      current.name !== row.name ||
      current.kind !== row.kind ||
      current.formerDistrict !== row.formerDistrict
    ) {
      await db
        .update(communes)
        .set({ name: row.name, kind: row.kind, formerDistrict: row.formerDistrict })
        .where(eq(communes.id, current.id));
      updated += 1;
    }
  }
  if (toInsert.length > 0) await db.insert(communes).values(toInsert);
  return { inserted: toInsert.length, updated, unchanged: rows.length - toInsert.length - updated };
}

/**
 * Adds and corrects the communes of current provinces from a CSV file (columns ma/code, ten/name, loai/kind,
 * optional huyen_cu/former_district and tinh/province). All or nothing: any bad row refuses the whole file.
 * A file never deletes a commune: records elsewhere may point at it. One audit row per province touched.
 *
 * Each `communes.import.badCell` issue carries `reason` as a message-catalogue key, to be translated itself.
 */
export async function importCommunes(
  db: Executor,
  input: ImportCommunesInput,
): Promise<ImportCommunesResult> {
  const known: ProvinceRef[] = await db
    .select({ id: provinces.id, slug: provinces.slug, name: provinces.name, status: provinces.status })
    .from(provinces);
  const provinceBySlug = new Map(known.map((province) => [province.slug, province]));
  let fixedProvince: ProvinceRef | undefined;
  if (input.provinceSlug !== undefined) {
    fixedProvince = provinceBySlug.get(input.provinceSlug);
    if (!fixedProvince) throw new NotFoundError("error.provinceNotFound", { slug: input.provinceSlug });
    if (fixedProvince.status !== "current") {
      throw new ValidationError([
        {
          field: "province",
          messageKey: "communes.import.provinceNotCurrent",
          params: { name: fixedProvince.name },
        },
      ]);
    }
  }
  const rows = validateRows(readRecords(input.csv), provinceBySlug, fixedProvince);

  return db.transaction(async (tx) => {
    const total: ImportCommunesResult = { inserted: 0, updated: 0, unchanged: 0 };
    for (const province of known.filter((candidate) => rows.some((row) => row.provinceId === candidate.id))) {
      const result = await upsertCommunes(
        tx,
        province.id,
        rows.filter((row) => row.provinceId === province.id),
      );
      await recordAudit(tx, {
        provinceId: province.id,
        actorUserId: input.actorUserId,
        action: "communes.import",
        entityType: "province",
        entityId: province.id,
        after: { provinceSlug: province.slug, ...result },
      });
      total.inserted += result.inserted;
      total.updated += result.updated;
      total.unchanged += result.unchanged;
    }
    return total;
  });
}

const demoCommunesFile = new URL("../demo-communes.csv", import.meta.url);

/** The communes the demo portals need (see demo-communes.md for the source and the code scheme). */
export function importDemoCommunes(db: Executor, actorUserId: number | null): Promise<ImportCommunesResult> {
  return importCommunes(db, { csv: readFileSync(demoCommunesFile, "utf8"), actorUserId });
}
