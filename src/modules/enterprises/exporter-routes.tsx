import type { FastifyInstance } from "fastify";
import { pageFromQuery } from "../../platform/http/forms.ts";
import { hsChapterName, namedHsChapters } from "../marketplace/hs-code.ts";
import { EXPORTERS_PAGE_SIZE, listAllExporters, listExporters, readExporterFilters } from "./exporters.ts";
import { ExportersPage } from "./views/exporters-page.tsx";

type Query = Record<string, string | undefined>;

/** exceljs weighs several megabytes: loaded on the first XLSX download only. */
const loadFiles = () => import("./export/exporter-files.ts");

export async function exporterRoutes(app: FastifyInstance) {
  const chapters = namedHsChapters.map((chapter) => ({
    chapter,
    name: hsChapterName(chapter)?.en ?? chapter,
  }));

  app.get<{ Querystring: Query }>("/:province/exporters", async (request, reply) => {
    const ctx = request.serviceContext();
    const filters = readExporterFilters(request.query);
    const { page } = pageFromQuery(request.query, EXPORTERS_PAGE_SIZE);
    const result = await listExporters(ctx.db, ctx.province, filters, page);
    return reply.render(<ExportersPage result={result} filters={filters} chapters={chapters} />);
  });

  app.get<{ Querystring: Query }>("/:province/exporters.csv", async (request, reply) => {
    const ctx = request.serviceContext();
    const entries = await listAllExporters(ctx.db, ctx.province, readExporterFilters(request.query));
    const { exportersCsv } = await loadFiles();
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="exporters-${ctx.province.slug}.csv"`)
      .send(exportersCsv(entries));
  });

  app.get<{ Querystring: Query }>("/:province/exporters.xlsx", async (request, reply) => {
    const ctx = request.serviceContext();
    const entries = await listAllExporters(ctx.db, ctx.province, readExporterFilters(request.query));
    const { exportersXlsx } = await loadFiles();
    const bytes = await exportersXlsx(entries, `Exporters of ${ctx.province.name}`);
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="exporters-${ctx.province.slug}.xlsx"`)
      .send(bytes);
  });
}
