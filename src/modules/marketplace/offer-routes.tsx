import type { FastifyInstance } from "fastify";
import { inquiryRoutes } from "./inquiries/routes.tsx";
import { offerApiRoutes } from "./offers/api-routes.ts";
import { setMarketplaceLinkSecret, setMarketplacePublicUrl } from "./offers/links.ts";
import { offerPageRoutes } from "./offers/routes.tsx";
import { opportunityRoutes } from "./opportunities/routes.tsx";

/** Offers, quotes and matching; inquiries; trade opportunities (daily page and digest subscriptions). */
export async function offerRoutes(app: FastifyInstance) {
  // Mail written outside a request (matching, digests) needs the public address for its links.
  setMarketplacePublicUrl(app.config.publicUrl);
  // Inquiry threads' private links are derived with the installation's secret (see threadToken).
  setMarketplaceLinkSecret(app.config.sessionSecret);
  await app.register(offerPageRoutes);
  await app.register(offerApiRoutes);
  await app.register(inquiryRoutes);
  await app.register(opportunityRoutes);
}
