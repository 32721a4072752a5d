import { eq } from "drizzle-orm";
import type { Database, Executor } from "../db/client.ts";
import {
  findProvinceBySlug,
  findProvinceIdsByGsoCodes,
  hostProvince,
  importDemoCommunes,
} from "../modules/geo/index.ts";
import { findUserByEmail, insertUser, type Role, upsertUnits } from "../modules/identity/index.ts";
import { insertPlanDocument, seedPlans } from "../modules/plans/index.ts";
import { seedProcedureCatalogue } from "../modules/services/catalogue/index.ts";
import { appMeta } from "../platform/schema.ts";
import { loadFloorDemoData } from "./floor-demo-data.ts";
import { loadDemoDossiers } from "./services-demo-dossiers.ts";

/** Bump when the demo data changes shape; an installation seeded with an older version is left alone. */
const demoVersion = "1";
const demoMetaKey = "demo-data-version";
/**
 * The trading floor's demo (enterprises, storefronts, products, offers) has a mark of its own, so a demo
 * installation seeded before the floor existed gets it once on its next start, and a fresh one gets it with the rest.
 */
const floorDemoVersion = "1";
const floorDemoMetaKey = "floor-demo-data-version";
/** The one-stop shop's demo (units, officers, the procedure catalogue, a year of dossiers) is marked on its own too. */
const servicesDemoVersion = "1";
const servicesDemoMetaKey = "services-demo-data-version";
/**
 * The year of demo dossiers is loaded by the server and the CLI's `seed`, not with every test database: the
 * dashboards need it, the tests build their own dossiers.
 */
const demoDossiersVersion = "1";
const demoDossiersMetaKey = "services-demo-dossiers-version";

export const demoPassword = "demo-tmdt-2025";
export const demoProvinceSlugs = ["ba-ria-vung-tau", "dong-thap"] as const;

/** Units the current Đồng Tháp portal starts with (after the 2025 reorganisation of provincial agencies). */
const currentDongThapUnits = [
  {
    code: "SCT",
    name: "Sở Công Thương",
    nameEn: "Department of Industry and Trade",
    kind: "provincial" as const,
  },
  {
    code: "SKHCN",
    name: "Sở Khoa học và Công nghệ",
    nameEn: "Department of Science and Technology",
    kind: "provincial" as const,
  },
  { code: "STC", name: "Sở Tài chính", nameEn: "Department of Finance", kind: "provincial" as const },
  {
    code: "TTXTTMDT",
    name: "Trung tâm Xúc tiến Thương mại và Đầu tư",
    nameEn: "Trade and Investment Promotion Centre",
    kind: "provincial" as const,
  },
];

/**
 * The Department's own units for the one-stop shop: the one-stop section receives and returns, the two
 * specialised offices process (trade; industrial safety and environment), the directorate (SCT) signs.
 */
const departmentUnits = [
  {
    code: "SCT-MC",
    name: "Bộ phận Một cửa Sở Công Thương",
    nameEn: "One-stop section, Department of Industry and Trade",
    kind: "provincial" as const,
  },
  {
    code: "SCT-QLTM",
    name: "Phòng Quản lý Thương mại",
    nameEn: "Trade Management Office",
    kind: "provincial" as const,
  },
  {
    code: "SCT-KTAT",
    name: "Phòng Kỹ thuật an toàn – Môi trường",
    nameEn: "Industrial Safety and Environment Office",
    kind: "provincial" as const,
  },
];

const demoRoles: { local: string; fullName: string; roles: Role[]; unitCode: string | null }[] = [
  {
    local: "quantri",
    fullName: "Quản trị viên Sở Công Thương",
    roles: ["admin", "officer"],
    unitCode: "SCT",
  },
  { local: "canbo", fullName: "Nguyễn Thị Thu (cán bộ)", roles: ["officer"], unitCode: "SCT" },
  { local: "lanhdao", fullName: "Trần Văn Minh (lãnh đạo)", roles: ["leader"], unitCode: "SCT" },
  { local: "doanhnghiep", fullName: "Lê Hoàng Nam (doanh nghiệp)", roles: ["enterprise"], unitCode: null },
  { local: "congdan", fullName: "Phạm Thị Lan (công dân)", roles: ["citizen"], unitCode: null },
  { local: "motcua", fullName: "Võ Thị Hồng (một cửa)", roles: ["officer"], unitCode: "SCT-MC" },
  {
    local: "thuongmai",
    fullName: "Đặng Quốc Bảo (quản lý thương mại)",
    roles: ["officer"],
    unitCode: "SCT-QLTM",
  },
  {
    local: "kythuat",
    fullName: "Huỳnh Minh Tâm (kỹ thuật an toàn)",
    roles: ["officer"],
    unitCode: "SCT-KTAT",
  },
];

export type DemoAccount = { province: string; email: string; roles: Role[] };

export function demoAccounts(): DemoAccount[] {
  return demoProvinceSlugs.flatMap((province) =>
    demoRoles.map((account) => ({
      province,
      email: `${account.local}@${province}.demo`,
      roles: account.roles,
    })),
  );
}

/**
 * Loads the demo once: hosts the seed provinces, their units and demo accounts, the three seed plans and the
 * communes the demo needs. Idempotent: a second run sees the version mark and changes nothing.
 */
export async function loadDemoData(database: Database): Promise<{ loaded: boolean }> {
  const [mark] = await database.select().from(appMeta).where(eq(appMeta.key, demoMetaKey));
  if (mark) {
    const floor = await loadFloorDemoOnce(database);
    const services = await loadServicesDemoOnce(database);
    return { loaded: floor.loaded || services.loaded };
  }
  await database.transaction(async (tx) => {
    const provinceIds = new Map<string, number>();
    for (const slug of demoProvinceSlugs)
      provinceIds.set(slug, await hostProvince(tx, { slug, actorUserId: null }));
    const issuingProvinces = await findProvinceIdsByGsoCodes(
      tx,
      seedPlans.map((plan) => plan.provinceCode ?? ""),
    );
    for (const document of seedPlans) {
      const provinceId = issuingProvinces.get(document.provinceCode ?? "");
      if (provinceId === undefined)
        throw new Error(`Seed plan ${document.slug} names unknown province ${document.provinceCode}`);
      await insertPlanDocument(tx, { document, provinceId, actorUserId: null });
    }
    const dongThap = await findProvinceBySlug(tx, "dong-thap");
    await upsertUnits(tx, { provinceId: dongThap!.id, units: currentDongThapUnits, actorUserId: null });
    for (const slug of demoProvinceSlugs) {
      const provinceId = provinceIds.get(slug)!;
      const unitIds = await upsertUnits(tx, {
        provinceId,
        units: [...currentDongThapUnits.slice(0, 1), ...departmentUnits],
        actorUserId: null,
      });
      for (const account of demoRoles) {
        await insertUser(tx, {
          provinceId,
          email: `${account.local}@${slug}.demo`,
          fullName: account.fullName,
          phone: null,
          password: demoPassword,
          unitId: account.unitCode ? (unitIds.get(account.unitCode) ?? null) : null,
          roles: account.roles,
        });
      }
    }
    await importDemoCommunes(tx, null);
    await tx.insert(appMeta).values({ key: demoMetaKey, value: demoVersion });
    await loadFloorDemoData(tx);
    await tx.insert(appMeta).values({ key: floorDemoMetaKey, value: floorDemoVersion });
    await loadServicesDemoData(tx);
    await tx.insert(appMeta).values({ key: servicesDemoMetaKey, value: servicesDemoVersion });
  });
  return { loaded: true };
}

/** The floor's demo for an installation whose demo was loaded before the floor existed; nothing when marked. */
async function loadFloorDemoOnce(database: Database): Promise<{ loaded: boolean }> {
  const [mark] = await database.select().from(appMeta).where(eq(appMeta.key, floorDemoMetaKey));
  if (mark) return { loaded: false };
  await database.transaction(async (tx) => {
    await loadFloorDemoData(tx);
    await tx.insert(appMeta).values({ key: floorDemoMetaKey, value: floorDemoVersion });
  });
  return { loaded: true };
}

/** Loads the demo dossiers once (after `loadDemoData`), in one transaction; nothing when already marked. */
export async function loadDemoDossiersOnce(database: Database): Promise<{ loaded: boolean }> {
  const [mark] = await database.select().from(appMeta).where(eq(appMeta.key, demoDossiersMetaKey));
  if (mark) return { loaded: false };
  await database.transaction(async (tx) => {
    for (const slug of demoProvinceSlugs) {
      const province = await findProvinceBySlug(tx, slug);
      if (province) await loadDemoDossiers(tx, { provinceSlug: slug, provinceId: province.id });
    }
    await tx.insert(appMeta).values({ key: demoDossiersMetaKey, value: demoDossiersVersion });
  });
  return { loaded: true };
}

/** The one-stop shop's demo for an installation whose demo was loaded before the services existed. */
async function loadServicesDemoOnce(database: Database): Promise<{ loaded: boolean }> {
  const [mark] = await database.select().from(appMeta).where(eq(appMeta.key, servicesDemoMetaKey));
  if (mark) return { loaded: false };
  await database.transaction(async (tx) => {
    await loadServicesDemoData(tx);
    await tx.insert(appMeta).values({ key: servicesDemoMetaKey, value: servicesDemoVersion });
  });
  return { loaded: true };
}

/**
 * Per demo province: the Department's one-stop units and officers (created when an older demo lacks them), the
 * procedure catalogue (ten Department procedures, and Đồng Tháp's three subsidy programmes), and a year of
 * dossiers driven through the workflow for the dashboards.
 */
async function loadServicesDemoData(tx: Executor): Promise<void> {
  for (const slug of demoProvinceSlugs) {
    const province = await findProvinceBySlug(tx, slug);
    const provinceId = province!.id;
    // The trade promotion centre leads the e-commerce floors programme in the plan, but the demo has no officer
    // there: the trade office stands in (`promotion` left out), so the demo dossiers can be processed end to end.
    const unitIds = await upsertUnits(tx, {
      provinceId,
      units: [...currentDongThapUnits.slice(0, 1), ...departmentUnits],
      actorUserId: null,
    });
    for (const account of demoRoles) {
      const email = `${account.local}@${slug}.demo`;
      if (!account.unitCode?.startsWith("SCT-") || (await findUserByEmail(tx, provinceId, email))) continue;
      await insertUser(tx, {
        provinceId,
        email,
        fullName: account.fullName,
        phone: null,
        password: demoPassword,
        unitId: unitIds.get(account.unitCode) ?? null,
        roles: account.roles,
      });
    }
    await seedProcedureCatalogue(tx, {
      provinceId,
      units: {
        directorate: unitIds.get("SCT")!,
        reception: unitIds.get("SCT-MC")!,
        trade: unitIds.get("SCT-QLTM")!,
        safety: unitIds.get("SCT-KTAT")!,
      },
      actorUserId: null,
    });
  }
}
