import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { type Flash, type PageContextValue, renderWithPage } from "../../views/page-context.ts";

const flashCookie = "flash";

/** Adds reply.render (server-side JSX with the request's context) and flash messages carried in a cookie. */
export const renderPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("flash", null);
  app.addHook("onRequest", async (request, reply) => {
    const raw = request.cookies[flashCookie];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    reply.clearCookie(flashCookie, { path: "/" });
    if (!unsigned.valid || !unsigned.value) return;
    try {
      request.flash = JSON.parse(unsigned.value) as Flash;
    } catch {
      request.flash = null;
    }
  });

  app.decorateReply("renderHtml", function (this, page: VNode) {
    const request = this.request;
    let token: string | undefined;
    const context: PageContextValue = {
      t: request.t,
      locale: request.locale,
      csrfToken: () => {
        token ??= this.generateCsrf() as string;
        return token;
      },
      actor: request.actor,
      province: request.province,
      currentPath: request.url,
      publicUrl: request.server.config.publicUrl,
      flash: request.flash,
    };
    const html = `<!doctype html>${renderWithPage(context, () => renderToString(page))}`;
    return { html, isPersonal: token !== undefined };
  });

  app.decorateReply("sendHtml", function (this, html: string | Buffer, status = 200) {
    return this.code(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(html);
  });

  app.decorateReply("render", function (this, page: VNode, status = 200) {
    return this.sendHtml(this.renderHtml(page).html, status);
  });

  app.decorateReply("redirectWithFlash", function (this, url: string, flash: Flash) {
    this.setCookie(flashCookie, JSON.stringify(flash), {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      signed: true,
      maxAge: 60,
    });
    return this.redirect(url, 303);
  });
});
