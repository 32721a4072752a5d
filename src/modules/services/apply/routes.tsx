import type { FastifyInstance } from "fastify";

/** Applicants: the online form (drafts, files, check answers, declaration, submission) and their dossiers. */
export async function applyRoutes(_app: FastifyInstance) {}
