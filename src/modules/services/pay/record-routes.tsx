import type { FastifyInstance } from "fastify";
import { handleForm } from "../../../platform/http/forms.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import { getStaffPaymentOverview } from "./queries.ts";
import { recordPayment } from "./services/record-payment.ts";
import { RecordPaymentPage, staffDossierPath } from "./views/record-payment-page.tsx";

type DossierParams = { province: string; id: string };

/** An officer records a fee paid in cash at the one-stop counter or by bank transfer. */
export async function recordPaymentRoutes(app: FastifyInstance) {
  async function renderPage(ctx: ServiceContext, dossierId: number, form: FormState) {
    const overview = await getStaffPaymentOverview(ctx, dossierId);
    return <RecordPaymentPage overview={overview} form={form} />;
  }

  app.get<{ Params: DossierParams }>(
    "/:province/admin/services/dossiers/:id/payments/record",
    async (request, reply) =>
      reply.render(
        await renderPage(
          request.serviceContext(),
          idFromParam(request.params.id),
          emptyForm({ paidOn: formatDate(new Date()) }),
        ),
      ),
  );

  app.post<{ Params: DossierParams }>(
    "/:province/admin/services/dossiers/:id/payments/record",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const dossierId = idFromParam(request.params.id);
      return handleForm(request, reply, {
        run: () =>
          recordPayment({
            ctx,
            dossierId,
            input: request.body,
            portalUrl: `${app.config.publicUrl}/${ctx.province.slug}`,
          }),
        onSuccess: ({ payment }) =>
          reply.redirectWithFlash(staffDossierPath(ctx.province.slug, dossierId), {
            kind: "success",
            messageKey: "services.pay.record.done",
            params: { receipt: payment.receiptNumber ?? "" },
          }),
        renderInvalid: (form) => renderPage(ctx, dossierId, form),
      });
    },
  );
}
