import type { FastifyInstance } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { emptyForm } from "../../views/components.tsx";
import { getUnitForEdit, getUnitsForAdmin, saveUnit } from "./index.ts";
import { UnitFormPage, UnitsPage } from "./views/unit-pages.tsx";

type Params = { province: string; unit?: string };

/** Administrators keep the province's units: the agencies that lead and coordinate plan activities. */
export async function unitRoutes(app: FastifyInstance) {
  app.get("/:province/admin/units", async (request, reply) =>
    reply.render(<UnitsPage units={await getUnitsForAdmin({ ctx: request.serviceContext() })} />),
  );
  app.get("/:province/admin/units/new", async (request, reply) => {
    await getUnitsForAdmin({ ctx: request.serviceContext() });
    return reply.render(<UnitFormPage form={emptyForm({ kind: "provincial" })} unitId={null} />);
  });
  app.get<{ Params: Params }>("/:province/admin/units/:unit", async (request, reply) => {
    const unit = await getUnitForEdit({
      ctx: request.serviceContext(),
      unitId: idFromParam(request.params.unit),
    });
    const values = { code: unit.code, name: unit.name, nameEn: unit.nameEn ?? "", kind: unit.kind };
    return reply.render(<UnitFormPage form={emptyForm(values)} unitId={unit.id} />);
  });
  for (const path of ["/:province/admin/units", "/:province/admin/units/:unit"]) {
    app.post<{ Params: Params }>(path, async (request, reply) => {
      const unitId = request.params.unit === undefined ? null : idFromParam(request.params.unit);
      return handleForm(request, reply, {
        run: () => saveUnit({ ctx: request.serviceContext(), unitId, form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/admin/units`, {
            kind: "success",
            messageKey: "units.saved",
          }),
        renderInvalid: (form) => <UnitFormPage form={form} unitId={unitId} />,
      });
    });
  }
}
