import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../../../test/helpers/database.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { listProvinces } from "./queries.ts";
import { loadReferenceProvinces } from "./services/load-reference-provinces.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

test("reference provinces load idempotently with the 2025 mapping", async () => {
  expect((await loadReferenceProvinces(database.db)).inserted).toBe(97);
  expect((await loadReferenceProvinces(database.db)).inserted).toBe(0);
  const provinces = await listProvinces(database.db);
  const brvt = provinces.find((p) => p.slug === "ba-ria-vung-tau");
  expect(brvt?.successor?.name).toBe("Hồ Chí Minh");
  const hcm = provinces.find((p) => p.slug === "ho-chi-minh");
  expect(hcm?.formerProvinces.map((p) => p.name).sort()).toEqual(
    ["Bà Rịa – Vũng Tàu", "Bình Dương", "Hồ Chí Minh"].sort(),
  );
});
