import { ConflictError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { type DossierRow, loadVersionWorkflow, lookupUrl, readDossierHistory } from "../../dossiers/index.ts";
import { loadComponentsWithFiles } from "../draft-state.ts";
import { findUnitName } from "../queries.ts";
import type { ReceiptData } from "./receipt-pdf.ts";

/** What form 01 prints for a submitted dossier (one that has its code). */
export async function loadReceiptData(ctx: ServiceContext, dossier: DossierRow): Promise<ReceiptData> {
  if (dossier.code === null || dossier.submittedAt === null) {
    throw new ConflictError("services.apply.errors.noReceiptYet");
  }
  const { version, workflow } = await loadVersionWorkflow(ctx.db, dossier.procedureVersionId);
  const [{ components, files }, history, issuingBody, receivingUnit] = await Promise.all([
    loadComponentsWithFiles(ctx, dossier),
    readDossierHistory(ctx.db, dossier.id),
    findUnitName(ctx.db, version.implementingUnitId),
    findUnitName(ctx.db, Number(workflow.receptionUnitId)),
  ]);
  const receipt = history.findLast((line) => line.action === "receive");
  return {
    provinceKind: ctx.province.kind,
    provinceName: ctx.province.name,
    issuingBody: issuingBody ?? "Sở Công Thương",
    receivingUnit: receivingUnit ?? "Bộ phận Một cửa",
    code: dossier.code,
    applicant: {
      name: dossier.applicantName,
      taxCode: dossier.applicantTaxCode,
      idNumber: dossier.applicantIdNumber,
      address: dossier.applicantAddress,
      phone: dossier.applicantPhone,
      email: dossier.applicantEmail,
    },
    procedureName: version.name,
    components: components.map((component) => ({
      name: component.name,
      copyKind: component.copyKind,
      fileCount: component.files.length,
    })),
    suppliedFileCount: files.filter((file) => file.componentId === null).length,
    processingWorkingDays: version.processingWorkingDays,
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentDate: dossier.dueDate,
    deliveryMethod: dossier.deliveryMethod,
    deliveryAddress: dossier.deliveryAddress,
    receiverName: receipt ? (receipt.actorName ?? null) : null,
    lookupUrl: lookupUrl(ctx.province.slug, dossier.code),
  };
}
