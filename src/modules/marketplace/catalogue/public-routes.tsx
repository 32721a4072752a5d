import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../../platform/errors.ts";
import { pageFromQuery } from "../../../platform/http/forms.ts";
import { PublicPageCache } from "../../../platform/http/page-cache.ts";
import {
  findProductBySlug,
  findStorefrontBySlug,
  floorVersion,
  listEnterpriseProducts,
  listOpenOffers,
  loadFloorHome,
  productVersion,
  storefrontVersion,
} from "./queries.ts";
import { FloorHomePage } from "./views/floor-home.tsx";
import { ProductPage } from "./views/product-page.tsx";
import { StorefrontPage } from "./views/storefront-page.tsx";

type SlugParams = { province: string; slug: string };

/** Slugs are lower-case letters, digits and hyphens; anything else cannot match and is a 404 without a query. */
function cleanSlug(value: string): string {
  if (!/^[a-z0-9-]{1,100}$/.test(value)) throw new NotFoundError();
  return value;
}

export async function cataloguePublicRoutes(app: FastifyInstance) {
  const publicUrl = app.config.publicUrl.replace(/\/+$/, "");
  const pages = new PublicPageCache();

  app.get<{ Params: { province: string } }>("/:province/floor", async (request, reply) => {
    const ctx = request.serviceContext();
    return pages.send(request, reply, {
      version: () => floorVersion(ctx.db, ctx.province.scopeIds),
      render: async () => {
        const home = await loadFloorHome(ctx.db, ctx.province.scopeIds);
        return <FloorHomePage {...home} publicUrl={publicUrl} />;
      },
    });
  });

  app.get<{ Params: SlugParams; Querystring: { page?: string } }>(
    "/:province/storefronts/:slug",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const slug = cleanSlug(request.params.slug);
      return pages.send(request, reply, {
        version: () => storefrontVersion(ctx.db, ctx.province.scopeIds, slug),
        render: async () => {
          const view = await findStorefrontBySlug(ctx.db, ctx.province.scopeIds, slug, ctx.actor);
          if (!view) throw new NotFoundError("catalogue.storefront.notFound");
          const { page } = pageFromQuery(request.query, 12);
          const [products, offers] = await Promise.all([
            listEnterpriseProducts(ctx.db, view.enterprise.id, page),
            listOpenOffers(ctx.db, view.enterprise.id),
          ]);
          return <StorefrontPage view={view} products={products} offers={offers} publicUrl={publicUrl} />;
        },
      });
    },
  );

  app.get<{ Params: SlugParams }>("/:province/products/:slug", async (request, reply) => {
    const ctx = request.serviceContext();
    const slug = cleanSlug(request.params.slug);
    return pages.send(request, reply, {
      version: () => productVersion(ctx.db, ctx.province.scopeIds, slug),
      render: async () => {
        const view = await findProductBySlug(ctx.db, ctx.province.scopeIds, slug, ctx.actor);
        if (!view) throw new NotFoundError("catalogue.product.notFound");
        return <ProductPage view={view} publicUrl={publicUrl} />;
      },
    });
  });
}
