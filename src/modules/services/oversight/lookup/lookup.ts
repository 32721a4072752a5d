import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../../db/client.ts";
import { ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { dossierEvents, dossierRatings, dossierResults, dossiers, procedureVersions } from "../../schema.ts";
import type { DossierState } from "../../workflow/index.ts";

/**
 * The public lookup (tra cứu hồ sơ): a dossier code together with something only the applicant knows — the
 * phone number or the tax code given in the dossier. Whatever is wrong (no such code, another province's
 * code, a draft, the wrong phone) the answer is the same "not found", so the form cannot be used to learn
 * which codes exist. The routes are rate limited per address on top of this.
 */

export type DossierRow = typeof dossiers.$inferSelect;

export const LookupForm = z.object({
  code: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  contact: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
});

/** What the applicant proved: the dossier code and a phone number or a tax code. */
export type LookupProof = { code: string; phone?: string | undefined; taxCode?: string | undefined };

export const lookupNotFound = () =>
  new ValidationError([{ field: "form", messageKey: "services.lookup.notFound" }]);

/** "0901 234 567", "+84 901 234 567", "84901234567" → "0901234567". */
export function normalizePhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.startsWith("84") && digits.length >= 11) return `0${digits.slice(2)}`;
  return digits;
}

/** Tax codes are compared without spaces or dots, keeping a branch suffix's hyphen ("0301234567-001"). */
export function normalizeTaxCode(value: string): string {
  return value.replace(/[\s.]/g, "").toUpperCase();
}

function proves(dossier: DossierRow, proof: LookupProof): boolean {
  const phone = proof.phone ? normalizePhone(proof.phone) : "";
  if (phone.length >= 9 && phone === normalizePhone(dossier.applicantPhone)) return true;
  const taxCode = proof.taxCode ? normalizeTaxCode(proof.taxCode) : "";
  return (
    taxCode.length >= 10 &&
    dossier.applicantTaxCode !== null &&
    taxCode === normalizeTaxCode(dossier.applicantTaxCode)
  );
}

/** The dossier the proof opens, in this portal's scope; throws the one "not found" otherwise. */
export async function findDossierByProof(
  db: Executor,
  ctx: ServiceContext,
  proof: LookupProof,
): Promise<DossierRow> {
  const code = proof.code.trim().toUpperCase();
  const [dossier] = code
    ? await db
        .select()
        .from(dossiers)
        .where(and(eq(dossiers.code, code), inArray(dossiers.provinceId, [...ctx.province.scopeIds])))
    : [];
  if (!dossier || dossier.state === "draft" || !proves(dossier, proof)) throw lookupNotFound();
  return dossier;
}

/** The lookup form's single "phone or tax code" field is tried as both. */
export function proofFromForm(form: unknown): LookupProof {
  const input = parseInput(LookupForm, form);
  return { code: input.code, phone: input.contact, taxCode: input.contact };
}

export type TimelineLine = {
  state: DossierState;
  at: Date;
  /** Only the request for a supplement says what it asks for; other comments are the agency's own notes. */
  comment: string | null;
  /** An extension (form 04): the new appointment date. */
  newDueDate: string | null;
};

export type PublicDossierStatus = {
  code: string;
  state: DossierState;
  procedureName: string;
  procedureNameEn: string;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueDate: string | null;
  decidedAt: Date | null;
  completedAt: Date | null;
  timeliness: "early" | "on-time" | "late" | null;
  deliveryMethod: "counter" | "online" | "post";
  /** A signed result (grant or refusal letter) has been issued. */
  result: { kind: "grant" | "refusal"; documentNumber: string } | null;
  timeline: TimelineLine[];
  /** The applicant may still rate (completed, not yet rated); the score if rated. */
  canRate: boolean;
  ratingScore: number | null;
};

/** The status the applicant sees: where the dossier is and when, never who handled it inside the agency. */
export async function describeDossierPublicly(
  db: Executor,
  dossier: DossierRow,
): Promise<PublicDossierStatus> {
  const [version] = await db
    .select({ name: procedureVersions.name, nameEn: procedureVersions.nameEn })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  const events = await db
    .select({
      action: dossierEvents.action,
      stateAfter: dossierEvents.stateAfter,
      at: dossierEvents.at,
      entry: dossierEvents.entry,
    })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossier.id))
    .orderBy(asc(dossierEvents.seq));
  const timeline: TimelineLine[] = [];
  let previous: string | null = null;
  for (const event of events) {
    const entry = event.entry as { comment?: string; newDueDate?: string };
    const isExtension = event.action === "extend";
    if (event.stateAfter !== previous || isExtension) {
      timeline.push({
        state: event.stateAfter as DossierState,
        at: event.at,
        comment: event.action === "request-supplement" ? (entry.comment ?? null) : null,
        newDueDate: isExtension ? (entry.newDueDate ?? null) : null,
      });
    }
    previous = event.stateAfter;
  }
  const [result] = await db
    .select({ kind: dossierResults.kind, documentNumber: dossierResults.documentNumber })
    .from(dossierResults)
    .where(eq(dossierResults.dossierId, dossier.id))
    .limit(1);
  const [rating] = await db
    .select({ score: dossierRatings.score })
    .from(dossierRatings)
    .where(eq(dossierRatings.dossierId, dossier.id));
  return {
    code: dossier.code ?? "",
    state: dossier.state,
    procedureName: version?.name ?? "",
    procedureNameEn: version?.nameEn ?? "",
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    dueDate: dossier.dueDate,
    decidedAt: dossier.decidedAt,
    completedAt: dossier.completedAt,
    timeliness: dossier.timeliness,
    deliveryMethod: dossier.deliveryMethod,
    result: result ?? null,
    timeline,
    canRate: dossier.state === "completed" && !rating,
    ratingScore: rating?.score ?? null,
  };
}

/** The public lookup: one answer for anything that does not match. */
export async function lookupDossier(ctx: ServiceContext, proof: LookupProof): Promise<PublicDossierStatus> {
  const dossier = await findDossierByProof(ctx.db, ctx, proof);
  return describeDossierPublicly(ctx.db, dossier);
}
