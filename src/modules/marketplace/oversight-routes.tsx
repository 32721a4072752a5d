import type { FastifyInstance } from "fastify";

export async function oversightRoutes(_app: FastifyInstance) {}
