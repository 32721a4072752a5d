import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../../platform/errors.ts";
import {
  countSitemapListings,
  provinceSitemapPaths,
  renderRobots,
  renderSitemapIndex,
  renderUrlSet,
  sitemapEntries,
  sitemapPageCount,
} from "./sitemap.ts";

type ProvinceParams = { province: string };

/** robots.txt, the sitemap index and the provinces' sitemaps; absolute URLs from `config.publicUrl`. */
export async function seoRoutes(app: FastifyInstance) {
  const baseUrl = app.config.publicUrl.replace(/\/$/, "");

  async function allSitemapPaths(): Promise<string[]> {
    const paths: string[] = [];
    for (const province of app.hostedProvinces()) {
      const count = await countSitemapListings(app.database.db, province.scopeIds);
      paths.push(...provinceSitemapPaths(province.slug, sitemapPageCount(count)));
    }
    return paths;
  }

  app.get("/robots.txt", async (_request, reply) => {
    return reply
      .header("content-type", "text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(renderRobots(baseUrl, ["/sitemap.xml", ...(await allSitemapPaths())]));
  });

  app.get("/sitemap.xml", async (_request, reply) => {
    return reply
      .header("content-type", "application/xml; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(renderSitemapIndex(baseUrl, await allSitemapPaths()));
  });

  app.get<{ Params: ProvinceParams; Querystring: { page?: string } }>(
    "/:province/sitemap.xml",
    async (request, reply) => {
      const province = request.serviceContext().province;
      const page = request.query.page === undefined ? 1 : Number(request.query.page);
      const count = await countSitemapListings(app.database.db, province.scopeIds);
      if (!Number.isInteger(page) || page < 1 || page > sitemapPageCount(count)) throw new NotFoundError();
      const entries = await sitemapEntries(app.database.db, province, page);
      return reply
        .header("content-type", "application/xml; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(renderUrlSet(baseUrl, entries));
    },
  );
}
