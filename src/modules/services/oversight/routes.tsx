import type { FastifyInstance } from "fastify";

/** Public lookup with the status timeline, ratings, and the Decision 766 dashboard. */
export async function oversightRoutes(_app: FastifyInstance) {}
