import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { findActorBySessionToken } from "../../modules/identity/index.ts";
import { createTranslator, defaultLocale, isLocale } from "../i18n.ts";

export const sessionCookie = "sid";
export const localeCookie = "lang";

/** Resolves the signed-in actor from the session cookie and the language from `?lang=` or the language cookie. */
export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", defaultLocale);
  app.decorateRequest("t", createTranslator(defaultLocale));
  const translators = { vi: createTranslator("vi"), en: createTranslator("en") };

  app.addHook("onRequest", async (request) => {
    // `?lang=en` shows one page in a language without changing the visitor's choice: it gives each language
    // version of a public page an address of its own (hreflang alternates, links shared in the other language).
    const queryLang = (request.query as Record<string, unknown> | undefined)?.lang;
    const lang = isLocale(queryLang) ? queryLang : request.cookies[localeCookie];
    request.locale = isLocale(lang) ? lang : defaultLocale;
    request.t = translators[request.locale];
    const token = request.cookies[sessionCookie];
    if (token) request.actor = (await findActorBySessionToken(app.database.db, token)) ?? null;
  });
});

export function sessionCookieOptions(secure: boolean, expires?: Date) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure, ...(expires ? { expires } : {}) };
}
