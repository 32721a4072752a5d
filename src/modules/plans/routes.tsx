import type { FastifyInstance } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import { PublicPageCache } from "../../platform/http/page-cache.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { formatDate } from "../../platform/vn-format.ts";
import { emptyForm } from "../../views/components.tsx";
import { planApiRoutes } from "./api-routes.ts";
import { budgetImportRoutes } from "./import-routes.tsx";
import {
  createPlan,
  getNewPlanDefaults,
  getPlan,
  getPlanForEdit,
  getPlanList,
  getPlanVersion,
  updatePlan,
} from "./index.ts";
import { planItemRoutes } from "./item-routes.tsx";
import type { PlanDetail } from "./plan-detail.ts";
import { backToPlan, type PlanParams } from "./route-helpers.ts";
import { PlanHeaderFormPage } from "./views/plan-forms.tsx";
import { PlanListPage } from "./views/plan-list-page.tsx";
import { PlanPage } from "./views/plan-page.tsx";

/**
 * ECharts, pdfmake and exceljs weigh about 65 MB together: they are loaded on first use, so a web process
 * that only serves cached pages never pays for them.
 */
const loadExporters = {
  chart: () => import("./export/budget-chart.ts"),
  pdf: () => import("./export/plan-pdf.ts"),
  xlsx: () => import("./export/plan-xlsx.ts"),
};

function headerValues(plan: PlanDetail): Record<string, string> {
  return {
    title: plan.title,
    titleEn: plan.titleEn ?? "",
    periodStart: String(plan.periodStart),
    periodEnd: String(plan.periodEnd),
    decisionNumber: plan.decisionNumber,
    decisionDate: formatDate(plan.decisionDate),
    issuer: plan.issuer,
    signerName: plan.signerName,
    signerTitle: plan.signerTitle,
    budgetDisplayUnit: plan.budgetDisplayUnit,
    summary: plan.summary,
  };
}

export async function planRoutes(app: FastifyInstance) {
  await app.register(planApiRoutes);
  await app.register(budgetImportRoutes);

  app.get("/:province/plans", async (request, reply) => {
    const plans = await getPlanList({ ctx: request.serviceContext() });
    return reply.render(<PlanListPage plans={plans} />);
  });

  app.get("/:province/plans/new", async (request, reply) => {
    const defaults = getNewPlanDefaults({ ctx: request.serviceContext(), t: request.t });
    return reply.render(<PlanHeaderFormPage plan={null} form={emptyForm(defaults)} />);
  });
  app.post<{ Params: PlanParams }>("/:province/plans", async (request, reply) =>
    handleForm(request, reply, {
      run: () => createPlan({ ctx: request.serviceContext(), form: request.body }),
      onSuccess: (planId) =>
        reply.redirectWithFlash(`/${request.params.province}/plans/${planId}`, {
          kind: "success",
          messageKey: "plans.created",
        }),
      renderInvalid: (form) => <PlanHeaderFormPage plan={null} form={form} />,
    }),
  );

  const publicPages = new PublicPageCache();
  app.get<{ Params: PlanParams }>("/:province/plans/:plan", async (request, reply) => {
    const ctx = request.serviceContext();
    const planId = idFromParam(request.params.plan);
    return publicPages.send(request, reply, {
      version: () => getPlanVersion({ ctx, planId }),
      render: async () => {
        const { plan, findings } = await getPlan({ ctx, planId });
        const { renderBudgetChartSvg } = await loadExporters.chart();
        return <PlanPage plan={plan} findings={findings} chartSvg={renderBudgetChartSvg(plan, request.t)} />;
      },
    });
  });

  app.get<{ Params: PlanParams }>("/:province/plans/:plan/export.xlsx", async (request, reply) => {
    const { plan } = await getPlan({
      ctx: request.serviceContext(),
      planId: idFromParam(request.params.plan),
    });
    const { exportPlanXlsx } = await loadExporters.xlsx();
    const bytes = await exportPlanXlsx(plan, request.t);
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${plan.slug}.xlsx"`)
      .send(bytes);
  });
  app.get<{ Params: PlanParams }>("/:province/plans/:plan/export.pdf", async (request, reply) => {
    const { plan } = await getPlan({
      ctx: request.serviceContext(),
      planId: idFromParam(request.params.plan),
    });
    const { exportPlanPdf } = await loadExporters.pdf();
    const bytes = await exportPlanPdf(plan, request.t);
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `attachment; filename="${plan.slug}.pdf"`)
      .send(bytes);
  });

  app.get<{ Params: PlanParams }>("/:province/plans/:plan/edit", async (request, reply) => {
    const { plan } = await getPlanForEdit({
      ctx: request.serviceContext(),
      planId: idFromParam(request.params.plan),
    });
    return reply.render(<PlanHeaderFormPage plan={plan} form={emptyForm(headerValues(plan))} />);
  });
  app.post<{ Params: PlanParams }>("/:province/plans/:plan", async (request, reply) => {
    const ctx = request.serviceContext();
    const planId = idFromParam(request.params.plan);
    // The plan is loaded only to show the form again: a successful save needs just the service.
    return handleForm(request, reply, {
      run: () => updatePlan({ ctx, planId, form: request.body }),
      onSuccess: backToPlan(request, reply, "main"),
      renderInvalid: async (form) => (
        <PlanHeaderFormPage plan={(await getPlanForEdit({ ctx, planId })).plan} form={form} />
      ),
    });
  });

  await app.register(planItemRoutes);
}
