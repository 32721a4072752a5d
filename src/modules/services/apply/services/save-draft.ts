import { eq } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { type ProcedureQuestion, parseAnswers } from "../../catalogue/questions.ts";
import type { DossierRow } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";
import { loadDraftState } from "../draft-state.ts";
import {
  CitizenApplicantInput,
  DeliveryInput,
  deliveryMethods,
  EnterpriseApplicantInput,
  isSaveForLater,
  normalizePhoneNumber,
  PartialApplicantInput,
} from "../inputs.ts";

type DraftChange = Partial<
  Pick<
    DossierRow,
    | "applicantName"
    | "applicantIdNumber"
    | "applicantPhone"
    | "applicantEmail"
    | "applicantAddress"
    | "answers"
    | "deliveryMethod"
    | "deliveryAddress"
  >
>;

/** Writes a change to a draft with its audit row (what changed, before and after). */
async function updateDraft(ctx: ServiceContext, dossier: DossierRow, change: DraftChange, section: string) {
  const before = Object.fromEntries(
    Object.keys(change).map((key) => [key, dossier[key as keyof DossierRow]]),
  );
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(dossiers)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(dossiers.id, dossier.id));
    await recordAudit(tx, {
      provinceId: dossier.provinceId,
      actorUserId: ctx.actor!.userId,
      action: `dossier.draft.${section}`,
      entityType: "dossier",
      entityId: dossier.id,
      before,
      after: change,
      ipAddress: ctx.ipAddress,
    });
  });
}

/**
 * The applicant's details. "Continue" applies the full rules; "save and come back later" keeps what was typed
 * (lengths checked) so nobody loses work to a half-typed phone number.
 */
export async function saveApplicantDetails(input: { ctx: ServiceContext; dossierId: number; form: unknown }) {
  const { ctx } = input;
  const { dossier, kind } = await loadDraftState(ctx, input.dossierId);
  const isEnterprise = kind === "enterprise";
  let change: DraftChange;
  if (isSaveForLater(input.form)) {
    const values = parseInput(PartialApplicantInput, input.form);
    const phone = values.phone ?? "";
    change = {
      applicantPhone: normalizePhoneNumber(phone) ?? phone,
      applicantEmail: values.email?.toLowerCase() ?? "",
      applicantAddress: values.address ?? "",
      ...(isEnterprise
        ? {}
        : {
            applicantName: values.name ?? "",
            applicantIdNumber: values.idNumber?.replace(/\s/g, "") ?? null,
          }),
    };
  } else if (isEnterprise) {
    const values = parseInput(EnterpriseApplicantInput, input.form);
    change = { applicantPhone: values.phone, applicantEmail: values.email, applicantAddress: values.address };
  } else {
    const values = parseInput(CitizenApplicantInput, input.form);
    change = {
      applicantName: values.name,
      applicantIdNumber: values.idNumber,
      applicantPhone: values.phone,
      applicantEmail: values.email,
      applicantAddress: values.address,
    };
  }
  await updateDraft(ctx, dossier, change, "details");
}

/** Questions optional for "save and come back later": a given answer must still be well formed. */
const optionalAll = (questions: readonly ProcedureQuestion[]) =>
  questions.map((question) => ({ ...question, required: false }));

export async function saveAnswers(input: { ctx: ServiceContext; dossierId: number; form: unknown }) {
  const { ctx } = input;
  const { dossier, questions } = await loadDraftState(ctx, input.dossierId);
  const answers = parseAnswers(isSaveForLater(input.form) ? optionalAll(questions) : questions, input.form);
  await updateDraft(ctx, dossier, { answers }, "answers");
}

export async function saveDelivery(input: { ctx: ServiceContext; dossierId: number; form: unknown }) {
  const { ctx } = input;
  const { dossier } = await loadDraftState(ctx, input.dossierId);
  const form = (input.form ?? {}) as Record<string, unknown>;
  const isLater = isSaveForLater(form);
  if (isLater && !deliveryMethods.includes(form.deliveryMethod as never)) return;
  const values = isLater
    ? {
        deliveryMethod: form.deliveryMethod as (typeof deliveryMethods)[number],
        deliveryAddress:
          form.deliveryMethod === "post" && typeof form.deliveryAddress === "string"
            ? form.deliveryAddress.trim().slice(0, 300) || null
            : null,
      }
    : parseInput(DeliveryInput, form);
  await updateDraft(ctx, dossier, values, "delivery");
}
