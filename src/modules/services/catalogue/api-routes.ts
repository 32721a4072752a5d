import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError } from "../../../platform/errors.ts";
import type { HostedProvince } from "../../../platform/request-context.ts";
import { copyKinds, onlineClasses, type ProcedureFee, procedureKinds } from "../schema.ts";
import {
  type CatalogueItem,
  findProcedureByCode,
  listCatalogue,
  loadUnitNames,
  type ProcedureDetail,
  readCatalogueFilters,
  type UnitName,
} from "./queries.ts";
import { ProcedureQuestion } from "./questions.ts";
import { procedureFields, resultTypes } from "./version-draft.ts";

const Unit = z.object({ id: z.number().int(), name: z.string(), nameEn: z.string().nullable() }).nullable();

const ProcedureSummary = z.object({
  code: z.string().describe("National procedure database code, or the province's own for a programme"),
  kind: z.enum(procedureKinds),
  name: z.string(),
  nameEn: z.string(),
  field: z.string().describe(`Field code: ${procedureFields.join(", ")}`),
  level: z.number().int().min(1).max(4).describe("Online public service level 1–4"),
  onlineClass: z.enum(onlineClasses).describe("Decree 42/2022: full or partial online"),
  implementingUnit: Unit,
  processingWorkingDays: z.number().int(),
  onlineFeeDong: z.number().int().describe("Fee paid online, in đồng"),
  resultType: z.enum(resultTypes),
  version: z.number().int(),
  publishedAt: z.string().describe("ISO timestamp of the current version"),
});

const ProcedureBody = ProcedureSummary.extend({
  status: z.enum(["active", "retired"]),
  description: z.string(),
  descriptionEn: z.string(),
  applicantKinds: z.array(z.string()),
  steps: z.array(z.object({ id: z.string(), name: z.string(), unit: Unit, workingDays: z.number().int() })),
  receptionUnit: Unit,
  approvalUnit: Unit,
  components: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      nameEn: z.string(),
      copyKind: z.enum(copyKinds),
      quantity: z.number().int(),
      required: z.boolean(),
      templateName: z.string().nullable(),
    }),
  ),
  fees: z.array(
    z.object({
      label: z.string(),
      labelEn: z.string(),
      amountDong: z.number().int(),
      payableOnline: z.boolean(),
    }),
  ),
  legalBasis: z.array(z.string()),
  resultName: z.string(),
  resultNameEn: z.string(),
  resultValidityMonths: z.number().int().nullable(),
  questions: z.array(ProcedureQuestion),
  subsidy: z
    .object({
      amountPerEnterpriseDong: z.number().int(),
      enterpriseContributionDong: z.number().int(),
      quotaPerYear: z.number().int().nullable(),
      quotaTotal: z.number().int(),
      centralAmountPerEnterpriseDong: z.number().int(),
    })
    .nullable(),
});

const ProvinceQuery = z.string().min(1).max(60).describe("Slug of a hosted province, e.g. dong-thap");

function unitOf(units: ReadonlyMap<number, UnitName>, id: number | string) {
  return units.get(Number(id)) ?? null;
}

function toSummary(
  item: CatalogueItem,
  units: ReadonlyMap<number, UnitName>,
): z.infer<typeof ProcedureSummary> {
  return {
    code: item.code,
    kind: item.kind,
    name: item.name,
    nameEn: item.nameEn,
    field: item.field,
    level: item.level,
    onlineClass: item.onlineClass,
    implementingUnit: unitOf(units, item.implementingUnitId),
    processingWorkingDays: item.processingWorkingDays,
    onlineFeeDong: item.onlineFeeDong,
    resultType: item.resultType as z.infer<typeof ProcedureSummary>["resultType"],
    version: item.version,
    publishedAt: item.publishedAt.toISOString(),
  };
}

function toBody(
  detail: ProcedureDetail,
  units: ReadonlyMap<number, UnitName>,
): z.infer<typeof ProcedureBody> {
  const { procedure, version, components, workflow } = detail;
  return {
    ...toSummary(
      {
        code: procedure.code,
        kind: procedure.kind,
        versionId: version.id,
        version: version.version,
        name: version.name,
        nameEn: version.nameEn,
        field: version.field,
        level: version.level,
        onlineClass: version.onlineClass,
        implementingUnitId: version.implementingUnitId,
        processingWorkingDays: version.processingWorkingDays,
        onlineFeeDong: version.onlineFeeDong,
        resultType: version.resultType,
        publishedAt: version.publishedAt,
      },
      units,
    ),
    status: procedure.status,
    description: version.description,
    descriptionEn: version.descriptionEn,
    applicantKinds: version.applicantKinds,
    steps: workflow.steps.map((step) => ({
      id: step.id,
      name: step.name,
      unit: unitOf(units, step.unitId),
      workingDays: step.workingDays,
    })),
    receptionUnit: unitOf(units, workflow.receptionUnitId),
    approvalUnit: unitOf(units, workflow.approvalUnitId),
    components: components.map((component) => ({
      position: component.position,
      name: component.name,
      nameEn: component.nameEn,
      copyKind: component.copyKind,
      quantity: component.quantity,
      required: component.required,
      templateName: component.templateName,
    })),
    fees: version.fees as ProcedureFee[],
    legalBasis: version.legalBasis,
    resultName: version.resultName,
    resultNameEn: version.resultNameEn,
    resultValidityMonths: version.resultValidityMonths,
    questions: detail.questions,
    subsidy: version.subsidy ?? null,
  };
}

export async function catalogueApiRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const hostedProvince = (slug: string): HostedProvince => {
    const province = app.hostedProvinces().find((candidate) => candidate.slug === slug);
    if (!province) throw new NotFoundError("error.provinceNotHosted", { slug });
    return province;
  };

  app.get(
    "/api/v1/procedures",
    {
      schema: {
        tags: ["services"],
        summary:
          "Active procedures and support programmes of a province's catalogue; q searches with or without diacritics",
        querystring: z.object({
          province: ProvinceQuery,
          q: z.string().max(200).optional(),
          field: z.string().max(60).optional(),
          level: z.string().max(1).optional().describe("1–4"),
          unit: z.string().max(10).optional().describe("Implementing unit id"),
          kind: z.string().max(20).optional().describe("procedure or subsidy"),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
        }),
        response: {
          200: z.object({
            items: z.array(ProcedureSummary),
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const province = hostedProvince(request.query.province);
      const filters = readCatalogueFilters(request.query);
      const db = app.database.db;
      const [result, units] = await Promise.all([
        listCatalogue(db, province.scopeIds, filters, request.query.page),
        loadUnitNames(db, province.scopeIds),
      ]);
      return { ...result, items: result.items.map((item) => toSummary(item, units)) };
    },
  );

  app.get(
    "/api/v1/procedures/:code",
    {
      schema: {
        tags: ["services"],
        summary: "One procedure of a province's catalogue, its current version in full (retired ones too)",
        params: z.object({ code: z.string().max(40) }),
        querystring: z.object({ province: ProvinceQuery }),
        response: { 200: ProcedureBody },
      },
    },
    async (request) => {
      const province = hostedProvince(request.query.province);
      const db = app.database.db;
      const detail = await findProcedureByCode(db, province, request.params.code);
      if (!detail) throw new NotFoundError("services.catalogue.notFound", { code: request.params.code });
      return toBody(detail, await loadUnitNames(db, province.scopeIds));
    },
  );
}
