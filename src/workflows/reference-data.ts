import type { Executor } from "../db/client.ts";
import { loadReferenceProvinces } from "../modules/geo/index.ts";
import { loadCategories } from "../modules/marketplace/services/load-categories.ts";

/** Reference data every installation ships, loaded (idempotently) at every start: provinces and categories. */
export async function loadReferenceData(db: Executor): Promise<void> {
  await loadReferenceProvinces(db);
  await loadCategories(db);
}
