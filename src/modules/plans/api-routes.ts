import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError } from "../../platform/errors.ts";
import { findProvinceBySlug, listProvinces, scopeOf } from "../geo/index.ts";
import { checkPlanConsistency, computeTotals, describeFinding } from "./consistency.ts";
import { toPlanDocument } from "./plan-detail.ts";
import { fundingSources } from "./plan-document.ts";
import { findPlanDetail, listPlans } from "./queries.ts";

/** Amounts in the API are integer đồng as JSON numbers (exact below 9 × 10^15 đồng). */
const Dong = z.number().int().describe("Amount in đồng");
const dong = (value: bigint) => Number(value);

const ProvinceRef = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(["current", "former"]),
});
const Province = ProvinceRef.extend({
  gsoCode: z.string().nullable(),
  isHosted: z.boolean(),
  successor: ProvinceRef.omit({ status: true }).nullable(),
  formerProvinces: z.array(z.object({ slug: z.string(), name: z.string(), gsoCode: z.string().nullable() })),
});
const PlanSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: z.string().describe("ISO date"),
  province: ProvinceRef,
  totalDong: Dong,
});
const Finding = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  scope: z.string(),
  key: z.string(),
  location: z.string(),
  stated: z.string().optional(),
  expected: z.string().optional(),
  message: z.string(),
});
const PlanBody = PlanSummary.omit({ totalDong: true }).extend({
  issuer: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  budgetDisplayUnit: z.enum(["dong", "million"]),
  objectives: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      targets: z.array(
        z.object({
          code: z.string(),
          description: z.string(),
          value: z.number().nullable(),
          valueText: z.string().nullable(),
          unit: z.string().nullable(),
          targetYear: z.number().int().nullable(),
          variants: z.array(z.object({ location: z.string(), valueText: z.string() })),
        }),
      ),
    }),
  ),
  activities: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      description: z.string(),
      leadUnits: z.array(z.string()),
      coordinatingUnits: z.array(z.string()),
    }),
  ),
  budgetLines: z.array(
    z.object({
      activityNumber: z.string().nullable(),
      year: z.number().int().nullable(),
      source: z.enum(fundingSources),
      amountDong: Dong,
      label: z.string().nullable(),
    }),
  ),
  statedTotals: z.object({
    figures: z.array(
      z.object({
        scope: z.string(),
        key: z.string(),
        printed: z.string(),
        printedUnit: z.enum(["dong", "million"]),
        location: z.string(),
      }),
    ),
    amountInWords: z.array(z.object({ text: z.string(), location: z.string() })),
  }),
  computedTotals: z.object({
    grandDong: Dong,
    wholePeriodDong: Dong,
    byYear: z.array(z.object({ year: z.number().int(), amountDong: Dong })),
    bySource: z.array(z.object({ source: z.enum(fundingSources), amountDong: Dong })),
    byActivity: z.array(z.object({ activityNumber: z.string(), amountDong: Dong })),
  }),
  findings: z.array(Finding),
});

export async function planApiRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/provinces",
    {
      schema: {
        tags: ["geo"],
        summary: "The 34 current provinces and the 63 former ones, with the 01/07/2025 mapping",
        querystring: z.object({
          status: z.enum(["current", "former"]).optional(),
          hosted: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.object({ items: z.array(Province) }) },
      },
    },
    async (request) => {
      const provinces = await listProvinces(app.database.db);
      const items = provinces
        .filter((province) => !request.query.status || province.status === request.query.status)
        .filter(
          (province) => !request.query.hosted || province.isHosted === (request.query.hosted === "true"),
        );
      return { items };
    },
  );

  app.get(
    "/api/v1/provinces/:slug/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "Plans of a province, including those of the former provinces merged into it",
        params: z.object({ slug: z.string().max(60) }),
        response: { 200: z.object({ province: ProvinceRef, items: z.array(PlanSummary) }) },
      },
    },
    async (request) => {
      const province = await findProvinceBySlug(app.database.db, request.params.slug);
      if (!province) throw new NotFoundError("error.provinceNotFound", { slug: request.params.slug });
      const plans = await listPlans(app.database.db, scopeOf(province));
      return { province, items: plans.map((plan) => ({ ...plan, totalDong: dong(plan.totalDong) })) };
    },
  );

  app.get(
    "/api/v1/plans/:id",
    {
      schema: {
        tags: ["plans"],
        summary:
          "A plan: objectives, activities, budget lines, totals as stated, computed totals and consistency findings",
        params: z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) }),
        response: { 200: PlanBody },
      },
    },
    async (request) => {
      const hosted = app.hostedProvinces().flatMap((province) => province.scopeIds);
      const plan = await findPlanDetail(app.database.db, request.params.id, hosted);
      if (!plan) throw new NotFoundError("plans.notFound");
      const document = toPlanDocument(plan);
      const totals = computeTotals(document);
      const unitName = new Map(plan.units.map((unit) => [unit.code, unit.name]));
      return {
        ...plan,
        activities: plan.activities.map((activity) => ({
          ...activity,
          leadUnits: activity.leadUnitCodes.map((code) => unitName.get(code) ?? code),
          coordinatingUnits: activity.coordinatingUnitCodes.map((code) => unitName.get(code) ?? code),
        })),
        budgetLines: plan.budgetLines.map((line) => ({ ...line, amountDong: dong(line.amountDong) })),
        statedTotals: { figures: plan.statedTotals, amountInWords: plan.statedWords },
        computedTotals: {
          grandDong: dong(totals.grand),
          wholePeriodDong: dong(totals.wholePeriod),
          byYear: [...totals.byYear].map(([year, amount]) => ({ year, amountDong: dong(amount) })),
          bySource: [...totals.bySource].map(([source, amount]) => ({ source, amountDong: dong(amount) })),
          byActivity: [...totals.byActivity].map(([activityNumber, amount]) => ({
            activityNumber,
            amountDong: dong(amount),
          })),
        },
        findings: checkPlanConsistency(document).map((finding) => ({
          ...finding,
          message: describeFinding(finding, request.t),
        })),
      };
    },
  );
}
