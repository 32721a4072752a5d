import type { FastifyInstance } from "fastify";
import { applyRoutes } from "./apply/routes.tsx";
import { catalogueRoutes } from "./catalogue/routes.tsx";
import { setServicesPublicUrl } from "./dossiers/index.ts";
import { oversightRoutes } from "./oversight/routes.tsx";
import { paymentRoutes } from "./pay/routes.tsx";
import { processingRoutes } from "./processing/routes.tsx";
import { resultRoutes } from "./results/routes.tsx";

/** Online public services: catalogue, submission, one-stop processing, payment, results and oversight. */
export async function serviceRoutes(app: FastifyInstance) {
  setServicesPublicUrl(app.config.publicUrl);
  await app.register(catalogueRoutes);
  await app.register(applyRoutes);
  await app.register(processingRoutes);
  await app.register(paymentRoutes);
  await app.register(resultRoutes);
  await app.register(oversightRoutes);
}
