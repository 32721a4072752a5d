import type { FastifyInstance, FastifyRequest } from "fastify";
import { handleForm } from "../../../../platform/http/forms.ts";
import { idFromParam } from "../../../../platform/http/route-id.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { emptyForm, type FormState } from "../../../../views/components.tsx";
import type { Flash } from "../../../../views/page-context.ts";
import { readHolidayYear } from "./holiday-inputs.ts";
import {
  addHoliday,
  generateHolidayYear,
  getHoliday,
  listHolidayYear,
  removeHoliday,
  updateHoliday,
} from "./holiday-table.ts";
import { EditHolidayPage, HolidaysPage, holidayFormValues, holidaysPath } from "./holidays-page.tsx";
import { listRecomputeRuns, retryRecomputeRun } from "./recompute-runs.ts";

type ProvinceParams = { province: string };
type HolidayParams = ProvinceParams & { id: string };

/** The confirmation after a change: what was done, and that the open dossiers' deadlines are being recomputed. */
const changeFlash = (change: string): Flash => ({
  kind: "success",
  messageKey: "services.processing.holidays.recomputeQueued",
  params: { change },
});

/** `/{slug}/admin/services/holidays`: the administrator's holiday table (services.manage). */
export async function holidayRoutes(app: FastifyInstance) {
  const currentYear = () => Number(todayInVietnam().slice(0, 4));
  const yearOf = (body: unknown) => readHolidayYear((body as { year?: unknown } | null)?.year, currentYear());

  async function renderYear(request: FastifyRequest, year: number, addForm: FormState) {
    const ctx = request.serviceContext();
    const table = await listHolidayYear(ctx, year);
    return <HolidaysPage table={table} addForm={addForm} runs={await listRecomputeRuns(ctx)} />;
  }

  app.get<{ Params: ProvinceParams; Querystring: { year?: string } }>(
    "/:province/admin/services/holidays",
    async (request, reply) => {
      // The list of recomputations shows progress: a cached copy would freeze it.
      reply.header("cache-control", "no-store");
      return reply.render(
        await renderYear(
          request,
          readHolidayYear(request.query.year, currentYear()),
          emptyForm({ kind: "swapped" }),
        ),
      );
    },
  );

  app.post<{ Params: ProvinceParams }>(
    "/:province/admin/services/holidays/generate",
    async (request, reply) =>
      handleForm(request, reply, {
        run: () => generateHolidayYear(request.serviceContext(), request.body),
        onSuccess: (change) =>
          reply.redirectWithFlash(holidaysPath(request.params.province, change.value), {
            kind: "success",
            messageKey: "services.processing.holidays.recomputeQueuedGenerated",
            params: { year: String(change.value) },
          }),
        renderInvalid: (form) => renderYear(request, yearOf(request.body), form),
      }),
  );

  app.post<{ Params: ProvinceParams }>("/:province/admin/services/holidays", async (request, reply) =>
    handleForm(request, reply, {
      run: () => addHoliday(request.serviceContext(), request.body),
      onSuccess: (change) =>
        reply.redirectWithFlash(
          holidaysPath(request.params.province, Number(change.value.date.slice(0, 4))),
          changeFlash("services.processing.holidays.added"),
        ),
      renderInvalid: (form) => renderYear(request, yearOf(request.body), form),
    }),
  );

  app.get<{ Params: HolidayParams }>(
    "/:province/admin/services/holidays/:id/edit",
    async (request, reply) => {
      const holiday = await getHoliday(request.serviceContext(), idFromParam(request.params.id));
      return reply.render(<EditHolidayPage holiday={holiday} form={emptyForm(holidayFormValues(holiday))} />);
    },
  );

  app.post<{ Params: HolidayParams }>("/:province/admin/services/holidays/:id", async (request, reply) => {
    const holidayId = idFromParam(request.params.id);
    return handleForm(request, reply, {
      run: () => updateHoliday(request.serviceContext(), holidayId, request.body),
      onSuccess: (change) =>
        reply.redirectWithFlash(
          holidaysPath(request.params.province, Number(change.value.date.slice(0, 4))),
          changeFlash("services.processing.holidays.updated"),
        ),
      renderInvalid: async (form) => (
        <EditHolidayPage holiday={await getHoliday(request.serviceContext(), holidayId)} form={form} />
      ),
    });
  });

  app.post<{ Params: HolidayParams }>(
    "/:province/admin/services/holidays/:id/delete",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const holidayId = idFromParam(request.params.id);
      return handleForm(request, reply, {
        run: () => removeHoliday(ctx, holidayId),
        onSuccess: (change) =>
          reply.redirectWithFlash(
            holidaysPath(request.params.province, Number(change.value.date.slice(0, 4))),
            changeFlash("services.processing.holidays.removed"),
          ),
        renderInvalid: async (form) =>
          renderYear(request, Number((await getHoliday(ctx, holidayId)).date.slice(0, 4)), form),
      });
    },
  );

  app.post<{ Params: HolidayParams }>(
    "/:province/admin/services/holidays/recomputations/:id/retry",
    async (request, reply) => {
      await retryRecomputeRun(request.serviceContext(), idFromParam(request.params.id));
      return reply.redirectWithFlash(
        `${holidaysPath(request.params.province, yearOf(request.body))}#recompute-runs`,
        {
          kind: "success",
          messageKey: "services.processing.holidays.recomputeRun.retried",
        },
      );
    },
  );
}
