import type { FastifyInstance } from "fastify";

export async function enterpriseRoutes(_app: FastifyInstance) {}
