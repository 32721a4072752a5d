import type { FastifyInstance } from "fastify";
import { handleForm } from "../../../platform/http/forms.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { formatDate } from "../../../platform/vn-format.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import { getPaymentForCorrection, getStaffPaymentOverview } from "./queries.ts";
import { refundPayment, voidPayment } from "./services/correct-payment.ts";
import { type CorrectionKind, CorrectPaymentPage } from "./views/correct-payment-page.tsx";
import { dossierPaymentsPath } from "./views/correction-parts.tsx";
import { DossierPaymentsPage } from "./views/dossier-payments-page.tsx";

type PaymentParams = { province: string; payment: string };

const corrections = { void: voidPayment, refund: refundPayment } as const;

/** Officers void a payment recorded in error or record a refund; the dossier's list of payments. */
export async function correctPaymentRoutes(app: FastifyInstance) {
  app.get<{ Params: { province: string; id: string } }>(
    "/:province/admin/services/dossiers/:id/payments",
    async (request, reply) => {
      const overview = await getStaffPaymentOverview(
        request.serviceContext(),
        idFromParam(request.params.id),
      );
      return reply.render(<DossierPaymentsPage overview={overview} />);
    },
  );

  async function renderPage(ctx: ServiceContext, kind: CorrectionKind, paymentId: number, form: FormState) {
    const data = await getPaymentForCorrection(ctx, paymentId);
    return <CorrectPaymentPage kind={kind} data={data} form={form} />;
  }

  for (const kind of ["void", "refund"] as const) {
    const path = `/:province/admin/services/payments/:payment/${kind}`;
    app.get<{ Params: PaymentParams }>(path, async (request, reply) =>
      reply.render(
        await renderPage(
          request.serviceContext(),
          kind,
          idFromParam(request.params.payment),
          emptyForm(kind === "refund" ? { refundedOn: formatDate(new Date()) } : {}),
        ),
      ),
    );

    app.post<{ Params: PaymentParams }>(path, async (request, reply) => {
      const ctx = request.serviceContext();
      const paymentId = idFromParam(request.params.payment);
      return handleForm(request, reply, {
        run: () =>
          corrections[kind]({
            ctx,
            paymentId,
            input: request.body,
            portalUrl: `${app.config.publicUrl}/${ctx.province.slug}`,
          }),
        onSuccess: ({ payment, dossier }) =>
          reply.redirectWithFlash(dossierPaymentsPath(ctx.province.slug, dossier.id), {
            kind: "success",
            messageKey: `services.pay.correct.${kind}.done`,
            params: { receipt: payment.receiptNumber ?? payment.txnRef },
          }),
        renderInvalid: (form) => renderPage(ctx, kind, paymentId, form),
      });
    });
  }
}
