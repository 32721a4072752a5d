import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { storeUpload } from "../../../platform/files.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import {
  formatAnswer,
  type ProcedureQuestion,
  ProcedureQuestions,
  questionLabel,
} from "../catalogue/questions.ts";
import { renderAdministrativePdf } from "../documents/administrative-pdf.ts";
import { type DossierActedEvent, verificationUrl } from "../dossiers/index.ts";
import { dossierResults, procedures, procedureVersions } from "../schema.ts";
import { signPdf } from "../signing/index.ts";
import { getSigningKey } from "./credential-store.ts";
import { documentSymbol, nextDocumentNumber } from "./document-number.ts";
import { buildResultDocument, validUntilDate } from "./result-document.ts";

export type DossierResultRow = typeof dossierResults.$inferSelect;

// Rendering and signing a result takes ~0.1 s. A bulk loader that drives hundreds of approvals (demo data) may
// run them inside `withoutResultDocuments` and accept dossiers approved without a signed document.
const suspended = new AsyncLocalStorage<boolean>();

export function withoutResultDocuments<T>(run: () => Promise<T>): Promise<T> {
  return suspended.run(true, run);
}

/** The version's questions with the applicant's answers, readable; a list the catalogue rules refuse is read loosely. */
function readableAnswers(
  stored: unknown,
  answers: Record<string, string>,
): { label: string; value: string }[] {
  const parsed = ProcedureQuestions.safeParse(stored ?? []);
  const questions: Pick<ProcedureQuestion, "id" | "label">[] = parsed.success
    ? parsed.data
    : (Array.isArray(stored) ? stored : []).filter(
        (item): item is { id: string; label: string } =>
          typeof item?.id === "string" && typeof item?.label === "string",
      );
  return questions
    .map((question) => {
      const value = answers[question.id];
      if (value === undefined || value === "") return null;
      const readable = parsed.success
        ? formatAnswer(question as ProcedureQuestion, value, "vi")
        : String(value);
      const label = parsed.success ? questionLabel(question as ProcedureQuestion, "vi") : question.label;
      return { label, value: readable };
    })
    .filter((answer): answer is { label: string; value: string } => answer !== null);
}

/** When the signature says it was made: the decision's time, unless the key did not exist yet (then now). */
function signingTimeFor(decidedAt: Date, notBefore: Date, now: Date): Date {
  return decidedAt >= notBefore && decidedAt <= now ? decidedAt : now;
}

/**
 * On approval, the grant (licence, certificate, decision or notice, per the version's resultType); on
 * rejection, the written refusal. Rendered in the administrative format with a QR code to the public
 * verification page, signed with the province's key, stored, recorded in `dossier_results` and audited, in
 * the approving action's transaction: a dossier is never approved without its signed result.
 */
export async function issueDossierResult(
  tx: Executor,
  event: DossierActedEvent,
): Promise<DossierResultRow | null> {
  const { entry, dossier, ctx } = event;
  if (entry.action !== "approve" && entry.action !== "reject") return null;
  if (suspended.getStore()) return null;
  const kind = entry.action === "approve" ? "grant" : "refusal";
  const [existing] = await tx
    .select({ id: dossierResults.id })
    .from(dossierResults)
    .where(
      and(
        eq(dossierResults.dossierId, dossier.id),
        eq(dossierResults.kind, kind),
        isNull(dossierResults.revokedAt),
      ),
    );
  if (existing) return null;

  const [facts] = await tx
    .select({ version: procedureVersions, procedureCode: procedures.code })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  if (!facts) throw new Error(`procedure version ${dossier.procedureVersionId} missing`);
  const { version, procedureCode } = facts;
  const actorUserId = ctx.actor?.userId ?? null;
  const signerName = ctx.actor?.fullName ?? "";
  const key = await getSigningKey(tx, { province: ctx.province, actorUserId, ipAddress: ctx.ipAddress });

  const decidedAt = new Date(entry.at);
  const issuedOn = todayInVietnam(decidedAt);
  const documentNumber = await nextDocumentNumber(tx, {
    provinceId: dossier.provinceId,
    symbol: documentSymbol(kind, version.resultType),
    issuedOn,
  });
  const validUntil = kind === "grant" ? validUntilDate(issuedOn, version.resultValidityMonths) : null;
  const token = randomBytes(18).toString("base64url");
  const document = buildResultDocument({
    kind,
    province: ctx.province,
    numberAndSymbol: documentNumber,
    issuedOn: decidedAt,
    version,
    procedureCode,
    dossier: { ...dossier, code: dossier.code ?? String(dossier.id) },
    answers: readableAnswers(version.questions, dossier.answers),
    validUntil,
    ...(entry.comment ? { reason: entry.comment } : {}),
    signerName,
    verificationUrl: verificationUrl(ctx.province.slug, token),
  });
  const signingTime = signingTimeFor(decidedAt, key.row.notBefore, new Date());
  const signed = await signPdf({
    pdf: await renderAdministrativePdf(document),
    credential: key.credential,
    reason:
      kind === "grant"
        ? `Cấp ${version.resultName} số ${documentNumber}`
        : `Thông báo không giải quyết hồ sơ ${dossier.code ?? dossier.id}`,
    location: ctx.province.name,
    signingTime,
    ...(signerName ? { signerName } : {}),
  });
  const file = await storeUpload(tx, {
    file: { filename: `${documentNumber.replace("/", "-")}.pdf`, bytes: signed },
    kind: "document",
    field: "result",
    provinceId: dossier.provinceId,
    ownerUserId: null,
    visibility: "private",
  });
  const summary: Record<string, string> = {
    issuedOn,
    dossierCode: dossier.code ?? "",
    procedureCode,
    procedureName: version.name,
    procedureNameEn: version.nameEn,
    resultName: version.resultName,
    resultNameEn: version.resultNameEn,
    holderName: dossier.applicantName,
    signerName,
    ...(dossier.applicantTaxCode ? { holderTaxCode: dossier.applicantTaxCode } : {}),
  };
  const [row] = await tx
    .insert(dossierResults)
    .values({
      provinceId: dossier.provinceId,
      dossierId: dossier.id,
      documentNumber,
      kind,
      title: kind === "grant" ? version.resultName : "Thông báo không giải quyết hồ sơ",
      fileId: file.id,
      sha256: file.sha256,
      credentialId: key.row.id,
      verificationToken: token,
      validUntil,
      summary,
      signedAt: signingTime,
      signedBy: actorUserId,
    })
    .returning();
  await recordAudit(tx, {
    provinceId: dossier.provinceId,
    actorUserId,
    action: `dossier.result.${kind}`,
    entityType: "dossier_result",
    entityId: row!.id,
    after: {
      dossierId: dossier.id,
      documentNumber,
      sha256: file.sha256,
      credentialId: key.row.id,
      validUntil,
    },
    ipAddress: ctx.ipAddress,
  });
  return row!;
}
