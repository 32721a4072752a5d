import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Executor } from "../../../db/client.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { fileUrl } from "../../../platform/files.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { findProvinceBySlug, scopeOf } from "../../geo/index.ts";
import { provinces } from "../../geo/schema.ts";
import { categories, offers, storefronts } from "../schema.ts";
import { isOpenOffer, isReadableOffer } from "../visibility.ts";
import { attachmentsOf } from "./services.ts";

const apiPageSize = 50;

const OfferSummary = z.object({
  id: z.number().int(),
  kind: z.enum(["sell", "buy"]),
  slug: z.string(),
  url: z.string().describe("Path of the public page"),
  title: z.string(),
  titleEn: z.string().nullable(),
  category: z.object({ id: z.number().int(), slug: z.string(), name: z.string(), nameEn: z.string() }),
  quantity: z.number(),
  unit: z.string(),
  priceDong: z.number().int().nullable().describe("Indicative price per unit in đồng; null: to be quoted"),
  deliveryTerms: z.string().nullable().describe("An Incoterms® 2020 rule (EXW, FOB, CIF…) or free text"),
  deliveryPlace: z.string().nullable(),
  expiresOn: z.string().describe("ISO date: the last day the offer is open (Asia/Ho_Chi_Minh)"),
  status: z.enum(["published", "closed"]),
  publishedAt: z.string().nullable(),
  enterprise: z.object({
    id: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    taxCode: z.string(),
    verifiedBadge: z.boolean().describe("Badge “Đã xác thực bởi Sở Công Thương”"),
  }),
});
const OfferDetail = OfferSummary.extend({
  specification: z.string(),
  specificationEn: z.string().nullable(),
  closedAt: z.string().nullable(),
  attachments: z.array(
    z.object({ name: z.string(), url: z.string(), contentType: z.string(), byteSize: z.number().int() }),
  ),
});

const select = {
  offer: offers,
  category: { id: categories.id, slug: categories.slug, name: categories.name, nameEn: categories.nameEn },
  enterprise: {
    id: enterprises.id,
    name: enterprises.name,
    nameEn: enterprises.nameEn,
    taxCode: enterprises.taxCode,
  },
  badge: sql<boolean>`${storefronts.badgeGrantedAt} is not null`,
  provinceSlug: provinces.slug,
};

type Row = {
  offer: typeof offers.$inferSelect;
  category: { id: number; slug: string; name: string; nameEn: string };
  enterprise: { id: number; name: string; nameEn: string | null; taxCode: string };
  badge: boolean;
  provinceSlug: string;
};

function summary(row: Row): z.infer<typeof OfferSummary> {
  const { offer } = row;
  return {
    id: offer.id,
    kind: offer.kind,
    slug: offer.slug,
    url: `/${row.provinceSlug}/offers/${offer.slug}`,
    title: offer.title,
    titleEn: offer.titleEn,
    category: row.category,
    quantity: offer.quantity,
    unit: offer.unit,
    priceDong: offer.priceDong === null ? null : Number(offer.priceDong),
    deliveryTerms: offer.deliveryTerms,
    deliveryPlace: offer.deliveryPlace,
    expiresOn: offer.expiresOn,
    status: offer.status === "closed" ? "closed" : "published",
    publishedAt: offer.publishedAt?.toISOString() ?? null,
    enterprise: { ...row.enterprise, verifiedBadge: row.badge },
  };
}

function baseQuery(db: Executor) {
  return db
    .select(select)
    .from(offers)
    .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
    .innerJoin(categories, eq(categories.id, offers.categoryId))
    .innerJoin(provinces, eq(provinces.id, offers.provinceId))
    .leftJoin(storefronts, eq(storefronts.enterpriseId, enterprises.id));
}

/** Read-only JSON for offers, documented in OpenAPI. */
export async function offerApiRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/provinces/:slug/offers",
    {
      schema: {
        tags: ["marketplace"],
        summary:
          "Open offers of a province's trading floor (published, not expired, not closed), newest first",
        params: z.object({ slug: z.string().max(60) }),
        querystring: z.object({
          kind: z.enum(["sell", "buy"]).optional(),
          category: z
            .string()
            .max(80)
            .optional()
            .describe("Category id or slug; its sub-categories are included"),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            items: z.array(OfferSummary),
          }),
        },
      },
    },
    async (request) => {
      const province = await findProvinceBySlug(app.database.db, request.params.slug);
      if (!province) throw new NotFoundError("error.provinceNotFound", { slug: request.params.slug });
      const { kind, category, page } = request.query;
      let categoryId: number | null = null;
      if (category) {
        const [row] = await app.database.db
          .select({ id: categories.id })
          .from(categories)
          .where(
            /^\d{1,9}$/.test(category) ? eq(categories.id, Number(category)) : eq(categories.slug, category),
          );
        if (!row) return { total: 0, page, pageSize: apiPageSize, items: [] };
        categoryId = row.id;
      }
      const where = and(
        inArray(offers.provinceId, scopeOf(province)),
        isOpenOffer(),
        kind ? eq(offers.kind, kind) : undefined,
        categoryId === null ? undefined : sql`${categoryId}::int = any(${categories.path})`,
      );
      const [total] = await app.database.db
        .select({ total: count() })
        .from(offers)
        .innerJoin(enterprises, eq(enterprises.id, offers.enterpriseId))
        .innerJoin(categories, eq(categories.id, offers.categoryId))
        .where(where);
      const rows = await baseQuery(app.database.db)
        .where(where)
        .orderBy(desc(offers.publishedAt), desc(offers.id))
        .limit(apiPageSize)
        .offset((page - 1) * apiPageSize);
      return { total: total?.total ?? 0, page, pageSize: apiPageSize, items: rows.map(summary) };
    },
  );

  api.get(
    "/api/v1/offers/:id",
    {
      schema: {
        tags: ["marketplace"],
        summary:
          "One offer (published or closed) of a hosted province's floor; drafts and hidden offers are 404",
        params: z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) }),
        response: { 200: OfferDetail },
      },
    },
    async (request) => {
      const hosted = app.hostedProvinces().flatMap((province) => province.scopeIds);
      const [row] = await baseQuery(app.database.db).where(
        and(eq(offers.id, request.params.id), inArray(offers.provinceId, hosted), isReadableOffer()),
      );
      if (!row) throw new NotFoundError("offers.errors.notFound");
      const files = await attachmentsOf(app.database.db, row.offer.id);
      return {
        ...summary(row),
        specification: row.offer.specification,
        specificationEn: row.offer.specificationEn,
        closedAt: row.offer.closedAt?.toISOString() ?? null,
        attachments: files.map((file) => ({
          name: file.name,
          url: fileUrl(file),
          contentType: file.contentType,
          byteSize: file.byteSize,
        })),
      };
    },
  );
}
