import type { FastifyInstance } from "fastify";

export async function offerRoutes(_app: FastifyInstance) {}
