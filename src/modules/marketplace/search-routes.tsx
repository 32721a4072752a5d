import { asc, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Executor } from "../../db/client.ts";
import { ValidationError } from "../../platform/errors.ts";
import { fileUrl } from "../../platform/files.ts";
import type { HostedProvince } from "../../platform/request-context.ts";
import { listHostedProvinces } from "../geo/index.ts";
import { communes, provinces } from "../geo/schema.ts";
import { categories } from "./schema.ts";
import { floorIndexOf } from "./search/floor-index.ts";
import { cleanParams, resolveSearchCriteria, searchParamsShape } from "./search/inputs.ts";
import {
  maxPage,
  type SearchItem,
  type SearchResult,
  searchFloor,
  searchIndexEnabled,
} from "./search/query.ts";
import { type CategoryOption, type PlaceOption, SearchPage } from "./search/search-page.tsx";

/**
 * One-box search over the floor: the page `/:province/search` (a GET form, works without JavaScript) and
 * `GET /api/v1/search`, both on the same service (search/query.ts), so they return the same items in the same order.
 */

/** Hosted provinces change only when the operator hosts one; a minute of staleness is fine for the API. */
let hostedCache: { at: number; provinces: HostedProvince[] } | null = null;
async function hostedProvinces(db: Executor): Promise<HostedProvince[]> {
  if (!hostedCache || Date.now() - hostedCache.at > 60_000)
    hostedCache = { at: Date.now(), provinces: await listHostedProvinces(db) };
  return hostedCache.provinces;
}

/**
 * The JSON of a result, kept as long as the result object lives (the service's cache hands out the same object
 * while it is valid): a repeated query is then served without rebuilding and serialising its items.
 */
const jsonOfResult = new WeakMap<SearchResult, Buffer>();

function portalOf(hosted: readonly HostedProvince[], provinceId: number): HostedProvince | undefined {
  return hosted.find((province) => province.scopeIds.includes(provinceId));
}

function itemPath(portal: string, item: SearchItem): string {
  const section = item.type === "product" ? "products" : item.type === "offer" ? "offers" : "storefronts";
  return `/${portal}/${section}/${item.slug}`;
}

const SearchItemSchema = z.object({
  type: z.enum(["product", "offer", "enterprise"]),
  id: z.number().int(),
  slug: z.string(),
  url: z.string().describe("Path of the listing's page on its province's portal"),
  title: z.string(),
  titleEn: z.string().nullable(),
  summary: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  offerKind: z.enum(["sell", "buy"]).nullable(),
  ocopStars: z.number().int().nullable(),
  verified: z.boolean().describe("Badge: verified by the Department of Industry and Trade"),
  priceDong: z.number().int().nullable().describe("Price in đồng; null: on request"),
  expiresOn: z.string().nullable().describe("Offers: last day open (ISO date)"),
  publishedAt: z.string(),
  province: z.object({ slug: z.string(), name: z.string() }).nullable(),
  addressProvince: z.string().nullable(),
  commune: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  score: z.number().describe("Relevance score (0 when sorted otherwise)"),
});
export const SearchResponseSchema = z.object({
  q: z.string(),
  sort: z.enum(["relevance", "newest", "price-asc", "price-desc"]),
  total: z.number().int(),
  counts: z.object({
    all: z.number().int(),
    product: z.number().int(),
    offer: z.number().int(),
    enterprise: z.number().int(),
  }),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  corrections: z.array(z.object({ word: z.string(), alternatives: z.array(z.string()) })),
  items: z.array(SearchItemSchema),
});
const SearchErrorSchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ field: z.string(), messageKey: z.string(), message: z.string() })).optional(),
});

/** Typed as the documented schema's output, so the compiler checks the shape; search.test.ts parses responses. */
function toJson(
  result: SearchResult,
  hosted: readonly HostedProvince[],
): z.output<typeof SearchResponseSchema> {
  return {
    q: result.criteria.q,
    sort: result.sort,
    total: result.total,
    counts: result.counts,
    page: result.criteria.page,
    pageSize: result.criteria.pageSize,
    pageCount: Math.min(result.pageCount, maxPage),
    corrections: result.words
      .filter((word) => word.corrected)
      .map((word) => ({ word: word.word, alternatives: word.alternatives })),
    items: result.items.map((item) => {
      const portal = portalOf(hosted, item.provinceId);
      return {
        type: item.type,
        id: item.id,
        slug: item.slug,
        url: portal ? itemPath(portal.slug, item) : "",
        title: item.title,
        titleEn: item.titleEn,
        summary: item.summary,
        enterpriseId: item.enterpriseId,
        enterpriseName: item.enterpriseName,
        offerKind: item.offerKind,
        ocopStars: item.ocopStars,
        verified: item.verified,
        priceDong: item.priceDong === null ? null : Number(item.priceDong),
        expiresOn: item.expiresOn,
        publishedAt: item.publishedAt.toISOString(),
        province: portal ? { slug: portal.slug, name: portal.name } : null,
        addressProvince: item.addressProvinceName,
        commune: item.communeName,
        thumbnailUrl: item.image ? fileUrl(item.image, "thumbnail") : null,
        score: item.score,
      };
    }),
  };
}

async function formOptions(db: Executor, scopeIds: readonly number[]) {
  const categoryRows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      nameEn: categories.nameEn,
      depth: categories.depth,
      path: categories.path,
      position: categories.position,
    })
    .from(categories)
    .orderBy(asc(categories.depth), asc(categories.position));
  const byId = new Map(categoryRows.map((row) => [row.id, row]));
  // Tree order: each category after its parent, siblings by position.
  const sortKey = (row: (typeof categoryRows)[number]) =>
    row.path.map((id) => String(byId.get(id)?.position ?? 0).padStart(4, "0")).join(".");
  const categoryOptions: CategoryOption[] = [...categoryRows]
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
    .map((row) => ({
      slug: row.slug,
      name: row.name,
      nameEn: row.nameEn,
      // Roots have a path of one id (the tree's depth counts from 1).
      depth: row.path.length - 1,
      rootSlug: byId.get(row.path[0] ?? row.id)?.slug ?? row.slug,
    }));
  const provinceRows = scopeIds.length
    ? await db
        .select({ id: provinces.id, slug: provinces.slug, name: provinces.name })
        .from(provinces)
        .where(inArray(provinces.id, [...scopeIds]))
        .orderBy(asc(provinces.name))
    : [];
  const communeRows = scopeIds.length
    ? await db
        .select({ code: communes.code, name: communes.name, provinceId: communes.provinceId })
        .from(communes)
        .where(inArray(communes.provinceId, [...scopeIds]))
        .orderBy(asc(communes.name))
    : [];
  const provinceName = new Map(provinceRows.map((row) => [row.id, row.name]));
  const provinceOptions: PlaceOption[] = provinceRows.map((row) => ({ value: row.slug, label: row.name }));
  const communeOptions: PlaceOption[] = communeRows.map((row) => ({
    value: row.code,
    label: provinceRows.length > 1 ? `${row.name} (${provinceName.get(row.provinceId) ?? ""})` : row.name,
  }));
  return { categories: categoryOptions, provinces: provinceOptions, communes: communeOptions };
}

export async function searchRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The bitmaps held in the process (search/floor-index.ts): loaded in the background once the server is ready
  // (searches use SQL until then), stopped before the database closes.
  const index = floorIndexOf(root.database.db);
  root.addHook("onReady", async () => {
    if (searchIndexEnabled())
      index.load().catch((error: unknown) => root.log.warn({ err: error }, "search index not loaded"));
  });
  root.addHook("onClose", async () => {
    await index.close();
  });

  app.get(
    "/api/v1/search",
    {
      schema: {
        tags: ["marketplace"],
        summary:
          "Search products, offers and enterprises of the trading floor (with or without diacritics, prefixes, small typos)",
        querystring: z.object(
          Object.fromEntries(
            Object.entries(searchParamsShape).map(([key, schema]) => [
              key,
              z
                .string()
                .optional()
                .describe(schema.description ?? key),
            ]),
          ),
        ),
        response: { 200: SearchResponseSchema, 400: SearchErrorSchema, 404: SearchErrorSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const hosted = await hostedProvinces(db);
      const query = request.query as Record<string, string | undefined>;
      let scopeIds: number[];
      if (query.province) {
        const province = hosted.find((candidate) => candidate.slug === query.province);
        if (!province) {
          return reply.code(404).send({
            statusCode: 404,
            code: "error.provinceNotHosted",
            message: request.t("error.provinceNotHosted", { slug: query.province }),
          });
        }
        scopeIds = [...province.scopeIds];
      } else scopeIds = hosted.flatMap((province) => [...province.scopeIds]);
      try {
        const { criteria } = await resolveSearchCriteria(db, request.query, scopeIds);
        const result = await searchFloor(db, scopeIds, criteria);
        let json = jsonOfResult.get(result);
        if (json === undefined) {
          // Not parsed through the schema per request (a tenth of a search's CPU): the type checks the shape and
          // the tests parse what is sent. Encoded once: Fastify would otherwise measure the text, then encode it.
          json = Buffer.from(JSON.stringify(toJson(result, hosted)));
          jsonOfResult.set(result, json);
        }
        // A body already serialised, with a JSON content type, is sent as it is.
        return reply.type("application/json; charset=utf-8").send(json as never);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const issues = error.issues.map((issue) => ({
          field: issue.field,
          messageKey: issue.messageKey,
          message: `${issue.field}: ${request.t(issue.messageKey, issue.params)}`,
        }));
        return reply.code(400).send({
          statusCode: 400,
          code: "search.error.invalid",
          message: issues.map((issue) => issue.message).join("; "),
          issues,
        });
      }
    },
  );

  app.get("/:province/search", async (request, reply) => {
    const ctx = request.serviceContext();
    const scopeIds = [...ctx.province.scopeIds];
    const options = await formOptions(ctx.db, scopeIds);
    let params: Record<string, string> = {};
    try {
      const resolved = await resolveSearchCriteria(ctx.db, request.query, scopeIds);
      params = resolved.params;
      const found = await searchFloor(ctx.db, scopeIds, resolved.criteria);
      // Results may be shared through the cache: copied, never changed.
      const result = { ...found, pageCount: Math.min(found.pageCount, maxPage) };
      return reply.render(<SearchPage params={params} result={result} issues={[]} {...options} />);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      params = cleanParams(request.query);
      return reply.render(
        <SearchPage params={params} result={null} issues={error.issues} {...options} />,
        400,
      );
    }
  });
}
