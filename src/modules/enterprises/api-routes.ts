import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError } from "../../platform/errors.ts";
import { findProvinceBySlug, scopeOf } from "../geo/index.ts";
import { findVerifiedEnterprise, listVerifiedEnterprises } from "./public-queries.ts";
import { legalForms, sizeClasses } from "./schema.ts";

const Enterprise = z.object({
  id: z.number().int(),
  taxCode: z.string().describe("Mã số thuế: 10 digits, or 10 + '-' + 3 for a branch"),
  name: z.string(),
  nameEn: z.string().nullable(),
  shortName: z.string().nullable(),
  legalForm: z.enum(legalForms),
  vsicSection: z.string().describe("VSIC 2018 section letter A–U"),
  vsicSectionName: z.string(),
  vsicCode: z.string().nullable().describe("Main business line, VSIC level 4 or 5"),
  productsDescription: z.string(),
  productsDescriptionEn: z.string().nullable(),
  addressLine: z.string(),
  commune: z.string().nullable(),
  province: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  foundedYear: z.number().int().nullable(),
  sizeClass: z.enum(sizeClasses).nullable().describe("Decree 80/2021/NĐ-CP Art. 5"),
  isExporter: z.boolean(),
  exportMarkets: z.array(z.string()),
  hsCodes: z.array(z.string()),
});

export async function enterpriseApiRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/provinces/:slug/enterprises",
    {
      schema: {
        tags: ["enterprises"],
        summary:
          "Verified enterprises of a province's registry; q searches name (with or without diacritics) or tax code",
        params: z.object({ slug: z.string().max(60) }),
        querystring: z.object({
          q: z.string().max(200).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
        }),
        response: {
          200: z.object({
            items: z.array(Enterprise),
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const province = await findProvinceBySlug(app.database.db, request.params.slug);
      if (!province) throw new NotFoundError("error.provinceNotFound", { slug: request.params.slug });
      return listVerifiedEnterprises(
        app.database.db,
        scopeOf(province),
        request.query.q ?? "",
        request.query.page,
      );
    },
  );

  app.get(
    "/api/v1/enterprises/:id",
    {
      schema: {
        tags: ["enterprises"],
        summary: "A verified enterprise (404 for pending or suspended ones)",
        params: z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) }),
        response: { 200: Enterprise },
      },
    },
    async (request) => {
      const hosted = app.hostedProvinces().flatMap((province) => province.scopeIds);
      const enterprise = await findVerifiedEnterprise(app.database.db, hosted, request.params.id);
      if (!enterprise) throw new NotFoundError("enterprises.errors.notFound");
      return enterprise;
    },
  );
}
