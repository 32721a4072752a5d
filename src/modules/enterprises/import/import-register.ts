import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { provinces } from "../../geo/schema.ts";
import { enterpriseChanged } from "../events.ts";
import { enterpriseImports, enterprises } from "../schema.ts";
import { auditImage, defaultAddressProvinceId } from "../services/enterprise-records.ts";
import { classifyRow, communeKey, loadCommuneIndex, loadExistingByTaxCode } from "./apply-row.ts";
import { readRegisterFile } from "./read-register.ts";
import { findHeader, type ImportedRow, mapTable, type RowProblem } from "./row-mapping.ts";

/*
 * Importing the business register in two steps. The preview reads the file, validates every row and stores the
 * valid rows with the problems in `enterprise_imports`; nothing else is written. The confirmation runs the rows
 * in the background, CHUNK_SIZE rows per transaction, so the progress page can show the counters and a crash
 * loses at most one chunk: `resumeInterruptedImports` carries on from `processedRows`, and since every row is an
 * upsert compared by digest, a chunk run twice writes nothing the second time.
 */

export const CHUNK_SIZE = 200;

export type ImportRecord = typeof enterpriseImports.$inferSelect;
type StoredRow = { rowNumber: number; row: ImportedRow };
export type UnknownCommune = { row: number; name: string };
export type ImportPreview = ImportRecord & {
  newCount: number;
  changedCount: number;
  sameCount: number;
  unknownCommunes: UnknownCommune[];
};

const fileProblem = (messageKey: string) => new ValidationError([{ field: "file", messageKey }]);

/** Counts what confirming would do, row by row, against the registry as it is now. */
async function countOutcomes(ctx: ServiceContext, rows: readonly StoredRow[]) {
  const existing = await loadExistingByTaxCode(
    ctx.db,
    ctx.province.scopeIds,
    rows.map(({ row }) => row.taxCode),
  );
  const addressProvinceId = defaultAddressProvinceId(ctx);
  const communeIndex = await loadCommuneIndex(ctx.db, addressProvinceId);
  const counts = { newCount: 0, changedCount: 0, sameCount: 0, unknownCommunes: [] as UnknownCommune[] };
  for (const { rowNumber, row } of rows) {
    // Not a reason to refuse the row: it is imported without a commune, and the officer is told.
    if (row.communeName && !communeIndex.has(communeKey(row.communeName))) {
      counts.unknownCommunes.push({ row: rowNumber, name: row.communeName });
    }
    const outcome = classifyRow(row, existing.get(row.taxCode), {
      provinceId: ctx.province.id,
      addressProvinceId,
      communeIndex,
    });
    if (outcome.kind === "new") counts.newCount += 1;
    else if (outcome.kind === "changed") counts.changedCount += 1;
    else counts.sameCount += 1;
  }
  return counts;
}

/** Step 1: reads and checks the file, stores the import record for the officer to review. */
export async function previewImport({
  ctx,
  file,
}: {
  ctx: ServiceContext;
  file: { filename: string; bytes: Buffer } | null;
}): Promise<number> {
  const actor = assertCan(ctx.actor, "enterprises.manage", ctx.province);
  const grid = await readRegisterFile(file);
  const header = findHeader(grid);
  if (!header) throw fileProblem("enterprises.import.error.missingColumns");
  const mapped = mapTable(grid, header);
  if (mapped.totalRows === 0) throw fileProblem("enterprises.import.error.empty");
  const [record] = await ctx.db
    .insert(enterpriseImports)
    .values({
      provinceId: ctx.province.id,
      userId: actor.userId,
      fileName: file!.filename.slice(0, 200),
      status: "previewed",
      totalRows: mapped.totalRows,
      validRows: mapped.rows.length,
      problems: mapped.problems,
      rows: mapped.rows,
    })
    .returning({ id: enterpriseImports.id });
  return record!.id;
}

export async function getImport(ctx: ServiceContext, importId: number): Promise<ImportPreview> {
  assertCan(ctx.actor, "enterprises.manage", ctx.province);
  const [record] = await ctx.db
    .select()
    .from(enterpriseImports)
    .where(
      and(
        eq(enterpriseImports.id, importId),
        inArray(enterpriseImports.provinceId, [...ctx.province.scopeIds]),
      ),
    );
  if (!record) throw new NotFoundError("enterprises.import.notFound");
  const counts =
    record.status === "previewed"
      ? await countOutcomes(ctx, record.rows as StoredRow[])
      : { newCount: 0, changedCount: 0, sameCount: 0, unknownCommunes: [] };
  return { ...record, ...counts };
}

export async function listRecentImports(ctx: ServiceContext): Promise<ImportRecord[]> {
  assertCan(ctx.actor, "enterprises.manage", ctx.province);
  return ctx.db
    .select()
    .from(enterpriseImports)
    .where(inArray(enterpriseImports.provinceId, [...ctx.province.scopeIds]))
    .orderBy(desc(enterpriseImports.createdAt))
    .limit(10);
}

/** Discards a previewed import: its stored rows are dropped and nothing is imported. */
export async function cancelImport({
  ctx,
  importId,
}: {
  ctx: ServiceContext;
  importId: number;
}): Promise<void> {
  const actor = assertCan(ctx.actor, "enterprises.manage", ctx.province);
  await ctx.db.transaction(async (tx) => {
    const [record] = await tx
      .update(enterpriseImports)
      .set({ status: "cancelled", rows: [], finishedAt: new Date() })
      .where(
        and(
          eq(enterpriseImports.id, importId),
          eq(enterpriseImports.provinceId, ctx.province.id),
          eq(enterpriseImports.status, "previewed"),
        ),
      )
      .returning({ id: enterpriseImports.id, fileName: enterpriseImports.fileName });
    if (!record) throw new ConflictError("enterprises.import.error.notPreviewed");
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "enterprise.import.cancel",
      entityType: "enterprise_import",
      entityId: importId,
      after: { fileName: record.fileName },
      ipAddress: ctx.ipAddress,
    });
  });
}

const runningImports = new Map<number, Promise<void>>();

/** Step 2: marks the import running and starts it in the background; the progress page follows it. */
export async function confirmImport({
  ctx,
  database,
  importId,
}: {
  ctx: ServiceContext;
  database: Database;
  importId: number;
}): Promise<void> {
  const actor = assertCan(ctx.actor, "enterprises.manage", ctx.province);
  const started = await ctx.db.transaction(async (tx) => {
    const [record] = await tx
      .update(enterpriseImports)
      .set({ status: "running", startedAt: new Date() })
      .where(
        and(
          eq(enterpriseImports.id, importId),
          eq(enterpriseImports.provinceId, ctx.province.id),
          eq(enterpriseImports.status, "previewed"),
        ),
      )
      .returning({ id: enterpriseImports.id });
    if (!record) return false;
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "enterprise.import.start",
      entityType: "enterprise_import",
      entityId: importId,
      ipAddress: ctx.ipAddress,
    });
    return true;
  });
  if (!started) throw new ConflictError("enterprises.import.error.notPreviewed");
  startInBackground(database, importId);
}

function startInBackground(database: Database, importId: number): void {
  if (runningImports.has(importId)) return;
  const run = runImport(database, importId)
    .catch(async (error: unknown) => {
      await database
        .update(enterpriseImports)
        .set({ status: "failed", error: String(error).slice(0, 500), finishedAt: new Date() })
        .where(eq(enterpriseImports.id, importId));
    })
    .finally(() => runningImports.delete(importId));
  runningImports.set(importId, run);
}

/** Resolves when the background run of this import (if any) has finished. For tests and graceful shutdown. */
export async function whenImportSettled(importId: number): Promise<void> {
  await runningImports.get(importId);
}

/** Runs the rows from `processedRows` on, one chunk per transaction, until none are left. */
export async function runImport(database: Database, importId: number): Promise<void> {
  for (;;) {
    const finished = await database.transaction(async (tx) => runChunk(tx, importId));
    if (finished) return;
    // Let page requests in between chunks: PGlite has one connection.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function runChunk(tx: Executor, importId: number): Promise<boolean> {
  const [record] = await tx
    .select()
    .from(enterpriseImports)
    .where(eq(enterpriseImports.id, importId))
    .for("update");
  if (record?.status !== "running") return true;
  const rows = record.rows as StoredRow[];
  const chunk = rows.slice(record.processedRows, record.processedRows + CHUNK_SIZE);
  const [province] = await tx
    .select({ status: provinces.status, successorId: provinces.successorId })
    .from(provinces)
    .where(eq(provinces.id, record.provinceId));
  const addressProvinceId =
    province?.status === "former" && province.successorId ? province.successorId : record.provinceId;
  const scopeIds = await scopeIdsOf(tx, record.provinceId);
  const existing = await loadExistingByTaxCode(
    tx,
    scopeIds,
    chunk.map(({ row }) => row.taxCode),
  );
  const communeIndex = await loadCommuneIndex(tx, addressProvinceId);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const audit = (enterpriseId: number, action: string, before: unknown, after: unknown) =>
    recordAudit(tx, {
      provinceId: record.provinceId,
      actorUserId: record.userId,
      action,
      entityType: "enterprise",
      entityId: enterpriseId,
      before,
      after: { ...(after as object), importId },
    });
  for (const { row } of chunk) {
    const outcome = classifyRow(row, existing.get(row.taxCode), {
      provinceId: record.provinceId,
      addressProvinceId,
      communeIndex,
    });
    if (outcome.kind === "new") {
      const [created] = await tx.insert(enterprises).values(outcome.values).returning();
      // No enterpriseChanged here: a new enterprise has no storefront or listings whose documents could change.
      await audit(created!.id, "enterprise.import.create", null, auditImage(created!));
      counts.created += 1;
    } else if (outcome.kind === "changed") {
      const [updated] = await tx
        .update(enterprises)
        .set({ ...outcome.patch, source: "import", importDigest: outcome.digest, updatedAt: new Date() })
        .where(eq(enterprises.id, outcome.existing.id))
        .returning();
      await audit(
        updated!.id,
        "enterprise.import.update",
        auditImage(outcome.existing),
        auditImage(updated!),
      );
      await enterpriseChanged(tx, updated!.id);
      counts.updated += 1;
    } else {
      // Same values: only remember the digest (first import over a registered record); updated_at stays.
      if (outcome.digestOnly) {
        await tx
          .update(enterprises)
          .set({ importDigest: outcome.digest })
          .where(eq(enterprises.id, outcome.existing.id));
      }
      counts.unchanged += 1;
    }
  }
  const processedRows = record.processedRows + chunk.length;
  const done = processedRows >= rows.length;
  await tx
    .update(enterpriseImports)
    .set({
      processedRows,
      createdCount: record.createdCount + counts.created,
      updatedCount: record.updatedCount + counts.updated,
      unchangedCount: record.unchangedCount + counts.unchanged,
      ...(done ? { status: "done" as const, finishedAt: new Date(), rows: [] } : {}),
    })
    .where(eq(enterpriseImports.id, importId));
  if (done) {
    await recordAudit(tx, {
      provinceId: record.provinceId,
      actorUserId: record.userId,
      action: "enterprise.import.finish",
      entityType: "enterprise_import",
      entityId: importId,
      after: {
        fileName: record.fileName,
        totalRows: record.totalRows,
        validRows: record.validRows,
        created: record.createdCount + counts.created,
        updated: record.updatedCount + counts.updated,
        unchanged: record.unchangedCount + counts.unchanged,
      },
    });
  }
  return done;
}

/** The province and the former provinces merged into it (the rows its portal keeps). */
async function scopeIdsOf(tx: Executor, provinceId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: provinces.id })
    .from(provinces)
    .where(or(eq(provinces.id, provinceId), eq(provinces.successorId, provinceId)));
  return rows.map((row) => row.id);
}

/**
 * Call once at start-up: imports a crash left "running" carry on from their processedRows. Returns how many
 * were resumed. The runs go on in the background.
 */
export async function resumeInterruptedImports(database: Database): Promise<number> {
  const running = await database
    .select({ id: enterpriseImports.id })
    .from(enterpriseImports)
    .where(eq(enterpriseImports.status, "running"));
  for (const { id } of running) startInBackground(database, id);
  return running.length;
}

export type { RowProblem };
