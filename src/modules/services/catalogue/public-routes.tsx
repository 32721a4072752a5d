import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../../platform/errors.ts";
import { pageFromQuery } from "../../../platform/http/forms.ts";
import {
  CATALOGUE_PAGE_SIZE,
  findProcedureByCode,
  listCatalogue,
  loadCatalogueFacets,
  loadUnitNames,
  readCatalogueFilters,
} from "./queries.ts";
import { CataloguePage } from "./views/catalogue-page.tsx";
import { ProcedurePage } from "./views/procedure-page.tsx";

/** `/{slug}/services` and `/{slug}/services/{code}`: the public catalogue (read-only, no sign-in). */
export async function cataloguePublicRoutes(app: FastifyInstance) {
  app.get<{ Params: { province: string }; Querystring: Record<string, string | undefined> }>(
    "/:province/services",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const filters = readCatalogueFilters(request.query);
      const { page } = pageFromQuery(request.query, CATALOGUE_PAGE_SIZE);
      const [result, facets, units] = await Promise.all([
        listCatalogue(ctx.db, ctx.province.scopeIds, filters, page),
        loadCatalogueFacets(ctx.db, ctx.province.scopeIds),
        loadUnitNames(ctx.db, ctx.province.scopeIds),
      ]);
      return reply.render(<CataloguePage result={result} filters={filters} facets={facets} units={units} />);
    },
  );

  app.get<{ Params: { province: string; code: string } }>(
    "/:province/services/:code",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const detail = await findProcedureByCode(ctx.db, ctx.province, request.params.code);
      if (!detail) throw new NotFoundError("services.catalogue.notFound", { code: request.params.code });
      const units = await loadUnitNames(ctx.db, ctx.province.scopeIds);
      return reply.render(<ProcedurePage detail={detail} units={units} />);
    },
  );
}
