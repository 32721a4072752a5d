import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import helmet from "helmet";
import type { Config } from "./config.ts";
import type { DatabaseHandle } from "./db/client.ts";
import { enterpriseRoutes } from "./modules/enterprises/routes.tsx";
import { identityRoutes } from "./modules/identity/routes.tsx";
import { catalogueRoutes } from "./modules/marketplace/catalogue-routes.tsx";
import { offerRoutes } from "./modules/marketplace/offer-routes.tsx";
import { oversightRoutes } from "./modules/marketplace/oversight-routes.tsx";
import { searchRoutes } from "./modules/marketplace/search-routes.tsx";
import { planRoutes } from "./modules/plans/routes.tsx";
import { serviceRoutes } from "./modules/services/routes.tsx";
import { portalRoutes } from "./portal/routes.tsx";
import { wireModules } from "./workflows/wiring.ts";
import "./platform/http/fastify-types.ts";
import { join } from "node:path";
import { configureFileStore } from "./platform/files.ts";
import { errorHandlerPlugin } from "./platform/http/error-handler.tsx";
import { fileRoutes } from "./platform/http/file-routes.ts";
import { provincePlugin } from "./platform/http/province-plugin.ts";
import { renderPlugin } from "./platform/http/render.tsx";
import { sessionPlugin } from "./platform/http/session-plugin.ts";
import { configureMail } from "./platform/mail.ts";

export const maxUploadBytes = 5 * 1024 * 1024;

/** Builds the app in three layers: external plugins → app plugins (session, province, render, errors) → modules. */
export async function buildApp({
  config,
  database,
}: {
  config: Config;
  database: DatabaseHandle;
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.environment === "test"
        ? false
        : {
            level: config.logLevel,
            serializers: {
              // A reset link's token is a password for an hour: never write it to a log.
              req: (request) => ({
                method: request.method,
                url: request.url.replace(/\/password-reset\/[^/?#]+/, "/password-reset/[redacted]"),
                remoteAddress: request.ip,
              }),
            },
          },
    // A hop count is valid at run time; Fastify's overloads only type it on some signatures.
    trustProxy: config.trustProxy as boolean,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate("config", config);
  app.decorate("database", database);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  configureMail({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  wireModules();
  configureFileStore(join(config.dataDir, "files"));

  // External plugins.
  // Helmet's headers, its middleware built once (@fastify/helmet built it again for every request: ~4 % of a
  // floor search's CPU in the web process).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith("https://"),
  });
  app.addHook("onRequest", (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) =>
      done(error === undefined ? undefined : (error as Error)),
    );
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: maxUploadBytes, files: 10, fields: 100 },
  });
  await app.register(fastifyCsrf, {
    cookieOpts: {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      signed: true,
      secure: config.publicUrl.startsWith("https://"),
    },
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === "string") return field;
      if (field && typeof field === "object" && "value" in field) return String(field.value);
      return request.headers["csrf-token"] as string | undefined;
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: new URL("../public", import.meta.url).pathname,
    prefix: "/assets/",
  });
  await app.register(fastifyStatic, {
    root: new URL("../node_modules/@fontsource/be-vietnam-pro/files", import.meta.url).pathname,
    prefix: "/assets/fonts/",
    decorateReply: false,
    maxAge: "365d",
    immutable: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Cổng TMĐT API",
        description: "Public read API of the provincial e-commerce platform. Amounts are integer đồng.",
        version: "1.0.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  // App plugins.
  await app.register(sessionPlugin);
  await app.register(provincePlugin);
  await app.register(renderPlugin);
  await app.register(errorHandlerPlugin);
  app.addHook("preHandler", (request, reply, done) => {
    const isUnsafe = !["GET", "HEAD", "OPTIONS"].includes(request.method);
    if (isUnsafe && !request.url.startsWith("/api/")) return app.csrfProtection(request, reply, done);
    done();
  });

  // Modules.
  await app.register(portalRoutes);
  await app.register(fileRoutes);
  await app.register(identityRoutes);
  await app.register(planRoutes);
  await app.register(enterpriseRoutes);
  await app.register(catalogueRoutes);
  await app.register(offerRoutes);
  await app.register(searchRoutes);
  await app.register(oversightRoutes);
  await app.register(serviceRoutes);
  return app;
}
