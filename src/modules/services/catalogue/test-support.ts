// Test helpers of the catalogue: seed a demo province's catalogue with its demo units.
import { eq } from "drizzle-orm";
import { hostedProvinceOf } from "../../../../test/helpers/services.ts";
import type { Executor } from "../../../db/client.ts";
import { units } from "../../identity/schema.ts";
import { type CatalogueUnits, seedProcedureCatalogue } from "./seed/seed-catalogue.ts";

/** The demo units of a province (SCT, SCT-MC, SCT-QLTM, SCT-KTAT and, in Đồng Tháp, TTXTTMDT). */
export async function demoCatalogueUnits(db: Executor, provinceId: number): Promise<CatalogueUnits> {
  const rows = await db.select().from(units).where(eq(units.provinceId, provinceId));
  const id = (code: string) => rows.find((row) => row.code === code)?.id;
  const required = (code: string) => {
    const value = id(code);
    if (value === undefined) throw new Error(`unit ${code} missing in province ${provinceId}`);
    return value;
  };
  const promotion = id("TTXTTMDT");
  return {
    reception: required("SCT-MC"),
    trade: required("SCT-QLTM"),
    safety: required("SCT-KTAT"),
    directorate: required("SCT"),
    ...(promotion === undefined ? {} : { promotion }),
  };
}

/** Seeds (or, when already seeded, leaves) the catalogue of a demo province; returns what the seeding needed. */
export async function seedDemoCatalogue(db: Executor, slug: string) {
  const province = await hostedProvinceOf(db, slug);
  const catalogueUnits = await demoCatalogueUnits(db, province.id);
  const run = () =>
    db.transaction((tx) =>
      seedProcedureCatalogue(tx, { provinceId: province.id, units: catalogueUnits, actorUserId: null }),
    );
  await run();
  return { province, catalogueUnits, run };
}
