import type { Executor } from "../../db/client.ts";
import { listCommunesOf, listCurrentProvinces } from "./queries.ts";
import type { PlaceOptions } from "./views/profile-fields.tsx";

/** Provinces to choose from and the communes of the chosen one (the form shows them without JavaScript). */
export async function loadPlaces(db: Executor, provinceId: number | null): Promise<PlaceOptions> {
  return {
    provinces: await listCurrentProvinces(db),
    communes: provinceId ? await listCommunesOf(db, provinceId) : [],
  };
}

export function chosenProvinceId(values: Record<string, string>, fallback: number | null): number | null {
  const chosen = Number(values.addressProvinceId);
  return Number.isInteger(chosen) && chosen > 0 ? chosen : fallback;
}
