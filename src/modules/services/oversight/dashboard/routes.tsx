import type { FastifyInstance, FastifyRequest } from "fastify";
import { currentVietnamYear, getServiceDashboard } from "./queries.ts";
import { DashboardPage } from "./views.tsx";

type DashboardRequest = FastifyRequest<{ Params: { province: string }; Querystring: { year?: string } }>;

/** ECharts and exceljs are heavy: loaded on first use, as the floor statistics do. */
const loadExporters = {
  charts: () => import("./charts.ts"),
  xlsx: () => import("./xlsx.ts"),
};

/** `?year=2026`; anything else (or nothing) means this year in Vietnam. */
function yearOf(request: DashboardRequest): number {
  const year = Number(request.query.year);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentVietnamYear();
}

/** Decision 766 dashboard for leadership: `services.oversee` (checked in the query). */
export async function dashboardRoutes(app: FastifyInstance) {
  app.get("/:province/admin/services/dashboard", async (request: DashboardRequest, reply) => {
    const dashboard = await getServiceDashboard({ ctx: request.serviceContext(), year: yearOf(request) });
    const { renderMonthlyChart, renderProcedureChart, renderSatisfactionChart } =
      await loadExporters.charts();
    const charts = {
      monthly: renderMonthlyChart(dashboard, request.t),
      procedures: renderProcedureChart(dashboard, request.t, request.locale),
      satisfaction: renderSatisfactionChart(dashboard, request.t),
    };
    return reply.render(<DashboardPage dashboard={dashboard} charts={charts} />);
  });

  app.get("/:province/admin/services/dashboard.xlsx", async (request: DashboardRequest, reply) => {
    const ctx = request.serviceContext();
    const dashboard = await getServiceDashboard({ ctx, year: yearOf(request) });
    const { exportDashboardXlsx } = await loadExporters.xlsx();
    const bytes = await exportDashboardXlsx(dashboard, request.t, request.locale, ctx.province.name);
    const name = `dich-vu-cong-${ctx.province.slug}-${dashboard.year}.xlsx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(bytes);
  });
}
