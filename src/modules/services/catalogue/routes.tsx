import type { FastifyInstance } from "fastify";
import { catalogueAdminRoutes } from "./admin-routes.tsx";
import { catalogueApiRoutes } from "./api-routes.ts";
import { cataloguePublicRoutes } from "./public-routes.tsx";

/** The public procedure catalogue, its admin pages and its JSON API. */
export async function catalogueRoutes(app: FastifyInstance) {
  await app.register(cataloguePublicRoutes);
  await app.register(catalogueAdminRoutes);
  await app.register(catalogueApiRoutes);
}
