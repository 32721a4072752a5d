import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ErrorPage } from "../../views/error-page.tsx";
import { DomainError, ValidationError } from "../errors.ts";

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || (request.headers.accept ?? "").startsWith("application/json");
}

function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  messageKey: string,
  params?: Record<string, string | number>,
  extra?: object,
) {
  if (wantsJson(request)) {
    return reply
      .code(status)
      .send({ statusCode: status, code: messageKey, message: request.t(messageKey, params), ...extra });
  }
  return reply.render(<ErrorPage status={status} messageKey={messageKey} params={params} />, status);
}

/** The one place where errors become pages or JSON. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => respond(request, reply, 404, "error.notFound"));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ValidationError) {
      const issues = error.issues.map((issue) => ({
        ...issue,
        message: request.t(issue.messageKey, issue.params),
      }));
      return respond(request, reply, 422, error.messageKey, error.params, { issues });
    }
    if (error instanceof DomainError) {
      if (error.statusCode === 401 && !wantsJson(request) && request.province) {
        return reply.redirect(
          `/${request.province.slug}/sign-in?next=${encodeURIComponent(request.url)}`,
          303,
        );
      }
      return respond(request, reply, error.statusCode, error.messageKey, error.params);
    }
    if (error.code?.startsWith("FST_CSRF")) return respond(request, reply, 403, "error.csrf");
    if (error.statusCode === 429) return respond(request, reply, 429, "error.tooManyRequests");
    if (error.statusCode === 413) return respond(request, reply, 413, "error.fileTooLarge");
    if (error.validation) {
      return respond(request, reply, 400, "error.badRequest", undefined, { issues: error.validation });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return respond(request, reply, error.statusCode, "error.badRequest");
    }
    request.log.error({ err: error }, "unhandled error");
    return respond(request, reply, 500, "error.internal");
  });
});
