import type { FastifyInstance } from "fastify";
import { catalogueApiRoutes } from "./catalogue/api-routes.ts";
import { catalogueOwnerRoutes } from "./catalogue/owner-routes.tsx";
import { cataloguePublicRoutes } from "./catalogue/public-routes.tsx";

/** Storefronts and products: the floor's home, owners' pages, public pages and the read API. */
export async function catalogueRoutes(app: FastifyInstance) {
  await app.register(cataloguePublicRoutes);
  await app.register(catalogueOwnerRoutes);
  await app.register(catalogueApiRoutes);
}
