import type { FastifyInstance } from "fastify";
import { dossierRoutes } from "./dossier-routes.tsx";
import { draftRoutes } from "./draft-routes.tsx";

/** Applicants: the online form (drafts, files, check answers, declaration, submission) and their dossiers. */
export async function applyRoutes(app: FastifyInstance) {
  await app.register(draftRoutes);
  await app.register(dossierRoutes);
}
