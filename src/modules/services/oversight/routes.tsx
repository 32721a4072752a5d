import type { FastifyInstance } from "fastify";
import { dashboardRoutes } from "./dashboard/routes.tsx";
import { lookupApiRoutes } from "./lookup/api-routes.ts";
import { lookupRoutes } from "./lookup/routes.tsx";
import { ratingRoutes } from "./rating/routes.tsx";

/** Public lookup with the status timeline, ratings, and the Decision 766 dashboard. */
export async function oversightRoutes(app: FastifyInstance) {
  await app.register(lookupRoutes);
  await app.register(lookupApiRoutes);
  await app.register(ratingRoutes);
  await app.register(dashboardRoutes);
}
