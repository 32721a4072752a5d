import "@fastify/cookie";
import "@fastify/csrf-protection";
import type { VNode } from "preact";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import type { Flash } from "../../views/page-context.ts";
import type { Locale, Translate } from "../i18n.ts";
import type { Actor, HostedProvince, ServiceContext } from "../request-context.ts";

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    actor: Actor | null;
    /** The hosted province whose portal the URL addresses (`/:province/...`), or null outside portals. */
    province: HostedProvince | null;
    flash: Flash | null;
    /** The service context for this request; throws outside a province portal. */
    serviceContext(): ServiceContext;
  }
  interface FastifyReply {
    render(page: VNode, status?: number): FastifyReply;
    /** Renders a page; `isPersonal` when it embeds a CSRF token and so must not be shared between visitors. */
    renderHtml(page: VNode): { html: string; isPersonal: boolean };
    sendHtml(html: string | Buffer, status?: number): FastifyReply;
    /** Post/redirect/get: remember a message for the next page and redirect (303). */
    redirectWithFlash(url: string, flash: Flash): FastifyReply;
  }
}
