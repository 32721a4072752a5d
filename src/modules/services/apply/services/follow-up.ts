import { ValidationError } from "../../../../platform/errors.ts";
import { checkUpload, type IncomingFile, storeUpload } from "../../../../platform/files.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { type DossierRow, getDossierForApplicant, performDossierAction } from "../../dossiers/index.ts";
import { SupplyInput, WithdrawInput } from "../inputs.ts";

export const maxSupplyFiles = 10;
/** States in which the agency waits for the applicant's supplement (form 02 before or during processing). */
export const supplyStates: readonly DossierRow["state"][] = ["needs-completion", "awaiting-supplement"];

/**
 * Sends what the agency asked for: the files (checked by content and size before any is stored) and a note,
 * as one "supply" entry of the dossier's history. Files and entry commit together or not at all.
 */
export async function supplyDossier(input: {
  ctx: ServiceContext;
  dossierId: number;
  form: unknown;
  files: readonly IncomingFile[];
}): Promise<DossierRow> {
  const { ctx } = input;
  const dossier = await getDossierForApplicant(ctx, input.dossierId);
  const { comment } = parseInput(SupplyInput, input.form);
  if (input.files.length === 0) {
    throw new ValidationError([{ field: "files", messageKey: "services.apply.validation.chooseFile" }]);
  }
  if (input.files.length > maxSupplyFiles) {
    throw new ValidationError([
      {
        field: "files",
        messageKey: "services.apply.validation.tooManyFiles",
        params: { max: maxSupplyFiles },
      },
    ]);
  }
  for (const file of input.files) await checkUpload(file, "document", "files");
  return ctx.db.transaction(async (tx) => {
    const fileIds: number[] = [];
    for (const file of input.files) {
      const stored = await storeUpload(tx, {
        visibility: "private",
        file,
        kind: "document",
        field: "files",
        provinceId: dossier.provinceId,
        ownerUserId: ctx.actor!.userId,
      });
      fileIds.push(stored.id);
    }
    const result = await performDossierAction({ ...ctx, db: tx }, dossier.id, {
      action: "supply",
      ...(comment ? { comment } : {}),
      fileIds,
    });
    return result.dossier;
  });
}

/** Withdraws the applicant's own dossier (allowed before receipt; the workflow refuses it later). */
export async function withdrawDossier(input: {
  ctx: ServiceContext;
  dossierId: number;
  form: unknown;
}): Promise<DossierRow> {
  const { ctx } = input;
  const dossier = await getDossierForApplicant(ctx, input.dossierId);
  const { reason } = parseInput(WithdrawInput, input.form);
  const result = await performDossierAction(ctx, dossier.id, {
    action: "withdraw",
    ...(reason ? { comment: reason } : {}),
  });
  return result.dossier;
}
