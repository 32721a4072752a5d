import type { FastifyInstance } from "fastify";

/** The one-stop shop: officer inbox, dossier actions, forms 02–06, holiday table and settings. */
export async function processingRoutes(_app: FastifyInstance) {}
