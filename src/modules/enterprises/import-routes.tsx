import type { FastifyInstance } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import { readMultipart } from "../../platform/http/multipart.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { emptyForm } from "../../views/components.tsx";
import {
  cancelImport,
  confirmImport,
  getImport,
  listRecentImports,
  previewImport,
} from "./import/import-register.ts";
import { ImportStatusPage, ImportUploadPage } from "./views/import-pages.tsx";

type Params = { province: string; id: string };

export async function enterpriseImportRoutes(app: FastifyInstance) {
  app.get<{ Params: Params }>("/:province/admin/enterprises/import", async (request, reply) => {
    const recent = await listRecentImports(request.serviceContext());
    return reply.render(<ImportUploadPage form={emptyForm()} recent={recent} />);
  });

  app.post<{ Params: Params }>("/:province/admin/enterprises/import", async (request, reply) => {
    const ctx = request.serviceContext();
    const { files } = await readMultipart(request);
    return handleForm(request, reply, {
      run: () => previewImport({ ctx, file: files.file?.[0] ?? null }),
      onSuccess: (importId) =>
        reply.redirect(`/${request.params.province}/admin/enterprises/import/${importId}`, 303),
      renderInvalid: async (form) => <ImportUploadPage form={form} recent={await listRecentImports(ctx)} />,
    });
  });

  app.get<{ Params: Params }>("/:province/admin/enterprises/import/:id", async (request, reply) => {
    const record = await getImport(request.serviceContext(), idFromParam(request.params.id));
    // The page refreshes itself while the import runs; a cached copy would freeze the progress.
    reply.header("cache-control", "no-store");
    return reply.render(<ImportStatusPage record={record} />);
  });

  app.post<{ Params: Params }>("/:province/admin/enterprises/import/:id/confirm", async (request, reply) => {
    const importId = idFromParam(request.params.id);
    await confirmImport({ ctx: request.serviceContext(), database: app.database.db, importId });
    return reply.redirectWithFlash(`/${request.params.province}/admin/enterprises/import/${importId}`, {
      kind: "info",
      messageKey: "enterprises.import.started",
    });
  });

  app.post<{ Params: Params }>("/:province/admin/enterprises/import/:id/cancel", async (request, reply) => {
    await cancelImport({ ctx: request.serviceContext(), importId: idFromParam(request.params.id) });
    return reply.redirectWithFlash(`/${request.params.province}/admin/enterprises/import`, {
      kind: "info",
      messageKey: "enterprises.import.cancelled",
    });
  });
}
