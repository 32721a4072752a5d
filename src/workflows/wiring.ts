import { onEnterpriseChanged } from "../modules/enterprises/index.ts";
import { refreshEnterpriseListings } from "../modules/marketplace/search/documents.ts";
import { registerResultListeners } from "../modules/services/results/index.ts";

/**
 * Connects modules that must stay in step without depending on each other: a change in the enterprise
 * registry rewrites the floor's search documents of that enterprise; a dossier approved or rejected gets its
 * signed result in the same transaction. Idempotent; the app and the CLI call it.
 */
export function wireModules(): void {
  onEnterpriseChanged(refreshEnterpriseListings);
  registerResultListeners();
}
