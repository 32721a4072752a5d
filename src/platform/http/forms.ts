import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { FormState } from "../../views/components.tsx";
import { ValidationError } from "../errors.ts";

const secretFields = new Set(["_csrf", "password", "passwordConfirmation", "currentPassword", "newPassword"]);

/** The submitted values to show again after an error; passwords and the CSRF token are never echoed. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!body || typeof body !== "object") return values;
  for (const [name, value] of Object.entries(body)) {
    if (secretFields.has(name)) continue;
    if (typeof value === "string") values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((item) => typeof item === "string").join(",");
  }
  return values;
}

/**
 * Runs a form action. On success the caller redirects (post/redirect/get); on a ValidationError the form is
 * rendered again with status 422, its values kept and every problem listed. Other errors propagate.
 */
export async function handleForm<Result>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    run: () => Promise<Result>;
    onSuccess: (result: Result) => FastifyReply;
    renderInvalid: (form: FormState) => VNode | Promise<VNode>;
  },
): Promise<FastifyReply> {
  try {
    const result = await options.run();
    return options.onSuccess(result);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reply.render(
      await options.renderInvalid({ values: formValues(request.body), issues: error.issues }),
      422,
    );
  }
}

/** `?page=` as a positive integer, with a limit/offset pair for queries. */
export function pageFromQuery(
  query: unknown,
  pageSize: number,
): { page: number; limit: number; offset: number } {
  const raw = Number((query as { page?: string } | undefined)?.page ?? 1);
  const page = Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
  return { page, limit: pageSize, offset: (page - 1) * pageSize };
}
