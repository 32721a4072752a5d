import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { HostedProvince } from "../../../platform/request-context.ts";
import { foldVietnamese } from "../../../platform/text.ts";
import { listUnits } from "../../identity/index.ts";
import {
  type ProcedureKind,
  procedureComponents,
  procedureKinds,
  procedures,
  procedureVersions,
} from "../schema.ts";
import type { ProcedureWorkflow } from "../workflow/index.ts";
import { type ProcedureQuestion, readStoredQuestions } from "./questions.ts";
import type { ProcedureVersionRow } from "./services/store-version.ts";
import { isProcedureField } from "./version-draft.ts";

export type ProcedureRow = typeof procedures.$inferSelect;
export type ComponentRow = typeof procedureComponents.$inferSelect;
export type { ProcedureVersionRow };
export type Page<Item> = { items: Item[]; total: number; page: number; pageCount: number };

export const CATALOGUE_PAGE_SIZE = 20;

/** National codes ("2.000636") and provincial ones ("DTP.TMDT.01"): anything else is a 404 without a query. */
export function isProcedureCode(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/.test(value);
}

export type CatalogueFilters = { q: string; field: string; level: string; unit: string; kind: string };

/** The catalogue's filters from a query string; an unknown value is dropped rather than refused. */
export function readCatalogueFilters(query: Record<string, unknown>): CatalogueFilters {
  const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string).trim() : "");
  const field = text("field");
  const level = text("level");
  const unit = text("unit");
  const kind = text("kind");
  return {
    q: text("q").slice(0, 200),
    field: isProcedureField(field) ? field : "",
    level: /^[1-4]$/.test(level) ? level : "",
    unit: /^\d{1,9}$/.test(unit) ? unit : "",
    kind: (procedureKinds as readonly string[]).includes(kind) ? kind : "",
  };
}

function likeWord(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Every folded word of the query must occur in the version's folded search text, so the words may come in
 * any order and with or without tone marks ("giay phep ban buon ruou" finds "Cấp Giấy phép bán buôn rượu …").
 */
function searchConditions(q: string): SQL[] {
  const words = foldVietnamese(q).split(" ").filter(Boolean).slice(0, 12);
  return words.map((word) => sql`${procedureVersions.searchText} like ${likeWord(word)}`);
}

export type CatalogueItem = {
  code: string;
  kind: ProcedureKind;
  versionId: number;
  version: number;
  name: string;
  nameEn: string;
  field: string;
  level: number;
  onlineClass: "full" | "partial";
  implementingUnitId: number;
  processingWorkingDays: number;
  onlineFeeDong: number;
  resultType: string;
  publishedAt: Date;
};

const catalogueColumns = {
  code: procedures.code,
  kind: procedures.kind,
  versionId: procedureVersions.id,
  version: procedureVersions.version,
  name: procedureVersions.name,
  nameEn: procedureVersions.nameEn,
  field: procedureVersions.field,
  level: procedureVersions.level,
  onlineClass: procedureVersions.onlineClass,
  implementingUnitId: procedureVersions.implementingUnitId,
  processingWorkingDays: procedureVersions.processingWorkingDays,
  onlineFeeDong: procedureVersions.onlineFeeDong,
  resultType: procedureVersions.resultType,
  publishedAt: procedureVersions.publishedAt,
};

/** Active procedures of a portal (its province and former ones), current versions, filtered and paged. */
export async function listCatalogue(
  db: Executor,
  scopeIds: readonly number[],
  filters: CatalogueFilters,
  page: number,
  pageSize = CATALOGUE_PAGE_SIZE,
): Promise<Page<CatalogueItem>> {
  const conditions: SQL[] = [
    inArray(procedures.provinceId, [...scopeIds]),
    eq(procedures.status, "active"),
    ...searchConditions(filters.q),
  ];
  if (filters.field) conditions.push(eq(procedureVersions.field, filters.field));
  if (filters.level) conditions.push(eq(procedureVersions.level, Number(filters.level)));
  if (filters.unit) conditions.push(eq(procedureVersions.implementingUnitId, Number(filters.unit)));
  if (filters.kind) conditions.push(eq(procedures.kind, filters.kind as ProcedureKind));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(where);
  const phrase = foldVietnamese(filters.q);
  const items = await db
    .select(catalogueColumns)
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(where)
    .orderBy(
      // The whole phrase in the name ranks first; then procedures before programmes, by name.
      ...(phrase ? [desc(sql`fold_vietnamese(${procedureVersions.name}) like ${likeWord(phrase)}`)] : []),
      asc(procedures.kind),
      asc(sql`fold_vietnamese(${procedureVersions.name})`),
      asc(procedures.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type UnitName = { id: number; name: string; nameEn: string | null };

/** The units of a portal by id, to name implementing units and workflow steps. */
export async function loadUnitNames(
  db: Executor,
  scopeIds: readonly number[],
): Promise<Map<number, UnitName>> {
  const rows = await listUnits(db, scopeIds);
  return new Map(rows.map((unit) => [unit.id, { id: unit.id, name: unit.name, nameEn: unit.nameEn }]));
}

/** The filters' choices: the fields and implementing units the portal's active procedures use. */
export async function loadCatalogueFacets(
  db: Executor,
  scopeIds: readonly number[],
): Promise<{ fields: string[]; units: UnitName[] }> {
  const rows = await db
    .selectDistinct({ field: procedureVersions.field, unitId: procedureVersions.implementingUnitId })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(and(inArray(procedures.provinceId, [...scopeIds]), eq(procedures.status, "active")));
  const unitNames = await loadUnitNames(db, scopeIds);
  const unitIds = [...new Set(rows.map((row) => row.unitId))];
  return {
    fields: [...new Set(rows.map((row) => row.field))].sort(),
    units: unitIds.flatMap((id) => (unitNames.has(id) ? [unitNames.get(id)!] : [])),
  };
}

export type ProcedureDetail = {
  procedure: ProcedureRow;
  version: ProcedureVersionRow;
  components: ComponentRow[];
  questions: ProcedureQuestion[];
  workflow: ProcedureWorkflow;
};

/** A version with its components and questions, as a dossier received under it must show them. */
export async function findVersionDetail(
  db: Executor,
  versionId: number,
): Promise<Omit<ProcedureDetail, "procedure"> | undefined> {
  const [version] = await db.select().from(procedureVersions).where(eq(procedureVersions.id, versionId));
  if (!version) return undefined;
  const components = await db
    .select()
    .from(procedureComponents)
    .where(eq(procedureComponents.versionId, versionId))
    .orderBy(asc(procedureComponents.position));
  return {
    version,
    components,
    questions: readStoredQuestions(version.questions),
    workflow: version.workflow as ProcedureWorkflow,
  };
}

/** A portal's procedure by code (retired ones too), with its current version; the portal's own province first. */
export async function findProcedureByCode(
  db: Executor,
  province: Pick<HostedProvince, "id" | "scopeIds">,
  code: string,
): Promise<ProcedureDetail | undefined> {
  if (!isProcedureCode(code)) return undefined;
  const [procedure] = await db
    .select()
    .from(procedures)
    .where(and(inArray(procedures.provinceId, [...province.scopeIds]), eq(procedures.code, code)))
    .orderBy(desc(sql`${procedures.provinceId} = ${province.id}`))
    .limit(1);
  if (!procedure?.currentVersionId) return undefined;
  const detail = await findVersionDetail(db, procedure.currentVersionId);
  return detail ? { procedure, ...detail } : undefined;
}

/**
 * What the online application needs (area "apply"): the current version of an active procedure, its
 * components, its typed questions and its workflow. A retired or unknown procedure is not found.
 */
export async function getProcedureForApplication(
  db: Executor,
  province: Pick<HostedProvince, "id" | "scopeIds">,
  code: string,
): Promise<ProcedureDetail> {
  const detail = await findProcedureByCode(db, province, code);
  if (detail?.procedure.status !== "active") throw new NotFoundError("services.catalogue.notFound", { code });
  return detail;
}

export type VersionSummary = {
  id: number;
  version: number;
  name: string;
  publishedAt: Date;
  processingWorkingDays: number;
  onlineFeeDong: number;
  createdBy: number | null;
};

/** A procedure's versions, newest first. */
export async function listVersions(db: Executor, procedureId: number): Promise<VersionSummary[]> {
  return db
    .select({
      id: procedureVersions.id,
      version: procedureVersions.version,
      name: procedureVersions.name,
      publishedAt: procedureVersions.publishedAt,
      processingWorkingDays: procedureVersions.processingWorkingDays,
      onlineFeeDong: procedureVersions.onlineFeeDong,
      createdBy: procedureVersions.createdBy,
    })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(desc(procedureVersions.version));
}
