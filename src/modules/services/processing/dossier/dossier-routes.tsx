import type { FastifyInstance } from "fastify";
import { ValidationError } from "../../../../platform/errors.ts";
import { formValues } from "../../../../platform/http/forms.ts";
import { idFromParam } from "../../../../platform/http/route-id.ts";
import { actOnDossier, isWorkflowProblem } from "./act-on-dossier.ts";
import { isStaffAction } from "./action-input.ts";
import { getDossierFileForStaff, loadStaffDossier } from "./staff-dossier.ts";
import { StaffDossierPage } from "./staff-dossier-page.tsx";

type DossierParams = { province: string; id: string };

/** ASCII-only file name for the header; the full name goes in filename* (RFC 6266). */
export function attachmentHeader(name: string): string {
  const ascii =
    name
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "file";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The staff dossier page, its action forms, and the dossier's files. */
export async function staffDossierRoutes(app: FastifyInstance) {
  app.get<{ Params: DossierParams }>("/:province/admin/services/dossiers/:id", async (request, reply) => {
    const view = await loadStaffDossier(request.serviceContext(), idFromParam(request.params.id));
    return reply.render(<StaffDossierPage view={view} />);
  });

  app.post<{ Params: DossierParams & { action: string } }>(
    "/:province/admin/services/dossiers/:id/actions/:action",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const dossierId = idFromParam(request.params.id);
      const { action } = request.params;
      try {
        const result = await actOnDossier(ctx, dossierId, action, request.body);
        return reply.redirectWithFlash(`/${request.params.province}/admin/services/dossiers/${dossierId}`, {
          kind: "success",
          messageKey: "services.processing.action.done",
          params: { action: request.t(`services.action.${result.action}`) },
        });
      } catch (error) {
        // Re-render the page as it is now, with the refused form and why (409/403/422 from the rules).
        if (!(error instanceof ValidationError) && !isWorkflowProblem(error)) throw error;
        const view = await loadStaffDossier(ctx, dossierId);
        const posted =
          isStaffAction(action) && error instanceof ValidationError
            ? { action, form: { values: formValues(request.body), issues: error.issues } }
            : null;
        const problem = isWorkflowProblem(error) ? error : null;
        return reply.render(
          <StaffDossierPage view={view} posted={posted} problem={problem} />,
          error.statusCode,
        );
      }
    },
  );

  app.get<{ Params: DossierParams & { file: string } }>(
    "/:province/admin/services/dossiers/:id/files/:file",
    async (request, reply) => {
      const file = await getDossierFileForStaff(
        request.serviceContext(),
        idFromParam(request.params.id),
        idFromParam(request.params.file),
      );
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", attachmentHeader(file.name))
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );
}
