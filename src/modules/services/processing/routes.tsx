import type { FastifyInstance } from "fastify";
import { staffDossierRoutes } from "./dossier/dossier-routes.tsx";
import { formRoutes } from "./forms/form-routes.ts";
import { holidayRoutes } from "./holidays/holiday-routes.tsx";
import { inboxRoutes } from "./inbox/inbox-routes.tsx";
import { registerRoutes } from "./register/register-routes.tsx";
import { settingsRoutes } from "./settings/settings-routes.tsx";

/** The one-stop shop: officer inbox, dossier actions, forms 02–06, the register (form 07), holiday table and settings. */
export async function processingRoutes(app: FastifyInstance) {
  await app.register(inboxRoutes);
  await app.register(staffDossierRoutes);
  await app.register(formRoutes);
  await app.register(holidayRoutes);
  await app.register(settingsRoutes);
  await app.register(registerRoutes);
}
