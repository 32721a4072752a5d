import type { FastifyInstance } from "fastify";

/** Signed results: download, public verification, the Department's signing certificate. */
export async function resultRoutes(_app: FastifyInstance) {}
