import { and, asc, count, eq, inArray, max } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import { NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { dossiers, procedures, procedureVersions } from "../../schema.ts";
import {
  findProcedureByCode,
  isProcedureCode,
  listVersions,
  loadUnitNames,
  type ProcedureDetail,
  type ProcedureRow,
  type UnitName,
  type VersionSummary,
} from "../queries.ts";
import { NewProcedureInput, readVersionForm } from "../version-form.ts";
import { storeProcedureVersion } from "./store-version.ts";

export type AdminProcedureItem = {
  code: string;
  kind: ProcedureRow["kind"];
  status: ProcedureRow["status"];
  name: string | null;
  version: number | null;
  versionCount: number;
  updatedAt: Date;
};

/** Every procedure of the portal, retired ones too, with its current version. */
export async function listProceduresForAdmin(ctx: ServiceContext): Promise<AdminProcedureItem[]> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const rows = await ctx.db
    .select({
      code: procedures.code,
      kind: procedures.kind,
      status: procedures.status,
      name: procedureVersions.name,
      version: procedureVersions.version,
      updatedAt: procedures.updatedAt,
      procedureId: procedures.id,
    })
    .from(procedures)
    .leftJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(inArray(procedures.provinceId, [...ctx.province.scopeIds]))
    .orderBy(asc(procedures.status), asc(procedures.kind), asc(procedures.code));
  const counts = new Map(
    rows.length === 0
      ? []
      : (
          await ctx.db
            .select({ procedureId: procedureVersions.procedureId, versions: count() })
            .from(procedureVersions)
            .where(
              inArray(
                procedureVersions.procedureId,
                rows.map((row) => row.procedureId),
              ),
            )
            .groupBy(procedureVersions.procedureId)
        ).map((row) => [row.procedureId, row.versions]),
  );
  return rows.map(({ procedureId, ...row }) => ({ ...row, versionCount: counts.get(procedureId) ?? 0 }));
}

/** A procedure of the portal for its administrator; another portal's procedure is not found. */
async function getManagedProcedure(ctx: ServiceContext, code: string): Promise<ProcedureDetail> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const detail = await findProcedureByCode(ctx.db, ctx.province, code);
  if (!detail) throw new NotFoundError("services.catalogue.notFound", { code });
  return detail;
}

export type AdminProcedureView = ProcedureDetail & {
  versions: (VersionSummary & { dossierCount: number })[];
  units: UnitName[];
};

export async function getProcedureForAdmin(ctx: ServiceContext, code: string): Promise<AdminProcedureView> {
  const detail = await getManagedProcedure(ctx, code);
  const versions = await listVersions(ctx.db, detail.procedure.id);
  const dossierCounts = new Map(
    (
      await ctx.db
        .select({ versionId: dossiers.procedureVersionId, total: count() })
        .from(dossiers)
        .where(eq(dossiers.procedureId, detail.procedure.id))
        .groupBy(dossiers.procedureVersionId)
    ).map((row) => [row.versionId, row.total]),
  );
  const units = [...(await loadUnitNames(ctx.db, ctx.province.scopeIds)).values()];
  return {
    ...detail,
    versions: versions.map((version) => ({ ...version, dossierCount: dossierCounts.get(version.id) ?? 0 })),
    units,
  };
}

/** The portal's units, for the form's choices. */
export async function getUnitChoices(ctx: ServiceContext): Promise<UnitName[]> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  return [...(await loadUnitNames(ctx.db, ctx.province.scopeIds)).values()];
}

async function unitIdsOf(ctx: ServiceContext): Promise<Set<number>> {
  return new Set((await loadUnitNames(ctx.db, ctx.province.scopeIds)).keys());
}

/**
 * Publishes version N+1 of a procedure from the edit form and makes it current. Earlier versions stay as they
 * were: dossiers keep the version they were submitted under. A subsidy's terms and plan line are carried over.
 */
export async function publishProcedureVersion({
  ctx,
  code,
  form,
}: {
  ctx: ServiceContext;
  code: string;
  form: unknown;
}): Promise<{ version: number }> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const current = await getManagedProcedure(ctx, code);
  const draft = readVersionForm((form ?? {}) as Record<string, unknown>, await unitIdsOf(ctx), {
    subsidy: current.version.subsidy ?? null,
    budgetLineId: current.version.budgetLineId,
  });
  return ctx.db.transaction(async (tx) => {
    // The row lock serialises two administrators publishing at once: each gets its own version number.
    await tx
      .select({ id: procedures.id })
      .from(procedures)
      .where(eq(procedures.id, current.procedure.id))
      .for("update");
    const [{ latest } = { latest: 0 }] = await tx
      .select({ latest: max(procedureVersions.version) })
      .from(procedureVersions)
      .where(eq(procedureVersions.procedureId, current.procedure.id));
    const [before] = await tx.select().from(procedures).where(eq(procedures.id, current.procedure.id));
    const stored = await storeProcedureVersion(tx, {
      procedureId: current.procedure.id,
      code: current.procedure.code,
      version: (latest ?? 0) + 1,
      draft,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.procedure.version-published",
      entityType: "procedure",
      entityId: current.procedure.id,
      before: { code: before!.code, currentVersionId: before!.currentVersionId },
      after: { code: before!.code, currentVersionId: stored.id, version: stored.version, name: stored.name },
      ipAddress: ctx.ipAddress,
    });
    return { version: stored.version };
  });
}

/** Adds a procedure to the portal's catalogue with its first version. */
export async function createProcedure({
  ctx,
  form,
}: {
  ctx: ServiceContext;
  form: unknown;
}): Promise<{ code: string }> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const body = (form ?? {}) as Record<string, unknown>;
  let head: { code: string; kind: ProcedureRow["kind"] } | null = null;
  let problems: ValidationError | null = null;
  try {
    head = parseInput(NewProcedureInput, body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems = error;
  }
  let draft: ReturnType<typeof readVersionForm> | null = null;
  try {
    draft = readVersionForm(body, await unitIdsOf(ctx), { subsidy: null, budgetLineId: null });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems = new ValidationError([...(problems?.issues ?? []), ...error.issues]);
  }
  if (problems || !head || !draft) throw problems ?? new ValidationError([]);
  const { code, kind } = head;
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: procedures.id })
      .from(procedures)
      .where(and(inArray(procedures.provinceId, [...ctx.province.scopeIds]), eq(procedures.code, code)));
    if (taken)
      throw new ValidationError([{ field: "code", messageKey: "services.catalogue.admin.codeTaken" }]);
    const [procedure] = await tx
      .insert(procedures)
      .values({ provinceId: ctx.province.id, code, kind })
      .returning();
    const stored = await storeProcedureVersion(tx, {
      procedureId: procedure!.id,
      code,
      version: 1,
      draft,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.procedure.created",
      entityType: "procedure",
      entityId: procedure!.id,
      after: { code, kind, currentVersionId: stored.id, name: stored.name },
      ipAddress: ctx.ipAddress,
    });
    return { code };
  });
}

/**
 * Retires a procedure (it leaves the public catalogue and takes no new applications; dossiers in progress
 * continue under their version) or reinstates it.
 */
export async function setProcedureStatus({
  ctx,
  code,
  status,
}: {
  ctx: ServiceContext;
  code: string;
  status: ProcedureRow["status"];
}): Promise<void> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  if (!isProcedureCode(code)) throw new NotFoundError("services.catalogue.notFound", { code });
  const current = await getManagedProcedure(ctx, code);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(procedures)
      .where(eq(procedures.id, current.procedure.id))
      .for("update");
    if (before!.status === status) return;
    await tx.update(procedures).set({ status, updatedAt: new Date() }).where(eq(procedures.id, before!.id));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: status === "retired" ? "services.procedure.retired" : "services.procedure.reinstated",
      entityType: "procedure",
      entityId: before!.id,
      before: { code: before!.code, status: before!.status },
      after: { code: before!.code, status },
      ipAddress: ctx.ipAddress,
    });
  });
}
