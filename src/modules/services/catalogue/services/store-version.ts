import { eq } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { createTranslator } from "../../../../platform/i18n.ts";
import { foldVietnamese } from "../../../../platform/text.ts";
import { procedureComponents, procedures, procedureVersions } from "../../schema.ts";
import { defineProcedureWorkflow } from "../../workflow/index.ts";
import { ProcedureQuestions } from "../questions.ts";
import { computeOnlineFee, type VersionDraft } from "../version-draft.ts";

export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;

const vi = createTranslator("vi");
const en = createTranslator("en");

/**
 * The folded text the catalogue searches: code, names, field, result and legal basis in both languages, so
 * "giay phep ban buon ruou" or "105/2017" find the alcohol licence.
 */
export function buildSearchText(code: string, draft: VersionDraft): string {
  return foldVietnamese(
    [
      code,
      draft.name,
      draft.nameEn,
      vi(`services.catalogue.field.${draft.field}`),
      en(`services.catalogue.field.${draft.field}`),
      draft.resultName,
      draft.resultNameEn,
      ...draft.legalBasis,
    ].join(" "),
  );
}

/**
 * Stores version `version` of a procedure with its components and makes it the current one. Versions are never
 * updated afterwards: a dossier keeps the version it was received under.
 */
export async function storeProcedureVersion(
  tx: Executor,
  input: {
    procedureId: number;
    code: string;
    version: number;
    draft: VersionDraft;
    createdBy: number | null;
  },
): Promise<ProcedureVersionRow> {
  const { draft } = input;
  const workflow = defineProcedureWorkflow(draft.workflow);
  const questions = ProcedureQuestions.parse(draft.questions);
  const [row] = await tx
    .insert(procedureVersions)
    .values({
      procedureId: input.procedureId,
      version: input.version,
      name: draft.name,
      nameEn: draft.nameEn,
      field: draft.field,
      implementingUnitId: draft.implementingUnitId,
      level: draft.level,
      onlineClass: draft.onlineClass,
      applicantKinds: draft.applicantKinds,
      description: draft.description,
      descriptionEn: draft.descriptionEn,
      workflow,
      processingWorkingDays: draft.processingWorkingDays,
      fees: draft.fees,
      onlineFeeDong: computeOnlineFee(draft.fees),
      legalBasis: draft.legalBasis,
      resultType: draft.resultType,
      resultName: draft.resultName,
      resultNameEn: draft.resultNameEn,
      resultValidityMonths: draft.resultValidityMonths,
      questions,
      subsidy: draft.subsidy,
      budgetLineId: draft.budgetLineId,
      searchText: buildSearchText(input.code, draft),
      createdBy: input.createdBy,
    })
    .returning();
  if (draft.components.length > 0) {
    await tx.insert(procedureComponents).values(
      draft.components.map((component, index) => ({
        versionId: row!.id,
        position: index + 1,
        name: component.name,
        nameEn: component.nameEn,
        copyKind: component.copyKind,
        quantity: component.quantity,
        required: component.required,
        templateName: component.templateName,
      })),
    );
  }
  await tx
    .update(procedures)
    .set({ currentVersionId: row!.id, updatedAt: new Date() })
    .where(eq(procedures.id, input.procedureId));
  return row!;
}
