import type { FastifyInstance } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { emptyForm } from "../../views/components.tsx";
import { formatPlanAmount } from "./budget-table.ts";
import {
  deleteActivity,
  deleteBudgetLine,
  deleteObjective,
  deleteTarget,
  getPlanForEdit,
  saveActivity,
  saveBudgetLine,
  saveObjective,
  saveTarget,
} from "./index.ts";
import type { PlanDetail } from "./plan-detail.ts";
import { backToPlan, type PlanParams, type PlanRequest } from "./route-helpers.ts";
import {
  ActivityFormPage,
  BudgetLineFormPage,
  ObjectiveFormPage,
  TargetFormPage,
} from "./views/plan-forms.tsx";

/** Forms that add, change and delete a plan's objectives, targets, activities and budget lines. */
export async function planItemRoutes(app: FastifyInstance) {
  registerObjectiveRoutes(app);
  registerActivityRoutes(app);
  registerBudgetLineRoutes(app);
}

function registerObjectiveRoutes(app: FastifyInstance) {
  const load = (request: PlanRequest) =>
    getPlanForEdit({ ctx: request.serviceContext(), planId: idFromParam(request.params.plan) });
  const objectiveValues = (plan: PlanDetail, objectiveId: number): Record<string, string> => {
    const objective = plan.objectives.find((item) => item.id === objectiveId);
    return objective ? { code: objective.code, title: objective.title } : {};
  };

  app.get<{ Params: PlanParams }>("/:province/plans/:plan/objectives/new", async (request, reply) => {
    const { plan } = await load(request);
    return reply.render(<ObjectiveFormPage plan={plan} objectiveId={null} form={emptyForm()} />);
  });
  app.get<{ Params: PlanParams }>("/:province/plans/:plan/objectives/:objective", async (request, reply) => {
    const { plan } = await load(request);
    const objectiveId = idFromParam(request.params.objective);
    return reply.render(
      <ObjectiveFormPage
        plan={plan}
        objectiveId={objectiveId}
        form={emptyForm(objectiveValues(plan, objectiveId))}
      />,
    );
  });
  for (const path of ["/:province/plans/:plan/objectives", "/:province/plans/:plan/objectives/:objective"]) {
    app.post<{ Params: PlanParams }>(path, async (request, reply) => {
      const objectiveId = request.params.objective ? idFromParam(request.params.objective) : null;
      return handleForm(request, reply, {
        run: () =>
          saveObjective({
            ctx: request.serviceContext(),
            planId: idFromParam(request.params.plan),
            objectiveId,
            form: request.body,
          }),
        onSuccess: backToPlan(request, reply, "objectives"),
        renderInvalid: async (form) => {
          const { plan } = await load(request);
          return <ObjectiveFormPage plan={plan} objectiveId={objectiveId} form={form} />;
        },
      });
    });
  }
  app.post<{ Params: PlanParams }>(
    "/:province/plans/:plan/objectives/:objective/delete",
    async (request, reply) => {
      await deleteObjective({
        ctx: request.serviceContext(),
        planId: idFromParam(request.params.plan),
        objectiveId: idFromParam(request.params.objective),
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
  app.get<{ Params: PlanParams }>(
    "/:province/plans/:plan/objectives/:objective/targets/new",
    async (request, reply) => {
      const { plan } = await load(request);
      return reply.render(
        <TargetFormPage
          plan={plan}
          objectiveId={idFromParam(request.params.objective)}
          targetId={null}
          form={emptyForm({ targetYear: String(plan.periodEnd) })}
        />,
      );
    },
  );
  app.get<{ Params: PlanParams }>(
    "/:province/plans/:plan/objectives/:objective/targets/:item",
    async (request, reply) => {
      const { plan } = await load(request);
      const targetId = idFromParam(request.params.item);
      return reply.render(
        <TargetFormPage
          plan={plan}
          objectiveId={idFromParam(request.params.objective)}
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
    app.post<{ Params: PlanParams }>(path, async (request, reply) => {
      const objectiveId = idFromParam(request.params.objective);
      const targetId = request.params.item ? idFromParam(request.params.item) : null;
      return handleForm(request, reply, {
        run: () =>
          saveTarget({
            ctx: request.serviceContext(),
            planId: idFromParam(request.params.plan),
            objectiveId,
            targetId,
            form: request.body,
          }),
        onSuccess: backToPlan(request, reply, "objectives"),
        renderInvalid: async (form) => {
          const { plan } = await load(request);
          return <TargetFormPage plan={plan} objectiveId={objectiveId} targetId={targetId} form={form} />;
        },
      });
    });
  }
  app.post<{ Params: PlanParams }>("/:province/plans/:plan/targets/:item/delete", async (request, reply) => {
    await deleteTarget({
      ctx: request.serviceContext(),
      planId: idFromParam(request.params.plan),
      targetId: idFromParam(request.params.item),
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
    getPlanForEdit({ ctx: request.serviceContext(), planId: idFromParam(request.params.plan) });
  app.get<{ Params: PlanParams }>("/:province/plans/:plan/activities/new", async (request, reply) => {
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
  app.get<{ Params: PlanParams }>("/:province/plans/:plan/activities/:item", async (request, reply) => {
    const { plan, units } = await load(request);
    const activity = plan.activities.find((item) => item.id === idFromParam(request.params.item));
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
    app.post<{ Params: PlanParams }>(path, async (request, reply) => {
      const activityId = request.params.item ? idFromParam(request.params.item) : null;
      return handleForm(request, reply, {
        run: () =>
          saveActivity({
            ctx: request.serviceContext(),
            planId: idFromParam(request.params.plan),
            activityId,
            form: request.body,
          }),
        onSuccess: backToPlan(request, reply, "activities"),
        renderInvalid: async (form) => {
          const { plan, units } = await load(request);
          return (
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
          );
        },
      });
    });
  }
  app.post<{ Params: PlanParams }>(
    "/:province/plans/:plan/activities/:item/delete",
    async (request, reply) => {
      await deleteActivity({
        ctx: request.serviceContext(),
        planId: idFromParam(request.params.plan),
        activityId: idFromParam(request.params.item),
      });
      return backToPlan(request, reply, "activities")();
    },
  );
}

function registerBudgetLineRoutes(app: FastifyInstance) {
  const load = (request: PlanRequest) =>
    getPlanForEdit({ ctx: request.serviceContext(), planId: idFromParam(request.params.plan) });
  app.get<{ Params: PlanParams }>("/:province/plans/:plan/budget-lines/new", async (request, reply) => {
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
  app.get<{ Params: PlanParams }>("/:province/plans/:plan/budget-lines/:item", async (request, reply) => {
    const { plan } = await load(request);
    const line = plan.budgetLines.find((item) => item.id === idFromParam(request.params.item));
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
    app.post<{ Params: PlanParams }>(path, async (request, reply) => {
      const lineId = request.params.item ? idFromParam(request.params.item) : null;
      return handleForm(request, reply, {
        run: () =>
          saveBudgetLine({
            ctx: request.serviceContext(),
            planId: idFromParam(request.params.plan),
            lineId,
            form: request.body,
          }),
        onSuccess: backToPlan(request, reply, "budget"),
        renderInvalid: async (form) => {
          const { plan } = await load(request);
          return <BudgetLineFormPage plan={plan} lineId={lineId} form={form} activities={plan.activities} />;
        },
      });
    });
  }
  app.post<{ Params: PlanParams }>(
    "/:province/plans/:plan/budget-lines/:item/delete",
    async (request, reply) => {
      await deleteBudgetLine({
        ctx: request.serviceContext(),
        planId: idFromParam(request.params.plan),
        lineId: idFromParam(request.params.item),
      });
      return backToPlan(request, reply, "budget")();
    },
  );
}
