import type { FastifyInstance } from "fastify";
import { moderationRoutes } from "./moderation/routes.tsx";
import { seoRoutes } from "./seo/routes.ts";
import { floorStatsRoutes } from "./stats/routes.tsx";

/** Officers' oversight of the floor: moderation and reports, floor statistics; and what search engines read. */
export async function oversightRoutes(app: FastifyInstance) {
  await app.register(moderationRoutes);
  await app.register(floorStatsRoutes);
  await app.register(seoRoutes);
}
