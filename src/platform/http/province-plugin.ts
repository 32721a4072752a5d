import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { listHostedProvinces } from "../../modules/geo/index.ts";
import { NotFoundError } from "../errors.ts";
import type { HostedProvince } from "../request-context.ts";

/**
 * Resolves `/:province/...` to a hosted province. The list is read at start and after the operator hosts a
 * province (refreshHostedProvinces); web processes behind a load balancer pick a change up at restart.
 */
export const provincePlugin = fp(async (app: FastifyInstance) => {
  let hosted = new Map<string, HostedProvince>();
  const refresh = async () => {
    hosted = new Map(
      (await listHostedProvinces(app.database.db)).map((province) => [province.slug, province]),
    );
  };
  await refresh();
  app.decorate("refreshHostedProvinces", refresh);
  app.decorate("hostedProvinces", () => [...hosted.values()]);
  app.decorateRequest("province", null);
  app.decorateRequest("serviceContext", function (this) {
    if (!this.province) throw new NotFoundError();
    return { db: app.database.db, actor: this.actor, province: this.province, ipAddress: this.ip };
  });
  app.addHook("onRequest", async (request) => {
    const slug = (request.params as { province?: string } | undefined)?.province;
    if (slug === undefined) return;
    const province = hosted.get(slug);
    if (!province) throw new NotFoundError("error.provinceNotHosted", { slug });
    request.province = province;
    // Accounts belong to one portal: elsewhere their holder is a visitor (the operator excepted).
    if (request.actor && request.actor.provinceId !== province.id && !request.actor.roles.has("operator")) {
      request.actor = null;
    }
  });
});

declare module "fastify" {
  interface FastifyInstance {
    refreshHostedProvinces(): Promise<void>;
    hostedProvinces(): HostedProvince[];
  }
}
