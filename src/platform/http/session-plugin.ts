import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { findActorBySessionToken } from "../../modules/identity/index.ts";
import { createTranslator, defaultLocale, isLocale } from "../i18n.ts";

export const sessionCookie = "sid";
export const localeCookie = "lang";

/** Resolves the signed-in actor from the session cookie and the language from the language cookie. */
export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", defaultLocale);
  app.decorateRequest("t", createTranslator(defaultLocale));
  const translators = { vi: createTranslator("vi"), en: createTranslator("en") };

  app.addHook("onRequest", async (request) => {
    const lang = request.cookies[localeCookie];
    request.locale = isLocale(lang) ? lang : defaultLocale;
    request.t = translators[request.locale];
    const token = request.cookies[sessionCookie];
    if (token) request.actor = (await findActorBySessionToken(app.database.db, token)) ?? null;
  });
});

export function sessionCookieOptions(secure: boolean, expires?: Date) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure, ...(expires ? { expires } : {}) };
}
