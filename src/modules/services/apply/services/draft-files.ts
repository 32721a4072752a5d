import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import { NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import { checkUpload, type IncomingFile, storeUpload } from "../../../../platform/files.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { dossierFiles } from "../../schema.ts";
import { loadDraftState } from "../draft-state.ts";

/** Per component: enough for a multi-page scan sent page by page, few enough to keep a dossier readable. */
export const maxFilesPerComponent = 10;

/** The form field of a component's upload (one form per component on the documents page). */
export const componentField = (componentId: number) => `component-${componentId}`;

/**
 * Attaches files to one component of a draft. Each file is checked by its content (magic numbers, not its name)
 * and size before any is stored, so one bad file leaves nothing behind.
 */
export async function addComponentFiles(input: {
  ctx: ServiceContext;
  dossierId: number;
  componentId: number;
  files: readonly IncomingFile[];
}): Promise<number> {
  const { ctx } = input;
  const { dossier, components } = await loadDraftState(ctx, input.dossierId);
  const component = components.find((candidate) => candidate.id === input.componentId);
  if (!component) throw new NotFoundError();
  const field = componentField(component.id);
  if (input.files.length === 0) {
    throw new ValidationError([{ field, messageKey: "services.apply.validation.chooseFile" }]);
  }
  if (component.files.length + input.files.length > maxFilesPerComponent) {
    throw new ValidationError([
      { field, messageKey: "services.apply.validation.tooManyFiles", params: { max: maxFilesPerComponent } },
    ]);
  }
  for (const file of input.files) await checkUpload(file, "document", field);
  await ctx.db.transaction(async (tx) => {
    for (const file of input.files) {
      const stored = await storeUpload(tx, {
        visibility: "private",
        file,
        kind: "document",
        field,
        provinceId: dossier.provinceId,
        ownerUserId: ctx.actor!.userId,
      });
      const [row] = await tx
        .insert(dossierFiles)
        .values({
          dossierId: dossier.id,
          componentId: component.id,
          fileId: stored.id,
          addedBy: ctx.actor!.userId,
        })
        .returning({ id: dossierFiles.id });
      await recordAudit(tx, {
        provinceId: dossier.provinceId,
        actorUserId: ctx.actor!.userId,
        action: "dossier.draft.file-add",
        entityType: "dossier",
        entityId: dossier.id,
        after: {
          dossierFileId: row!.id,
          componentId: component.id,
          fileId: stored.id,
          name: stored.originalName,
        },
        ipAddress: ctx.ipAddress,
      });
    }
  });
  return input.files.length;
}

/** Takes a file off a draft; the row stays, marked removed, for the record. */
export async function removeDraftFile(input: {
  ctx: ServiceContext;
  dossierId: number;
  dossierFileId: number;
}) {
  const { ctx } = input;
  const { dossier } = await loadDraftState(ctx, input.dossierId);
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .update(dossierFiles)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(dossierFiles.id, input.dossierFileId),
          eq(dossierFiles.dossierId, dossier.id),
          isNull(dossierFiles.removedAt),
          isNull(dossierFiles.eventSeq),
        ),
      )
      .returning();
    if (!removed) throw new NotFoundError();
    await recordAudit(tx, {
      provinceId: dossier.provinceId,
      actorUserId: ctx.actor!.userId,
      action: "dossier.draft.file-remove",
      entityType: "dossier",
      entityId: dossier.id,
      before: { dossierFileId: removed.id, componentId: removed.componentId, fileId: removed.fileId },
      ipAddress: ctx.ipAddress,
    });
  });
}
