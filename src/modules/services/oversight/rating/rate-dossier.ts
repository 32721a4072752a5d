import { z } from "zod";
import type { Executor } from "../../../../db/client.ts";
import { recordAudit } from "../../../../platform/audit.ts";
import { UnauthenticatedError, ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { optionalText, parseInput } from "../../../../platform/validation.ts";
import { getDossierForApplicant } from "../../dossiers/index.ts";
import { dossierRatings } from "../../schema.ts";
import {
  type DossierRow,
  describeDossierPublicly,
  findDossierByProof,
  LookupForm,
} from "../lookup/lookup.ts";
import type { OwnRatingView } from "./views.tsx";

/**
 * The applicant's satisfaction with a completed dossier (Decision 766/QĐ-TTg's satisfaction group): a score
 * from 1 (very dissatisfied) to 5 (very satisfied) and an optional comment, once per dossier (the table's
 * primary key is the dossier). Given from the applicant's account, or from the public lookup where the code
 * and the phone number or tax code prove it is theirs (counter applicants have no account).
 */

export const ratingScores = [1, 2, 3, 4, 5] as const;

export const RatingForm = z.object({
  score: z
    .string({ error: "services.rating.scoreRequired" })
    .trim()
    .regex(/^[1-5]$/, "services.rating.scoreRequired")
    .transform(Number),
  comment: optionalText(1000),
});

export const LookupRatingForm = LookupForm.extend(RatingForm.shape);

async function saveRating(
  tx: Executor,
  ctx: ServiceContext,
  dossier: DossierRow,
  input: z.output<typeof RatingForm>,
  via: "account" | "lookup",
): Promise<void> {
  if (dossier.state !== "completed") {
    throw new ValidationError([{ field: "form", messageKey: "services.rating.notCompleted" }]);
  }
  const inserted = await tx
    .insert(dossierRatings)
    .values({ dossierId: dossier.id, score: input.score, comment: input.comment })
    .onConflictDoNothing()
    .returning({ dossierId: dossierRatings.dossierId });
  if (inserted.length === 0) {
    throw new ValidationError([{ field: "form", messageKey: "services.rating.alreadyRated" }]);
  }
  await recordAudit(tx, {
    provinceId: dossier.provinceId,
    actorUserId: ctx.actor?.userId ?? null,
    action: "dossier.rated",
    entityType: "dossier",
    entityId: dossier.id,
    after: { score: input.score, comment: input.comment, via },
    ipAddress: ctx.ipAddress,
  });
}

/** From the applicant's account: only their own dossier (anyone else's is not found). */
export async function rateOwnDossier({
  ctx,
  dossierId,
  form,
}: {
  ctx: ServiceContext;
  dossierId: number;
  form: unknown;
}): Promise<void> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const dossier = await getDossierForApplicant(ctx, dossierId);
  const input = parseInput(RatingForm, form);
  await ctx.db.transaction((tx) => saveRating(tx, ctx, dossier, input, "account"));
}

/** From the public lookup: the code with the phone number or tax code, as for the lookup itself. */
export async function rateDossierByLookup({
  ctx,
  form,
}: {
  ctx: ServiceContext;
  form: unknown;
}): Promise<{ code: string }> {
  const input = parseInput(LookupRatingForm, form);
  return ctx.db.transaction(async (tx) => {
    const dossier = await findDossierByProof(tx, ctx, {
      code: input.code,
      phone: input.contact,
      taxCode: input.contact,
    });
    await saveRating(tx, ctx, dossier, input, "lookup");
    return { code: dossier.code ?? "" };
  });
}

/** What the account's rating page shows: the dossier, and whether it can be rated now. */
export async function getOwnRatingView(ctx: ServiceContext, dossierId: number): Promise<OwnRatingView> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const dossier = await getDossierForApplicant(ctx, dossierId);
  const status = await describeDossierPublicly(ctx.db, dossier);
  return {
    dossierId: dossier.id,
    code: status.code,
    procedureName: status.procedureName,
    state: status.ratingScore !== null ? "rated" : status.canRate ? "can-rate" : "not-completed",
    ratingScore: status.ratingScore,
  };
}
