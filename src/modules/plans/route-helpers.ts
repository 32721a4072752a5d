import type { FastifyReply, FastifyRequest } from "fastify";

export type PlanParams = { province: string; plan: string; item: string; objective: string };
export type PlanRequest = FastifyRequest<{ Params: PlanParams }>;

/** A numeric id from the URL; anything else becomes 0, which no row has, so the service answers 404. */
export const idOf = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : 0);

export function planUrl(request: PlanRequest, suffix = ""): string {
  return `/${request.params.province}/plans/${idOf(request.params.plan)}${suffix}`;
}

/** Redirects back to the plan's section after a change, with a confirmation. */
export function backToPlan(request: PlanRequest, reply: FastifyReply, anchor: string) {
  return () =>
    reply.redirectWithFlash(planUrl(request, `#${anchor}`), { kind: "success", messageKey: "plans.saved" });
}
