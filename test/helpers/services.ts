import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../src/db/client.ts";
import { listHostedProvinces } from "../../src/modules/geo/index.ts";
import { units, userRoles, users } from "../../src/modules/identity/schema.ts";
import { performDossierAction } from "../../src/modules/services/dossiers/index.ts";
import {
  dossiers,
  procedureComponents,
  procedures,
  procedureVersions,
} from "../../src/modules/services/schema.ts";
import type { HostedProvince, ServiceContext } from "../../src/platform/request-context.ts";

export type ServiceUnits = { directorate: number; reception: number; trade: number; safety: number };

export async function hostedProvinceOf(db: Executor, slug: string): Promise<HostedProvince> {
  const province = (await listHostedProvinces(db)).find((candidate) => candidate.slug === slug);
  if (!province) throw new Error(`province ${slug} is not hosted`);
  return province;
}

/** The demo one-stop units of a province (SCT directorate, SCT-MC reception, SCT-QLTM trade, SCT-KTAT safety). */
export async function serviceUnitsOf(db: Executor, provinceId: number): Promise<ServiceUnits> {
  const rows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.provinceId, provinceId));
  const byCode = new Map(rows.map((row) => [row.code, row.id]));
  const id = (code: string) => {
    const value = byCode.get(code);
    if (value === undefined) throw new Error(`unit ${code} missing in province ${provinceId}`);
    return value;
  };
  return { directorate: id("SCT"), reception: id("SCT-MC"), trade: id("SCT-QLTM"), safety: id("SCT-KTAT") };
}

/** A service context acting as the account `email` in the province `slug` (what a signed-in request has). */
export async function contextAs(db: Executor, slug: string, email: string | null): Promise<ServiceContext> {
  const province = await hostedProvinceOf(db, slug);
  if (email === null) return { db, actor: null, province };
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`no user ${email}`);
  const roleRows = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, user.id));
  return {
    db,
    province,
    actor: {
      userId: user.id,
      provinceId: user.provinceId,
      unitId: user.unitId,
      fullName: user.fullName,
      email: user.email,
      roles: new Set(roleRows.map((row) => row.role)),
    },
  };
}

export type ServiceFixture = {
  provinceId: number;
  procedureId: number;
  versionId: number;
  requiredComponentId: number;
  optionalComponentId: number;
  units: ServiceUnits;
};

let fixtureCount = 0;

/**
 * A small level-4 procedure: two components (one required), one question, an online fee of 100,000 đ and
 * 5 working days; reception at SCT-MC → appraisal at SCT-QLTM → approval by the SCT directorate.
 */
export async function seedServiceFixture(
  db: Executor,
  slug: string,
  overrides: { code?: string; processingWorkingDays?: number; onlineFeeDong?: number; steps?: number } = {},
): Promise<ServiceFixture> {
  fixtureCount += 1;
  const province = await hostedProvinceOf(db, slug);
  const unitIds = await serviceUnitsOf(db, province.id);
  const code = overrides.code ?? `TEST.${String(fixtureCount).padStart(3, "0")}`;
  const [procedure] = await db.insert(procedures).values({ provinceId: province.id, code }).returning();
  const fee = overrides.onlineFeeDong ?? 100_000;
  const steps = [
    { id: "appraisal", name: "Thẩm định hồ sơ", unitId: String(unitIds.trade), workingDays: 3 },
    { id: "inspection", name: "Kiểm tra kỹ thuật", unitId: String(unitIds.safety), workingDays: 1 },
  ].slice(0, overrides.steps ?? 1);
  const [version] = await db
    .insert(procedureVersions)
    .values({
      procedureId: procedure!.id,
      version: 1,
      name: "Thủ tục thử nghiệm cấp giấy phép",
      nameEn: "Test licensing procedure",
      field: "luu-thong-hang-hoa",
      implementingUnitId: unitIds.directorate,
      level: 4,
      onlineClass: "full",
      applicantKinds: ["enterprise", "citizen"],
      description: "Thủ tục dùng trong kiểm thử.",
      descriptionEn: "A procedure used by tests.",
      workflow: {
        receptionUnitId: String(unitIds.reception),
        steps,
        approvalUnitId: String(unitIds.directorate),
      },
      processingWorkingDays: overrides.processingWorkingDays ?? 5,
      fees: [{ label: "Lệ phí", labelEn: "Fee", amountDong: fee, payableOnline: true }],
      onlineFeeDong: fee,
      legalBasis: ["Nghị định số 105/2017/NĐ-CP"],
      resultType: "licence",
      resultName: "Giấy phép thử nghiệm",
      resultNameEn: "Test licence",
      resultValidityMonths: 60,
      questions: [
        {
          id: "storeAddress",
          kind: "text",
          label: "Địa chỉ cửa hàng",
          labelEn: "Store address",
          required: true,
        },
      ],
      searchText: `thu tuc thu nghiem cap giay phep ${code.toLowerCase()}`,
    })
    .returning();
  await db.update(procedures).set({ currentVersionId: version!.id }).where(eq(procedures.id, procedure!.id));
  const [required, optional] = await db
    .insert(procedureComponents)
    .values([
      {
        versionId: version!.id,
        position: 1,
        name: "Đơn đề nghị cấp giấy phép",
        nameEn: "Application form",
        copyKind: "original",
        required: true,
        templateName: "Mẫu số 01",
      },
      {
        versionId: version!.id,
        position: 2,
        name: "Tài liệu khác",
        nameEn: "Other documents",
        copyKind: "copy",
        required: false,
      },
    ])
    .returning();
  return {
    provinceId: province.id,
    procedureId: procedure!.id,
    versionId: version!.id,
    requiredComponentId: required!.id,
    optionalComponentId: optional!.id,
    units: unitIds,
  };
}

/** A draft dossier of `applicantEmail` (default the demo enterprise representative) under the fixture's procedure. */
export async function createDraftFixture(
  db: Executor,
  fixture: ServiceFixture,
  options: {
    applicantEmail?: string;
    phone?: string;
    taxCode?: string | null;
    channel?: "online" | "counter";
  } = {},
): Promise<number> {
  const email = options.applicantEmail ?? "doanhnghiep@ba-ria-vung-tau.demo";
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`no user ${email}`);
  const [version] = await db
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.id, fixture.versionId));
  const [row] = await db
    .insert(dossiers)
    .values({
      provinceId: fixture.provinceId,
      procedureId: fixture.procedureId,
      procedureVersionId: fixture.versionId,
      applicantUserId: user.id,
      applicantName: user.fullName,
      applicantTaxCode: options.taxCode === undefined ? "0312345675" : options.taxCode,
      applicantPhone: options.phone ?? "0901234567",
      applicantEmail: user.email,
      applicantAddress: "12 Lê Lợi, phường Vũng Tàu",
      answers: { "store-address": "12 Lê Lợi" },
      channel: options.channel ?? "online",
      feeDong: version!.onlineFeeDong,
    })
    .returning({ id: dossiers.id });
  return row!.id;
}

/** Marks a dossier's fee paid (what the payment IPN does), so reception may accept it. */
export async function markPaidFixture(db: Executor, dossierId: number, at = new Date()): Promise<void> {
  await db.update(dossiers).set({ paidAt: at }).where(eq(dossiers.id, dossierId));
}

/** A submitted (and optionally received, paid) dossier, driven through the core like the pages do. */
export async function submitDossierFixture(
  db: Executor,
  fixture: ServiceFixture,
  options: { slug?: string; applicantEmail?: string; receive?: boolean; now?: Date } = {},
): Promise<number> {
  const slug = options.slug ?? "ba-ria-vung-tau";
  const email = options.applicantEmail ?? `doanhnghiep@${slug}.demo`;
  const id = await createDraftFixture(db, fixture, { applicantEmail: email });
  const now = options.now ?? new Date();
  await performDossierAction(await contextAs(db, slug, email), id, { action: "submit" }, { now });
  if (options.receive) {
    await markPaidFixture(db, id, now);
    await performDossierAction(
      await contextAs(db, slug, `motcua@${slug}.demo`),
      id,
      { action: "receive" },
      { now },
    );
  }
  return id;
}
