import type { FastifyInstance } from "fastify";
import { searchIndexState } from "../modules/marketplace/index.ts";
import { getPlanList, getPlanVersion } from "../modules/plans/index.ts";
import { PublicPageCache } from "../platform/http/page-cache.ts";
import { toSameSitePath } from "../platform/http/safe-path.ts";
import { localeCookie } from "../platform/http/session-plugin.ts";
import { isLocale } from "../platform/i18n.ts";
import { PortalHomePage, RootPage } from "./views.tsx";

/** Pages that compose modules: the installation's root, each portal's home, the language switch, health checks. */
export async function portalRoutes(app: FastifyInstance) {
  app.get("/", async (_request, reply) => reply.render(<RootPage provinces={app.hostedProvinces()} />));

  const publicPages = new PublicPageCache();
  app.get<{ Params: { province: string } }>("/:province", async (request, reply) => {
    const ctx = request.serviceContext();
    return publicPages.send(request, reply, {
      version: () => getPlanVersion({ ctx }),
      render: async () => {
        const plans = await getPlanList({ ctx });
        return <PortalHomePage summary={{ planCount: plans.length, latestPlans: plans.slice(0, 5) }} />;
      },
    });
  });

  /** A plain link switches language, so it works without JavaScript; only same-site paths are followed. */
  app.get<{ Params: { locale: string }; Querystring: { back?: string } }>(
    "/lang/:locale",
    async (request, reply) => {
      const locale = isLocale(request.params.locale) ? request.params.locale : "vi";
      const target = toSameSitePath(request.query.back) ?? "/";
      reply.setCookie(localeCookie, locale, {
        path: "/",
        sameSite: "lax",
        httpOnly: true,
        maxAge: 365 * 24 * 3600,
      });
      return reply.redirect(target, 303);
    },
  );

  app.get("/healthz", { logLevel: "warn" }, async () => ({ status: "ok" }));
  app.get("/readyz", { logLevel: "warn" }, async (_request, reply) => {
    try {
      await app.database.ping();
      // The floor search's bitmaps held in the process: searches use SQL while they load.
      const searchIndex = searchIndexState(app.database.db);
      return { status: "ok", database: app.database.kind, searchIndex };
    } catch {
      return reply.code(503).send({ status: "unavailable", database: app.database.kind });
    }
  });
}
