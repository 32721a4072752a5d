import { X509Certificate } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { findStoredFile, readStoredObject } from "../../../platform/files.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { users } from "../../identity/schema.ts";
import { getDossierForApplicant, getDossierForStaff } from "../dossiers/index.ts";
import { dossierResults, signingCredentials } from "../schema.ts";
import { describeSubject } from "./credential-store.ts";
import type { DossierResultRow } from "./issue-result.ts";

/** A dossier's current result: the latest one not revoked (the grant or the refusal), or null. */
export async function findLatestDossierResult(
  db: Executor,
  dossierId: number,
): Promise<DossierResultRow | null> {
  const [row] = await db
    .select()
    .from(dossierResults)
    .where(and(eq(dossierResults.dossierId, dossierId), isNull(dossierResults.revokedAt)))
    .orderBy(desc(dossierResults.signedAt), desc(dossierResults.id))
    .limit(1);
  return row ?? null;
}

/** Which of `dossierIds` have a result (for lists that link to it), in one query. */
export async function listDossierIdsWithResults(
  db: Executor,
  dossierIds: readonly number[],
): Promise<Set<number>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ dossierId: dossierResults.dossierId })
    .from(dossierResults)
    .where(and(inArray(dossierResults.dossierId, [...dossierIds]), isNull(dossierResults.revokedAt)));
  return new Set(rows.map((row) => row.dossierId));
}

export type ResultDownload = { result: DossierResultRow; bytes: Buffer; filename: string };

/** The signed file of a result; a missing file is NotFound (never an empty download). */
export async function readResultFile(db: Executor, result: DossierResultRow): Promise<Buffer> {
  const file = await findStoredFile(db, result.fileId);
  const bytes = file ? await readStoredObject(file.storageKey) : null;
  if (!bytes) throw new NotFoundError();
  return bytes;
}

/** "15-GP-SCT.pdf": the document number as an ASCII file name for Content-Disposition. */
export function resultFilename(result: Pick<DossierResultRow, "documentNumber">): string {
  const ascii = result.documentNumber
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9-]+/g, "-");
  return `${ascii}.pdf`;
}

/**
 * The result of a dossier for its applicant (own dossier only, else 404) or for staff of the province
 * (`services.process`), as the signed PDF.
 */
export async function getResultDownload(
  ctx: ServiceContext,
  dossierId: number,
  audience: "applicant" | "staff",
): Promise<ResultDownload> {
  const dossier =
    audience === "applicant"
      ? await getDossierForApplicant(ctx, dossierId)
      : await getDossierForStaff(ctx, dossierId);
  const result = await findLatestDossierResult(ctx.db, dossier.id);
  if (!result) throw new NotFoundError();
  return { result, bytes: await readResultFile(ctx.db, result), filename: resultFilename(result) };
}

export type CredentialSummary = Omit<typeof signingCredentials.$inferSelect, "pkcs12"> & {
  installedByName: string | null;
};

export type CertificateOverview = {
  active: CredentialSummary | null;
  activeTrustAnchorSubject: string | null;
  /** Every key the province has used, newest first; inactive ones still verify what they signed. */
  all: CredentialSummary[];
};

/** The administrator's view of the province's signing keys (`services.manage`); never the keys themselves. */
export async function getCertificateOverview(ctx: ServiceContext): Promise<CertificateOverview> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const rows = await ctx.db
    .select({
      id: signingCredentials.id,
      provinceId: signingCredentials.provinceId,
      origin: signingCredentials.origin,
      trustAnchorPem: signingCredentials.trustAnchorPem,
      subject: signingCredentials.subject,
      serialNumber: signingCredentials.serialNumber,
      notBefore: signingCredentials.notBefore,
      notAfter: signingCredentials.notAfter,
      active: signingCredentials.active,
      installedBy: signingCredentials.installedBy,
      createdAt: signingCredentials.createdAt,
      installedByName: users.fullName,
    })
    .from(signingCredentials)
    .leftJoin(users, eq(users.id, signingCredentials.installedBy))
    .where(eq(signingCredentials.provinceId, ctx.province.id))
    .orderBy(desc(signingCredentials.createdAt), desc(signingCredentials.id));
  const active = rows.find((row) => row.active) ?? null;
  return {
    active,
    activeTrustAnchorSubject: active ? describeSubject(new X509Certificate(active.trustAnchorPem).raw) : null,
    all: rows,
  };
}
