import type { FastifyInstance } from "fastify";
import { handleForm } from "../../../platform/http/forms.ts";
import { emptyForm } from "../../../views/components.tsx";
import {
  createProcedure,
  getProcedureForAdmin,
  getUnitChoices,
  listProceduresForAdmin,
  publishProcedureVersion,
  setProcedureStatus,
} from "./services/manage-procedures.ts";
import { versionToFormValues } from "./version-form.ts";
import { AdminProcedureListPage, AdminProcedurePage, adminBase } from "./views/admin-pages.tsx";
import { VersionFormPage } from "./views/version-form-page.tsx";

type ProvinceParams = { province: string };
type CodeParams = { province: string; code: string };

/** `/{slug}/admin/services/procedures…`: the administrator's catalogue (services.manage), all changes audited. */
export async function catalogueAdminRoutes(app: FastifyInstance) {
  app.get<{ Params: ProvinceParams }>("/:province/admin/services/procedures", async (request, reply) => {
    const items = await listProceduresForAdmin(request.serviceContext());
    return reply.render(<AdminProcedureListPage items={items} />);
  });

  app.get<{ Params: ProvinceParams }>("/:province/admin/services/procedures/new", async (request, reply) => {
    const units = await getUnitChoices(request.serviceContext());
    return reply.render(
      <VersionFormPage form={emptyForm({ applicantKinds: "enterprise" })} units={units} isNew />,
    );
  });

  app.post<{ Params: ProvinceParams }>("/:province/admin/services/procedures/new", async (request, reply) => {
    const ctx = request.serviceContext();
    return handleForm(request, reply, {
      run: () => createProcedure({ ctx, form: request.body }),
      onSuccess: ({ code }) =>
        reply.redirectWithFlash(`${adminBase(request.params.province)}/${encodeURIComponent(code)}`, {
          kind: "success",
          messageKey: "services.catalogue.admin.created",
        }),
      renderInvalid: async (form) => <VersionFormPage form={form} units={await getUnitChoices(ctx)} isNew />,
    });
  });

  app.get<{ Params: CodeParams }>("/:province/admin/services/procedures/:code", async (request, reply) => {
    const view = await getProcedureForAdmin(request.serviceContext(), request.params.code);
    return reply.render(<AdminProcedurePage view={view} />);
  });

  app.get<{ Params: CodeParams }>(
    "/:province/admin/services/procedures/:code/versions/new",
    async (request, reply) => {
      const view = await getProcedureForAdmin(request.serviceContext(), request.params.code);
      return reply.render(
        <VersionFormPage
          form={emptyForm(versionToFormValues(view.version, view.components))}
          units={view.units}
          isNew={false}
          code={view.procedure.code}
          currentName={view.version.name}
        />,
      );
    },
  );

  app.post<{ Params: CodeParams }>(
    "/:province/admin/services/procedures/:code/versions",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { code } = request.params;
      return handleForm(request, reply, {
        run: () => publishProcedureVersion({ ctx, code, form: request.body }),
        onSuccess: ({ version }) =>
          reply.redirectWithFlash(`${adminBase(request.params.province)}/${encodeURIComponent(code)}`, {
            kind: "success",
            messageKey: "services.catalogue.admin.published",
            params: { version: String(version) },
          }),
        renderInvalid: async (form) => {
          const view = await getProcedureForAdmin(ctx, code);
          return (
            <VersionFormPage
              form={form}
              units={view.units}
              isNew={false}
              code={view.procedure.code}
              currentName={view.version.name}
            />
          );
        },
      });
    },
  );

  app.post<{ Params: CodeParams; Body: { status?: string } }>(
    "/:province/admin/services/procedures/:code/status",
    async (request, reply) => {
      const status = request.body?.status === "active" ? "active" : "retired";
      await setProcedureStatus({ ctx: request.serviceContext(), code: request.params.code, status });
      return reply.redirectWithFlash(
        `${adminBase(request.params.province)}/${encodeURIComponent(request.params.code)}`,
        { kind: "success", messageKey: `services.catalogue.admin.statusChanged.${status}` },
      );
    },
  );
}
