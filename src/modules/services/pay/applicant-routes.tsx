import type { FastifyInstance, FastifyReply } from "fastify";
import { handleForm } from "../../../platform/http/forms.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import { verifyReturnUrl } from "../payments/index.ts";
import { findGateway, gatewayIpAddress, returnUrlFor } from "./gateway.ts";
import { findPaymentByTxnRef, getPaymentOverview } from "./queries.ts";
import { getReceipt, renderReceiptPdf } from "./receipt.ts";
import { startPayment } from "./services/start-payment.ts";
import { buildVietQrOffer } from "./vietqr-offer.ts";
import { GatewayRedirectPage } from "./views/gateway-redirect-page.tsx";
import { PayPage } from "./views/pay-page.tsx";
import { type RecordedAttempt, ReturnPage } from "./views/return-page.tsx";

type DossierParams = { province: string; id: string };

/** Starting attempts is limited per address: each writes a row and a gateway URL. */
const startLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

export async function applicantPaymentRoutes(app: FastifyInstance) {
  const gateway = findGateway(app.config);

  async function renderPayPage(ctx: ServiceContext, dossierId: number, form: FormState) {
    const overview = await getPaymentOverview(ctx, dossierId);
    const vietQr = overview.isPayable
      ? await buildVietQrOffer(app.config.payments.vietQr, overview.dossier)
      : undefined;
    return <PayPage overview={overview} gatewayKind={gateway?.kind} vietQr={vietQr} form={form} />;
  }

  app.get<{ Params: DossierParams }>("/:province/my/dossiers/:id/pay", async (request, reply) =>
    reply.render(await renderPayPage(request.serviceContext(), idFromParam(request.params.id), emptyForm())),
  );

  app.post<{ Params: DossierParams }>(
    "/:province/my/dossiers/:id/pay",
    { config: startLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const dossierId = idFromParam(request.params.id);
      return handleForm(request, reply, {
        run: () =>
          startPayment({
            ctx,
            dossierId,
            gateway,
            returnUrl: returnUrlFor(app.config, request.params.province),
            ipAddress: gatewayIpAddress(request.ip),
            locale: request.locale,
          }),
        // The simulator is on our own origin: a plain redirect. VNPay is not (see GatewayRedirectPage).
        onSuccess: ({ url }) =>
          new URL(url).origin === new URL(app.config.publicUrl).origin
            ? reply.redirect(url, 303)
            : reply.render(<GatewayRedirectPage url={url} />),
        renderInvalid: (form) => renderPayPage(ctx, dossierId, form),
      });
    },
  );

  app.get<{ Params: DossierParams & { payment: string } }>(
    "/:province/my/dossiers/:id/payments/:payment/receipt.pdf",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const receipt = await getReceipt(ctx, idFromParam(request.params.payment), "applicant");
      if (receipt.dossier.id !== idFromParam(request.params.id)) return reply.callNotFound();
      const bytes = await renderReceiptPdf(receipt, ctx.province);
      return sendReceipt(reply, receipt.payment.receiptNumber ?? receipt.payment.txnRef, bytes);
    },
  );

  // VNPay sends the browser here with the signed result. It only informs: the IPN records payments.
  app.get<{ Params: { province: string }; Querystring: Record<string, string | string[] | undefined> }>(
    "/:province/payments/vnpay/return",
    async (request, reply) => {
      if (!gateway) return reply.callNotFound();
      const ctx = request.serviceContext();
      const result = verifyReturnUrl(gateway.config, request.query);
      let recorded: RecordedAttempt | undefined;
      if (result.isSignatureValid && result.txnRef && ctx.actor) {
        const found = await findPaymentByTxnRef(ctx, result.txnRef);
        if (found && found.dossier.applicantUserId === ctx.actor.userId) {
          recorded = {
            paymentId: found.payment.id,
            dossierId: found.dossier.id,
            dossierCode: found.dossier.code,
            status: found.payment.status,
            receiptNumber: found.payment.receiptNumber,
          };
        }
      }
      return reply.render(
        <ReturnPage result={result} recorded={recorded} />,
        result.isSignatureValid ? 200 : 400,
      );
    },
  );
}

export function sendReceipt(reply: FastifyReply, number: string, bytes: Buffer) {
  return reply
    .header("content-type", "application/pdf")
    .header(
      "content-disposition",
      `attachment; filename="bien-lai-${number.replace(/[^A-Za-z0-9-]/g, "-")}.pdf"`,
    )
    .send(bytes);
}
