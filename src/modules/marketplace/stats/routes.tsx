import type { FastifyInstance, FastifyRequest } from "fastify";
import { getFloorStats } from "./queries.ts";
import { FloorStatsPage } from "./views.tsx";

type StatsRequest = FastifyRequest<{ Params: { province: string }; Querystring: { year?: string } }>;

/** ECharts and exceljs are heavy: loaded on first use, as the plans module does. */
const loadExporters = {
  charts: () => import("./charts.ts"),
  xlsx: () => import("./xlsx.ts"),
};

/** `?year=2025` picks a calendar year; anything else (or nothing) means the last twelve months. */
function yearOf(request: StatsRequest): number | null {
  const year = Number(request.query.year);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

export async function floorStatsRoutes(app: FastifyInstance) {
  app.get("/:province/admin/floor-stats", async (request: StatsRequest, reply) => {
    const year = yearOf(request);
    const stats = await getFloorStats({ ctx: request.serviceContext(), year });
    const { renderCategoryChart, renderMonthlyChart, renderOcopChart } = await loadExporters.charts();
    const charts = {
      categories: renderCategoryChart(stats, request.t, request.locale),
      monthly: renderMonthlyChart(stats, request.t),
      ocop: renderOcopChart(stats, request.t),
    };
    return reply.render(<FloorStatsPage stats={stats} charts={charts} selectedYear={year} />);
  });

  app.get("/:province/admin/floor-stats.xlsx", async (request: StatsRequest, reply) => {
    const year = yearOf(request);
    const ctx = request.serviceContext();
    const stats = await getFloorStats({ ctx, year });
    const { exportFloorStatsXlsx } = await loadExporters.xlsx();
    const bytes = await exportFloorStatsXlsx(stats, request.t, request.locale, ctx.province.name);
    const name = `thong-ke-san-${ctx.province.slug}-${year ?? "12-thang"}.xlsx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(bytes);
  });
}
