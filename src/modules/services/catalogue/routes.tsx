import type { FastifyInstance } from "fastify";

/** The public procedure catalogue, its admin pages and its JSON API. */
export async function catalogueRoutes(_app: FastifyInstance) {}
