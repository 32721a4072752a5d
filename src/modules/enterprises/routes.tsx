import type { FastifyInstance } from "fastify";
import { enterpriseAdminRoutes } from "./admin-routes.tsx";
import { enterpriseApiRoutes } from "./api-routes.ts";
import { exporterRoutes } from "./exporter-routes.tsx";
import { enterpriseImportRoutes } from "./import-routes.tsx";
import { myEnterpriseRoutes } from "./my-routes.tsx";

/** The enterprise registry: representatives' pages, officers' pages and import, exporters' directory, JSON API. */
export async function enterpriseRoutes(app: FastifyInstance) {
  await app.register(myEnterpriseRoutes);
  await app.register(enterpriseAdminRoutes);
  await app.register(enterpriseImportRoutes);
  await app.register(exporterRoutes);
  await app.register(enterpriseApiRoutes);
}
