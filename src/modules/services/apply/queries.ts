import { and, asc, count, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { units } from "../../identity/schema.ts";
import { getProcedureForApplication } from "../catalogue/index.ts";
import type { DossierRow } from "../dossiers/index.ts";
import {
  dossierFiles,
  dossierRatings,
  dossiers,
  procedureComponents,
  procedures,
  procedureVersions,
} from "../schema.ts";

export type VersionRow = typeof procedureVersions.$inferSelect;
export type ComponentRow = typeof procedureComponents.$inferSelect;

export type AttachedFile = {
  dossierFileId: number;
  componentId: number | null;
  fileId: number;
  name: string;
  byteSize: number;
  contentType: string;
  storageKey: string;
  thumbnailKey: string | null;
  /** The history entry (supply) the file came with; null for the original submission. */
  eventSeq: number | null;
  addedAt: Date;
};

/**
 * The procedure's current version in this portal (or a former province merged into it), as an applicant
 * starts a dossier under it: the catalogue's own query, so "retired" and "unknown" mean the same everywhere.
 */
export const findProcedureToApply = getProcedureForApplication;

export async function getVersion(db: Executor, versionId: number): Promise<VersionRow> {
  const [row] = await db.select().from(procedureVersions).where(eq(procedureVersions.id, versionId));
  if (!row) throw new NotFoundError();
  return row;
}

export function listComponents(db: Executor, versionId: number): Promise<ComponentRow[]> {
  return db
    .select()
    .from(procedureComponents)
    .where(eq(procedureComponents.versionId, versionId))
    .orderBy(asc(procedureComponents.position));
}

/** The dossier's files that are still attached, oldest first. */
export async function listAttachedFiles(db: Executor, dossierId: number): Promise<AttachedFile[]> {
  return db
    .select({
      dossierFileId: dossierFiles.id,
      componentId: dossierFiles.componentId,
      fileId: dossierFiles.fileId,
      name: uploadedFiles.originalName,
      byteSize: uploadedFiles.byteSize,
      contentType: uploadedFiles.contentType,
      storageKey: uploadedFiles.storageKey,
      thumbnailKey: uploadedFiles.thumbnailKey,
      eventSeq: dossierFiles.eventSeq,
      addedAt: dossierFiles.addedAt,
    })
    .from(dossierFiles)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, dossierFiles.fileId))
    .where(and(eq(dossierFiles.dossierId, dossierId), isNull(dossierFiles.removedAt)))
    .orderBy(asc(dossierFiles.id));
}

export async function findUnitName(db: Executor, unitId: number): Promise<string | null> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? null;
}

export async function hasRating(db: Executor, dossierId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: dossierRatings.dossierId })
    .from(dossierRatings)
    .where(eq(dossierRatings.dossierId, dossierId));
  return Boolean(row);
}

export type MyDossierLine = Pick<
  DossierRow,
  "id" | "code" | "state" | "dueDate" | "submittedAt" | "createdAt" | "updatedAt" | "feeDong" | "paidAt"
> & { procedureName: string; procedureNameEn: string; procedureCode: string };

const myDossierColumns = {
  id: dossiers.id,
  code: dossiers.code,
  state: dossiers.state,
  dueDate: dossiers.dueDate,
  submittedAt: dossiers.submittedAt,
  createdAt: dossiers.createdAt,
  updatedAt: dossiers.updatedAt,
  feeDong: dossiers.feeDong,
  paidAt: dossiers.paidAt,
  procedureName: procedureVersions.name,
  procedureNameEn: procedureVersions.nameEn,
  procedureCode: procedures.code,
};

/**
 * One applicant's dossiers in this portal: drafts (to continue) and the rest, newest first. Uses
 * `dossiers_applicant_idx` (applicant_user_id, created_at).
 */
export async function listApplicantDossiers(
  db: Executor,
  input: { userId: number; scopeIds: readonly number[]; limit: number; offset: number },
): Promise<{ drafts: MyDossierLine[]; others: MyDossierLine[]; otherCount: number }> {
  const own = and(
    eq(dossiers.applicantUserId, input.userId),
    inArray(dossiers.provinceId, [...input.scopeIds]),
  );
  const base = () =>
    db
      .select(myDossierColumns)
      .from(dossiers)
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .innerJoin(procedures, eq(procedures.id, dossiers.procedureId));
  const drafts = await base()
    .where(and(own, eq(dossiers.state, "draft")))
    .orderBy(desc(dossiers.updatedAt))
    .limit(50);
  const notDraft = and(own, ne(dossiers.state, "draft"));
  const others = await base()
    .where(notDraft)
    .orderBy(desc(dossiers.createdAt), desc(dossiers.id))
    .limit(input.limit)
    .offset(input.offset);
  const [total] = await db.select({ n: count() }).from(dossiers).where(notDraft);
  return { drafts, others, otherCount: total?.n ?? 0 };
}
