import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import { PublicPageCache } from "../../platform/http/page-cache.ts";
import { formatDate } from "../../platform/vn-format.ts";
import { emptyForm } from "../../views/components.tsx";
import { planApiRoutes } from "./api-routes.ts";
import { formatPlanAmount } from "./budget-table.ts";
import { budgetImportRoutes } from "./import-routes.tsx";
import {
  createPlan,
  deleteActivity,
  deleteBudgetLine,
  deleteObjective,
  deleteTarget,
  getPlan,
  getPlanForEdit,
  getPlanList,
  getPlanVersion,
  saveActivity,
  saveBudgetLine,
  saveObjective,
  saveTarget,
  updatePlan,
} from "./index.ts";
import type { PlanDetail } from "./plan-detail.ts";
import {
  ActivityFormPage,
  BudgetLineFormPage,
  ObjectiveFormPage,
  PlanHeaderFormPage,
  TargetFormPage,
} from "./views/plan-forms.tsx";
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

type Params = { province: string; plan: string; item: string; objective: string };
type PlanRequest = FastifyRequest<{ Params: Params }>;

const idOf = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : 0);

function planUrl(request: PlanRequest, suffix = ""): string {
  return `/${request.params.province}/plans/${idOf(request.params.plan)}${suffix}`;
}

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

/** Redirects back to the plan's section after a change, with a confirmation. */
function backToPlan(request: PlanRequest, reply: FastifyReply, anchor: string) {
  return () =>
    reply.redirectWithFlash(planUrl(request, `#${anchor}`), { kind: "success", messageKey: "plans.saved" });
}

export async function planRoutes(app: FastifyInstance) {
  await app.register(planApiRoutes);
  await app.register(budgetImportRoutes);

  app.get("/:province/plans", async (request, reply) => {
    const plans = await getPlanList({ ctx: request.serviceContext() });
    return reply.render(<PlanListPage plans={plans} />);
  });

  app.get("/:province/plans/new", async (request, reply) => {
    const year = new Date().getFullYear();
    return reply.render(
      <PlanHeaderFormPage
        plan={null}
        form={emptyForm({
          periodStart: String(year),
          periodEnd: String(year + 4),
          budgetDisplayUnit: "million",
          issuer: request.t("plans.defaultIssuer", { province: request.province!.name }),
        })}
      />,
    );
  });
  app.post<{ Params: Params }>("/:province/plans", async (request, reply) =>
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
  app.get<{ Params: Params }>("/:province/plans/:plan", async (request, reply) => {
    const ctx = request.serviceContext();
    const planId = idOf(request.params.plan);
    return publicPages.send(request, reply, {
      version: () => getPlanVersion({ ctx, planId }),
      render: async () => {
        const { plan, findings } = await getPlan({ ctx, planId });
        const { renderBudgetChartSvg } = await loadExporters.chart();
        return <PlanPage plan={plan} findings={findings} chartSvg={renderBudgetChartSvg(plan, request.t)} />;
      },
    });
  });

  app.get<{ Params: Params }>("/:province/plans/:plan/export.xlsx", async (request, reply) => {
    const { plan } = await getPlan({ ctx: request.serviceContext(), planId: idOf(request.params.plan) });
    const { exportPlanXlsx } = await loadExporters.xlsx();
    const bytes = await exportPlanXlsx(plan, request.t);
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${plan.slug}.xlsx"`)
      .send(bytes);
  });
  app.get<{ Params: Params }>("/:province/plans/:plan/export.pdf", async (request, reply) => {
    const { plan } = await getPlan({ ctx: request.serviceContext(), planId: idOf(request.params.plan) });
    const { exportPlanPdf } = await loadExporters.pdf();
    const bytes = await exportPlanPdf(plan, request.t);
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `attachment; filename="${plan.slug}.pdf"`)
      .send(bytes);
  });

  app.get<{ Params: Params }>("/:province/plans/:plan/edit", async (request, reply) => {
    const { plan } = await getPlanForEdit({
      ctx: request.serviceContext(),
      planId: idOf(request.params.plan),
    });
    return reply.render(<PlanHeaderFormPage plan={plan} form={emptyForm(headerValues(plan))} />);
  });
  app.post<{ Params: Params }>("/:province/plans/:plan", async (request, reply) => {
    const ctx = request.serviceContext();
    const planId = idOf(request.params.plan);
    const { plan } = await getPlanForEdit({ ctx, planId });
    return handleForm(request, reply, {
      run: () => updatePlan({ ctx, planId, form: request.body }),
      onSuccess: backToPlan(request, reply, "main"),
      renderInvalid: (form) => <PlanHeaderFormPage plan={plan} form={form} />,
    });
  });

  registerObjectiveRoutes(app);
  registerActivityRoutes(app);
  registerBudgetLineRoutes(app);
}

function registerObjectiveRoutes(app: FastifyInstance) {
  const load = (request: PlanRequest) =>
    getPlanForEdit({ ctx: request.serviceContext(), planId: idOf(request.params.plan) });
  const objectiveValues = (plan: PlanDetail, objectiveId: number): Record<string, string> => {
    const objective = plan.objectives.find((item) => item.id === objectiveId);
    return objective ? { code: objective.code, title: objective.title } : {};
  };

  app.get<{ Params: Params }>("/:province/plans/:plan/objectives/new", async (request, reply) => {
    const { plan } = await load(request);
    return reply.render(<ObjectiveFormPage plan={plan} objectiveId={null} form={emptyForm()} />);
  });
  app.get<{ Params: Params }>("/:province/plans/:plan/objectives/:objective", async (request, reply) => {
    const { plan } = await load(request);
    const objectiveId = idOf(request.params.objective);
    return reply.render(
      <ObjectiveFormPage
        plan={plan}
        objectiveId={objectiveId}
        form={emptyForm(objectiveValues(plan, objectiveId))}
      />,
    );
  });
  for (const path of ["/:province/plans/:plan/objectives", "/:province/plans/:plan/objectives/:objective"]) {
    app.post<{ Params: Params }>(path, async (request, reply) => {
      const { plan } = await load(request);
      const objectiveId = request.params.objective ? idOf(request.params.objective) : null;
      return handleForm(request, reply, {
        run: () =>
          saveObjective({ ctx: request.serviceContext(), planId: plan.id, objectiveId, form: request.body }),
        onSuccess: backToPlan(request, reply, "objectives"),
        renderInvalid: (form) => <ObjectiveFormPage plan={plan} objectiveId={objectiveId} form={form} />,
      });
    });
  }
  app.post<{ Params: Params }>(
    "/:province/plans/:plan/objectives/:objective/delete",
    async (request, reply) => {
      await deleteObjective({
        ctx: request.serviceContext(),
        planId: idOf(request.params.plan),
        objectiveId: idOf(request.params.objective),
      });
      return backToPlan(request, reply, "objectives")();
    },
  );

  const targetValues = (plan: PlanDetail, targetId: number): Record<string, string> => {
    const target = plan.objectives
      .flatMap((objective) => objective.targets)
      .find((item) => item.id === targetId);
    if (!target) return {};
    return {
      code: target.code,
      description: target.description,
      valueText: target.valueText ?? "",
      value: target.value === null ? "" : String(target.value).replace(".", ","),
      unit: target.unit ?? "",
      comparator: target.comparator ?? "",
      targetYear: target.targetYear ? String(target.targetYear) : "",
    };
  };
  app.get<{ Params: Params }>(
    "/:province/plans/:plan/objectives/:objective/targets/new",
    async (request, reply) => {
      const { plan } = await load(request);
      return reply.render(
        <TargetFormPage
          plan={plan}
          objectiveId={idOf(request.params.objective)}
          targetId={null}
          form={emptyForm({ targetYear: String(plan.periodEnd) })}
        />,
      );
    },
  );
  app.get<{ Params: Params }>(
    "/:province/plans/:plan/objectives/:objective/targets/:item",
    async (request, reply) => {
      const { plan } = await load(request);
      const targetId = idOf(request.params.item);
      return reply.render(
        <TargetFormPage
          plan={plan}
          objectiveId={idOf(request.params.objective)}
          targetId={targetId}
          form={emptyForm(targetValues(plan, targetId))}
        />,
      );
    },
  );
  for (const path of [
    "/:province/plans/:plan/objectives/:objective/targets",
    "/:province/plans/:plan/objectives/:objective/targets/:item",
  ]) {
    app.post<{ Params: Params }>(path, async (request, reply) => {
      const { plan } = await load(request);
      const objectiveId = idOf(request.params.objective);
      const targetId = request.params.item ? idOf(request.params.item) : null;
      return handleForm(request, reply, {
        run: () =>
          saveTarget({
            ctx: request.serviceContext(),
            planId: plan.id,
            objectiveId,
            targetId,
            form: request.body,
          }),
        onSuccess: backToPlan(request, reply, "objectives"),
        renderInvalid: (form) => (
          <TargetFormPage plan={plan} objectiveId={objectiveId} targetId={targetId} form={form} />
        ),
      });
    });
  }
  app.post<{ Params: Params }>("/:province/plans/:plan/targets/:item/delete", async (request, reply) => {
    await deleteTarget({
      ctx: request.serviceContext(),
      planId: idOf(request.params.plan),
      targetId: idOf(request.params.item),
    });
    return backToPlan(request, reply, "objectives")();
  });
}

function selectedIds(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : value ? [value] : []).map(String);
}

function registerActivityRoutes(app: FastifyInstance) {
  const load = (request: PlanRequest) =>
    getPlanForEdit({ ctx: request.serviceContext(), planId: idOf(request.params.plan) });
  app.get<{ Params: Params }>("/:province/plans/:plan/activities/new", async (request, reply) => {
    const { plan, units } = await load(request);
    return reply.render(
      <ActivityFormPage
        plan={plan}
        activityId={null}
        form={emptyForm()}
        units={units}
        selected={{ lead: [], coordinating: [] }}
      />,
    );
  });
  app.get<{ Params: Params }>("/:province/plans/:plan/activities/:item", async (request, reply) => {
    const { plan, units } = await load(request);
    const activity = plan.activities.find((item) => item.id === idOf(request.params.item));
    const idByCode = new Map(units.map((unit) => [unit.code, String(unit.id)]));
    const values: Record<string, string> = activity
      ? { number: activity.number, title: activity.title, description: activity.description }
      : {};
    const selected = {
      lead: (activity?.leadUnitCodes ?? []).map((code) => idByCode.get(code) ?? ""),
      coordinating: (activity?.coordinatingUnitCodes ?? []).map((code) => idByCode.get(code) ?? ""),
    };
    return reply.render(
      <ActivityFormPage
        plan={plan}
        activityId={activity?.id ?? null}
        form={emptyForm(values)}
        units={units}
        selected={selected}
      />,
    );
  });
  for (const path of ["/:province/plans/:plan/activities", "/:province/plans/:plan/activities/:item"]) {
    app.post<{ Params: Params }>(path, async (request, reply) => {
      const { plan, units } = await load(request);
      const activityId = request.params.item ? idOf(request.params.item) : null;
      return handleForm(request, reply, {
        run: () =>
          saveActivity({ ctx: request.serviceContext(), planId: plan.id, activityId, form: request.body }),
        onSuccess: backToPlan(request, reply, "activities"),
        renderInvalid: (form) => (
          <ActivityFormPage
            plan={plan}
            activityId={activityId}
            form={form}
            units={units}
            selected={{
              lead: selectedIds(request.body, "leadUnitIds"),
              coordinating: selectedIds(request.body, "coordinatingUnitIds"),
            }}
          />
        ),
      });
    });
  }
  app.post<{ Params: Params }>("/:province/plans/:plan/activities/:item/delete", async (request, reply) => {
    await deleteActivity({
      ctx: request.serviceContext(),
      planId: idOf(request.params.plan),
      activityId: idOf(request.params.item),
    });
    return backToPlan(request, reply, "activities")();
  });
}

function registerBudgetLineRoutes(app: FastifyInstance) {
  const load = (request: PlanRequest) =>
    getPlanForEdit({ ctx: request.serviceContext(), planId: idOf(request.params.plan) });
  app.get<{ Params: Params }>("/:province/plans/:plan/budget-lines/new", async (request, reply) => {
    const { plan } = await load(request);
    return reply.render(
      <BudgetLineFormPage
        plan={plan}
        lineId={null}
        form={emptyForm({ source: "provincial" })}
        activities={plan.activities}
      />,
    );
  });
  app.get<{ Params: Params }>("/:province/plans/:plan/budget-lines/:item", async (request, reply) => {
    const { plan } = await load(request);
    const line = plan.budgetLines.find((item) => item.id === idOf(request.params.item));
    const activityId = plan.activities.find((activity) => activity.number === line?.activityNumber)?.id;
    const values: Record<string, string> = line
      ? {
          activityId: activityId ? String(activityId) : "",
          year: line.year ? String(line.year) : "",
          source: line.source,
          amount: formatPlanAmount(plan, line.amountDong),
          label: line.label ?? "",
        }
      : {};
    return reply.render(
      <BudgetLineFormPage
        plan={plan}
        lineId={line?.id ?? null}
        form={emptyForm(values)}
        activities={plan.activities}
      />,
    );
  });
  for (const path of ["/:province/plans/:plan/budget-lines", "/:province/plans/:plan/budget-lines/:item"]) {
    app.post<{ Params: Params }>(path, async (request, reply) => {
      const { plan } = await load(request);
      const lineId = request.params.item ? idOf(request.params.item) : null;
      return handleForm(request, reply, {
        run: () =>
          saveBudgetLine({ ctx: request.serviceContext(), planId: plan.id, lineId, form: request.body }),
        onSuccess: backToPlan(request, reply, "budget"),
        renderInvalid: (form) => (
          <BudgetLineFormPage plan={plan} lineId={lineId} form={form} activities={plan.activities} />
        ),
      });
    });
  }
  app.post<{ Params: Params }>("/:province/plans/:plan/budget-lines/:item/delete", async (request, reply) => {
    await deleteBudgetLine({
      ctx: request.serviceContext(),
      planId: idOf(request.params.plan),
      lineId: idOf(request.params.item),
    });
    return backToPlan(request, reply, "budget")();
  });
}
