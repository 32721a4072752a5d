import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageFromQuery } from "../../../platform/http/forms.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { sendReceipt } from "./applicant-routes.tsx";
import { getReceipt, renderReceiptPdf } from "./receipt.ts";
import { getReconciliation, RECONCILIATION_PAGE_SIZE, readReconciliationFilters } from "./reconciliation.ts";
import { ReconciliationPage } from "./views/reconciliation-page.tsx";

type ReconciliationRequest = FastifyRequest<{
  Params: { province: string };
  Querystring: Record<string, string | undefined>;
}>;

/** An export holds at most this many attempts; a longer period is exported in parts. */
const EXPORT_LIMIT = 20_000;

/** The filters as a query string for the export link and the pages (values as the officer typed them). */
function filterQuery(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params.toString();
}

export async function reconciliationRoutes(app: FastifyInstance) {
  app.get("/:province/admin/services/payments", async (request: ReconciliationRequest, reply) => {
    const ctx = request.serviceContext();
    const { filters, values, issues } = readReconciliationFilters(request.query);
    const { page, limit, offset } = pageFromQuery(request.query, RECONCILIATION_PAGE_SIZE);
    const reconciliation = await getReconciliation(ctx, filters, { limit, offset });
    return reply.render(
      <ReconciliationPage
        reconciliation={reconciliation}
        filters={filters}
        form={{ values, issues }}
        page={page}
        pageCount={Math.max(1, Math.ceil(reconciliation.total / RECONCILIATION_PAGE_SIZE))}
        query={filterQuery(values)}
      />,
    );
  });

  app.get("/:province/admin/services/payments.xlsx", async (request: ReconciliationRequest, reply) => {
    const ctx = request.serviceContext();
    const { filters } = readReconciliationFilters(request.query);
    const reconciliation = await getReconciliation(ctx, filters, { limit: EXPORT_LIMIT, offset: 0 });
    const { exportReconciliationXlsx } = await import("./reconciliation-xlsx.ts");
    const bytes = await exportReconciliationXlsx(reconciliation, filters, request.t, ctx.province.name);
    const name = `doi-soat-thanh-toan-${ctx.province.slug}-${filters.from}-${filters.to}.xlsx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(bytes);
  });

  app.get<{ Params: { province: string; payment: string } }>(
    "/:province/admin/services/payments/:payment/receipt.pdf",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const receipt = await getReceipt(ctx, idFromParam(request.params.payment), "staff");
      const bytes = await renderReceiptPdf(receipt, ctx.province);
      return sendReceipt(reply, receipt.payment.receiptNumber ?? receipt.payment.txnRef, bytes);
    },
  );
}
